"""The public statistics page: totals by province, small counts of sensitive groups hidden, no names."""

import json

import pytest

from campaigns.models import Audience
from places.models import Place
from tests.factories import ActivityFactory, ParticipantFactory, son_la_commune
from tests.factories import cms as pages

pytestmark = pytest.mark.django_db


def old_district(province: str, name: str) -> Place:
    return Place.objects.get(
        is_current=False, level=Place.Level.DISTRICT, province__name__contains=province, name__contains=name
    )


@pytest.fixture
def returned_victims():
    return Audience.objects.create(code="returned_victims", name="Nạn nhân trở về", is_sensitive=True)


def test_totals_by_province_in_a_table_that_needs_no_javascript(client):
    ActivityFactory(sessions=4, participants=80, status="held")
    page = pages.statistics_page()
    html = client.get(page.url).content.decode()
    table = html[html.index('<table id="stats-table"') : html.index("</table>")]
    assert "Thanh Hóa" in table
    assert ">80<" in table and ">4<" in table
    assert "chart-4.5.1.umd.min.js" in html  # the chart only adds to the table


def test_a_small_count_of_a_sensitive_group_is_suppressed_by_district(client, returned_victims):
    activity = ActivityFactory(
        sessions=1, participants=3, status="held", place=old_district("Thanh Hóa", "Mường Lát"), start_date="2020-05-01"
    )
    activity.audiences.set([returned_victims])
    activity.save()  # parental relations are written on save
    page = pages.statistics_page()
    html = client.get(page.url, {"province": "38"}).content.decode()
    table = html[html.index("<tbody>") : html.index("</tbody>")]
    assert "Mường Lát" in table
    assert "&lt;11" in table
    assert ">3<" not in table
    chart = json.loads(html[html.index('id="chart-data"') :].split(">", 1)[1].split("</script>", 1)[0])
    assert chart["values"] == [None]  # no bar for a hidden count, nor one of 0


def test_no_participant_names_on_any_public_page(client):
    person = ParticipantFactory(full_name="Lò Thị Xuân Riêng")
    ActivityFactory(sessions=1, participants=1, status="held")
    statistics = pages.statistics_page()
    article = pages.article()
    for url in ["/", statistics.url, f"{statistics.url}?province=38", article.url, "/search/?q=lo+thi+xuan"]:
        html = client.get(url).content.decode()
        assert person.full_name not in html, url
    assert "unique_participants" not in client.get(statistics.url).content.decode()


def test_the_total_cannot_reveal_a_suppressed_count(client, returned_victims):
    sensitive = ActivityFactory(
        sessions=1, participants=3, status="held", place=old_district("Thanh Hóa", "Mường Lát"), start_date="2020-05-01"
    )
    sensitive.audiences.set([returned_victims])
    sensitive.save()
    ActivityFactory(
        sessions=2, participants=40, status="held", place=old_district("Thanh Hóa", "Quan Sơn"), start_date="2020-05-01"
    )
    html = client.get(pages.statistics_page().url, {"province": "38"}).content.decode()
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    foot = html[html.index("<tfoot>") : html.index("</tfoot>")]
    assert "&lt;11" in body
    assert ">40<" in body
    assert ">43<" not in foot  # hidden: 43 − 40 would give the 3
    assert ">*<" in foot


def shape_of(html: str, code: str) -> str:
    start = html.index(f'data-code="{code}"')
    return html[html.rindex("<a ", 0, start) : html.index("</a>", start)]


def test_the_map_hatches_a_province_whose_count_is_hidden_and_never_shades_it(client, returned_victims):
    activity = ActivityFactory(sessions=1, participants=3, status="held", start_date="2025-08-01")
    activity.audiences.set([returned_victims])
    activity.save()
    ActivityFactory(sessions=2, participants=400, status="held", place=son_la_commune())
    html = client.get(pages.statistics_page().url).content.decode()
    svg = html[html.index('<div class="map">') : html.index("</svg>")]
    assert svg.count("<path ") == 34
    thanh_hoa = shape_of(svg, "38")
    assert 'fill="url(#hidden)"' in thanh_hoa and 'data-hidden="1"' in thanh_hoa
    assert "&lt;11" in thanh_hoa and ": 3" not in thanh_hoa
    assert "hidden: a count of returned victims below 11" in svg or "ẩn: số nạn nhân trở về dưới 11" in svg
    son_la = shape_of(svg, "14")
    assert 'data-hidden="1"' not in son_la and "url(#hidden)" not in son_la


def test_each_province_of_the_map_links_to_the_page_filtered_to_it(client):
    ActivityFactory(sessions=2, participants=40, status="held")
    page = pages.statistics_page()
    html = client.get(page.url).content.decode()
    assert f'<a href="{page.url}?province=38">' in shape_of(html, "38")
    # The page filtered to one province shows its districts, and no map of provinces.
    assert 'data-code="' not in client.get(page.url, {"province": "38"}).content.decode()


def legend(html: str) -> str:
    return html[html.index('id="figures-legend"') : html.index("</p>", html.index('id="figures-legend"'))]


def test_the_page_says_which_years_its_figures_cover_and_what_0_and_dash_mean(client):
    ActivityFactory(status="held", start_date="2017-03-16")
    ActivityFactory(status="held", start_date="2021-11-02")
    html = client.get(pages.statistics_page().url).content.decode()
    note = legend(html)
    assert "từ năm 2017 đến năm 2021" in note
    assert "“0”" in note and "“—”" in note


def test_the_period_follows_the_chosen_province(client):
    ActivityFactory(status="held", start_date="2017-03-16")  # Thanh Hóa
    ActivityFactory(status="held", start_date="2023-05-01", place=son_la_commune())
    html = client.get(pages.statistics_page().url, {"province": "38"}).content.decode()
    assert "từ năm 2017 đến năm 2017" in legend(html)


def test_with_no_activity_the_page_says_so_instead_of_a_period(client):
    html = client.get(pages.statistics_page().url).content.decode()
    assert "Chưa có hoạt động nào được ghi nhận." in legend(html)
