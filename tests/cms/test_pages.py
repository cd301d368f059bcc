import datetime

import pytest
from django.core.exceptions import ValidationError

from campaigns.models import Audience, Target, Topic
from cms.models import Language
from tests.factories import ActivityFactory, CampaignFactory, DistributionFactory, current_province
from tests.factories import cms as pages

pytestmark = pytest.mark.django_db

THANH_HOA = "38"


@pytest.fixture
def topic():
    return Topic.objects.create(code="safe_migration", name="Di cư an toàn")


@pytest.fixture
def audience():
    return Audience.objects.create(code="industrial_workers", name="Công nhân khu công nghiệp")


def test_article_shows_its_body_blocks_and_hero_alt_text(client):
    hero = pages.image()
    body = [
        ("paragraph", "<p>Đoạn văn đầu tiên.</p>"),
        ("quote", {"text": "Đi làm xa phải hỏi kỹ.", "attribution": "Chị Lan"}),
        ("figures", {"heading": "Con số", "figures": [{"number": "2.890", "label": "lượt cán bộ"}], "source": ""}),
        ("image", {"image": hero, "alt": "Lớp tập huấn ở Na Mèo", "caption": "Lớp học"}),
    ]
    page = pages.article(hero_image=hero, hero_alt="Chị em ở xã biên giới", body=body, author="Thu Hà")
    html = client.get(page.url).content.decode()
    assert "Đoạn văn đầu tiên." in html
    assert "Đi làm xa phải hỏi kỹ." in html
    assert "2.890" in html
    assert 'alt="Lớp tập huấn ở Na Mèo"' in html
    assert 'alt="Chị em ở xã biên giới"' in html
    assert 'type="image/webp"' in html  # <picture> with a WebP source and a JPEG fallback
    assert "Thu Hà" in html


def test_article_with_a_hero_image_needs_alt_text():
    page = pages.article()
    page.hero_image = pages.image()
    page.hero_alt = ""
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "hero_alt" in error.value.message_dict


def test_image_block_requires_alt_text():
    from cms.blocks import CaptionedImageBlock

    block = CaptionedImageBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": pages.image().pk, "alt": "", "caption": ""}))


def test_article_has_open_graph_tags(client):
    page = pages.article(hero_image=pages.image(), hero_alt="Ảnh")
    html = client.get(page.url).content.decode()
    assert '<meta property="og:title" content="Phụ nữ vùng biên chống mua bán người">' in html
    assert '<meta property="og:type" content="article">' in html
    assert 'property="og:image" content="http://testserver/' in html


def test_article_index_filters_by_topic_province_and_year(client, topic):
    thanh_hoa = current_province(THANH_HOA)
    matching = pages.article(
        "Bài Thanh Hóa 2024", topics=[topic], provinces=[thanh_hoa], date=datetime.date(2024, 1, 5)
    )
    pages.article("Bài khác tỉnh", topics=[topic], date=datetime.date(2024, 2, 1))
    pages.article("Bài năm khác", topics=[topic], provinces=[thanh_hoa], date=datetime.date(2022, 2, 1))
    index = matching.get_parent()
    html = client.get(index.url, {"topic": topic.code, "province": THANH_HOA, "year": "2024"}).content.decode()
    assert "Bài Thanh Hóa 2024" in html
    assert "Bài khác tỉnh" not in html
    assert "Bài năm khác" not in html
    unfiltered = client.get(index.url).content.decode()
    assert unfiltered.count('class="card"') == 3


def test_unknown_filter_values_are_ignored(client, topic):
    page = pages.article(topics=[topic])
    response = client.get(page.get_parent().url, {"topic": "nope", "year": "abc", "province": "99"})
    assert response.status_code == 200
    assert page.title in response.content.decode()


def test_leaflet_index_filters_by_audience(client, audience):
    pages.leaflet("Tờ rơi cho công nhân", audiences=[audience])
    pages.leaflet("Tờ rơi cho học sinh")
    html = client.get("/to-roi/", {"audience": audience.code}).content.decode()
    assert "Tờ rơi cho công nhân" in html
    assert "Tờ rơi cho học sinh" not in html


def test_leaflet_page_offers_the_pdf_and_where_it_was_handed_out(client):
    pdf = pages.document()
    thai = Language.objects.create(code="tai", name="Tiếng Thái")
    hmong = Language.objects.create(code="hmn", name="Tiếng H'Mông")
    page = pages.leaflet(
        document=pdf, cover_image=pages.image(), languages=[thai, hmong], edition="In lần 2", print_run=5000
    )
    DistributionFactory(document=pdf, printed=3000, distributed=2500)
    DistributionFactory(document=pdf, printed=None, distributed=500)
    html = client.get(page.url).content.decode()
    assert f'href="{pdf.url}"' in html
    assert "Tiếng Thái" in html and "Tiếng H&#x27;Mông" in html
    assert "5.000" in html  # print run
    assert "Thanh Hóa" in html
    assert "3.000" in html  # distributed in Thanh Hóa, both records
    # (The download itself is tested in the browser: the tests' in-memory storage has no file path to send.)


def test_campaign_page_shows_live_totals_and_target_progress(client):
    campaign = CampaignFactory(start_date=datetime.date(2025, 7, 1), end_date=datetime.date(2025, 12, 31))
    ActivityFactory(campaign=campaign, sessions=3, participants=45, status="held")
    Target.objects.create(campaign=campaign, measure=Target.Measure.SESSIONS, value=6)
    page = pages.campaign_page(campaign, summary="Câu chuyện của chương trình.")
    html = client.get(page.url).content.decode()
    assert ">3<" in html  # sessions
    assert ">45<" in html  # participants
    assert "3 / 6" in html
    assert 'value="50"' in html


