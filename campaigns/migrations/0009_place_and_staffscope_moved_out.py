# Place and StaffScope moved to the places and access apps; their tables stay (core/model_moves.py).
# Only Django's picture of the models changes, and their content types follow them.

from django.db import migrations

from core.model_moves import move_content_type, state_only


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0008_links_to_moved_models"),
        ("cms", "0006_provinces_from_places"),
        ("trainings", "0003_places_from_places"),
        ("access", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        state_only(
            migrations.DeleteModel(
                name="Place",
            ),
            migrations.DeleteModel(
                name="StaffScope",
            ),
        ),
        move_content_type("place", "campaigns", "places"),
        move_content_type("staffscope", "campaigns", "access"),
    ]
