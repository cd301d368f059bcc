"""Abstract models the apps share (core has no tables of its own)."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class TranslatedName(models.Model):
    """A Vietnamese `name` and its English one, shown in the reader's language (the name when none)."""

    name_en = models.CharField(
        _("English name"), max_length=120, blank=True, help_text=_("Shown on the English site and admin.")
    )

    class Meta:
        abstract = True

    def __str__(self) -> str:
        if self.name_en and (get_language() or "").startswith("en"):
            return self.name_en
        return self.name
