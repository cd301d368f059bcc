# Place and StaffScope moved to the places and access apps; their tables stay (core/model_moves.py).
# Only Django's picture of the models changes: nothing here touches the database.

from django.db import migrations

from core.model_moves import state_only


class Migration(migrations.Migration):

    dependencies = [
        ('campaigns', '0008_links_to_moved_models'),
        ('cms', '0006_provinces_from_places'),
        ('trainings', '0003_places_from_places'),
    ]

    operations = [
        state_only(
            migrations.DeleteModel(
                name='Place',
            ),
            migrations.DeleteModel(
                name='StaffScope',
            ),
        ),
    ]
