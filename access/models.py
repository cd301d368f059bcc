"""Who may see what: a staff member sees the provinces assigned to them (README, *Privacy and access*).

Every list, form, export, report and API narrows its records with `for_user(user)`.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from places.models import Place

NATIONAL_GROUP = "Quản trị toàn quốc"


class StaffScope(models.Model):
    """The provinces a staff member works in. National staff see every province."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="campaign_scope"
    )
    provinces = models.ManyToManyField(
        "places.Place",
        verbose_name=_("provinces"),
        blank=True,
        related_name="+",
        limit_choices_to={"level": "province", "is_current": True},
        help_text=_("Current provinces; records of the old provinces they took over are included."),
    )

    class Meta:
        verbose_name = _("staff scope")
        verbose_name_plural = _("staff scopes")

    def __str__(self) -> str:
        return str(self.user)

    def province_names(self) -> str:
        return ", ".join(province.short_name for province in self.provinces.all())


def sees_everything(user) -> bool:
    return user.is_active and (user.is_superuser or user.groups.filter(name=NATIONAL_GROUP).exists())


def province_ids_for(user) -> set[int] | None:
    """The ids of the provinces whose records `user` may see; None means all of them.

    Assigned current provinces count together with the old provinces they took over, so
    records from before July 2025 stay visible to the same people. Cached on the user.
    """
    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_campaign_province_ids"):
        if sees_everything(user):
            ids = None
        else:
            through = StaffScope.provinces.through.objects
            assigned = set(through.filter(staffscope__user=user).values_list("place_id", flat=True))
            ids = set(Place.objects.provinces_absorbed_into(assigned).values_list("id", flat=True))
        user._campaign_province_ids = ids
    return user._campaign_province_ids


def places_visible_to(user, places: models.QuerySet | None = None) -> models.QuerySet:
    """The places (of `places`, else all) whose records `user` may see and use: everything
    for national staff, the places of their provinces (then and now) for provincial staff,
    none otherwise."""
    if places is None:
        places = Place.objects.all()
    ids = province_ids_for(user)
    return places if ids is None else places.filter(province__in=ids)


class ProvinceScopedQuerySet(models.QuerySet):
    """A queryset that knows which field holds a record's province."""

    province_field = "province"

    def for_user(self, user):
        ids = province_ids_for(user)
        if ids is None:
            return self.all()
        return self.filter(**{f"{self.province_field}__in": ids})

    def in_province(self, province):
        """Records of a current province, with those of the old provinces it took over."""
        absorbed = Place.objects.provinces_absorbed_into([province]).values("pk")
        return self.filter(**{f"{self.province_field}__in": absorbed})


def without_other_provinces(log_entries: models.QuerySet, user) -> models.QuerySet:
    """Log entries (Wagtail's ModelLogEntry) less those of records in provinces that `user`
    may not see. A log entry names its record (an activity's title, a participant's name),
    so a history that lists them must be scoped like the records themselves."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import CharField, Q
    from django.db.models.functions import Cast

    if province_ids_for(user) is None or "object_id" not in {f.name for f in log_entries.model._meta.fields}:
        return log_entries
    hidden = Q()
    for model in apps.get_models():
        records = model._default_manager.all()
        if isinstance(records, ProvinceScopedQuerySet):
            visible = records.for_user(user).annotate(key=Cast("pk", CharField())).values("key")
            hidden |= Q(content_type=ContentType.objects.get_for_model(model)) & ~Q(object_id__in=visible)
    return log_entries.exclude(hidden) if hidden else log_entries
