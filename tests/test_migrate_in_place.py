"""A database made by today's main migrates in place with the new code: every table keeps
its rows, the totals stay the same, every content type keeps its id and every group and user
keeps its permissions.

Models leave `campaigns` for apps of their own (MOVED below) with their tables; their
content types, and so the permissions that point at them, follow them to the new app label.
A content type left behind under the old label would point at a model that no longer exists.

Today's main is the commit before the split, taken from git. Its commands and the new code's
run as an administrator runs them, each in a separate process, against a scratch database of
the test run's engine: an SQLite file, or a PostgreSQL database of its own (`<name>_inplace`),
never the test database. Without git or that commit the tests are skipped, unless
E2E_REQUIRED=1 (CI) makes that a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import environ
import psycopg
import pytest
from psycopg import sql

# No database fixture: the commands run in subprocesses, on a scratch database of the run's engine.
pytestmark = [
    pytest.mark.every_engine("migrates a scratch database of the run's engine"),
    pytest.mark.slow("two trees migrated from zero in subprocesses"),
]

PROJECT = Path(__file__).resolve().parent.parent
# Today's main: the last commit before models left `campaigns`.
MAIN_BEFORE_THE_SPLIT = "d277898cd92d2da856687141bcd87d108db9dffc"

# Where each model leaving `campaigns` goes, as content types name it. A model not moved yet
# keeps its label; a moved one must carry the new label and the same id.
MOVED = {
    ("campaigns", "place"): ("places", "place"),
    ("campaigns", "staffscope"): ("access", "staffscope"),
    ("campaigns", "importjob"): ("transfers", "importjob"),
}
# Tables that `migrate` may add rows to: one row per migration applied.
GROWING_TABLES = {"django_migrations"}
# Rows a migration adds or removes on purpose, by table: the public collection (access 0002),
# and the site's editors taken out of the provinces' photo restrictions (campaigns 0014).
CHANGED_ROWS = {"wagtailcore_collection": +1, "wagtailcore_collectionviewrestriction_groups": -2}
# Models made since that commit: their content type, their four permissions and the roles'
# grants of them are new rows, not changes to what was there.
NEW_MODELS = {
    ("reporting", "reporttemplate"),
    ("reporting", "reportingperiod"),
    # trainings' links to campaigns' records, once campaigns' own column and tables.
    ("trainings", "activitycourse"),
    ("trainings", "activitytrainer"),
    ("trainings", "clubmember"),
    # the phones' incremental sync: people to forget.
    ("trainings", "phoneremoval"),
    # each user's sign-in generation, which ends their sessions everywhere.
    ("trainings", "signingeneration"),
}
# Permissions of a new model beyond Django's four (add, change, delete, view).
EXTRA_PERMISSIONS = {("reporting", "reportingperiod"): 4}  # submit, approve, accept, reopen
# Tables whose rows moved to another table: the same number of rows, in the new one.
REPLACED_TABLES = {
    "campaigns_activity_trainers": "trainings_activitytrainer",
    "campaigns_club_members": "trainings_clubmember",
}
# New tables filled from a column: their rows are compared one by one (test_links_keep_every_row).
FILLED_FROM_A_COLUMN = {"trainings_activitycourse"}

# `make setup` in one process (each process start costs seconds on a busy machine), then a
# user, a group, a staff scope and an import job on the moved models: the demo has no user,
# and no group holds a permission on import jobs. Then trainers at two activities, a club's
# member list and a sign-in line: the demo has none, and their rows move to trainings' tables.
# Then the reference index, rebuilt as the admin sees it.
SET_UP_A_SITE = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse

from campaigns.models import Activity, Club, ImportJob, Place, StaffScope
from trainings.models import Attendance, Participant, Trainer

call_command("migrate", interactive=False, verbosity=0)
for command in ("load_places", "load_demo", "ensure_demo_admin"):
    call_command(command, verbosity=0)

moved = Permission.objects.filter(
    content_type__app_label="campaigns", content_type__model__in=["place", "staffscope", "importjob"]
)
assert moved.count() == 12, list(moved)
group = Group.objects.create(name="Cán bộ nhập liệu")
group.permissions.set(moved)
user = get_user_model().objects.create_user("can-bo-tinh", "can-bo@example.org", "a-long-password-1")
user.groups.add(group)
user.user_permissions.set(moved.filter(codename__startswith="view_"))
scope = StaffScope.objects.create(user=user)
scope.provinces.set(Place.objects.filter(level="province", is_current=True).order_by("code")[:2])
ImportJob.objects.create(transfer="activities", user=user, file_name="hoat-dong.xlsx", stored_as="hoat-dong.xlsx")

trainers = [Trainer.objects.create(name="Lò Thị Hoa"), Trainer.objects.create(name="Vi Văn Sơn")]
first, second = Activity.objects.order_by("pk")[:2]
TrainerLink = Activity._meta.get_field("trainers").remote_field.through
TrainerLink.objects.bulk_create(
    [TrainerLink(activity=first, trainer=trainers[0]), TrainerLink(activity=first, trainer=trainers[1]),
     TrainerLink(activity=second, trainer=trainers[0])]
)
commune = Place.objects.filter(level="commune", is_current=True).order_by("code").first()
people = [Participant.objects.create(full_name=f"Người tham gia {n}", commune=commune) for n in range(1, 4)]
Club.objects.order_by("pk").first().members.set(people[:2])
Attendance.objects.create(activity=first, participant=people[0])

# Wagtail's reference index as a site's admin keeps it (the admin's viewsets register their
# models for it when its URLs load): activities' references to their courses among its rows.
reverse("wagtailadmin_home")
call_command("rebuild_references_index", verbosity=0)
"""

