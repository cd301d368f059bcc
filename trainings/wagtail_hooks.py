from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import LogFormatter

from campaigns.viewsets.buttons import ACTIVITY_BUTTONS_HOOK
from campaigns.viewsets.parts import ADMIN_PARTS_HOOK
from campaigns.wagtail_hooks import CAMPAIGN_WORK_MENU_HOOK
from trainings.admin_parts import parts
from trainings.phone_sessions import SESSIONS_ENDED, end_sessions_view
from trainings.services import ATTENDANCE_LOGGED, attendance_log_message
from trainings.sign_in import sign_in_buttons
from trainings.viewsets import (
    CourseViewSet,
    ParticipantViewSet,
    TrainerViewSet,
    participant_chooser_viewset,
)


@hooks.register("register_admin_viewset")
def register_viewsets():
    # In the "Campaign work" menu (campaigns.wagtail_hooks), placed by their menu_order.
    viewsets = [ParticipantViewSet(), CourseViewSet(), TrainerViewSet()]
    for viewset in viewsets:
        viewset.menu_hook = CAMPAIGN_WORK_MENU_HOOK
    return [*viewsets, participant_chooser_viewset]


@hooks.register("register_log_actions")
def register_log_actions(actions):
    @actions.register_action(ATTENDANCE_LOGGED)
    class SignInListRecorded(LogFormatter):
        label = _("Sign-in list recorded")

        def format_message(self, log_entry):
            return attendance_log_message(log_entry.data)

    actions.register_action(SESSIONS_ENDED, _("Sessions ended"), _("Signed out on every device"))


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("sessions/<int:pk>/end/", end_sessions_view, name="trainings_end_sessions")]


@hooks.register("register_user_listing_buttons")
def end_sessions_button(user, request_user):
    """A lost or handed-on phone: an administrator signs its user out everywhere."""
    if request_user.has_perm("auth.change_user"):
        yield Button(_("End sessions"), reverse("trainings_end_sessions", args=[user.pk]), priority=60)


@hooks.register("insert_global_admin_js")
def sign_out_clears_the_phone_forms_data():
    """The admin's "Log out" also deletes the names the phone form keeps offline (queue.js)."""
    return format_html('<script src="{}" defer></script>', static("trainings/queue.js"))


# The sign-in sheet and the filled list in each activity's menus (campaigns.viewsets.buttons).
hooks.register(ACTIVITY_BUTTONS_HOOK, sign_in_buttons)

# An activity's course, trainers and sign-in list, a club's members, on campaigns' screens.
hooks.register(ADMIN_PARTS_HOOK, parts)
