from django.db import models
from django.utils.translation import gettext_lazy as _


class Organiser(models.Model):
    """Who runs the work: the Women's Union at some level, police, border guards, NGOs…"""

    class Kind(models.TextChoices):
        WOMENS_UNION = "womens_union", _("Women's Union")
        POLICE = "police", _("police")
        BORDER_GUARD = "border_guard", _("border guards")
        LABOUR = "labour", _("labour, invalids and social affairs")
        CUSTOMS = "customs", _("customs")
        NGO = "ngo", _("non-governmental organisation")
        GOVERNMENT = "government", _("people's committee or other agency")
        OTHER = "other", _("other")

    class Level(models.TextChoices):
        CENTRAL = "central", _("central")
        PROVINCE = "province", _("province")
        DISTRICT = "district", _("district")
        COMMUNE = "commune", _("commune")

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=80, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, blank=True)
    province = models.ForeignKey(
        "places.Place",
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": "province"},
    )

    class Meta:
        verbose_name = _("organiser")
        verbose_name_plural = _("organisers")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.short_name or self.name
