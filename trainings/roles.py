"""What each role may do with the trainings app's records (the roles are access's, README
*Privacy and access*), registered from TrainingsConfig.ready()."""

from access.roles import MANAGERS, NATIONAL_ADMINS, TRAINERS, permissions, register_role_permissions

APP = "trainings"
EVERYTHING = ["add", "change", "delete", "view"]
PEOPLE = ["participant", "attendance"]  # who came: personal data, kept in their province
REFERENCE = ["course", "trainer"]
# No role holds the links' permissions (activitycourse, activitytrainer, clubmember): they have
# no screen, chooser or export of their own and are written only as lines of an activity or a
# club, under that record's permissions (campaigns.services, trainings.admin_parts).


def register() -> None:
    register_role_permissions(
        TRAINERS,
        permissions(APP, PEOPLE, EVERYTHING)
        # Trainers bring in sign-in lists, but never export the participants' personal data.
        + permissions(APP, ["participant"], ["import"])
        + permissions(APP, REFERENCE, ["view"]),
    )
    register_role_permissions(
        MANAGERS,
        permissions(APP, PEOPLE, EVERYTHING)
        + permissions(APP, REFERENCE, ["view"])
        + permissions(APP, ["participant"], ["import", "export"]),
    )
    register_role_permissions(
        NATIONAL_ADMINS,
        permissions(APP, PEOPLE + REFERENCE, EVERYTHING) + permissions(APP, ["participant"], ["import", "export"]),
    )
