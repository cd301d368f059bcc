"""ImportJob's table under this app's name on a database made before: `campaigns_importjob`
renamed in place (no copy). A new database got the new name from 0001 and skips it."""

from django.db import migrations

from core.model_moves import RenameTableInPlace


class Migration(migrations.Migration):
    dependencies = [("transfers", "0001_initial_squashed")]

    operations = [
        RenameTableInPlace(
            model_name="importjob",
            old_table="campaigns_importjob",
        ),
    ]
