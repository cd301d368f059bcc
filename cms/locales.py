"""The English side of the public site: its locale, its skeleton of pages, and which page a
reader lands on when switching language.

Content is translated with Wagtail's `simple_translation` (*Dịch* in a page's action menu):
it copies the page into the English tree as a draft, the editor writes the English and
submits it to the same moderation workflow as any page. The English home and indexes must
exist and be live first, or translated articles would sit under draft parents.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils.translation import get_language
from wagtail.models import Locale, Page

ENGLISH = "en"

# The pages every English reader needs before any article is translated: the home page and
# the sections of the main menu, under English addresses (/en/articles/, not /en/tin-bai/).
SKELETON: dict[str, dict] = {
    "home": {
        "title": "Preventing human trafficking",
        "intro": (
            "<p>Materials, articles and figures from the Vietnam Women's Union's training and "
            "awareness campaigns against human trafficking, with the police, border guards and "
            "social services.</p>"
        ),
    },
    "tin-bai": {"title": "Articles", "slug": "articles", "intro": "News and stories from the provinces."},
    "to-roi": {"title": "Leaflets", "slug": "leaflets", "intro": "Leaflets to read, print and hand out."},
    "so-lieu": {
        "title": "Statistics",
        "slug": "statistics",
        "intro": "<p>Public totals by province from the reports entered. No names or personal details.</p>",
    },
}


# The menu's sections by their Vietnamese address, with the English one.
SECTION_SLUGS: dict[str, dict[str, str]] = {
    vietnamese: {ENGLISH: fields["slug"]} for vietnamese, fields in SKELETON.items() if "slug" in fields
}


def section_slug(vietnamese: str, language: str) -> str:
    """The address of a menu section in `language`: "tin-bai" is "articles" in English."""
    return SECTION_SLUGS.get(vietnamese, {}).get(language, vietnamese)


def english_locale() -> Locale:
    return Locale.objects.get_or_create(language_code=ENGLISH)[0]


def translate(page: Page, locale: Locale, **fields) -> tuple[Page, bool]:
    """The live translation of `page` in `locale`, made (and published) when missing."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        existing = existing.specific
        if "slug" in fields and existing.slug == page.slug != fields["slug"]:
            # A site whose English sections were made with the Vietnamese addresses.
            existing.slug = fields["slug"]
            existing.save_revision().publish()
        return existing, False
    copy = page.copy_for_translation(locale).specific
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return copy, True


@transaction.atomic
def ensure_english_site(home: Page) -> list[tuple[Page, bool]]:
    """English home and menu sections for the Vietnamese `home` (idempotent)."""
    locale = english_locale()
    english_home, created = translate(home, locale, **SKELETON["home"])
    done = [(english_home, created)]
    for child in home.get_children().specific():
        fields = SKELETON.get(child.slug)
        if fields is not None:
            done.append(translate(child, locale, **fields))
    return done


def language_links(page: Page | None, request) -> dict[str, dict]:
    """Where the switch to each language leads from `page`: {code: {"url", "translated"}}.
    The page itself for its own language, its live translation for another, or that
    language's home page when there is none (`translated` False). One query for them all."""
    homes = {code: "/" if code == settings.LANGUAGE_CODE else f"/{code}/" for code, _name in settings.LANGUAGES}
    if page is None or not getattr(page, "pk", None):
        return {code: {"url": url, "translated": True} for code, url in homes.items()}
    versions = Page.objects.filter(translation_key=page.translation_key).filter(Q(pk=page.pk) | Q(live=True))
    by_language = {version.locale.language_code: version for version in versions.select_related("locale")}
    links = {}
    for code, home_url in homes.items():
        version = by_language.get(code)
        url = version.get_url(request) if version is not None else None
        # No version, or one outside every site's tree (not reachable): that language's home.
        links[code] = {"url": url, "translated": True} if url else {"url": home_url, "translated": False}
    return links


def is_in_other_language(page: Page) -> bool:
    """True when `page` is served under another language's addresses (its tree is missing
    there, so Wagtail fell back to the default language's page)."""
    return page.locale.language_code != get_language()
