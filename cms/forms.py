"""The admin form of every public page type."""

from __future__ import annotations

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.admin.forms.pages import WagtailAdminPageForm
from wagtail.models import Page

from core.fields import PlainTextForm


def free_slug(slug: str, parent: Page) -> str:
    """`slug`, or `slug-2`, `slug-3`… : the first that no page under `parent` uses."""
    candidate, suffix = slug, 1
    while not Page._slug_is_available(candidate, parent):
        suffix += 1
        candidate = f"{slug}-{suffix}"
    return candidate


class SitePageForm(PlainTextForm, WagtailAdminPageForm):
    """Forgiving about addresses already in use.

    Wagtail saves a new page's draft behind the editor's back (autosave); an editor who
    starts the same article again got an English error about the slug on the Promote
    tab. A new page now takes the next free address ("…-2"); an existing page whose
    address was changed to a taken one is refused with the page holding it, linked.
    """

    def clean(self):
        slug = self.cleaned_data.get("slug")
        parent = self.parent_page
        if slug and parent is not None and not Page._slug_is_available(slug, parent, self.instance):
            if self.instance.pk is None:
                self.cleaned_data["slug"] = free_slug(slug, parent)
            else:
                self.add_error("slug", self._taken_message(slug, parent))
        return super().clean()

    def _taken_message(self, slug: str, parent: Page) -> str:
        holder = parent.get_children().filter(slug=slug).not_page(self.instance).first()
        return format_html(
            _('The address “{slug}” is already used by the page <a href="{url}">{title}</a> in the same section.'),
            slug=slug,
            url=reverse("wagtailadmin_pages:edit", args=[holder.pk]),
            title=holder.get_admin_display_title(),
        )
