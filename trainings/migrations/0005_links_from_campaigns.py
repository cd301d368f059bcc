"""The rows of an activity's course and trainers and of a club's members, copied from
campaigns' old column and tables into trainings' link tables before campaigns drops them
(`run_before`: campaigns' migration names nothing of trainings). Backwards, the rows go back
once campaigns has given the column and tables back."""

from django.db import migrations

BATCH = 1000


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


def links_backwards(apps, schema_editor):
    db = schema_editor.connection.alias
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
    dependencies = [("trainings", "0004_activity_and_club_links")]
    run_before = [("campaigns", "0013_course_trainers_and_members_moved_out")]

    operations = [migrations.RunPython(links_forwards, links_backwards)]
