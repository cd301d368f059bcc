"""The rows of an activity's course and trainers and of a club's members, copied from
campaigns' old column and tables into trainings' link tables before campaigns drops them
(`run_before`: campaigns' migration names nothing of trainings). Backwards, the rows go back
once campaigns has given the column and tables back.

Wagtail's reference index (a course's "usage") knew an activity's course by the old field:
its rows are moved to the link, as re-saving the activity would write them, so that no row
names a field the activity no longer has. (Many-to-many links are not in that index.)"""

import uuid

from django.db import migrations

BATCH = 1000
OLD_PATH = "course"
NEW_PATH = "course_links.item.course"
# Wagtail's ReferenceIndex._get_content_path_hash, which the historical model lacks.
PATH_HASH = uuid.UUID("bdc70d8b-e7a2-4c2a-bf43-2a3e3fcbbe86")


def move_references(apps, db, *, forwards: bool) -> None:
    """The reference index's rows of activities' courses, from the old field to the link or back."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    ActivityCourse = apps.get_model("trainings", "ActivityCourse")
    activity_type = ContentType.objects.using(db).filter(app_label="campaigns", model="activity").first()
    if activity_type is None:  # a new database: nothing indexed yet
        return
    rows = ReferenceIndex.objects.using(db).filter(
        base_content_type=activity_type, model_path=OLD_PATH if forwards else NEW_PATH
    )
    links = {
        (str(activity), str(course)): pk
        for pk, activity, course in ActivityCourse.objects.using(db).values_list("pk", "activity_id", "course_id")
    }
    moved = []
    for row in rows:
        link = links.get((row.object_id, row.to_object_id))
        if forwards and link is None:
            continue  # stale (that course is not the activity's): deleted below, as a save would
        row.model_path = NEW_PATH if forwards else OLD_PATH
        row.content_path = f"course_links.{link}.course" if forwards else OLD_PATH
        row.content_path_hash = uuid.uuid5(PATH_HASH, row.content_path)
        moved.append(row)
    rows.exclude(pk__in=[row.pk for row in moved]).delete()
    ReferenceIndex.objects.using(db).bulk_update(
        moved, ["model_path", "content_path", "content_path_hash"], batch_size=BATCH
    )


def links_forwards(apps, schema_editor):
    db = schema_editor.connection.alias
    Activity = apps.get_model("campaigns", "Activity")
    Club = apps.get_model("campaigns", "Club")
    ActivityCourse = apps.get_model("trainings", "ActivityCourse")
    ActivityTrainer = apps.get_model("trainings", "ActivityTrainer")
    ClubMember = apps.get_model("trainings", "ClubMember")
    courses = Activity.objects.using(db).filter(course__isnull=False).order_by("pk").values_list("pk", "course_id")
    ActivityCourse.objects.using(db).bulk_create(
        [ActivityCourse(activity_id=activity, course_id=course) for activity, course in courses], batch_size=BATCH
    )
    trainers = Activity.trainers.through.objects.using(db).order_by("pk").values_list("activity_id", "trainer_id")
    ActivityTrainer.objects.using(db).bulk_create(
        [ActivityTrainer(activity_id=activity, trainer_id=trainer) for activity, trainer in trainers], batch_size=BATCH
    )
    members = Club.members.through.objects.using(db).order_by("pk").values_list("club_id", "participant_id")
    ClubMember.objects.using(db).bulk_create(
        [ClubMember(club_id=club, participant_id=person) for club, person in members], batch_size=BATCH
    )
    move_references(apps, db, forwards=True)


def links_backwards(apps, schema_editor):
    db = schema_editor.connection.alias
    move_references(apps, db, forwards=False)
    Activity = apps.get_model("campaigns", "Activity")
    Club = apps.get_model("campaigns", "Club")
    ActivityCourse = apps.get_model("trainings", "ActivityCourse")
    ActivityTrainer = apps.get_model("trainings", "ActivityTrainer")
    ClubMember = apps.get_model("trainings", "ClubMember")
    by_course: dict[int, list[int]] = {}
    for activity, course in ActivityCourse.objects.using(db).values_list("activity_id", "course_id"):
        by_course.setdefault(course, []).append(activity)
    for course, activities in by_course.items():  # one update per course, not per activity
        for start in range(0, len(activities), BATCH):
            Activity.objects.using(db).filter(pk__in=activities[start : start + BATCH]).update(course_id=course)
    Through = Activity.trainers.through
    Through.objects.using(db).bulk_create(
        [
            Through(activity_id=activity, trainer_id=trainer)
            for activity, trainer in ActivityTrainer.objects.using(db).order_by("pk").values_list("activity", "trainer")
        ],
        batch_size=BATCH,
    )
    Through = Club.members.through
    Through.objects.using(db).bulk_create(
        [
            Through(club_id=club, participant_id=person)
            for club, person in ClubMember.objects.using(db).order_by("pk").values_list("club", "participant")
        ],
        batch_size=BATCH,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("trainings", "0004_activity_and_club_links"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0078_referenceindex"),
    ]
    run_before = [("campaigns", "0013_course_trainers_and_members_moved_out")]

    operations = [migrations.RunPython(links_forwards, links_backwards)]
