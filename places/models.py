from django.db import models
from django.db.models import F, IntegerField, Q
from django.db.models.functions import Coalesce
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from core.text import PREFIX_KINDS, split_prefix, without_diacritics

# "Tỉnh Thanh Hóa" is "Thanh Hoa Province" in English documents of the Government and the UN.
ENGLISH_UNITS = {
    "thanh_pho_tw": "City",
    "tinh": "Province",
    "quan": "District",
    "huyen": "District",
    "thi_xa": "Town",
    "thanh_pho": "City",
    "xa": "Commune",
    "phuong": "Ward",
    "thi_tran": "Township",
    "dac_khu": "Special Zone",
}


def english_place_name(name: str) -> str:
    """ "Tỉnh Thanh Hóa" → "Thanh Hoa Province": the name without diacritics, its unit after it."""
    prefix, rest = split_prefix(name)
    unit = ENGLISH_UNITS.get(PREFIX_KINDS[prefix][0], "") if prefix else ""
    return f"{without_diacritics(rest)} {unit}".strip()


def today_province(path: str = "province", attribute: str = ""):
    """The province at `path` as today's province (its id, or `attribute` of it): the current
    one that took it over, or itself. Records keep the province of their time; this is the
    one expression for showing them by today's provinces."""
    if not attribute:
        return Coalesce(F(f"{path}__successor"), F(path), output_field=IntegerField())
    return Coalesce(F(f"{path}__successor__{attribute}"), F(f"{path}__{attribute}"))


class PlaceQuerySet(models.QuerySet):
    """The one statement of which places lie where, and the old units that became part of them.

    A current province includes the old provinces it took over in July 2025 (their
    `successor`): every "in this province" and "in your provinces" is read from here."""

    def current_provinces(self):
        return self.filter(level="province", is_current=True)

    def provinces_absorbed_into(self, provinces):
        """The given provinces (places or ids) and the old provinces that each took over."""
        ids = [getattr(province, "pk", province) for province in provinces]
        return self.filter(Q(pk__in=ids) | Q(successor__in=ids), level="province")

    def in_province(self, *provinces):
        """Places lying in the given provinces, today's units and those the provinces absorbed."""
        absorbed = type(self)(self.model, using=self._db).provinces_absorbed_into(provinces)
        return self.filter(province__in=absorbed.values("pk"))


class Place(models.Model):
    """An administrative unit of Vietnam: a province, a district or a commune.

    Two systems live side by side. Units *in force since 1 July 2025* (34 provinces, their
    communes, no districts) are marked current. Units *before 1 July 2025* (63 provinces,
    their districts and communes) stay, because older records name them; each points to
    the current unit that took it over (`successor`), so totals can be shown by today's
    provinces or by the units as they were.
    """

    class Level(models.TextChoices):
        PROVINCE = "province", _("province")
        DISTRICT = "district", _("district")
        COMMUNE = "commune", _("commune")

    class Kind(models.TextChoices):
        # The official division types; the name prefix follows from them.
        CITY = "thanh_pho_tw", pgettext_lazy("place type", "centrally-run city")
        PROVINCE = "tinh", pgettext_lazy("place type", "province")
        URBAN_DISTRICT = "quan", pgettext_lazy("place type", "urban district")
        DISTRICT = "huyen", pgettext_lazy("place type", "rural district")
        TOWN = "thi_xa", pgettext_lazy("place type", "town")
        PROVINCIAL_CITY = "thanh_pho", pgettext_lazy("place type", "provincial city")
        COMMUNE = "xa", pgettext_lazy("place type", "commune")
        WARD = "phuong", pgettext_lazy("place type", "ward")
        TOWNSHIP = "thi_tran", pgettext_lazy("place type", "township")
        SPECIAL_ZONE = "dac_khu", pgettext_lazy("place type", "special zone")

    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    kind = models.CharField(_("type"), max_length=15, choices=Kind.choices)
    code = models.CharField(
        _("official code"),
        max_length=5,
        help_text=_("The General Statistics Office code: 2 digits for a province, 3 for a district, 5 for a commune."),
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("Official name with its prefix, e.g. “Xã Na Mèo”."))
    short_name = models.CharField(
        _("short name"), max_length=100, help_text=_("The name without its prefix, e.g. “Na Mèo”.")
    )
    search_key = models.CharField(
        _("search key"),
        max_length=100,
        db_index=True,
        editable=False,
        help_text=_("The short name in lower case without diacritics, used to look places up."),
    )
    is_current = models.BooleanField(
        _("in force"),
        default=True,
        help_text=_("In force since 1 July 2025; otherwise a unit of the system before that date."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # Denormalised for grouping without joins up the tree; a province points at itself.
    province = models.ForeignKey(
        "self",
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    district = models.ForeignKey(
        "self",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": "district"},
    )
    successor = models.ForeignKey(
        "self",
        verbose_name=_("taken over by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
        help_text=_("For a unit before July 2025: the current unit that took it over."),
    )

    objects = PlaceQuerySet.as_manager()

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["-is_current", "code"]
        constraints = [
            models.UniqueConstraint(fields=["is_current", "level", "code"], name="place_unique_code_per_system"),
        ]
        # Lookups filter by level and then by code or search key; SQLite, which keeps no
        # statistics unless told to, otherwise picks (level, is_current) and reads every commune.
        indexes = [
            models.Index(fields=["level", "is_current"]),
            models.Index(fields=["level", "code"], name="place_level_code"),
            models.Index(fields=["level", "search_key"], name="place_level_search_key"),
        ]

    def __str__(self) -> str:
        if self.level == self.Level.PROVINCE or self.province_id is None:
            return self.name
        return f"{self.name}, {self.province.short_name}"

    @property
    def english_name(self) -> str:
        """The usual English form: the short name without diacritics and the unit after it."""
        unit = ENGLISH_UNITS.get(self.kind, "")
        return f"{without_diacritics(self.short_name)} {unit}".strip()

    @property
    def local_name(self) -> str:
        """The official name in Vietnamese, its English form for a reader in English."""
        return self.english_name if (get_language() or "").startswith("en") else self.name

    @property
    def era_label(self) -> str:
        return _("since 1/7/2025") if self.is_current else _("before 1/7/2025")

    def grouping_ids(self) -> tuple[int | None, int | None]:
        """(province id, district id) of a record placed here: what totals group by."""
        district_id = self.pk if self.level == self.Level.DISTRICT else self.district_id
        return self.province_id, district_id
