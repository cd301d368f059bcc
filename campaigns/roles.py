"""What each role may do with the campaigns app's records (the roles are access's, README
*Privacy and access*), registered from CampaignsConfig.ready()."""

from access.roles import MANAGERS, NATIONAL_ADMINS, TRAINERS, permissions, register_role_permissions

APP = "campaigns"
EVERYTHING = ["add", "change", "delete", "view"]
TRACKED = ["activity", "club", "materialdistribution"]  # the work recorded in a province
PLANNING = ["target", "plandocument"]
NATIONAL_LISTS = ["campaign", "organiser", "audience", "topic"]


def register() -> None:
    register_role_permissions(
        TRAINERS,
        permissions(APP, ["activity", "materialdistribution"], ["add", "change", "view"])
        # Trainers bring in activities; they export activities and clubs.
        + permissions(APP, ["activity"], ["import"])
        + permissions(APP, ["activity", "club"], ["export"])
        + permissions(APP, ["club", *NATIONAL_LISTS, *PLANNING], ["view"]),
    )
    register_role_permissions(
        MANAGERS,
        permissions(APP, TRACKED + PLANNING, EVERYTHING)
        + permissions(APP, NATIONAL_LISTS, ["view"])
        + permissions(APP, ["campaign"], ["change"])
        + permissions(APP, ["activity", "club", "target"], ["import", "export"])
        + permissions(APP, ["campaign"], ["export"]),
    )
    register_role_permissions(
        NATIONAL_ADMINS,
        permissions(APP, TRACKED + PLANNING + NATIONAL_LISTS, EVERYTHING)
        + permissions(APP, ["activity", "club", "campaign", "target"], ["import", "export"]),
    )