# What the tests compare, written as JSON to the file SNAPSHOT_FILE names. Only Django's
# own models and the `totals` command: the same script runs against the old code and the new.
SNAPSHOT = """
import io
import json
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.core.management import call_command
from django.db import connection
from wagtail.models import ReferenceIndex

GROUPINGS = [
    ["--by", "province"],
    ["--by", "kind"],
    ["--by", "month"],
    ["--by", "campaign", "--by", "organiser"],
    ["--by", "province", "--by", "audience"],
    ["--by", "district", "--as-recorded"],
]


def totals(arguments):
    out = io.StringIO()
    call_command("totals", *arguments, "--format", "json", stdout=out)
    return json.loads(out.getvalue())


def permission(held):
    return [held.permission.content_type.app_label, held.permission.content_type.model, held.permission.codename]


# An activity's course and trainers and a club's members: in trainings' tables, or in the
# column and tables campaigns kept them in before.
LINKS = {
    "activity course": (
        "trainings_activitycourse",
        "SELECT activity_id, course_id FROM trainings_activitycourse",
        "SELECT id, course_id FROM campaigns_activity WHERE course_id IS NOT NULL",
    ),
    "activity trainers": (
        "trainings_activitytrainer",
        "SELECT activity_id, trainer_id FROM trainings_activitytrainer",
        "SELECT activity_id, trainer_id FROM campaigns_activity_trainers",
    ),
    "club members": (
        "trainings_clubmember",
        "SELECT club_id, participant_id FROM trainings_clubmember",
        "SELECT club_id, participant_id FROM campaigns_club_members",
    ),
}

# Wagtail's reference index (a record's "usage"), by source model and field path; a row whose
# field the model no longer has is "unresolved" (the usage page would fail on it).
references = {}
for reference in ReferenceIndex.objects.order_by("pk").iterator():
    try:
        reference.describe_source_field()
        key = reference.model_path
    except FieldDoesNotExist:
        key = "unresolved " + reference.model_path
    key = reference._content_type.app_label + "." + reference._content_type.model + " " + key
    references[key] = references.get(key, 0) + 1

rows = {}
links = {}
with connection.cursor() as cursor:
    tables = connection.introspection.table_names(cursor)
    for table in tables:
        cursor.execute("SELECT COUNT(*) FROM " + connection.ops.quote_name(table))
        rows[table] = cursor.fetchone()[0]
    for name, (table, new, old) in LINKS.items():
        cursor.execute(new if table in tables else old)
        links[name] = sorted([list(pair) for pair in cursor.fetchall()])
by_group = Group.permissions.through.objects.select_related("group", "permission__content_type")
by_user = get_user_model().user_permissions.through.objects.select_related("user", "permission__content_type")
snapshot = {
    "rows": rows,
    "links": links,
    "references": references,
    "totals": {" ".join(arguments): totals(arguments) for arguments in GROUPINGS},
    "content_types": [
        [content_type.app_label, content_type.model, content_type.id, content_type.model_class() is not None]
        for content_type in ContentType.objects.all()
    ],
    "group_permissions": [[held.group.name, *permission(held)] for held in by_group],
    "user_permissions": [[held.user.get_username(), *permission(held)] for held in by_user],
}
with open(os.environ["SNAPSHOT_FILE"], "w", encoding="utf-8") as file:
    json.dump(snapshot, file, ensure_ascii=False)
"""


