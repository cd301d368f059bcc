"""Vietnamese first: the project's own strings are translated, and the compiled catalog is current."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.utils import translation

from campaigns.places import PlaceNotFound, lookup_place

LOCALE = Path(__file__).resolve().parent.parent / "locale" / "vi" / "LC_MESSAGES"
ENTRY = re.compile(r'^(?:msgctxt (".*")\n)?msgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)', re.MULTILINE)


def po_entries() -> dict[str, str]:
    def unquote(lines: str) -> str:
        return "".join(ast.literal_eval(line) for line in lines.strip().splitlines())

    text = (LOCALE / "django.po").read_text(encoding="utf-8")
    # A string with a context is looked up as "context\x04msgid", as gettext stores it.
    return {
        (f"{unquote(context)}\x04" if context else "") + unquote(msgid): unquote(msgstr)
        for context, msgid, msgstr in ENTRY.findall(text)
        if unquote(msgid)
    }


def test_every_string_has_a_vietnamese_translation():
    untranslated = [msgid for msgid, msgstr in po_entries().items() if not msgstr]
    assert untranslated == []
    assert "#, fuzzy" not in (LOCALE / "django.po").read_text(encoding="utf-8")


def test_compiled_catalog_matches_the_po_file():
    with (LOCALE / "django.mo").open("rb") as file:
        catalog = gettext.GNUTranslations(file)
    stale = {msgid: msgstr for msgid, msgstr in po_entries().items() if catalog.gettext(msgid) != msgstr}
    assert stale == {}, "run `make messages`"


@pytest.mark.usefixtures("places")
def test_lookup_errors_speak_vietnamese_by_default_and_english_on_request():
    with translation.override("vi"), pytest.raises(PlaceNotFound) as error:
        lookup_place("Thanh Hoas", level="province")
    assert "Không có đơn vị hành chính nào tên “Thanh Hoas”" in str(error.value)
    with translation.override("en"), pytest.raises(PlaceNotFound) as error:
        lookup_place("Thanh Hoas", level="province")
    assert "No place called “Thanh Hoas”" in str(error.value)


@pytest.mark.django_db
def test_site_interface_in_vietnamese(client):
    html = client.get("/").content.decode()
    assert "Chuyển đến nội dung" in html
    html = client.get("/en/").content.decode()
    assert "Skip to content" in html


def test_page_titles_are_not_called_activity_names():
    from wagtail.documents.models import Document

    from campaigns.models import Activity
    from cms.models import ArticlePage

    with translation.override("vi"):
        assert str(ArticlePage._meta.get_field("title").verbose_name) == "tiêu đề"
        assert str(Document._meta.get_field("title").verbose_name) == "tiêu đề"
        assert str(Activity._meta.get_field("title").verbose_name) == "tên hoạt động"
