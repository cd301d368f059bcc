"""The provinces' photo collections no longer let the site's editors through their view
restriction: editors manage the public collection only (access 0002), and see no activity
photo in the admin's image API either."""

from django.db import migrations

PHOTOS = "Ảnh hoạt động"
SITE_GROUPS = ("Editors", "Moderators")


def forwards(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    Group = apps.get_model("auth", "Group")
    photos = Collection.objects.filter(depth=2, name=PHOTOS).first()
    if photos is None:
        return
    below = Collection.objects.filter(path__startswith=photos.path)
    site_groups = list(Group.objects.filter(name__in=SITE_GROUPS))
    for restriction in CollectionViewRestriction.objects.filter(collection__in=below):
        restriction.groups.remove(*site_groups)


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0001_initial_squashed"),
        ("access", "0003_public_collection"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
