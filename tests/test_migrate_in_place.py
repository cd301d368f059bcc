"""A database made by today's main migrates in place with the new code: every table keeps
its rows, row for row, the totals stay the same, every content type keeps its id and every
group and user keeps its permissions.

The apps' migrations have been squashed into initial migrations that follow the layers
(`0001_initial_squashed`, each replacing the app's earlier migrations, whose files are gone).
Django marks a squashed migration as applied from the recorded rows of the ones it replaces,
so on a database of today's main `migrate` runs only the renames of the three tables that kept
their first home's name (RENAMED below), in place, without a copy.

Today's main is the commit before the squash, taken from git. Its commands and the new code's
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
# Today's main: the last commit before the squash.
MAIN_BEFORE_THE_SQUASH = "9cb3e8c559cceb2237c52bc64acabd789648b697"

# Tables that kept the name of the app their model first lived in, and their name now.
RENAMED = {
    "campaigns_place": "places_place",
    "campaigns_staffscope": "access_staffscope",
    "campaigns_staffscope_provinces": "access_staffscope_provinces",
    "campaigns_importjob": "transfers_importjob",
}
# The only migrations the new code applies to such a database: the renames, and those made since.
APPLIED_IN_PLACE = {
    "access.0002_table_named_after_app",
    "places.0002_table_named_after_app",
    "transfers.0002_table_named_after_app",
    "trainings.0002_club_member_dates",  # new since: the members' dates, empty on the rows listed
    "access.0003_public_collection",
    "campaigns.0002_photos_closed_to_editors",
    "trainings.0003_sign_in_generation",
    "places.0003_lookup_indexes",  # new since: indexes only
    "campaigns.0003_taxonomy_english_names",  # new since: English names, empty on the old rows
    "cms.0002_language_english_name",
    "cms.0003_root_page_in_vietnamese",  # the root page and collection named "Gốc"
    "reporting.0003_saved_reports",  # new since: the saved reports' table
}
# Tables that `migrate` may add rows to: one row per migration applied, or squashed.
GROWING_TABLES = {"django_migrations"}
# What the migrations made since that commit change on purpose. The public collection
# (access 0003) is a new collection that takes the root's files and the editors' grants;
# the editors leave the provinces' photo restrictions (campaigns 0002); each user's sign-in
# generation (trainings 0003) and the saved reports (reporting 0003) are new models, each with its
# table, content type and permissions; the root page and collection are named "Gốc" (cms 0003).
CHANGED_ROWS = {"wagtailcore_collection": +1, "wagtailcore_collectionviewrestriction_groups": -2}
REWRITTEN_TABLES = {
    "wagtailcore_page",  # the root page's title (cms 0003)
    "wagtailcore_collection",
    "wagtailcore_collectionviewrestriction_groups",
    "wagtailcore_groupcollectionpermission",
    "wagtailimages_image",
    "wagtaildocs_document",
}
NEW_TABLES = {"trainings_signingeneration", "reporting_savedreport"}
NEW_MODELS = {("trainings", "signingeneration"), ("reporting", "savedreport")}
# A new model's content type and four permissions are new rows (their ids and the rest are
# compared one by one by the content type and permission tests).
CHANGED_ROWS |= {"django_content_type": len(NEW_MODELS), "auth_permission": 4 * len(NEW_MODELS)}
REWRITTEN_TABLES |= {"django_content_type", "auth_permission"}
# The managers and the national administrators are granted the saved reports' four permissions
# (reporting/apps.py) when migrate creates the roles.
CHANGED_ROWS |= {"auth_group_permissions": 4 * 2}
REWRITTEN_TABLES |= {"auth_group_permissions"}

# `make setup` in one process (each process start costs seconds on a busy machine), then a
# user, a group, a staff scope and an import job on the models whose tables are renamed: the
# demo has no user, and no group holds a permission on import jobs. Then a course and trainers
# at two activities, a club's member list and a sign-in line: the demo has none. Then the
# reference index, rebuilt as the admin sees it.
SET_UP_A_SITE = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse

from access.models import StaffScope
from campaigns.models import Activity, Club
from places.models import Place
from trainings.models import ActivityCourse, ActivityTrainer, Attendance, ClubMember, Course, Participant, Trainer
from transfers.models import ImportJob

call_command("migrate", interactive=False, verbosity=0)
for command in ("load_places", "load_demo", "ensure_demo_admin"):
    call_command(command, verbosity=0)

renamed = Permission.objects.filter(
    content_type__app_label__in=["places", "access", "transfers"],
    content_type__model__in=["place", "staffscope", "importjob"],
)
assert renamed.count() == 12, list(renamed)
group = Group.objects.create(name="Cán bộ nhập liệu")
group.permissions.set(renamed)
user = get_user_model().objects.create_user("can-bo-tinh", "can-bo@example.org", "a-long-password-1")
user.groups.add(group)
user.user_permissions.set(renamed.filter(codename__startswith="view_"))
scope = StaffScope.objects.create(user=user)
scope.provinces.set(Place.objects.filter(level="province", is_current=True).order_by("code")[:2])
ImportJob.objects.create(transfer="activities", user=user, file_name="hoat-dong.xlsx", stored_as="hoat-dong.xlsx")

trainers = [Trainer.objects.create(name="Lò Thị Hoa"), Trainer.objects.create(name="Vi Văn Sơn")]
first, second = Activity.objects.order_by("pk")[:2]
ActivityTrainer.objects.bulk_create(
    [ActivityTrainer(activity=first, trainer=trainers[0]), ActivityTrainer(activity=first, trainer=trainers[1]),
     ActivityTrainer(activity=second, trainer=trainers[0])]
)
untaught = Activity.objects.filter(course_links__isnull=True).order_by("pk").first()
ActivityCourse.objects.create(activity=untaught, course=Course.objects.create(name="Nhận diện thủ đoạn"))
commune = Place.objects.filter(level="commune", is_current=True).order_by("code").first()
people = [Participant.objects.create(full_name=f"Người tham gia {n}", commune=commune) for n in range(1, 4)]
club = Club.objects.order_by("pk").first()
ClubMember.objects.bulk_create([ClubMember(club=club, participant=person) for person in people[:2]])
Attendance.objects.create(activity=first, participant=people[0])

# Wagtail's reference index as a site's admin keeps it (the admin's viewsets register their
# models for it when its URLs load).
reverse("wagtailadmin_home")
call_command("rebuild_references_index", verbosity=0)
"""

