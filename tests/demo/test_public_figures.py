"""On the demo data, the public figures read as the records do: exact where no returned
victims are counted, within the published bound where they are."""

import pytest
from django.db.models import Exists, OuterRef

from campaigns.models import Activity
from demo.records import load_records
from demo.site import load_site
from reporting.stats import perturbation, totals
from tests.conftest import shared_records
from tests.factories import cms as pages

pytestmark = pytest.mark.django_db
EXACT = ["sessions", "clubs", "leaflets_distributed"]


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    with shared_records(django_db_blocker):
        load_records()
        yield load_site()


def provinces_with_returned_victims() -> set[str]:
    sensitive = Activity.audiences.through.objects.filter(activity=OuterRef("pk"), audience__is_sensitive=True)
    held = Activity.objects.filter(Exists(sensitive), status=Activity.Status.HELD)
    return {code for code in held.values_list("province__successor__code", flat=True) if code} | set(
        held.values_list("province__code", flat=True)
    )


def values(rows: list[dict]) -> dict:
    return {row["key"]: row["value"] for row in rows}


def test_the_home_page_headline_reads_as_the_records(demo_site, client):
    shown = values(client.get("/").context["figures"])
    exact = totals().total
    assert {name: shown[name] for name in EXACT} == {name: exact[name] for name in EXACT}
    assert exact["participants"] > 0
    assert abs(shown["participants"] - exact["participants"]) <= perturbation.bound()


def test_the_statistics_page_rows_without_returned_victims_are_exact(demo_site, client):
    context = client.get(pages.statistics_page().url).context
    exact = {row["province_code"]: row for row in totals(["province"]).rows}
    sensitive = provinces_with_returned_victims()
    checked = 0
    for row in context["rows"]:
        shown = values(row["values"])
        truth = exact[row["code"]]
        assert {name: shown[name] for name in EXACT} == {name: truth[name] for name in EXACT}
        if row["code"] not in sensitive:
            assert shown["participants"] == truth["participants"], row["place"]
            checked += 1
        elif isinstance(shown["participants"], int):
            assert abs(shown["participants"] - truth["participants"]) <= perturbation.bound()
    assert checked >= 2  # most provinces of the demo have no returned victims


def test_the_statistics_page_says_the_figures_are_nudged(demo_site, client):
    html = client.get(pages.statistics_page().url, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "làm nhiễu nhẹ" in html


def test_the_seeds_headline_figures_read_exactly_as_the_reports(demo_site, client):
    """The five provincial reports' figures: the demo's only activity for returned victims
    counted 52 people (11 or more: exact), so every headline figure reads as recorded."""
    from cms.templatetags.cms_tags import number

    exact = totals().total
    home = client.get("/", HTTP_ACCEPT_LANGUAGE="vi")
    shown = values(home.context["figures"])
    assert shown == {name: exact[name] for name in shown}
    assert number(exact["participants"]) in home.content.decode()  # Vietnamese digits: 1.234
    statistics = client.get(pages.statistics_page().url, HTTP_ACCEPT_LANGUAGE="vi").context
    by_province = {row["province_code"]: row for row in totals(["province"]).rows}
    for row in statistics["rows"]:
        assert values(row["values"]) == {name: by_province[row["code"]][name] for name in values(row["values"])}
    assert values(statistics["total"]) == {name: exact[name] for name in values(statistics["total"])}