def required_or_skip(message: str) -> None:
    if os.environ.get("E2E_REQUIRED") == "1":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def main_tree(tmp_path_factory) -> Path:
    """Today's main as files, from the history of the checkout the tests run in."""
    git = shutil.which("git")
    if not git:
        required_or_skip("git is not installed: no way to build today's main to migrate from.")
    found = subprocess.run(
        [git, "cat-file", "-e", f"{MAIN_BEFORE_THE_SPLIT}^{{commit}}"], cwd=PROJECT, capture_output=True, text=True
    )
    if found.returncode != 0:
        required_or_skip(
            f"Commit {MAIN_BEFORE_THE_SPLIT[:12]} (today's main) is not in {PROJECT} (not a git checkout, or a "
            f"shallow clone): {found.stderr.strip()}"
        )
    tree = tmp_path_factory.mktemp("main")
    archive = subprocess.Popen([git, "archive", MAIN_BEFORE_THE_SPLIT], cwd=PROJECT, stdout=subprocess.PIPE)
    unpacked = subprocess.run(["tar", "-x", "-C", str(tree)], stdin=archive.stdout, capture_output=True, text=True)
    archive.stdout.close()
    assert archive.wait() == 0 and unpacked.returncode == 0, unpacked.stderr
    return tree


@dataclass
class Scratch:
    """Where the commands run: a database of the test run's engine and a folder of their own."""

    database_url: str
    folder: Path

    def manage(self, tree: Path, *arguments: str, **env: str) -> subprocess.CompletedProcess:
        """`python manage.py …` in `tree` on the scratch database, sharing nothing with a
        developer's site: no cache, no replica, no media or import folder."""
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": self.database_url,
            "REPLICA_DATABASE_URL": "",
            "CACHE_URL": "dummycache://",
            "TMPDIR": str(self.folder),  # the test settings' import folders
            **env,
        }
        environment.pop("PYTHONPATH", None)  # today's main must never import the new code
        return subprocess.run(
            [sys.executable, "manage.py", *arguments], cwd=tree, env=environment, capture_output=True, text=True
        )

    def snapshot(self, tree: Path, name: str) -> dict:
        path = self.folder / f"{name}.json"
        done = self.manage(tree, "shell", "--no-imports", "-c", SNAPSHOT, SNAPSHOT_FILE=str(path))
        assert done.returncode == 0, f"the {name} snapshot failed:\n{done.stderr[-3000:]}"
        return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Iterator[Scratch]:
    """An empty database of the test run's engine, dropped afterwards, and a folder."""
    folder = tmp_path_factory.mktemp("inplace")
    # The settings have put DATABASE_URL (from the environment or .env) into the environment.
    url = os.environ.get("DATABASE_URL", "sqlite:///")
    config = environ.Env.db_url_config(url)
    if config["ENGINE"].endswith("sqlite3"):
        database = folder / "site.sqlite3"
        yield Scratch(f"sqlite:///{database}", folder)
        for path in folder.glob(f"{database.name}*"):  # with its -wal and -shm files
            path.unlink()
        return
    if not config["ENGINE"].endswith("postgresql"):
        pytest.skip(f"No scratch database for {config['ENGINE']}.")
    name = f"{config['NAME']}_inplace"
    server = {"host": config["HOST"], "port": config["PORT"] or 5432, "user": config["USER"]}
    if config.get("PASSWORD"):
        server["password"] = config["PASSWORD"]
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(drop)  # left by a run that was killed
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield Scratch(urlsplit(url)._replace(path=f"/{name}").geturl(), folder)
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(drop)