def figures_of(html: str) -> str:
    return html[html.index('id="campaign-figures"') : html.index("</section>", html.index('id="campaign-figures"'))]


def test_campaign_page_counts_its_period_only_and_says_what_it_left_out(client):
    campaign = CampaignFactory(start_date=datetime.date(2018, 1, 1), end_date=datetime.date(2020, 12, 31))
    ActivityFactory(campaign=campaign, sessions=50, participants=None, start_date=datetime.date(2019, 4, 1))
    ActivityFactory(campaign=campaign, sessions=6, participants=5, start_date=datetime.date(2019, 5, 1))
    ActivityFactory(campaign=campaign, sessions=1, participants=30, start_date=datetime.date(2026, 3, 1))
    figures = figures_of(client.get(pages.campaign_page(campaign).url).content.decode())
    assert ">56<" in figures  # sessions of 2018-2020 only
    assert "ít nhất 5" in figures  # not "5": one activity's attendance is unknown
    assert "1 hoạt động chưa rõ số người dự" in figures
    assert "từ 01/01/2018 đến 31/12/2020" in figures
    assert "1 hoạt động được ghi cho chương trình nhưng nằm ngoài thời gian" in figures
    assert "35" not in figures and "30" not in figures


def test_campaign_page_hides_a_small_target_count_of_returned_victims(client):
    campaign = CampaignFactory(start_date=datetime.date(2025, 1, 1), end_date=datetime.date(2025, 12, 31))
    victims = Audience.objects.create(code="victims", name="Nạn nhân trở về", is_sensitive=True)
    activity = ActivityFactory(campaign=campaign, participants=3)
    activity.audiences.set([victims])
    activity.save()
    Target.objects.create(campaign=campaign, measure=Target.Measure.PARTICIPANTS, audience=victims, value=40)
    html = client.get(pages.campaign_page(campaign).url).content.decode()
    targets = html[html.index('id="campaign-targets"') :]
    assert "&lt;11 / 40" in targets
    assert "3 / 40" not in targets and "<progress" not in targets


def test_home_page_and_menu_link_the_campaign_and_about_pages(client):
    campaign_page = pages.campaign_page(CampaignFactory(name="Đồng hành cùng phụ nữ biên cương"))
    about = pages.content_page("Giới thiệu", show_in_menus=True)
    html = client.get("/").content.decode()
    main = html[html.index("<main") :]
    nav = html[html.index('<nav class="site-nav"') : html.index("</nav>", html.index('<nav class="site-nav"'))]
    assert f'href="{campaign_page.url}"' in main and f'href="{about.url}"' in main
    assert f'href="{about.url}"' in nav
    assert f'href="{campaign_page.url}"' not in nav  # shown in menus only when an editor says so


def test_content_page_renders_its_body(client):
    page = pages.content_page(body=[("paragraph", "<p>Chúng tôi là ai.</p>")])
    assert "Chúng tôi là ai." in client.get(page.url).content.decode()


def test_home_page_shows_featured_articles_leaflets_hotline_and_totals(client):
    pages.article("Bài nổi bật", featured=True)
    pages.leaflet("Tờ rơi mới")
    ActivityFactory(sessions=7, participants=120, status="held")
    html = client.get("/").content.decode()
    assert "Bài nổi bật" in html
    assert "Tờ rơi mới" in html
    assert 'href="tel:111"' in html
    assert ">7<" in html and ">120<" in html


def test_printable_view_of_an_article(client):
    page = pages.article()
    html = client.get(page.url, {"print": "1"}).content.decode()
    assert "print-view" in html


def test_pages_have_landmarks_and_a_skip_link(client):
    page = pages.article()
    html = client.get(page.url).content.decode()
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert "<header" in html and "<footer" in html and 'role="search"' in html


def test_english_translation_of_an_article_is_served_under_en(client):
    from wagtail.models import Locale

    page = pages.article()
    english = Locale.objects.get_or_create(language_code="en")[0]
    pages.home().copy_for_translation(english).save_revision().publish()
    page.get_parent().copy_for_translation(english).save_revision().publish()
    translation = page.copy_for_translation(english)
    translation.title = "Women at the border against trafficking"
    translation.save_revision().publish()
    translation = type(translation).objects.get(pk=translation.pk)  # its address, made of the English title
    response = client.get(translation.url)
    assert translation.url.startswith("/en/") and translation.url.endswith("/women-at-the-border-against-trafficking/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Women at the border against trafficking" in html
    assert f'href="{page.url}"' in client.get(translation.url).content.decode()  # the language switch


def test_article_preview_and_old_revision_show_the_related_leaflets(client, superuser):
    leaflet = pages.leaflet("Tờ rơi về lời mời làm việc lương cao")
    article = pages.article(related_leaflets=[leaflet])
    revision = article.save_revision(user=superuser)  # a draft: the admin shows it from the revision
    client.force_login(superuser)
    for url in (f"/admin/pages/{article.pk}/view_draft/", f"/admin/pages/{article.pk}/revisions/{revision.pk}/view/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Tờ rơi về lời mời làm việc lương cao" in response.content.decode()
