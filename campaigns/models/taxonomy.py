from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import TranslatedName


class Audience(TranslatedName):
    """A target group (đối tượng): grassroots officials, industrial-zone workers, returned victims…"""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120, unique=True)
    is_sensitive = models.BooleanField(
        _("sensitive"),
        default=False,
        help_text=_("Public outputs hide small counts of this group (e.g. returned victims)."),
    )

    class Meta:
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        ordering = ["name"]


class Topic(TranslatedName):
    """What a session or a material is about: trafficking tricks, safe migration, victim support, law…"""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120, unique=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
