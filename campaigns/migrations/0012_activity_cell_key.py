"""Every activity gets a fixed random key for the public totals' perturbation; the rows that
exist get one each (a field default would give them all the same one)."""

import secrets

from django.db import migrations, models

import campaigns.models.activities

BATCH = 2000


def fill_keys(apps, schema_editor):
    Activity = apps.get_model("campaigns", "Activity")
    pks = list(Activity.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(pks), BATCH):
        batch = [Activity(pk=pk, cell_key=secrets.randbelow(2**31 - 1)) for pk in pks[start : start + BATCH]]
        Activity.objects.bulk_update(batch, ["cell_key"])


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0011_client_uuid_per_account")]

    operations = [
        migrations.AddField(
            model_name="activity",
            name="cell_key",
            field=models.PositiveIntegerField(default=0, editable=False, verbose_name="cell key"),
            preserve_default=False,
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="activity",
            name="cell_key",
            field=models.PositiveIntegerField(
                default=campaigns.models.activities.new_cell_key, editable=False, verbose_name="cell key"
            ),
        ),
    ]