@pytest.fixture(scope="module")
def migrated(main_tree, scratch) -> dict:
    """Today's main set up with demo data, then migrated by the new code: what the database
    held before and after."""
    # The site set up and its snapshot taken in one process of today's main.
    before_file = scratch.folder / "before.json"
    done = scratch.manage(
        main_tree, "shell", "--no-imports", "-c", SET_UP_A_SITE + SNAPSHOT, SNAPSHOT_FILE=str(before_file)
    )
    assert done.returncode == 0, f"setting up today's main failed:\n{done.stderr[-3000:]}"
    before = json.loads(before_file.read_text(encoding="utf-8"))
    done = scratch.manage(PROJECT, "migrate", "--noinput")
    assert done.returncode == 0, f"the new code's migrate failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    return {"before": before, "after": scratch.snapshot(PROJECT, "after")}


def canonical(app_label: str, model: str) -> tuple[str, str]:
    """A content type's label once its model has moved, whether it has moved yet or not."""
    return MOVED.get((app_label, model), (app_label, model))


def content_types(snapshot: dict) -> dict[tuple[str, str], int]:
    return {(app_label, model): id_ for app_label, model, id_, _exists in snapshot["content_types"]}


def without_model(snapshot: dict) -> set[tuple[str, str]]:
    return {(app_label, model) for app_label, model, _id, exists in snapshot["content_types"] if not exists}


def table_differences(before: dict[str, int], after: dict[str, int]) -> list[str]:
    differences = []
    for table, rows in sorted(before.items()):
        now = REPLACED_TABLES.get(table, table)
        rows += CHANGED_ROWS.get(table, 0)
        if now not in after:
            differences.append(f"{table}: gone ({rows} rows before)")
        elif after[now] < rows or (after[now] > rows and table not in GROWING_TABLES):
            differences.append(f"{table}: {rows} rows before, {after[now]} in {now} after")
    new = sorted(set(after) - set(before) - set(REPLACED_TABLES.values()) - FILLED_FROM_A_COLUMN)
    return differences + [f"{table}: new, with {after[table]} rows" for table in new if after[table]]


def content_type_differences(before: dict[tuple[str, str], int], after: dict[tuple[str, str], int]) -> list[str]:
    differences = []
    for label, id_ in sorted(before.items()):
        found = [name for name in dict.fromkeys([label, canonical(*label)]) if name in after]
        if not found:
            differences.append(f"{label} (id {id_}): none after, under this label or {canonical(*label)}")
        elif len(found) == 1 and after[found[0]] != id_:
            differences.append(f"{label} (id {id_}): {found[0]} has id {after[found[0]]} after")
    new = sorted(set(after) - set(before) - {canonical(*label) for label in before} - NEW_MODELS)
    return differences + [f"{label} (id {after[label]}): new" for label in new]


def held_permissions(holders: list[list[str]]) -> list[tuple[str, ...]]:
    """(holder, app label, model, codename), under the label the model has once moved."""
    return sorted((holder, *canonical(app_label, model), codename) for holder, app_label, model, codename in holders)


def without_new_models(migrated: dict) -> dict[str, int]:
    """The rows after, less those of NEW_MODELS (content types, permissions, roles' grants)."""
    rows = dict(migrated["after"]["rows"])
    granted = [held for held in migrated["after"]["group_permissions"] if tuple(held[1:3]) in NEW_MODELS]
    for table, count in [
        ("django_content_type", len(NEW_MODELS)),
        ("auth_permission", sum(4 + EXTRA_PERMISSIONS.get(model, 0) for model in NEW_MODELS)),
        ("auth_group_permissions", len(granted)),
    ]:
        rows[table] -= count
    return rows


def test_every_table_keeps_its_rows(migrated):
    before, after = migrated["before"]["rows"], without_new_models(migrated)
    assert before["campaigns_place"] > 14_000 and before["campaigns_staffscope_provinces"] == 2
    differences = table_differences(before, after)
    assert differences == [], "tables changed by the migration:\n" + "\n".join(differences)


def test_links_keep_every_row(migrated):
    """Each course, trainer and member link is in trainings' tables after, pair for pair."""
    before, after = migrated["before"]["links"], migrated["after"]["links"]
    assert {name: len(pairs) for name, pairs in before.items()} == {
        "activity course": 3,
        "activity trainers": 3,
        "club members": 2,
    }
    assert after == before


