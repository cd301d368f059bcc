from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy

from campaigns.models import Place
from campaigns.viewsets.choosers import place_chooser_viewset
from campaigns.viewsets.places import ReadOnlyPermissionPolicy, place_viewset
from campaigns.viewsets.reports import TargetsReportViewSet, TotalsReportViewSet
from campaigns.viewsets.tracking import (
    ActivityViewSet,
    AudienceViewSet,
    CampaignViewSet,
    ClubViewSet,
    DistributionViewSet,
    OrganiserViewSet,
    StaffScopeViewSet,
    TopicViewSet,
)
from trainings.services import ATTENDANCE_LOGGED, attendance_log_message
from trainings.viewsets import (
    CourseViewSet,
    ParticipantViewSet,
    TrainerViewSet,
    participant_chooser_viewset,
)

register_permission_policy(Place, ReadOnlyPermissionPolicy(Place))


class TrackingGroup(ViewSetGroup):
    menu_label = _("Campaign work")
    menu_icon = "date"
    menu_order = 150
    items = (
        ActivityViewSet,
        ParticipantViewSet,
        ClubViewSet,
        DistributionViewSet,
        CampaignViewSet,
        CourseViewSet,
        TrainerViewSet,
        OrganiserViewSet,
        AudienceViewSet,
        TopicViewSet,
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [
        TrackingGroup(),
        StaffScopeViewSet(),
        place_viewset,
        place_chooser_viewset,
        participant_chooser_viewset,
        TotalsReportViewSet(),
        TargetsReportViewSet(),
    ]


@hooks.register("register_log_actions")
def register_log_actions(actions):
    @actions.register_action(ATTENDANCE_LOGGED)
    class SignInListRecorded(LogFormatter):
        label = _("Sign-in list recorded")

        def format_message(self, log_entry):
            return attendance_log_message(log_entry.data)


@hooks.register("insert_global_admin_js")
def admin_widgets_without_inline_scripts():
    return format_html('<script src="{}" defer></script>', static("campaigns/admin-widgets.js"))
