"""Place's table and its index under this app's name on a database made before: `campaigns_place`
renamed in place (no copy). A new database got the new name from 0001 and skips it."""

from django.db import migrations

from core.model_moves import RenameTableInPlace


class Migration(migrations.Migration):
    dependencies = [("places", "0001_initial_squashed")]

    operations = [
        RenameTableInPlace(
            model_name="place",
            old_table="campaigns_place",
            indexes={"places_plac_level_ae7076_idx": "campaigns_p_level_38f018_idx"},
        ),
    ]
