"""The roles come out of `migrate` with exactly their permissions, each app contributing its own
models' (access.roles.register_role_permissions), and access names no model of the apps above it."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from access import roles
from campaigns.photos import GROUP_PREFIX as PHOTO_GROUP_PREFIX

PROJECT = Path(__file__).resolve().parents[2]

# Each group's permissions after migrate, as they were when access/roles.py held every app's list
# (with reporting's report templates, which reporting gave the roles from its ready()).
EXPECTED = {
    "Editors": [
        "simple_translation.submit_translation",
        "wagtailadmin.access_admin",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "wagtaildocs.delete_document",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtailimages.delete_image",
    ],
    "Moderators": [
        "wagtailadmin.access_admin",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "wagtaildocs.delete_document",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtailimages.delete_image",
    ],
    "Quản lý": [
        "campaigns.add_activity",
        "campaigns.add_club",
        "campaigns.add_materialdistribution",
        "campaigns.add_plandocument",
        "campaigns.add_target",
        "campaigns.change_activity",
        "campaigns.change_campaign",
        "campaigns.change_club",
        "campaigns.change_materialdistribution",
        "campaigns.change_plandocument",
        "campaigns.change_target",
        "campaigns.delete_activity",
        "campaigns.delete_club",
        "campaigns.delete_materialdistribution",
        "campaigns.delete_plandocument",
        "campaigns.delete_target",
        "campaigns.export_activity",
        "campaigns.export_campaign",
        "campaigns.export_club",
        "campaigns.export_target",
        "campaigns.import_activity",
        "campaigns.import_club",
        "campaigns.import_target",
        "campaigns.view_activity",
        "campaigns.view_audience",
        "campaigns.view_campaign",
        "campaigns.view_club",
        "campaigns.view_materialdistribution",
        "campaigns.view_organiser",
        "campaigns.view_plandocument",
        "campaigns.view_target",
        "campaigns.view_topic",
        "places.view_place",
        "reporting.add_reporttemplate",
        "reporting.add_savedreport",
        "reporting.approve_reportingperiod",
        "reporting.change_reporttemplate",
        "reporting.change_savedreport",
        "reporting.delete_reporttemplate",
        "reporting.delete_savedreport",
        "reporting.submit_reportingperiod",
        "reporting.view_reportingperiod",
        "reporting.view_reporttemplate",
        "reporting.view_savedreport",
        "trainings.add_attendance",
        "trainings.add_participant",
        "trainings.change_attendance",
        "trainings.change_participant",
        "trainings.delete_attendance",
        "trainings.delete_participant",
        "trainings.export_participant",
        "trainings.import_participant",
        "trainings.view_attendance",
        "trainings.view_course",
        "trainings.view_participant",
        "trainings.view_trainer",
        "wagtailadmin.access_admin",
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
    ],
    "Quản trị toàn quốc": [
        "access.add_staffscope",
        "access.change_staffscope",
        "access.delete_staffscope",
        "access.view_staffscope",
        "campaigns.add_activity",
        "campaigns.add_audience",
        "campaigns.add_campaign",
        "campaigns.add_club",
        "campaigns.add_materialdistribution",
        "campaigns.add_organiser",
        "campaigns.add_plandocument",
        "campaigns.add_target",
        "campaigns.add_topic",
        "campaigns.change_activity",
        "campaigns.change_audience",
        "campaigns.change_campaign",
        "campaigns.change_club",
        "campaigns.change_materialdistribution",
        "campaigns.change_organiser",
        "campaigns.change_plandocument",
        "campaigns.change_target",
        "campaigns.change_topic",
        "campaigns.delete_activity",
        "campaigns.delete_audience",
        "campaigns.delete_campaign",
        "campaigns.delete_club",
        "campaigns.delete_materialdistribution",
        "campaigns.delete_organiser",
        "campaigns.delete_plandocument",
        "campaigns.delete_target",
        "campaigns.delete_topic",
        "campaigns.export_activity",
        "campaigns.export_campaign",
        "campaigns.export_club",
        "campaigns.export_target",
        "campaigns.import_activity",
        "campaigns.import_campaign",
        "campaigns.import_club",
        "campaigns.import_target",
        "campaigns.view_activity",
        "campaigns.view_audience",
        "campaigns.view_campaign",
        "campaigns.view_club",
        "campaigns.view_materialdistribution",
        "campaigns.view_organiser",
        "campaigns.view_plandocument",
        "campaigns.view_target",
        "campaigns.view_topic",
        "places.view_place",
        "reporting.accept_reportingperiod",
        "reporting.add_reporttemplate",
        "reporting.add_savedreport",
        "reporting.approve_reportingperiod",
        "reporting.change_reporttemplate",
        "reporting.change_savedreport",
        "reporting.delete_reporttemplate",
        "reporting.delete_savedreport",
        "reporting.reopen_reportingperiod",
        "reporting.submit_reportingperiod",
        "reporting.view_reportingperiod",
        "reporting.view_reporttemplate",
        "reporting.view_savedreport",
        "simple_translation.submit_translation",
        "trainings.add_attendance",
        "trainings.add_course",
        "trainings.add_participant",
        "trainings.add_trainer",
        "trainings.change_attendance",
        "trainings.change_course",
        "trainings.change_participant",
        "trainings.change_trainer",
        "trainings.delete_attendance",
        "trainings.delete_course",
        "trainings.delete_participant",
        "trainings.delete_trainer",
        "trainings.export_participant",
        "trainings.import_participant",
        "trainings.view_attendance",
        "trainings.view_course",
        "trainings.view_participant",
        "trainings.view_trainer",
        "wagtailadmin.access_admin",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
    ],
    "Tập huấn viên": [
        "campaigns.add_activity",
        "campaigns.add_materialdistribution",
        "campaigns.change_activity",
        "campaigns.change_materialdistribution",
        "campaigns.export_activity",
        "campaigns.export_club",
        "campaigns.import_activity",
        "campaigns.view_activity",
        "campaigns.view_audience",
        "campaigns.view_campaign",
        "campaigns.view_club",
        "campaigns.view_materialdistribution",
        "campaigns.view_organiser",
        "campaigns.view_plandocument",
        "campaigns.view_target",
        "campaigns.view_topic",
        "places.view_place",
        "trainings.add_attendance",
        "trainings.add_participant",
        "trainings.change_attendance",
        "trainings.change_participant",
        "trainings.delete_attendance",
        "trainings.delete_participant",
        "trainings.import_participant",
        "trainings.view_attendance",
        "trainings.view_course",
        "trainings.view_participant",
        "trainings.view_trainer",
        "wagtailadmin.access_admin",
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
    ],
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_migrate_gives_each_group_exactly_its_permissions(name):
    group = Group.objects.get(name=name)
    found = sorted(f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type"))
    assert found == EXPECTED[name]


@pytest.mark.django_db
def test_running_the_roles_again_changes_no_group():
    roles.ensure_roles()
    held = {g.name: g.permissions.count() for g in Group.objects.all()}
    # The provinces' photo groups hold grants on their collections only, never a model permission.
    photo_groups = {name: count for name, count in held.items() if name.startswith(PHOTO_GROUP_PREFIX)}
    assert set(photo_groups.values()) <= {0}
    roles_held = {name: count for name, count in held.items() if name not in photo_groups}
    assert roles_held == {k: len(v) for k, v in EXPECTED.items()}


def test_an_unknown_role_is_refused():
    with pytest.raises(LookupError):
        roles.register_role_permissions("Khách", [("campaigns", "view_activity")])


def test_access_names_no_app_above_it():
    text = (PROJECT / "access" / "roles.py").read_text()
    assert re.findall(r"\b(campaigns|trainings|reporting|cms|guides|demo)\b", text) == []


def test_a_site_without_simple_translation_has_roles_without_its_permission(monkeypatch):
    from django.apps import apps

    from access.roles import role_permissions

    assert ("simple_translation", "submit_translation") in role_permissions()["Editors"]
    installed = apps.is_installed
    monkeypatch.setattr(
        apps, "is_installed", lambda name: name != "wagtail.contrib.simple_translation" and installed(name)
    )
    every = [perm for perms in role_permissions().values() for perm in perms]
    assert every and not [perm for perm in every if perm[0] == "simple_translation"]
