"""Who takes part and what they learn: courses, trainers, participants and sign-in lists,
and which course and trainers an activity had and who belongs to a club.

Participants may include trafficking victims: their names and phones never leave the
admin of their province, never appear in logs or public pages (README, *Privacy and access*).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.search import index

from access.models import ProvinceScopedQuerySet

KINH = "Kinh"


class Course(index.Indexed, models.Model):
    """A curriculum: e.g. reception and support of returned victims; safe migration; life skills."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    description = models.TextField(_("description"), blank=True)
    materials = models.ManyToManyField(
        "wagtaildocs.Document", verbose_name=_("materials in the library"), blank=True, related_name="+"
    )

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Trainer(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=120)
    organiser = models.ForeignKey(
        "campaigns.Organiser", verbose_name=_("organiser"), null=True, blank=True, on_delete=models.PROTECT
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="trainer",
    )
    phone = models.CharField(_("phone"), max_length=20, blank=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("trainer")
        verbose_name_plural = _("trainers")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ParticipantQuerySet(ProvinceScopedQuerySet):
    def with_related(self):
        return self.select_related("commune__province", "audience")


class Participant(index.Indexed, models.Model):
    """A person on a sign-in list. The same person at three sessions is one participant."""

    class Gender(models.TextChoices):
        FEMALE = "female", _("female")
        MALE = "male", _("male")
        OTHER = "other", _("other or not given")

    full_name = models.CharField(_("full name"), max_length=120)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, default=Gender.FEMALE)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    ethnicity = models.CharField(_("ethnicity"), max_length=40, blank=True, help_text=_("e.g. Kinh, Thái, Mường, Mông"))
    commune = models.ForeignKey(
        "places.Place", verbose_name=_("commune"), on_delete=models.PROTECT, related_name="participants"
    )
    province = models.ForeignKey(
        "places.Place", verbose_name=_("province"), on_delete=models.PROTECT, related_name="+", editable=False
    )
    audience = models.ForeignKey(
        "campaigns.Audience", verbose_name=_("audience"), null=True, blank=True, on_delete=models.PROTECT
    )
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # What the phone's incremental sync asks for (trainings/phone_sync.py): rows changed since.
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    objects = ParticipantQuerySet.as_manager()

    search_fields = [index.SearchField("full_name"), index.AutocompleteField("full_name")]

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        permissions = [
            ("import_participant", _("Can import participants from a file")),
            ("export_participant", _("Can export participants to a file")),
        ]
        ordering = ["full_name", "id"]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs) -> None:
        if self.commune_id:
            self.province_id = self.commune.province_id
        moved_from = getattr(self, "_stored_province_id", None)
        super().save(*args, **kwargs)
        if moved_from and moved_from != self.province_id:
            # Gone from the phones of her old province: they learn it as they learn a deletion.
            PhoneRemoval.objects.create(participant_id=self.pk, province_id=moved_from)
        self._stored_province_id = self.province_id

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._stored_province_id = instance.__dict__.get("province_id")
        return instance

    @property
    def is_ethnic_minority(self) -> bool:
        return bool(self.ethnicity) and self.ethnicity.strip().lower() != KINH.lower()

    def clean(self) -> None:
        super().clean()
        if self.birth_year and not 1900 <= self.birth_year <= timezone.localdate().year:
            raise ValidationError({"birth_year": _("Not a plausible year of birth.")})


class ActivityLineQuerySet(ProvinceScopedQuerySet):
    """Lines of activities (a sign-in line, a course or a trainer there), scoped by the activity's province."""

    province_field = "activity__province"


class Attendance(models.Model):
    """One line of a sign-in list: a participant at an activity, present or absent."""

    activity = ParentalKey("campaigns.Activity", on_delete=models.CASCADE, related_name="attendances")
    participant = models.ForeignKey(
        Participant, verbose_name=_("participant"), on_delete=models.PROTECT, related_name="attendances"
    )
    present = models.BooleanField(_("present"), default=True)

    objects = ActivityLineQuerySet.as_manager()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(fields=["activity", "participant"], name="attendance_once_per_activity"),
        ]

    def __str__(self) -> str:
        return f"{self.participant} @ {self.activity}"