# What the tests compare, written as JSON to the file SNAPSHOT_FILE names. Only Django's
# own models, the tables as the database has them and the `totals` command: the same script
# runs against the old code and the new.
SNAPSHOT = """
import hashlib
import io
import json
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
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
    # The new code shares a batch's sessions out over the periods it spans; its start-period
    # view (--batches-at-start) is what the old code, which has no such option, gives.
    out = io.StringIO()
    try:
        call_command("totals", *arguments, "--batches-at-start", "--format", "json", stdout=out)
    except CommandError:
        call_command("totals", *arguments, "--format", "json", stdout=out)
    return json.loads(out.getvalue())


def permission(held):
    return [held.permission.content_type.app_label, held.permission.content_type.model, held.permission.codename]


references = {}
for reference in ReferenceIndex.objects.order_by("pk").iterator():
    key = reference._content_type.app_label + "." + reference._content_type.model + " " + reference.model_path
    references[key] = references.get(key, 0) + 1



def plain(value):
    if isinstance(value, (bytes, memoryview)):
        return bytes(value).hex()
    return str(value)


# Columns added since the old tree, empty on the rows it left (club members' dates, English
# names of topics, audiences and languages): left
# out of a row's digest only while empty, so a migration that filled them in would show.
NEW_COLUMNS = {
    "trainings_clubmember": {"joined_on", "left_on"},
    "campaigns_audience": {"name_en"},
    "campaigns_topic": {"name_en"},
    "cms_language": {"name_en"},
}


def kept(table, columns, row):
    new = NEW_COLUMNS.get(table, set())
    return {column: value for column, value in zip(columns, row) if not (column in new and value in (None, ""))}


rows = {}
digests = {}
with connection.cursor() as cursor:
    cursor.execute("SELECT app, name FROM django_migrations")
    migrations = [list(row) for row in cursor.fetchall()]
    for table in connection.introspection.table_names(cursor):
        cursor.execute("SELECT * FROM " + connection.ops.quote_name(table))
        columns = [column[0] for column in cursor.description]
        found = sorted(
            json.dumps(kept(table, columns, row), default=plain, sort_keys=True) for row in cursor.fetchall()
        )
        rows[table] = len(found)
        digests[table] = hashlib.sha256("\\n".join(found).encode()).hexdigest()
by_group = Group.permissions.through.objects.select_related("group", "permission__content_type")
by_user = get_user_model().user_permissions.through.objects.select_related("user", "permission__content_type")
snapshot = {
    "rows": rows,
    "digests": digests,
    "references": references,
    "totals": {" ".join(arguments): totals(arguments) for arguments in GROUPINGS},
    "content_types": sorted(
        [content_type.app_label, content_type.model, content_type.id, content_type.model_class() is not None]
        for content_type in ContentType.objects.all()
    ),
    "permissions": sorted(
        [held.id, held.content_type.app_label, held.content_type.model, held.codename]
        for held in Permission.objects.select_related("content_type")
    ),
    "group_permissions": sorted([held.group.name, *permission(held)] for held in by_group),
    "user_permissions": sorted([held.user.get_username(), *permission(held)] for held in by_user),
    "migrations": sorted(migrations),
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
        [git, "cat-file", "-e", f"{MAIN_BEFORE_THE_SQUASH}^{{commit}}"], cwd=PROJECT, capture_output=True, text=True
    )
    if found.returncode != 0:
        required_or_skip(
            f"Commit {MAIN_BEFORE_THE_SQUASH[:12]} (today's main) is not in {PROJECT} (not a git checkout, or a "
            f"shallow clone): {found.stderr.strip()}"
        )
    tree = tmp_path_factory.mktemp("main")
    archive = subprocess.Popen([git, "archive", MAIN_BEFORE_THE_SQUASH], cwd=PROJECT, stdout=subprocess.PIPE)
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
    held before and after, and the migrations the new code applied."""
    # The site set up and its snapshot taken in one process of today's main.
    before_file = scratch.folder / "before.json"
    done = scratch.manage(
        main_tree, "shell", "--no-imports", "-c", SET_UP_A_SITE + SNAPSHOT, SNAPSHOT_FILE=str(before_file)
    )
    assert done.returncode == 0, f"setting up today's main failed:\n{done.stderr[-3000:]}"
    before = json.loads(before_file.read_text(encoding="utf-8"))
    done = scratch.manage(PROJECT, "migrate", "--noinput")
    assert done.returncode == 0, f"the new code's migrate failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    applied = {line.split()[1].rstrip(".") for line in done.stdout.splitlines() if line.strip().startswith("Applying ")}
    return {"before": before, "after": scratch.snapshot(PROJECT, "after"), "applied": applied}


