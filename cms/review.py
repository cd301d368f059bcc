"""What the editor and the reviewer are told when a page is submitted or approved.

- A translation that still holds text copied from its source page (simple_translation
  copies everything) is flagged on submit and on approval: "an English translation went
  live with a Vietnamese paragraph in it and nothing flagged it".
- Wagtail answers an approval with "Page … has been updated" even when the approval
  published the page; the reviewer is told it is live.
"""

from __future__ import annotations

from django.contrib import messages as django_messages
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page

from cms.models.base import stream_text

# Shorter texts ("Thanh Hóa", a date, a name) are the same in both languages.
MIN_COPIED_LENGTH = 20


def _texts(page: Page, field: models.Field) -> list[str]:
    value = getattr(page, field.name)
    if isinstance(field, StreamField):
        return stream_text(value.raw_data)
    text = strip_tags(str(value or "")) if isinstance(field, RichTextField) else str(value or "")
    return [text]


def copied_from_source(page: Page) -> list[str]:
    """The fields of a translation (their labels) that still hold text equal to the source
    page's (the page in the default locale); with the number of paragraphs for a body."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return []
    source = page.get_translation_or_none(default)
    if source is None:
        return []
    source = source.specific
    found = []
    for field in page._meta.get_fields():
        if not isinstance(field, models.TextField | models.CharField | StreamField) or field.name == "slug":
            continue
        if not hasattr(source, field.name) or field.name in {"draft_title", "url_path", "path", "live_revision"}:
            continue
        if not field.editable:
            continue
        theirs = {text.strip() for text in _texts(source, field) if len(text.strip()) >= MIN_COPIED_LENGTH}
        same = [text for text in _texts(page, field) if text.strip() in theirs]
        if not same:
            continue
        label = str(field.verbose_name)
        if isinstance(field, StreamField):
            count = len(same)
            label = _("%(field)s (%(count)d paragraphs)") % {"field": label, "count": count}
        found.append(label)
    return found


def warn_of_copied_text(request, page: Page) -> None:
    copied = copied_from_source(page)
    if copied:
        messages.warning(
            request,
            _("This translation still holds text identical to the original page: %(fields)s. Translate it first.")
            % {"fields": ", ".join(copied)},
        )


def say_the_page_is_live(request, page: Page) -> None:
    """Replace Wagtail's "has been updated" after an approval that published the page."""
    page = Page.objects.get(pk=page.pk).specific
    if not page.live or page.has_unpublished_changes or page.workflow_in_progress:
        return
    storage = django_messages.get_messages(request)
    earlier = list(storage)  # read (and so cleared); the others are added back below
    for message in earlier:
        if message.level != django_messages.SUCCESS:
            django_messages.add_message(request, message.level, message.message, extra_tags=message.extra_tags)
    messages.success(
        request,
        _("The page '%(title)s' has been approved and published: it is live.")
        % {"title": page.get_admin_display_title()},
        buttons=[messages.button(page.url, _("View live"), new_window=False)] if page.url else None,
    )
