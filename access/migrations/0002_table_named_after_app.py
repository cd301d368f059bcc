"""StaffScope's table and its many-to-many table under this app's name on a database made before: `campaigns_staffscope`
renamed in place (no copy). A new database got the new name from 0001 and skips it."""

from django.db import migrations

from core.model_moves import RenameTableInPlace


class Migration(migrations.Migration):
    dependencies = [("access", "0001_initial_squashed")]

    operations = [
        RenameTableInPlace(
            model_name="staffscope",
            old_table="campaigns_staffscope",
        ),
    ]
