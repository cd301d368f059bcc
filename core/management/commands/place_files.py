from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from core.files import place


class Command(BaseCommand):
    help = _(
        "Move every image and document to the storage it belongs in (private: activity photos, "
        "restricted collections, drafts' files), under a random name, without picture metadata."
    )

    def handle(self, *args, **options) -> None:
        moved = 0
        for model in (get_image_model(), get_document_model()):
            for record in model.objects.order_by("pk").iterator():
                with transaction.atomic():
                    moved += place(record)
        self.stdout.write(_("%(count)d files moved.") % {"count": moved})
