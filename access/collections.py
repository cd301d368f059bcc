"""The public collection: the pictures and documents of the public site, and all that the
site's editors may manage.

Wagtail grants image and document permissions per collection, and a permission on a
collection covers every collection below it. Wagtail's own migrations give its Editors and
Moderators groups their permissions on the root collection, which holds every other
collection, the provinces' activity photos and restricted documents among them: an editor
could list, open, choose and preview every photo of a session. So the site's files have a
collection of their own, "Trang công khai", under the root, and the editors' and
moderators' image and document permissions are granted there and nowhere else (migration
0002 moves them and the files that were in the root collection; `ensure_roles` keeps them
so after every migrate). An editor's upload lands there, since it is the one collection the
upload form can offer them; national administrators keep the root collection.
"""

from __future__ import annotations

PUBLIC_COLLECTION = "Trang công khai"
# Wagtail's groups for the public site: its editors and its reviewers.
SITE_GROUPS = ("Editors", "Moderators")


def public_collection():
    """The public collection, made under the root the first time it is asked for."""
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    found = root.get_children().filter(name=PUBLIC_COLLECTION).first()
    return found or root.add_child(name=PUBLIC_COLLECTION)