def test_the_reference_index_follows_each_course_to_its_link(migrated):
    """A course's usage page reads the reference index: each activity's reference to its course
    moves from the old field to the link, and no row names a field that is gone."""
    before, after = migrated["before"]["references"], migrated["after"]["references"]
    assert before.get("campaigns.activity course", 0) == len(migrated["before"]["links"]["activity course"])
    assert after.get("campaigns.activity course_links.item.course") == before.get("campaigns.activity course")
    assert [key for key in after if " unresolved " in key] == []
    assert sum(after.values()) == sum(before.values())


def test_totals_are_unchanged(migrated):
    before, after = migrated["before"]["totals"], migrated["after"]["totals"]
    assert before["--by province"]["total"]["activities"] > 0
    changed = [grouping for grouping in before if after.get(grouping) != before[grouping]]
    assert changed == [], (
        f"totals changed by the migration, grouped {changed}; overall: "
        f"{before[changed[0]]['total']} before, {after.get(changed[0], {}).get('total')} after"
    )


def test_every_content_type_keeps_its_id(migrated):
    before, after = content_types(migrated["before"]), content_types(migrated["after"])
    assert set(MOVED) <= set(before)
    differences = content_type_differences(before, after)
    assert differences == [], "content types changed by the migration:\n" + "\n".join(differences)


def test_no_content_type_is_left_pointing_at_a_missing_model(migrated):
    after = content_types(migrated["after"])
    both = [
        f"{old} (id {after[old]}) beside {new} (id {after[new]})"
        for old, new in MOVED.items()
        if old in after and new in after
    ]
    assert both == [], "content types left under the old label:\n" + "\n".join(both)
    left = without_model(migrated["after"]) - without_model(migrated["before"])
    assert left == set(), f"content types whose model no longer exists: {sorted(left)}"


@pytest.mark.parametrize("holders", ["group_permissions", "user_permissions"])
def test_groups_and_users_keep_their_permissions(migrated, holders):
    before = held_permissions(migrated["before"][holders])
    after = held_permissions([held for held in migrated["after"][holders] if tuple(held[1:3]) not in NEW_MODELS])
    assert {model for _holder, _app_label, model, _codename in before} >= {model for _app_label, model in MOVED}
    lost = sorted((Counter(before) - Counter(after)).elements())
    gained = sorted((Counter(after) - Counter(before)).elements())
    assert after == before, f"{holders} changed by the migration (labels as once moved): lost {lost}, gained {gained}"
    # Held, but on a content type without a model: has_perm() would never find it.
    stale = without_model(migrated["after"])
    dead = [held for held in migrated["after"][holders] if tuple(held[1:3]) in stale]
    assert dead == [], f"{holders} on content types without a model: {dead}"


# Both checks in one process (each process start costs seconds on a busy machine).
CHECK_NOTHING_LEFT = """
from django.core.management import call_command

CHECKS = [("migrate", {"check_unapplied": True}), ("makemigrations", {"check_changes": True, "dry_run": True})]
for command, options in CHECKS:
    try:
        call_command(command, **options)
    except SystemExit as exit:
        if exit.code:
            raise SystemExit(f"manage.py {command} --check finds work left")
"""


def test_nothing_is_left_to_migrate(migrated, scratch):
    done = scratch.manage(PROJECT, "shell", "--no-imports", "-c", CHECK_NOTHING_LEFT)
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr[-3000:]}"


# Last: it changes the scratch database the tests above read.
def test_migrating_back_before_the_moves_and_forward_again_changes_nothing(migrated, scratch):
    """A rollback (`migrate campaigns 0007`, say, to go back to the code before the split)
    gives the moved models' content types back to campaigns; migrating forward again moves
    them once more, without duplicates left by the rollback's post-migrate step."""
    for arguments in (["migrate", "campaigns", "0007", "--noinput"], ["migrate", "--noinput"]):
        done = scratch.manage(PROJECT, *arguments)
        assert done.returncode == 0, f"`manage.py {' '.join(arguments)}` failed:\n{done.stderr[-3000:]}"
    after, again = migrated["after"], scratch.snapshot(PROJECT, "again")
    growing = set(GROWING_TABLES)
    assert {table: rows for table, rows in again["rows"].items() if table not in growing} == {
        table: rows for table, rows in after["rows"].items() if table not in growing
    }
    assert content_types(again) == content_types(after)
    assert again["links"] == after["links"]
    assert again["references"] == after["references"]
    assert again["totals"] == after["totals"]
    for holders in ("group_permissions", "user_permissions"):
        assert held_permissions(again[holders]) == held_permissions(after[holders])
