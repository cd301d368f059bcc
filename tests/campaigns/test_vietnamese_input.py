"""Admin forms read numbers and dates as Vietnamese people type them, or refuse them with a message."""

import datetime
import uuid

import pytest
from django.utils import translation

from access.roles import MANAGERS
from campaigns.models import Activity, Campaign, MaterialDistribution
from core.fields import CountField, DayField
from tests.factories import NA_MEO, THANH_HOA, current_commune, staff
from tests.security.forms import formset

pytestmark = pytest.mark.usefixtures("places")


def activity_form(**overrides) -> dict:
    return {
        "kind": "community",
        "status": "held",
        "title": f"Truyền thông tại bản Na Mèo {uuid.uuid4().hex[:6]}",
        "start_date": "16/3/2016",
        "sessions": "1",
        "place": current_commune(NA_MEO).pk,
        **formset("attendances"),
        **overrides,
    }


@pytest.fixture
def admin(client, superuser):
    client.force_login(superuser)
    return client


@pytest.mark.parametrize(
    ("typed", "number"),
    [("2.000", 2000), ("2 000", 2000), ("2\u00a0000", 2000), ("2000", 2000), ("1.234.567", 1234567), (" 12 ", 12)],
)
def test_count_field_reads_thousands_separators(typed, number):
    assert CountField().clean(typed) == number


@pytest.mark.parametrize("typed", ["2,000", "2,5", "2.5", "2.50", "hai nghìn", "2.0000"])
def test_count_field_refuses_what_it_cannot_read_without_guessing(typed):
    field = CountField()
    with pytest.raises(Exception) as refused:
        field.clean(typed)
    assert typed in str(refused.value)
    assert "2.000" in str(refused.value)


def test_count_field_explains_the_comma_in_vietnamese():
    with translation.override("vi"), pytest.raises(Exception) as refused:
        CountField().clean("2,000")
    assert "dấu phẩy" in str(refused.value)


def test_counts_are_typed_in_a_text_box_with_the_digit_keyboard():
    html = CountField().widget.render("printed", 2000)
    assert 'type="text"' in html
    assert 'inputmode="numeric"' in html


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("16/3/2016", datetime.date(2016, 3, 16)),
        ("16/03/2016", datetime.date(2016, 3, 16)),
        ("01/02/2016", datetime.date(2016, 2, 1)),  # day first: never the 2nd of January
        ("16-03-2016", datetime.date(2016, 3, 16)),
        ("2016-03-16", datetime.date(2016, 3, 16)),
    ],
)
def test_dates_are_read_day_first_in_every_language(language, typed, day):
    with translation.override(language):
        assert DayField().clean(typed) == day


def test_an_unreadable_date_is_refused_with_how_to_write_it():
    with translation.override("vi"), pytest.raises(Exception) as refused:
        DayField().clean("31/02/2016")
    assert "dd/mm/yyyy" in str(refused.value)


def test_activity_form_stores_vietnamese_dates_and_numbers(admin):
    data = activity_form(start_date="16/3/2016", end_date="20/03/2016", sessions="12", participants="2.000")
    data.update(female="1 250")
    response = admin.post("/admin/activities/new/", data)
    assert response.status_code == 302
    activity = Activity.objects.get(title=data["title"])
    assert (activity.start_date, activity.end_date) == (datetime.date(2016, 3, 16), datetime.date(2016, 3, 20))
    assert (activity.sessions, activity.participants, activity.female) == (12, 2000, 1250)


def test_activity_form_refuses_an_ambiguous_count_and_keeps_what_was_typed(admin):
    data = activity_form(participants="2.5")
    response = admin.post("/admin/activities/new/", data)
    assert response.status_code == 200
    assert not Activity.objects.filter(title=data["title"]).exists()
    assert "2.000" in response.context["form"].errors["participants"][0]  # says how to write it
    assert 'type="text" name="participants" value="2.5"' in response.content.decode()


def test_activity_form_shows_dates_day_first_with_a_picker_that_reads_them(admin):
    data = activity_form()
    admin.post("/admin/activities/new/", data)
    activity = Activity.objects.get(title=data["title"])
    html = admin.get(f"/admin/activities/edit/{activity.pk}/").content.decode()
    assert 'value="16/03/2016"' in html
    assert '"format": "d/m/Y"' in html


def test_distribution_form_reads_a_print_run_with_dots(admin):
    data = {
        "title": "Tờ rơi cảnh giác mua bán người",
        "printed": "2.000",
        "distributed": "1.500",
        "place": current_commune(NA_MEO).pk,
        "start_date": "01/01/2016",
    }
    assert admin.post("/admin/distributions/new/", data).status_code == 302
    stored = MaterialDistribution.objects.get(title=data["title"])
    assert (stored.printed, stored.distributed, stored.start_date) == (2000, 1500, datetime.date(2016, 1, 1))


def test_campaign_targets_read_numbers_with_dots(admin):
    data = {"code": "DA3", "name": "Đề án 3", "start_date": "01/01/2016", "end_date": "31/12/2020", "coverage": ""}
    data.update(formset("documents"))
    data.update(formset("targets", [{"measure": "participants", "value": "15.000", "start_date": "", "end_date": ""}]))
    response = admin.post("/admin/campaigns/new/", data)
    assert response.status_code == 302, response.context["form"].errors
    campaign = Campaign.objects.get(code="DA3")
    assert campaign.start_date == datetime.date(2016, 1, 1)
    assert list(campaign.targets.values_list("value", flat=True)) == [15000]


def test_list_filter_reads_a_day_first_period(client):
    client.force_login(staff(MANAGERS, THANH_HOA))
    response = client.get("/admin/activities/", {"start_date_from": "01/02/2016", "start_date_to": "29/02/2016"})
    assert response.status_code == 200
    period = response.context["filters"].form.cleaned_data["start_date"]
    assert (period.start.date(), period.stop.date()) == (datetime.date(2016, 2, 1), datetime.date(2016, 2, 29))


def test_totals_report_refuses_an_impossible_date_saying_how_to_write_it(admin):
    with translation.override("vi"):
        response = admin.get("/admin/reports/totals/", {"date_from": "31/02/2016"})
    assert response.status_code == 200
    assert "dd/mm/yyyy" in response.context["form"].errors["date_from"][0]