def renamed(tables: dict) -> dict:
    """A snapshot's tables under their names of now."""
    return {RENAMED.get(table, table): value for table, value in tables.items()}


def test_only_the_renames_run_the_squashed_migrations_count_as_applied(migrated):
    """Django takes each squashed migration as applied from the rows of the ones it replaces,
    whose files are gone, runs none of it, and records it."""
    assert migrated["applied"] == APPLIED_IN_PLACE
    before = {tuple(row) for row in migrated["before"]["migrations"]}
    after = {tuple(row) for row in migrated["after"]["migrations"]}
    assert ("campaigns", "0013_course_trainers_and_members_moved_out") in before
    assert after - before == {
        ("campaigns", "0001_initial_squashed"),
        ("trainings", "0001_initial_squashed"),
        ("cms", "0001_initial_squashed"),
        ("places", "0001_initial_squashed"),
        ("access", "0001_initial_squashed"),
        ("transfers", "0001_initial_squashed"),
    } | {tuple(name.split(".")) for name in APPLIED_IN_PLACE}
    assert before <= after


def test_each_table_is_named_after_its_app(migrated):
    before, after = migrated["before"]["rows"], migrated["after"]["rows"]
    assert set(RENAMED) <= set(before) and not set(RENAMED.values()) & set(before)
    assert not set(RENAMED) & set(after) and set(RENAMED.values()) <= set(after)


