"""The roles (README, *Privacy and access*) as Wagtail groups, created after every migrate (idempotent).

- Editors: the public site only (pages, images, documents).
- Trainers: record and edit activities, sign-in lists and participants in their provinces.
- Managers: see and correct everything in their provinces, set targets, read reports.
- National administrators: everything, in every province.

A user's provinces are set on their staff scope (access.StaffScope); national
administrators need none.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from access.models import NATIONAL_GROUP

EDITORS = "Editors"  # Wagtail's own group for the public site; reviewers are its "Moderators"
TRAINERS = "Tập huấn viên"
MANAGERS = "Quản lý"
NATIONAL_ADMINS = NATIONAL_GROUP

ADMIN_ACCESS = [("wagtailadmin", "access_admin")]
TRACKED = ["activity", "club", "materialdistribution"]
PEOPLE = ["participant", "attendance"]
REFERENCE = ["campaign", "organiser", "audience", "topic", "place", "course", "trainer", "target", "plandocument"]


def _perms(app_label: str, models: list[str], actions: list[str]) -> list[tuple[str, str]]:
    return [(app_label, f"{action}_{model}") for model in models for action in actions]


def _app_of(model: str) -> str:
    """The label of the app `model` lives in, from Django's registry: a model moved to another
    app takes its roles' permissions with it, with no second list of where models live."""
    (label,) = {found._meta.app_label for found in global_apps.get_models() if found._meta.model_name == model}
    return label


def _all(models: list[str], actions: list[str]) -> list[tuple[str, str]]:
    return [(_app_of(model), f"{action}_{model}") for model in models for action in actions]


# Wagtail's simple_translation: "Dịch" (Translate) in a page's menu. The copy is a draft that
# goes through the same moderation workflow as any page.
TRANSLATE = [("simple_translation", "submit_translation")]

ROLE_PERMISSIONS: dict[str, list[tuple[str, str]]] = {
    EDITORS: ADMIN_ACCESS
    + TRANSLATE
    + _perms("wagtailimages", ["image"], ["add", "change", "choose"])
    + _perms("wagtaildocs", ["document"], ["add", "change", "choose"]),
    TRAINERS: ADMIN_ACCESS
    + _all(["activity", "materialdistribution"], ["add", "change", "view"])
    # Trainers bring in activities and sign-in lists; they export activities and clubs,
    # never the participants' personal data.
    + _all(["activity", "participant"], ["import"])
    + _all(["activity", "club"], ["export"])
    + _all(PEOPLE, ["add", "change", "delete", "view"])
    + _all(["club", *REFERENCE], ["view"])
    + _perms("wagtailimages", ["image"], ["add", "choose"]),
    MANAGERS: ADMIN_ACCESS
    + _all(TRACKED + PEOPLE, ["add", "change", "delete", "view"])
    + _all(["target", "plandocument"], ["add", "change", "delete", "view"])
    + _all([m for m in REFERENCE if m not in {"target", "plandocument"}], ["view"])
    + _all(["campaign"], ["change"])
    + _all(["activity", "club", "participant", "target"], ["import", "export"])
    + _all(["campaign"], ["export"])
    + _perms("wagtailimages", ["image"], ["add", "choose"]),
    NATIONAL_ADMINS: ADMIN_ACCESS
    + TRANSLATE
    + _all(TRACKED + PEOPLE + [m for m in REFERENCE if m != "place"], ["add", "change", "delete", "view"])
    + _all(["place"], ["view"])
    + _all(["staffscope"], ["add", "change", "delete", "view"])
    + _all(["activity", "club", "participant", "campaign", "target"], ["import", "export"])
    + _perms("wagtailimages", ["image"], ["add", "change", "choose"])
    + _perms("wagtaildocs", ["document"], ["add", "change", "choose"]),
}


def grant(role: str, permissions: list[tuple[str, str]]) -> None:
    """Add (app label, codename) permissions to a role: an app above this one gives the
    roles the permissions of its own models from its AppConfig.ready(), so that this table
    names nothing above it. Granted again, nothing changes."""
    ROLE_PERMISSIONS[role] = list(dict.fromkeys([*ROLE_PERMISSIONS[role], *permissions]))


def ensure_roles(**kwargs) -> None:
    """Create the groups and give each exactly its permissions (extra ones an admin added stay)."""
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    for name, wanted in ROLE_PERMISSIONS.items():
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


# Provincial roles add and choose images only in their provinces' photo collections
# (campaigns.photos), never in the root collection that holds every province's photos.
PROVINCIAL_ROLES = (TRAINERS, MANAGERS)


def _collection_permissions() -> None:
    """Wagtail grants image and document permissions per collection, not through the group
    alone: give each national role its image and document permissions on the root
    collection, which covers every collection under it."""
    from wagtail.models import Collection, GroupCollectionPermission

    root = Collection.get_first_root_node()
    if root is None:
        return
    GroupCollectionPermission.objects.filter(
        group__name__in=PROVINCIAL_ROLES, collection=root, permission__content_type__app_label="wagtailimages"
    ).delete()
    for name, wanted in ROLE_PERMISSIONS.items():
        group = Group.objects.get(name=name)
        for app_label, codename in wanted:
            if app_label in {"wagtailimages", "wagtaildocs"} and name not in PROVINCIAL_ROLES:
                permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
                GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)
