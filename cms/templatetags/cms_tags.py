from django import template
from django.conf import settings
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from cms.locales import language_links as link_targets
from cms.locales import section_slug as localized_section_slug
from core.text import grouped
from places.models import english_place_name

register = template.Library()

# What the language switch says when the page has no translation in a language.
NO_TRANSLATION = {
    "vi": _("This page has no Vietnamese version: VI opens the Vietnamese home page."),
    "en": _("This page has no English version yet: EN opens the English home page."),
}


@register.inclusion_tag("cms/includes/languages.html", takes_context=True)
def language_links(context) -> dict:
    """Plain links to the page in each language: its translation, else that language's home
    page with a note that this page has no translation there.

    Links, not forms: no CSRF cookie, so public pages stay cacheable and work without JavaScript.
    """
    page = context.get("page")
    request = context.get("request")
    current = get_language()
    targets = link_targets(page, request)
    links = []
    for code, _name in settings.LANGUAGES:
        target = targets[code]
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": target["url"],
                "translated": target["translated"],
                "note": NO_TRANSLATION.get(code, ""),
                "current": code == current,
            }
        )
    return {"links": links, "untranslated": [link for link in links if not link["translated"]]}


@register.simple_tag
def menu_pages() -> list:
    """Campaign and plain pages (about us…) that editors show in menus (Promote → "Show in
    menus"): children of a home page, in the current language; one query."""
    from wagtail.models import Page

    from cms.models import CampaignPage, ContentPage

    pages = Page.objects.live().in_menu().type(CampaignPage, ContentPage)
    # Depth 3: children of a home page (the tree's root is 1, each language's home 2).
    pages = pages.filter(depth=3, locale__language_code=get_language())
    return list(pages.exclude(view_restrictions__isnull=False).order_by("path"))


@register.filter
def number(value) -> str:
    """Vietnamese thousands separator (15.000), whatever the active language; "<11", "*" and None kept."""
    if isinstance(value, bool) or not isinstance(value, int):
        return "—" if value is None else str(value)
    return grouped(value)


@register.simple_tag
def lang_prefix() -> str:
    """ "" for the default language (served at /), "/en" for the others."""
    current = get_language()
    return "" if current == settings.LANGUAGE_CODE else f"/{current}"


@register.filter
def place_name(name: str) -> str:
    """A place's official Vietnamese name, in its English form on the English site."""
    return english_place_name(name) if name and (get_language() or "").startswith("en") else name


@register.simple_tag
def section_slug(vietnamese: str) -> str:
    """The address of a menu section in the reader's language ("tin-bai" → "articles")."""
    return localized_section_slug(vietnamese, get_language() or settings.LANGUAGE_CODE)