def test_every_table_keeps_its_rows(migrated):
    before, after = renamed(migrated["before"]["rows"]), migrated["after"]["rows"]
    assert before["places_place"] > 14_000 and before["access_staffscope_provinces"] == 2
    assert before["trainings_activitytrainer"] == 3 and before["trainings_clubmember"] == 2
    assert before["trainings_attendance"] == 1 and before["transfers_importjob"] == 1
    before = {table: rows + CHANGED_ROWS.get(table, 0) for table, rows in before.items()}
    changed = {
        table: (rows, after.get(table))
        for table, rows in before.items()
        if after.get(table) != rows and not (table in GROWING_TABLES and after.get(table, 0) > rows)
    }
    assert changed == {}, f"tables whose number of rows changed (before, after): {changed}"
    assert set(after) == set(before) | NEW_TABLES, f"tables new or gone: {sorted(set(after) ^ set(before))}"


def test_every_row_is_kept_as_it_was(migrated):
    """Each table's rows, column for column, as today's main left them: nothing copied or rewritten."""
    before, after = renamed(migrated["before"]["digests"]), migrated["after"]["digests"]
    kept_as_is = [table for table in before if table not in GROWING_TABLES | REWRITTEN_TABLES]
    changed = sorted(table for table in kept_as_is if after.get(table) != before[table])
    assert changed == []


def test_the_reference_index_is_unchanged(migrated):
    before, after = migrated["before"]["references"], migrated["after"]["references"]
    assert before.get("campaigns.activity course_links.item.course", 0) >= 1
    assert after == before


def test_totals_are_unchanged(migrated):
    before, after = migrated["before"]["totals"], migrated["after"]["totals"]
    assert len(before) == 6 and before["--by province"]["total"]["activities"] > 0
    changed = [grouping for grouping in before if after.get(grouping) != before[grouping]]
    assert changed == [], (
        f"totals changed by the migration, grouped {changed}; overall: "
        f"{before[changed[0]]['total']} before, {after.get(changed[0], {}).get('total')} after"
    )


def test_every_content_type_keeps_its_id_and_its_model(migrated):
    before, after = migrated["before"]["content_types"], migrated["after"]["content_types"]
    assert ["places", "place"] in [row[:2] for row in before]
    assert [row for row in after if tuple(row[:2]) not in NEW_MODELS] == before
    assert [row for row in after if not row[3]] == []


def test_every_permission_keeps_its_id(migrated):
    before, after = migrated["before"]["permissions"], migrated["after"]["permissions"]
    assert len(before) > 100
    assert [row for row in after if tuple(row[1:3]) not in NEW_MODELS] == before


@pytest.mark.parametrize("holders", ["group_permissions", "user_permissions"])
def test_groups_and_users_keep_their_permissions(migrated, holders):
    before, after = migrated["before"][holders], migrated["after"][holders]
    assert {model for _holder, _app_label, model, _codename in before} >= {"place", "staffscope", "importjob"}
    assert [held for held in after if tuple(held[1:3]) not in NEW_MODELS] == before


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
