"""Club members keep the day they joined and the day they left, so that a club's members are
counted on the last day of each period and a change today moves no figure of a period
already over (README, *The reporting cycle*). The members already listed have no joining
day: members since the club began, as they were counted until now."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("trainings", "0001_initial_squashed")]

    operations = [
        # Added without a default first, so that the rows already listed keep no date.
        migrations.AddField(
            model_name="clubmember",
            name="joined_on",
            field=models.DateField(blank=True, null=True, verbose_name="member since"),
        ),
        migrations.AlterField(
            model_name="clubmember",
            name="joined_on",
            field=models.DateField(
                blank=True, default=django.utils.timezone.localdate, null=True, verbose_name="member since"
            ),
        ),
        migrations.AddField(
            model_name="clubmember",
            name="left_on",
            field=models.DateField(blank=True, null=True, verbose_name="left on"),
        ),
        migrations.RemoveConstraint(model_name="clubmember", name="member_once_per_club"),
        migrations.AddConstraint(
            model_name="clubmember",
            constraint=models.UniqueConstraint(
                condition=models.Q(left_on__isnull=True), fields=("club", "participant"), name="member_once_at_a_time"
            ),
        ),
    ]
