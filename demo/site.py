"""The demo public site: a home page, five articles, three leaflets with generated PDFs and
covers, the campaign page of "Đồng hành cùng phụ nữ biên cương", statistics and an about page.

Run by `python manage.py load_demo` after the demo records. Pages, images and documents
are found again by slug or title, so a second run creates nothing.
"""

from __future__ import annotations

import logging
from html import escape

from django.db import transaction
from wagtail.models import Locale, Page

from campaigns.models import Audience, Campaign, MaterialDistribution, Topic
from cms.locales import ensure_english_site
from cms.models import (
    ArticleIndexPage,
    ArticlePage,
    CampaignPage,
    ContentPage,
    HomePage,
    Language,
    LeafletIndexPage,
    LeafletPage,
    StatisticsPage,
)
from cms.site import configure_default_site
from demo import content, media
from demo.loader import Report, Tally
from places.lookup import lookup_place
from places.models import Place

ARTICLE_COLOURS = ["#9c1c4b", "#1f5f8b", "#2e6b3a", "#7a4b00", "#4b3b8b"]


class _Vocabulary:
    """The languages, topics and audiences that pages are tagged with, by code."""

    def __init__(self, tally: Tally) -> None:
        self.languages = {}
        for code, name, name_en in content.LANGUAGES:
            language, created = Language.objects.get_or_create(code=code, defaults={"name": name, "name_en": name_en})
            outcome = "created" if created else "unchanged"
            if not created and not language.name_en:  # a site loaded before English names existed
                language.name_en = name_en
                language.save(update_fields=["name_en"])
                outcome = "updated"
            self.languages[code] = language
            tally.add(outcome, language)
        self.topics = {topic.code: topic for topic in Topic.objects.all()}
        self.audiences = {audience.code: audience for audience in Audience.objects.all()}

    def tags(self, spec: dict) -> dict:
        return {
            "topics": [self.topics[code] for code in spec["topics"]],
            "audiences": [self.audiences[code] for code in spec["audiences"]],
        }


def _child(tally: Tally, parent: Page, model: type[Page], slug: str, **fields) -> Page:
    """The live child of `parent` with `slug`, created and published (with a revision) when missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        tally.add("unchanged", existing.specific)
        return existing.specific
    m2m = {name: fields.pop(name) for name in list(fields) if isinstance(fields[name], list) and name != "body"}
    page = model(slug=slug, **fields)
    for name, values in m2m.items():
        setattr(page, name, values)
    parent.add_child(instance=page)
    page.save_revision().publish()
    tally.add("created", page)
    return page


def _body(paragraphs, figures=(), source="", quote=None) -> list:
    blocks: list = [("paragraph", f"<p>{escape(text)}</p>") for text in paragraphs[:1]]
    if figures:
        blocks.append(
            (
                "figures",
                {
                    "heading": "Con số",
                    "figures": [{"number": n, "label": label} for n, label in figures],
                    "source": source,
                },
            )
        )
    blocks += [("paragraph", f"<p>{escape(text)}</p>") for text in paragraphs[1:]]
    if quote:
        blocks.append(("quote", {"text": quote[0], "attribution": quote[1]}))
    return blocks


def _province(name: str) -> Place:
    return lookup_place(name, level=Place.Level.PROVINCE, current=True)


def _load_home() -> HomePage:
    """The home page that `migrate` made, given the demo's introduction."""
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home.intro != content.HOME_INTRO:
        home.intro = content.HOME_INTRO
        home.save_revision().publish()
    return home


