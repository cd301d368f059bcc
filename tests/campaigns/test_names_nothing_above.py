"""campaigns names nothing of the apps above it: not in its models' links, its migrations,
its admin or its strings (README, *Architecture*).
The apps above show what they keep on campaigns' screens through its admin parts."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.db.migrations.loader import MigrationLoader

from campaigns.models import Activity, Club
from campaigns.viewsets.parts import admin_parts

ABOVE = ("trainings", "reporting", "cms", "guides", "demo", "config")
CAMPAIGNS = Path(apps.get_app_config("campaigns").path)
# An app's name as code or a path names it ("cms.base", "config/formats", '"demo"'); so does
# the word itself where it means nothing else ("trainings", "reporting", "guides"), but not
# the plain word "demo data".
NAMES_AN_APP_ABOVE = re.compile(
    rf"""\b(trainings|reporting|guides)\b|\b({"|".join(ABOVE)})\b(?=[./:'"])|['"]({"|".join(ABOVE)})\b"""
)


def test_no_model_of_campaigns_links_to_an_app_above():
    links = [
        f"{model.__name__}.{field.name} → {field.related_model._meta.label}"
        for model in apps.get_app_config("campaigns").get_models()
        for field in model._meta.get_fields()
        if field.is_relation and not field.auto_created and field.related_model._meta.app_label in ABOVE
    ]
    assert links == []


@pytest.mark.django_db
def test_no_migration_of_campaigns_depends_on_an_app_above():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    named = sorted(
        f"{name} → {app_label}"
        for (label, name), migration in loader.disk_migrations.items()
        if label == "campaigns"
        for app_label, _name in migration.dependencies
        if app_label in ABOVE
    )
    assert named == []
    assert ("campaigns", "0001_initial_squashed") in loader.disk_migrations


def test_no_file_of_campaigns_names_an_app_above():
    files = [path for path in CAMPAIGNS.rglob("*") if path.suffix in {".py", ".html", ".js", ".txt"}]
    assert len(files) > 40
    named = [
        f"{path.relative_to(CAMPAIGNS)}: {match.group(0)}"
        for path in files
        for match in NAMES_AN_APP_ABOVE.finditer(path.read_text(encoding="utf-8"))
    ]
    assert named == []


def test_trainings_shows_its_course_trainers_sign_in_list_and_members_on_campaigns_screens():
    assert [type(part).__name__ for part in admin_parts(Activity)] == ["CourseAndTrainers", "SignInList"]
    assert [type(part).__name__ for part in admin_parts(Club)] == ["ClubMembers"]
