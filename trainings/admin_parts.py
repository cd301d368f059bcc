"""What trainings adds to campaigns' admin screens (campaigns.viewsets.parts): an activity's
course, trainers and sign-in list, a club's member list.

The course and the trainers are lines of the activity (ActivityCourse, ActivityTrainer): when
the form changes them they are put into its cluster before it is written, and stored with it
by campaigns.services, in bulk, under the same version move and audit entry as the sign-in list. A club's member list is
written after the club itself, in the same transaction, keeping the members the user cannot
see (people of another province, added by national staff).
"""

from __future__ import annotations

from django import forms
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.admin.ui.tables import Column

from campaigns.models import Activity, Club
from campaigns.viewsets.parts import AdminPart
from trainings import members
from trainings.models import ActivityCourse, ActivityTrainer, ClubMember, Course, Participant, Trainer


class SignInList(AdminPart):
    """An activity's sign-in list, an inline panel after its counts."""

    model = Activity
    slot = "lines"

    def panels(self) -> list:
        return [
            InlinePanel(
                "attendances",
                # The participant chooser (trainings.viewsets) is the registered widget for a participant.
                panels=[FieldPanel("participant"), FieldPanel("present")],
                heading=_("Sign-in list"),
                label=_("attendee"),
            )
        ]


class CourseAndTrainers(AdminPart):
    """The course an activity taught and who trained at it."""

    model = Activity

    def panels(self) -> list:
        return [FieldPanel("course"), FieldPanel("trainers")]

    def form_fields(self) -> dict[str, forms.Field]:
        return {
            "course": forms.ModelChoiceField(queryset=Course.objects.all(), label=_("course"), required=False),
            "trainers": forms.ModelMultipleChoiceField(
                queryset=Trainer.objects.all(), label=_("trainers"), required=False
            ),
        }

    def initial(self, instance) -> dict:
        return {
            "course": next((link.course_id for link in instance.course_links.all()), None),
            "trainers": [link.trainer_id for link in instance.trainer_links.all()],
        }

    def put(self, form, instance) -> None:
        # Only what changed goes into the cluster: an unchanged list costs the save nothing.
        changed = form.changed_data
        if "course" in changed:
            course = form.cleaned_data.get("course")
            instance.course_links = [ActivityCourse(course=course)] if course is not None else []
        if "trainers" in changed:
            instance.trainer_links = [
                ActivityTrainer(trainer=trainer) for trainer in form.cleaned_data.get("trainers") or []
            ]


class ClubMembers(AdminPart):
    """A club's member list, and how many it holds in the clubs' list."""

    model = Club

    def panels(self) -> list:
        return [FieldPanel("members")]

    def form_fields(self) -> dict[str, forms.Field]:
        # Narrowed to the user's provinces by the form (access.viewsets.scope_form).
        return {
            "members": forms.ModelMultipleChoiceField(
                queryset=Participant.objects.all(), label=_("member list"), required=False
            )
        }

    def initial(self, instance) -> dict:
        return {"members": list(instance.member_links.current().values_list("participant_id", flat=True))}

    def clean(self, form, instance) -> None:
        joining, leaving = self._changes(form, instance)
        members.check(instance, joining, leaving)

    def saved(self, form, instance) -> None:
        joining, leaving = self._changes(form, instance)
        members.apply(instance, joining, leaving)

    def _changes(self, form, instance) -> tuple[set[int], set[int]]:
        """(who joins, who leaves) as the form asks; members the user could not see stay."""
        if "members" not in form.changed_data or "members" not in form.cleaned_data:
            return set(), set()
        shown = form.fields["members"].queryset
        live = set(instance.member_links.current().values_list("participant_id", flat=True)) if instance.pk else set()
        unseen = live - set(shown.filter(pk__in=live).values_list("pk", flat=True))
        wanted = {person.pk for person in form.cleaned_data["members"] or []} | unseen
        return wanted - live, live - wanted

    def columns(self) -> list:
        return [Column("listed_members", label=_("member list"))]

    def list_queryset(self, queryset):
        listed = (
            ClubMember.objects.current()
            .filter(club=OuterRef("pk"))
            .order_by()
            .values("club")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return queryset.annotate(listed_members=Coalesce(Subquery(listed), 0))


def parts() -> list[AdminPart]:
    return [CourseAndTrainers(), SignInList(), ClubMembers()]
