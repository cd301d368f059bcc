# An activity's course and trainers and a club's member list are no longer campaigns' own: the
# app built on this one that keeps them has copied the rows into its tables before this runs
# (its migration says so with `run_before`, so that nothing here names it).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0012_activity_cell_key"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="activity",
            name="course",
        ),
        migrations.RemoveField(
            model_name="activity",
            name="trainers",
        ),
        migrations.RemoveField(
            model_name="club",
            name="members",
        ),
    ]
