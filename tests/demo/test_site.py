import pytest

from campaigns.models import MaterialDistribution
from cms.models import ArticlePage, CampaignPage, LeafletPage
from demo.records import load_records
from demo.site import load_site
from tests.conftest import shared_records

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo records and site, loaded once for the module; each test's changes are undone."""
    with shared_records(django_db_blocker):
        load_records()
        yield load_site()


def test_demo_site_has_five_articles_three_leaflets_and_the_border_campaign(demo_site):
    assert ArticlePage.objects.live().count() == 5
    leaflets = LeafletPage.objects.live().select_related("document")
    assert leaflets.count() == 3
    for leaflet in leaflets:
        with leaflet.document.file.open("rb") as pdf:
            assert pdf.read(5) == b"%PDF-"
        assert leaflet.cover_image_id
    campaign_page = CampaignPage.objects.get()
    assert campaign_page.title == "Đồng hành cùng phụ nữ biên cương"
    assert campaign_page.campaign.code == "DHPNBC-2018"


def test_the_leaflet_of_the_thanh_hoa_report_lists_where_it_was_handed_out(demo_site, client):
    leaflet = LeafletPage.objects.get(slug="to-roi-chinh-sach-ho-tro-nan-nhan")
    assert MaterialDistribution.objects.filter(document=leaflet.document).count() == 1
    assert [row["distributed"] for row in leaflet.distribution()] == [15000]


def test_loading_the_demo_site_again_creates_nothing(demo_site):
    again = load_site()
    assert again["created"] == {}
    assert ArticlePage.objects.count() == 5


def test_demo_pages_are_served(demo_site, client):
    for page in [*ArticlePage.objects.all(), *LeafletPage.objects.all(), CampaignPage.objects.get()]:
        assert client.get(page.url).status_code == 200, page.url