def _load_leaflets(tally: Tally, home: HomePage, vocabulary: _Vocabulary) -> list[LeafletPage]:
    index = _child(tally, home, LeafletIndexPage, "to-roi", title="Tờ rơi", intro="Tờ rơi để đọc, in và phát.")
    leaflets = []
    for spec in content.LEAFLETS:
        cover = media.image(
            tally,
            f"Bìa: {spec['title']}",
            lambda s=spec: media.picture(s["title"], s["colour"], s["edition"], size=(600, 850)),
        )
        document = media.document(tally, spec["title"], lambda s=spec: media.leaflet_pdf(s))
        leaflets.append(
            _child(
                tally,
                index,
                LeafletPage,
                spec["slug"],
                title=spec["title"],
                date=spec["date"],
                summary=spec["summary"],
                document=document,
                cover_image=cover,
                edition=spec["edition"],
                print_run=spec["print_run"],
                featured=True,
                languages=[vocabulary.languages[code] for code in spec["languages"]],
                provinces=[_province(name) for name in spec["provinces"]],
                **vocabulary.tags(spec),
            )
        )
        if spec.get("distribution"):
            # The leaflet handed out in the Thanh Hóa report is this PDF: its page lists where.
            MaterialDistribution.objects.filter(title=spec["distribution"], document__isnull=True).update(
                document=document
            )
    return leaflets


def _load_articles(tally: Tally, home: HomePage, vocabulary: _Vocabulary, leaflets: list[LeafletPage]) -> None:
    index = _child(tally, home, ArticleIndexPage, "tin-bai", title="Tin bài", intro="Tin và bài từ các tỉnh.")
    for number, spec in enumerate(content.ARTICLES):
        hero = media.image(
            tally,
            f"Ảnh: {spec['title']}",
            lambda s=spec, c=ARTICLE_COLOURS[number]: media.picture(s["title"], c, s["province"]),
        )
        _child(
            tally,
            index,
            ArticlePage,
            spec["slug"],
            title=spec["title"],
            date=spec["date"],
            author=spec["author"],
            hero_image=hero,
            hero_alt=f"Hình minh họa có dòng chữ: {spec['title']}",
            summary=spec["summary"],
            body=_body(spec["paragraphs"], spec["figures"], spec["source"], spec["quote"]),
            featured=number < 3,
            provinces=[_province(spec["province"])],
            related_leaflets=leaflets[:2] if number == 0 else leaflets[2:],
            **vocabulary.tags(spec),
        )


def _load_sections(tally: Tally, home: HomePage) -> None:
    """The campaign, statistics and about pages, straight under the home page."""
    spec = content.CAMPAIGN_PAGE
    _child(
        tally,
        home,
        CampaignPage,
        spec["slug"],
        title=spec["title"],
        campaign=Campaign.objects.filter(code=spec["campaign"]).first(),
        summary=spec["summary"],
        body=_body(spec["paragraphs"]),
        show_in_menus=True,
    )
    _child(tally, home, StatisticsPage, "so-lieu", title="Số liệu", intro=content.STATISTICS_INTRO)
    spec = content.ABOUT_PAGE
    _child(
        tally, home, ContentPage, spec["slug"], title=spec["title"], body=_body(spec["paragraphs"]), show_in_menus=True
    )


@transaction.atomic
def _load_site() -> Report:
    tally = Tally()
    # The demo's canonical links and sitemap name the configured address, not localhost.
    configure_default_site()
    home = _load_home()
    vocabulary = _Vocabulary(tally)
    leaflets = _load_leaflets(tally, home, vocabulary)
    _load_articles(tally, home, vocabulary, leaflets)
    _load_sections(tally, home)
    # English: the home page and the menu's sections; articles are translated by editors.
    for page, created in ensure_english_site(home):
        tally.add("created" if created else "unchanged", page)
    return tally.report()


def load_site() -> Report:
    """Create the demo public site; returns a report like `demo.records.load_records`'s."""
    # Wagtail logs every page created and published: the summary says it once instead.
    wagtail_log = logging.getLogger("wagtail")
    level = wagtail_log.level
    wagtail_log.setLevel(logging.WARNING)
    try:
        return _load_site()
    finally:
        wagtail_log.setLevel(level)
