import csv
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import connection
from vietnam_provinces import Province as PackageProvince
from vietnam_provinces import Ward as PackageWard

from places.loading import BEFORE_2025_CSV, MERGERS_CSV, load_places
from places.models import Place

pytestmark = pytest.mark.django_db


def counts() -> Counter:
    return Counter(Place.objects.values_list("is_current", "level"))


def legacy_counts_in_file() -> Counter:
    with BEFORE_2025_CSV.open(encoding="utf-8") as file:
        return Counter(
            (False, row["level"]) for row in csv.DictReader(line for line in file if not line.startswith("#"))
        )


def test_counts_match_the_package_and_the_generated_file(places):
    expected = Counter(
        {
            (True, "province"): len(list(PackageProvince.iter_all())),
            (True, "commune"): len(list(PackageWard.iter_all())),
            **legacy_counts_in_file(),
        }
    )
    assert counts() == expected
    assert expected[(True, "province")] == 34
    assert expected[(True, "commune")] == 3321
    assert expected[(False, "province")] == 63
    assert expected[(False, "district")] == 696
    assert expected[(False, "commune")] == 10051


def test_loading_twice_changes_nothing(places):
    before = counts()
    report = load_places()
    assert (report.created, report.updated) == (0, 0)
    assert report.unchanged == sum(before.values())
    assert counts() == before


def test_loading_into_an_empty_table_creates_everything():
    # Emptied in one statement: Place.objects.delete() would first ask each of the tables that
    # point at places for rows of every 500 places (minutes of queries for 14,000 places).
    Place.objects.update(parent=None, province=None, district=None, successor=None)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {connection.ops.quote_name(Place._meta.db_table)}")
    assert not Place.objects.exists()
    report = load_places()
    assert report.created == 34 + 3321 + 63 + 696 + 10051
    assert Place.objects.filter(level="province", province__isnull=True).count() == 0


def test_loading_repairs_a_changed_unit(places):
    Place.objects.filter(is_current=True, level="province", code="38").update(name="Tỉnh Sai Tên", search_key="sai ten")
    report = load_places()
    assert report.updated == 1
    assert Place.objects.get(is_current=True, level="province", code="38").name == "Tỉnh Thanh Hóa"


def test_command_reports_counts(places, capsys):
    call_command("load_places")
    output = capsys.readouterr().out
    assert "tạo mới 0, cập nhật 0" in output
    assert "current_commune: 3321" in output


def test_every_old_province_has_a_current_successor(places):
    old = Place.objects.filter(is_current=False, level="province")
    assert old.count() == 63
    assert not old.filter(successor__isnull=True).exists()
    assert not old.exclude(successor__is_current=True, successor__level="province").exists()
    # Every current province took over at least one old province.
    assert Place.objects.filter(is_current=True, level="province", predecessors__isnull=True).count() == 0


def test_merger_table_names_the_provinces_by_their_codes():
    with MERGERS_CSV.open(encoding="utf-8") as file:
        rows = list(csv.DictReader(line for line in file if not line.startswith("#")))
    old_names = {f"{int(p.code):02d}": p.name for p in PackageProvince.iter_all()}
    assert len(rows) == 63
    assert {row["new_code"] for row in rows} == set(old_names)
    for row in rows:
        assert row["new_name"] in old_names[row["new_code"]]


@pytest.mark.parametrize(
    ("old_name", "new_name"),
    [("Tiền Giang", "Đồng Tháp"), ("Thanh Hóa", "Thanh Hóa"), ("Sơn La", "Sơn La"), ("Hà Giang", "Tuyên Quang")],
)
def test_old_province_successor(places, old_name, new_name):
    old = Place.objects.get(is_current=False, level="province", short_name=old_name)
    assert old.successor.short_name == new_name


def test_old_districts_point_at_their_current_province(places):
    muong_lat = Place.objects.get(is_current=False, level="district", short_name="Mường Lát")
    assert muong_lat.province.short_name == "Thanh Hóa"
    assert not muong_lat.province.is_current
    assert muong_lat.successor == Place.objects.get(is_current=True, level="province", code="38")


def test_old_commune_goes_to_the_current_commune_that_kept_its_code(places):
    old = Place.objects.get(is_current=False, level="commune", code="14863")
    assert old.short_name == "Pù Nhi"
    assert old.district.short_name == "Mường Lát"
    assert old.successor == Place.objects.get(is_current=True, code="14863")


def test_old_commune_goes_to_the_only_current_commune_of_its_name_in_the_province(places):
    old = Place.objects.get(is_current=False, level="commune", short_name="Hiền Kiệt")
    new = Place.objects.get(is_current=True, level="commune", short_name="Hiền Kiệt")
    assert old.code != new.code
    assert old.successor == new


def test_current_commune_knows_its_province(places):
    na_meo = Place.objects.select_related("province").get(is_current=True, level="commune", code="15013")
    assert (na_meo.name, na_meo.province.name, na_meo.parent_id) == ("Xã Na Mèo", "Tỉnh Thanh Hóa", na_meo.province_id)
