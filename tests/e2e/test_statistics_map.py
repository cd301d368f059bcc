"""The public statistics page's map on a cheap phone (360 px): drawn, inside the page's
width, and a province whose count of returned victims is hidden is hatched."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import manage

pytestmark = pytest.mark.e2e

# A session with 3 returned victims in a province with no other records: its public count
# of participations is hidden ("<11"), so the map must hatch it.
HIDDEN_RECORD = """
from campaigns.models import Audience
from places.models import Place
from tests.factories import ActivityFactory
victims, _ = Audience.objects.get_or_create(
    code="returned_victims", defaults={"name": "Nạn nhân trở về", "is_sensitive": True}
)
commune = Place.objects.filter(is_current=True, level="commune", province__name__contains="Lai Châu").first()
activity = ActivityFactory(sessions=1, participants=3, status="held", place=commune, start_date="2025-09-10")
activity.audiences.set([victims])
activity.save()
print(commune.province.code)
"""


def test_the_map_fits_a_phone_and_hatches_a_hidden_count(phone, demo_data, screenshot):
    code = manage("shell", "-c", HIDDEN_RECORD).strip().splitlines()[-1]
    phone.goto(demo_data + "/so-lieu/")
    svg = phone.locator(".map svg")
    expect(svg).to_be_visible()
    assert phone.locator(".map svg path").count() == 34
    box = svg.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    hidden = phone.locator(f'.map path[data-code="{code}"]')
    assert hidden.get_attribute("fill") == "url(#hidden)"
    assert hidden.get_attribute("data-hidden") == "1"
    expect(phone.locator(".map svg text", has_text="11").first).to_be_attached()
    screenshot(phone, "statistics-map-360")
