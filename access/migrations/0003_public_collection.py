"""The site's editors and moderators manage the public collection, not the root collection.

Wagtail's migrations give its Editors and Moderators groups their image and document
permissions on the root collection, which covers every collection below it, the provinces'
activity photos among them. This makes the public collection ("Trang công khai", under the
root), moves those groups' image and document permissions from the root to it, and moves
there the images and documents that were in the root collection itself (the public site's
pictures and leaflets, where uploads went by default), so editors keep every file they
managed that is not in a collection of its own. Going back moves them to the root again.
"""

from django.db import migrations

PUBLIC_COLLECTION = "Trang công khai"
SITE_GROUPS = ("Editors", "Moderators")
FILE_APPS = ("wagtailimages", "wagtaildocs")
# Treebeard's materialised paths (wagtailcore.Collection): four characters a level.
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEP = 4


def _next_step(path: str) -> str:
    number = 0
    for character in path[-STEP:]:
        number = number * len(ALPHABET) + ALPHABET.index(character)
    number += 1
    step = ""
    for _ in range(STEP):
        number, digit = divmod(number, len(ALPHABET))
        step = ALPHABET[digit] + step
    return step


def _public_collection(Collection, root):
    """The public collection, made as the root's last child: the tree stays valid, and the
    collections made later are placed in name order among their siblings as always."""
    children = Collection.objects.filter(depth=root.depth + 1, path__startswith=root.path)
    found = children.filter(name=PUBLIC_COLLECTION).first()
    if found is not None:
        return found
    last = children.order_by("-path").first()
    path = root.path + (_next_step(last.path) if last else "0001")
    collection = Collection.objects.create(name=PUBLIC_COLLECTION, path=path, depth=root.depth + 1, numchild=0)
    Collection.objects.filter(pk=root.pk).update(numchild=children.count())
    return collection


def _models(apps):
    return (
        apps.get_model("wagtailcore", "Collection"),
        apps.get_model("wagtailcore", "GroupCollectionPermission"),
        (apps.get_model("wagtailimages", "Image"), apps.get_model("wagtaildocs", "Document")),
    )


def _move(GroupCollectionPermission, records, source, target) -> None:
    grants = GroupCollectionPermission.objects.filter(
        group__name__in=SITE_GROUPS, collection=source, permission__content_type__app_label__in=FILE_APPS
    )
    for grant in grants:
        GroupCollectionPermission.objects.get_or_create(
            group_id=grant.group_id, collection=target, permission_id=grant.permission_id
        )
    grants.delete()
    for model in records:
        model.objects.filter(collection=source).update(collection=target)


def forwards(apps, schema_editor):
    Collection, GroupCollectionPermission, records = _models(apps)
    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    _move(GroupCollectionPermission, records, root, _public_collection(Collection, root))


def backwards(apps, schema_editor):
    Collection, GroupCollectionPermission, records = _models(apps)
    root = Collection.objects.filter(depth=1).order_by("path").first()
    public = Collection.objects.filter(depth=2, name=PUBLIC_COLLECTION).first()
    if root is not None and public is not None:
        _move(GroupCollectionPermission, records, public, root)


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0002_table_named_after_app"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
