"""Vietnamese first: the project's own strings are translated, and the compiled catalog is current."""

import ast
import gettext
import json
import re
from pathlib import Path

import pytest
from django.utils import translation

from places.lookup import PlaceNotFound, lookup_place

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


# --- Wagtail's own screens in Vietnamese (locale/overrides) ----------------------------------

OVERRIDES = LOCALE.parents[1] / "overrides" / "vi" / "LC_MESSAGES"
WAGTAIL_EN = sorted(Path(__import__("wagtail").__file__).parent.glob("**/locale/en/LC_MESSAGES/*.po"))
# Django's own strings that Wagtail's screens show ("3 phút trước"), where Django's catalogue lacks them.
WAGTAIL_EN += [Path(__import__("django").__file__).parent / "conf/locale/en/LC_MESSAGES/django.po"]


def catalog_entries(path: Path) -> dict[str, str]:
    text = path.read_text(encoding="utf-8")
    entries = {}
    for block in text.split("\n\n"):
        found = re.search(r'^msgid ((?:".*"\n?)+)', block, re.MULTILINE)
        translated = re.search(r'^msgstr(?:\[0\])? ((?:".*"\n?)+)', block, re.MULTILINE)
        if found and translated:
            msgid = "".join(ast.literal_eval(line) for line in found.group(1).strip().splitlines())
            if msgid:
                entries[msgid] = "".join(ast.literal_eval(line) for line in translated.group(1).strip().splitlines())
    return entries


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_wagtail_overrides_are_translated_compiled_and_still_wagtail_strings(domain):
    entries = catalog_entries(OVERRIDES / f"{domain}.po")
    assert len(entries) > (400 if domain == "django" else 80)
    assert [msgid for msgid, msgstr in entries.items() if not msgstr] == []
    wagtail = set()
    for path in WAGTAIL_EN:
        if path.stem == domain:
            wagtail |= set(catalog_entries(path))
    # A Wagtail upgrade that rewords a string leaves our entry unused: find it here.
    assert sorted(set(entries) - wagtail) == []
    with (OVERRIDES / f"{domain}.mo").open("rb") as file:
        catalog = gettext.GNUTranslations(file)
    assert {m: s for m, s in entries.items() if catalog.gettext(m) != s and catalog.ngettext(m, m, 1) != s} == {}


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [
        ("Sign in to Wagtail", "Đăng nhập hệ thống"),
        ("Remember me", "Ghi nhớ đăng nhập"),
        ("Save draft", "Lưu nháp"),
        ("Images", "Ảnh"),
        ("Documents", "Tài liệu"),
        ("Help", "Trợ giúp"),
        ("Page title", "Tiêu đề trang"),
        ("Promote", "Quảng bá"),
        ("Request changes", "Yêu cầu sửa"),
        ("History", "Lịch sử"),
        ("Workflows", "Quy trình duyệt"),
        ("Page '%(page_title)s' has been updated.", "Đã cập nhật trang “%(page_title)s”."),
        ("%(label)s and Publish", "%(label)s và xuất bản"),
        ("Submit to %(workflow_name)s", "Gửi duyệt (%(workflow_name)s)"),
        ("Translate", "Dịch"),
        ("just now", "vừa xong"),
        ("View draft", "Xem bản nháp"),
        ("Privacy and access", "Quyền riêng tư và truy cập"),
        ("Task started", "Bắt đầu bước duyệt"),
        ("The page could not be saved due to validation errors.", "Không lưu được trang vì có lỗi cần sửa."),
    ],
)
def test_wagtail_strings_speak_vietnamese(english, vietnamese):
    with translation.override("vi"):
        assert translation.gettext(english) == vietnamese


@pytest.mark.django_db
def test_wagtail_scripts_speak_vietnamese(client, django_user_model):
    user = django_user_model.objects.create_superuser("reader", "r@example.org", "a-long-test-password")
    client.force_login(user)
    script = client.get("/admin/jsi18n/").content.decode()
    # The catalogue is JSON with every non-ASCII letter escaped, as json.dumps writes it.
    assert f"{json.dumps('Autosave in progress…')}: {json.dumps('Đang tự động lưu…')}" in script
    assert f"{json.dumps('Changes have been autosaved.')}: {json.dumps('Các thay đổi đã được tự động lưu.')}" in script


def test_wagtail_says_how_long_ago_in_vietnamese():
    import datetime

    from django.utils import timezone
    from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple

    with translation.override("vi"):
        assert (
            timesince_simple(timezone.now() - datetime.timedelta(minutes=3)) == "3\xa0phút trước"
        )  # Django joins number and unit with a no-break space
        assert timesince_simple(timezone.now()) == "vừa xong"


def test_import_counts_say_created_not_creation_date():
    with translation.override("vi"):
        assert translation.pgettext("rows of an import", "created") == "đã tạo"
        assert translation.pgettext("rows of an import", "updated") == "đã cập nhật"


def test_make_messages_leaves_the_wagtail_overrides_alone(tmp_path, monkeypatch, settings):
    """`make messages` (makemessages --no-obsolete) rewrites locale/vi from our sources only."""
    import shutil

    from django.core.management import call_command

    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "views.py").write_text('from django.utils.translation import gettext as _\n_("Ours")\n')
    shutil.copytree(OVERRIDES.parents[1], tmp_path / "locale" / "overrides")
    (tmp_path / "locale" / "vi" / "LC_MESSAGES").mkdir(parents=True)
    before = (tmp_path / "locale" / "overrides" / "vi" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    settings.LOCALE_PATHS = [tmp_path / "locale", tmp_path / "locale" / "overrides"]
    monkeypatch.chdir(tmp_path)
    call_command("makemessages", locale=["vi"], no_obsolete=True, verbosity=0)
    ours = (tmp_path / "locale" / "vi" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    assert 'msgid "Ours"' in ours
    assert (tmp_path / "locale" / "overrides" / "vi" / "LC_MESSAGES" / "django.po").read_text(
        encoding="utf-8"
    ) == before
    assert not list((tmp_path / "locale" / "overrides").glob("**/*.pot"))
