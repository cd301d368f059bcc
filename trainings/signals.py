from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from campaigns.signals import activity_updated
from trainings.models import Attendance
from trainings.services import refresh_counts_from_sign_in


@receiver([post_save, post_delete], sender=Attendance)
def sign_in_list_changed(sender, instance: Attendance, **kwargs) -> None:
    refresh_counts_from_sign_in(instance.activity_id)


@receiver(activity_updated)
def activity_changed(sender, instance, **kwargs) -> None:
    """The sign-in list, where there is one, decides the counts over what was typed."""
    refresh_counts_from_sign_in(instance.pk)
