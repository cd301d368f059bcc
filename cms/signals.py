from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.cache import bump_generation


def connect() -> None:
    page_published.connect(bump_generation, dispatch_uid="cms.cache.published")
    page_unpublished.connect(bump_generation, dispatch_uid="cms.cache.unpublished")
    post_page_move.connect(bump_generation, dispatch_uid="cms.cache.moved")
    from wagtail.models import Page

    post_delete.connect(bump_generation, sender=Page, dispatch_uid="cms.cache.deleted")
