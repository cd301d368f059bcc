"""Trainings' screens sit in campaigns' admin menu and forms without campaigns importing trainings."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from wagtail.admin.menu import admin_menu

from access.roles import TRAINERS
from campaigns.viewsets.tracking import ActivityViewSet
from tests.factories import THANH_HOA, staff
from trainings.viewsets import participant_chooser_viewset

pytestmark = pytest.mark.usefixtures("places")


def campaign_work_menu(user) -> list[str]:
    reverse("wagtailadmin_home")  # the admin's URLs load, and with them its registered menus
    request = RequestFactory().get("/admin/")
    request.user = user
    with translation.override("en"):
        group = next(item for item in admin_menu.menu_items_for_request(request) if str(item.label) == "Campaign work")
        items = sorted(group.menu.menu_items_for_request(request), key=lambda item: item.order)  # as rendered
        return [str(item.label) for item in items]


def test_the_campaign_work_menu_gathers_campaigns_and_trainings_screens_in_order(superuser):
    assert campaign_work_menu(superuser) == [
        "Campaigns",
        "Activities",
        "Participants",
        "Clubs",
        "Material distributions",
        "Courses",
        "Trainers",
        "Organisers",
        "Audiences",
        "Topics",
    ]


def test_a_trainer_sees_only_the_screens_of_their_permissions():
    menu = campaign_work_menu(staff(TRAINERS, THANH_HOA))
    assert {"Activities", "Participants", "Courses"} <= set(menu)


def test_a_sign_in_line_chooses_its_participant_with_the_participant_chooser(superuser):
    form_class = ActivityViewSet("activity_check").get_edit_handler().get_form_class()
    line_form = form_class.formsets["attendances"].form
    assert isinstance(line_form.base_fields["participant"].widget, participant_chooser_viewset.widget_class)
