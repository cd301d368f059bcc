# ImportJob moved to the transfers app; its table stays (core/model_moves.py).
# Only Django's picture of the model changes, and its content type follows it.

from django.db import migrations

from core.model_moves import move_content_type, state_only


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0009_place_and_staffscope_moved_out"),
        ("transfers", "0001_initial"),
    ]

    operations = [
        state_only(
            migrations.DeleteModel(
                name="ImportJob",
            ),
        ),
        move_content_type("importjob", "campaigns", "transfers"),
    ]
