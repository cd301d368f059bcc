"""The seed reports' figures through the `totals` command and the API, and what each accepts."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from campaigns.models import Audience
from demo.records import load_records
from tests.conftest import shared_records
from tests.factories import ActivityFactory, staff

pytestmark = pytest.mark.usefixtures("places")


def run_totals(*args) -> str:
    out = io.StringIO()
    call_command("totals", *args, stdout=out)
    return out.getvalue()


def by_key(rows: list[dict], key: str) -> dict:
    return {row[key]: row for row in rows}


# Tests of their own records: before the module's demo records are loaded (`demo` below).
def test_command_table_writes_years_without_a_thousands_separator(db):
    ActivityFactory(participants=1200, start_date="2018-05-01")
    lines = run_totals("--by", "year", "--by", "month").splitlines()
    row = next(line for line in lines if line.startswith("2018"))
    assert row.split()[:2] == ["2018", "5"]
    assert "1.200" in row  # measures keep theirs
    assert "2.018" not in "\n".join(lines)


def test_api_hides_small_counts_of_sensitive_audiences_from_the_public(client, django_user_model):
    victims = Audience.objects.create(code="victims", name="Nạn nhân trở về", is_sensitive=True)
    activity = ActivityFactory(participants=2)
    activity.audiences.set([victims])
    activity.save()
    public = client.get("/api/v1/stats/totals/", {"by": "commune"}).json()
    assert public["rows"][0]["participants"] == "<11"
    manager = staff("Quản lý", "38")
    client.force_login(manager)
    assert client.get("/api/v1/stats/totals/", {"by": "commune"}).json()["rows"][0]["participants"] == 2


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The seed reports' records, loaded once for the module (shared_records); the tests
    that count records of their own come first in the file, before these exist."""
    with shared_records(django_db_blocker):
        load_records()
        yield


def test_command_json_gives_the_seed_figures_by_province(demo):
    result = json.loads(run_totals("--by", "province", "--format", "json"))
    assert result["by"] == ["province"]
    rows = by_key(result["rows"], "province_name")
    # Đà Nẵng 2016-2020: 335 community sessions with 33,823 people, 4 training rounds of 100.
    assert rows["Thành phố Đà Nẵng"]["sessions"] == 339
    assert rows["Thành phố Đà Nẵng"]["participants"] == 33_923
    # Thanh Hóa: 2,890 + 1,152 + 52 trainees; 15,000 leaflets; 12 border clubs.
    assert rows["Tỉnh Thanh Hóa"]["participants"] == 2_890 + 1_152 + 52
    assert rows["Tỉnh Thanh Hóa"]["leaflets_distributed"] == 15_000
    assert rows["Tỉnh Thanh Hóa"]["clubs"] == 12
    # Sơn La: 11 inspections in 9 of its old districts, people not counted.
    assert rows["Tỉnh Sơn La"]["activities"] == 11
    assert rows["Tỉnh Sơn La"]["participants"] is None
    assert result["total"]["leaflets_distributed"] == 15_000


def test_command_filters_by_campaign_and_kind(demo):
    result = json.loads(run_totals("--campaign", "DHPNBC-2018", "--format", "json"))
    assert result["total"]["sessions"] == 25 + 30
    assert result["total"]["clubs"] == 12
    residents = json.loads(run_totals("--kind", "residents_meeting", "--format", "json"))
    assert residents["total"]["sessions"] == 9_158
    assert residents["filters"]["kind"] == ["residents_meeting"]


def test_command_table_and_csv(demo):
    table = run_totals("--by", "province", "--by", "kind")
    assert "33.823" in table  # thousands written the Vietnamese way
    lines = list(csv.reader(io.StringIO(run_totals("--by", "province", "--format", "csv"))))
    assert lines[0][:2] == ["Tỉnh/thành phố (mã)", "Tỉnh/thành phố"]
    da_nang = next(line for line in lines if line[1] == "Thành phố Đà Nẵng")
    assert da_nang[0] == "48"
    assert "33923" in da_nang


def test_command_dates_narrow_the_period(demo):
    result = json.loads(run_totals("--by", "year", "--from", "2021-01-01", "--to", "2021-12-31", "--format", "json"))
    assert [row["year"] for row in result["rows"]] == [2021]
    assert result["total"]["activities"] == 11


def test_command_refuses_bad_parameters_with_every_reason():
    with pytest.raises(CommandError) as refused:
        run_totals("--by", "colour", "--from", "2020-13-01", "--place", "Hà Nọi x")
    message = str(refused.value)
    assert "by:" in message and "from:" in message and "place:" in message
    assert "Hà Nội" in message  # the nearest names


# -- API ---------------------------------------------------------------------------------------
def test_api_gives_the_same_numbers_as_the_command(client, demo):
    response = client.get("/api/v1/stats/totals/", {"by": "province", "campaign": "DHPNBC-2018"})
    assert response.status_code == 200
    command = json.loads(run_totals("--by", "province", "--campaign", "DHPNBC-2018", "--format", "json"))
    for row in command["rows"]:
        row.pop("unique_participants")
    command["total"].pop("unique_participants")
    body = response.json()
    assert body.pop("periods") == {
        "approved_only": False,
        "provisional": [{"label": f"Năm 2016–{timezone.localdate().year}", "approved_provinces": 0, "provinces": 34}],
    }
    assert body == command


def test_api_anonymous_get_no_sign_in_measures(client, demo):
    body = client.get("/api/v1/stats/totals/?by=province,kind").json()
    assert body["by"] == ["province", "kind"]
    assert "unique_participants" not in body["total"]


def test_api_staff_see_their_provinces_only(client, demo):
    client.force_login(staff("Quản lý", "14"))
    body = client.get("/api/v1/stats/totals/", {"by": "province"}).json()
    assert [row["province_code"] for row in body["rows"]] == ["14"]
    assert body["total"]["unique_participants"] == 0


def test_api_refuses_bad_parameters(client):
    response = client.get("/api/v1/stats/totals/", {"by": "colour", "from": "yesterday", "colour": "red"})
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"by", "date_from", "colour"}


def test_openapi_schema_documents_the_totals_endpoint(client):
    response = client.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    assert list(schema["paths"]) == ["/api/v1/stats/totals/"]
    names = {p["name"] for p in schema["paths"]["/api/v1/stats/totals/"]["get"]["parameters"]}
    assert {"by", "from", "to", "campaign", "kind", "place"} <= names