# trainings' links to campaigns' records. campaigns (the layer below) names nothing of
# trainings: which course an activity taught, who trained at it and who belongs to a club
# are kept here, and shown on campaigns' screens through its admin parts (trainings/admin_parts.py).


class ActivityCourse(models.Model):
    """The course an activity taught: at most one. A line of the activity, written with it
    (campaigns.services), gone with it or with the course."""

    activity = ParentalKey("campaigns.Activity", on_delete=models.CASCADE, related_name="course_links")
    course = models.ForeignKey(Course, verbose_name=_("course"), on_delete=models.CASCADE, related_name="taught_at")

    objects = ActivityLineQuerySet.as_manager()

    class Meta:
        verbose_name = _("course taught")
        verbose_name_plural = _("courses taught")
        constraints = [models.UniqueConstraint(fields=["activity"], name="one_course_per_activity")]

    def __str__(self) -> str:
        return f"{self.course} @ {self.activity}"


class ActivityTrainer(models.Model):
    """A trainer at an activity: a line of the activity, written with it (campaigns.services)."""

    activity = ParentalKey("campaigns.Activity", on_delete=models.CASCADE, related_name="trainer_links")
    trainer = models.ForeignKey(Trainer, verbose_name=_("trainer"), on_delete=models.CASCADE, related_name="trained_at")

    objects = ActivityLineQuerySet.as_manager()

    class Meta:
        verbose_name = _("trainer at an activity")
        verbose_name_plural = _("trainers at activities")
        constraints = [models.UniqueConstraint(fields=["activity", "trainer"], name="trainer_once_per_activity")]

    def __str__(self) -> str:
        return f"{self.trainer} @ {self.activity}"


class ClubMemberQuerySet(ProvinceScopedQuerySet):
    province_field = "club__province"

    def current(self):
        """Members today: those who have not left."""
        return self.filter(left_on__isnull=True)

    def on(self, day):
        """Members on `day`: joined by then (or since before the list was dated), not yet left."""
        return self.filter(
            models.Q(joined_on__isnull=True) | models.Q(joined_on__lte=day),
            models.Q(left_on__isnull=True) | models.Q(left_on__gt=day),
        )


class ClubMember(models.Model):
    """A participant on a club's member list, from the day they joined to the day they left.
    A club with a list counts its members from it, on the last day of the period asked: a
    member who joins or leaves today changes no figure of a period already over."""

    club = models.ForeignKey(
        "campaigns.Club", verbose_name=_("club"), on_delete=models.CASCADE, related_name="member_links"
    )
    participant = models.ForeignKey(
        Participant, verbose_name=_("participant"), on_delete=models.CASCADE, related_name="club_links"
    )
    # Empty for the members listed before the list kept dates: members since the club began.
    joined_on = models.DateField(_("member since"), null=True, blank=True, default=timezone.localdate)
    left_on = models.DateField(_("left on"), null=True, blank=True)

    objects = ClubMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("club member")
        verbose_name_plural = _("club members")
        constraints = [
            models.UniqueConstraint(
                fields=["club", "participant"], condition=models.Q(left_on__isnull=True), name="member_once_at_a_time"
            )
        ]

    def __str__(self) -> str:
        return f"{self.participant} @ {self.club}"


class PhoneRemoval(models.Model):
    """A person who left the phones of a province (deleted, or moved to another province):
    the phone's incremental sync tells the phones that kept her to forget her."""

    participant_id = models.PositiveIntegerField(_("participant"))
    province_id = models.PositiveIntegerField(_("province"), null=True)
    removed_at = models.DateTimeField(_("removed"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("person removed from phones")
        verbose_name_plural = _("people removed from phones")

    def __str__(self) -> str:
        return f"{self.participant_id} @ {self.removed_at:%Y-%m-%d %H:%M}"


class SignInGeneration(models.Model):
    """How many times a user's sessions have been ended everywhere. A session keeps the
    number it was signed in under and is signed out once the number has moved on
    (trainings/phone_sessions.py), so ending every session of a user is one update."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    number = models.PositiveIntegerField(_("generation"), default=0)

    class Meta:
        verbose_name = _("sign-in generation")
        verbose_name_plural = _("sign-in generations")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.number}"
