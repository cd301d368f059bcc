from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingsConfig(AppConfig):
    name = "trainings"
    verbose_name = _("Trainings")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_delete

        from campaigns.rules import register_write_rule
        from trainings import roles
        from trainings.models import Participant
        from trainings.phone_sessions import remember_generation
        from trainings.phone_sync import note_removal
        from trainings.rules import ListsChanged, SignInCounts

        # Every write of an activity, by any path, keeps the counts of its sign-in list.
        register_write_rule(SignInCounts())
        register_write_rule(ListsChanged())
        # A deleted person leaves the phones too (every ORM delete, one by one or in bulk, sends it).
        post_delete.connect(note_removal, sender=Participant, dispatch_uid="trainings.phone_removal")
        # A session keeps the sign-in generation it belongs to (trainings/phone_sessions.py).
        user_logged_in.connect(remember_generation, dispatch_uid="trainings.sign_in_generation")
        roles.register()  # the roles' permissions on this app's models
        register_transfers()


def register_transfers() -> None:
    """Participants and sign-in lists in and out of spreadsheets (trainings/resources.py), with
    an activity's sign-in sheet and filled list among the import screens."""
    from transfers.registry import Transfer, register_transfer

    register_transfer(
        Transfer(
            name="participants",
            label=_("participants and sign-in lists"),
            app_label="trainings",
            model_name="participant",
            resource_path="trainings.resources.ParticipantResource",
            file_stem="nguoi-tham-gia",
            order=30,  # after activities and clubs, before campaigns and targets
            filterset_path="trainings.viewsets.ParticipantFilterSet",
            urls_path="trainings.sign_in.urlpatterns",
        )
    )
