# ImportJob moved to the transfers app; its table stays (core/model_moves.py).
# Only Django's picture of the models changes: nothing here touches the database.

from django.db import migrations

from core.model_moves import state_only


class Migration(migrations.Migration):

    dependencies = [
        ('campaigns', '0009_place_and_staffscope_moved_out'),
        ('transfers', '0001_initial'),
    ]

    operations = [
        state_only(
            migrations.DeleteModel(
                name='ImportJob',
            ),
        ),
    ]
