from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from core.models import TranslatedName


@register_snippet
class Language(TranslatedName):
    """A language a leaflet is printed in: Vietnamese, and ethnic-minority languages (Thái, H'Mông, Khmer…)."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=80, unique=True)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["name"]
