"""The roles (README, *Privacy and access*) as Wagtail groups, created after every migrate (idempotent).

- Editors: the public site only (pages, images, documents).
- Trainers: record and edit activities, sign-in lists and participants in their provinces.
- Managers: see and correct everything in their provinces, set targets, read reports.
- National administrators: everything, in every province.

A user's provinces are set on their staff scope (access.StaffScope); national
administrators need none.

This module names the roles and what access itself and the apps below it give them. Each app
above gives the roles the permissions on its own models from its `AppConfig.ready()`, with
`register_role_permissions(role, permissions)`, so no list here names a model of a higher app.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from access.collections import SITE_GROUPS, public_collection
from access.models import NATIONAL_GROUP

EDITORS = "Editors"  # Wagtail's own group for the public site; reviewers are its "Moderators"
TRAINERS = "Tập huấn viên"
MANAGERS = "Quản lý"
NATIONAL_ADMINS = NATIONAL_GROUP
ROLES = (EDITORS, TRAINERS, MANAGERS, NATIONAL_ADMINS)

Perm = tuple[str, str]  # (app label, codename)
ADMIN_ACCESS = [("wagtailadmin", "access_admin")]


def permissions(app_label: str, models: Iterable[str], actions: Iterable[str]) -> list[Perm]:
    """`action_model` permissions of the models of `app_label`, e.g. `("places", "view_place")`."""
    actions = list(actions)
    return [(app_label, f"{action}_{model}") for model in models for action in actions]


# Wagtail's simple_translation: "Dịch" (Translate) in a page's menu. The copy is a draft that
# goes through the same moderation workflow as any page.
TRANSLATE = [("simple_translation", "submit_translation")]
# Apps a site may leave out (a host site without translated pages): the roles hold their
# permissions only where they are installed.
OPTIONAL_APPS = {"simple_translation"}

# What the roles hold of Wagtail, of the places below access and of access itself.
BASE_PERMISSIONS: dict[str, list[Perm]] = {
    EDITORS: ADMIN_ACCESS
    + TRANSLATE
    + permissions("wagtailimages", ["image"], ["add", "change", "choose"])
    + permissions("wagtaildocs", ["document"], ["add", "change", "choose"]),
    TRAINERS: ADMIN_ACCESS
    + permissions("places", ["place"], ["view"])
    + permissions("wagtailimages", ["image"], ["add", "choose"]),
    MANAGERS: ADMIN_ACCESS
    + permissions("places", ["place"], ["view"])
    + permissions("wagtailimages", ["image"], ["add", "choose"]),
    NATIONAL_ADMINS: ADMIN_ACCESS
    + TRANSLATE
    + permissions("places", ["place"], ["view"])
    + permissions("access", ["staffscope"], ["add", "change", "delete", "view"])
    + permissions("wagtailimages", ["image"], ["add", "change", "choose"])
    + permissions("wagtaildocs", ["document"], ["add", "change", "choose"]),
}

# Filled by the apps above from their AppConfig.ready(), before any migrate runs.
_registered: dict[str, list[Perm]] = defaultdict(list)


def register_role_permissions(role: str, perms: Iterable[Perm]) -> None:
    """Give the group `role` (one of ROLES) the permissions `perms` on every migrate.

    Called from an app's `AppConfig.ready()` for its own models; registering the same
    permission twice (a test reloading an app) gives it once."""
    if role not in ROLES:
        raise LookupError(f"Unknown role {role!r}: one of {ROLES}")
    for perm in perms:
        if perm not in _registered[role]:
            _registered[role].append(perm)


def role_permissions() -> dict[str, list[Perm]]:
    """Each role's permissions: access's own and every app's registered ones (those of an
    optional app only when it is installed)."""
    absent = {label for label in OPTIONAL_APPS if not global_apps.is_installed(f"wagtail.contrib.{label}")}
    return {
        role: [perm for perm in [*BASE_PERMISSIONS[role], *_registered[role]] if perm[0] not in absent]
        for role in ROLES
    }


def ensure_roles(**kwargs) -> None:
    """Create the groups and give each exactly its permissions (extra ones an admin added stay)."""
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    for name, wanted in role_permissions().items():
        group, _ = Group.objects.get_or_create(name=name)
        query = Q()
        for app_label, codename in wanted:
            query |= Q(content_type__app_label=app_label, codename=codename)
        permissions = list(Permission.objects.filter(query))
        missing = set(wanted) - {(p.content_type.app_label, p.codename) for p in permissions}
        if missing:
            raise LookupError(f"Permissions missing for group {name}: {sorted(missing)}")
        group.permissions.add(*permissions)
    _editor_page_permissions()
    _collection_permissions()


def _editor_page_permissions() -> None:
    from wagtail.models import GroupPagePermission, Page

    root = Page.get_first_root_node()
    if root is None:
        return
    editors = Group.objects.get(name=EDITORS)
    for codename in ("add_page", "change_page"):
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=editors, page=root, permission=permission)


# Provincial roles add and choose images only in their provinces' photo collections (given by
# the app that keeps the photos), never in the root collection that holds every province's photos.
PROVINCIAL_ROLES = (TRAINERS, MANAGERS)
FILE_APPS = ("wagtailimages", "wagtaildocs")


def _collection_permissions() -> None:
    """Wagtail grants image and document permissions per collection, not through the group
    alone, and a collection's permission covers every collection under it. National
    administrators hold theirs on the root collection; the site's editors and moderators on
    the public collection only (access/collections.py), never on the root, which holds
    the provinces' activity photos."""
    from wagtail.models import Collection, GroupCollectionPermission

    root = Collection.get_first_root_node()
    if root is None:
        return
    public = public_collection()
    GroupCollectionPermission.objects.filter(
        group__name__in=PROVINCIAL_ROLES, collection=root, permission__content_type__app_label="wagtailimages"
    ).delete()
    on_root = GroupCollectionPermission.objects.filter(
        group__name__in=SITE_GROUPS, collection=root, permission__content_type__app_label__in=FILE_APPS
    )
    for grant in on_root:
        GroupCollectionPermission.objects.get_or_create(
            group_id=grant.group_id, collection=public, permission_id=grant.permission_id
        )
    on_root.delete()
    for name, wanted in role_permissions().items():
        if name in PROVINCIAL_ROLES:
            continue
        group = Group.objects.get(name=name)
        collection = public if name in SITE_GROUPS else root
        for app_label, codename in wanted:
            if app_label in FILE_APPS:
                permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection, permission=permission
                )
