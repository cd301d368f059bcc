"""The map of totals by province: every shape is one current province, the islands are
drawn, the classes and the legend follow the values."""

import pytest

from places.models import Place
from reporting.maps import province_map, svg_to_png
from reporting.maps.choropleth import PALETTE, UNKNOWN, class_breaks, shape_codes
from reporting.maps.topology import province_shapes

pytestmark = pytest.mark.usefixtures("places")


def test_every_shape_is_one_of_the_34_current_provinces():
    codes = shape_codes()
    current = set(Place.objects.filter(level="province", is_current=True).values_list("code", flat=True))
    assert (len(codes), set(codes)) == (34, current)


@pytest.mark.parametrize(("name", "longitude"), [("TP Đà Nẵng", 111.0), ("Khánh Hoà", 112.0)])
def test_the_archipelagos_are_part_of_their_provinces_shapes(name, longitude):
    rings = dict(province_shapes())[name]
    assert any(lon > longitude for ring in rings for lon, _lat in ring)


def test_the_classes_run_from_one_to_the_largest_value_in_round_steps():
    assert class_breaks([9213, 339, 11, 0]) == [(1, 1900), (1901, 3800), (3801, 5700), (5701, 7600), (7601, 9500)]


def test_no_value_at_all_gives_no_classes():
    assert class_breaks([0, 0]) == []


def test_a_province_without_figures_is_left_white_and_the_largest_is_darkest():
    drawn = province_map({"38": 9213, "14": 11}, measure="Số buổi", caption="2016–2020")
    assert drawn.svg.count("<path ") == 34
    assert drawn.svg.count(f'fill="{PALETTE[-1]}"') == 2  # Thanh Hóa, and its box in the legend
    assert f'fill="{UNKNOWN}"' in drawn.svg


def test_the_map_carries_the_source_of_the_boundaries():
    drawn = province_map({}, measure="Số buổi", caption="2016–2020")
    assert "Ranh giới: Open Development Vietnam; gộp 34 tỉnh: Talia Cao (MIT)" in drawn.svg


def test_the_map_turns_into_a_png_for_word():
    assert svg_to_png(province_map({"38": 5}, measure="Số buổi", caption="2025").svg).startswith(b"\x89PNG")


@pytest.mark.parametrize(("boundaries", "count", "current"), [("current", 34, True), ("before_2025", 63, False)])
def test_every_shape_resolves_through_the_place_lookup_to_exactly_one_province(boundaries, count, current):
    from places.lookup import lookup_place
    from reporting.maps.choropleth import ALIASES

    names = [name for name, _rings in province_shapes(boundaries)]
    # lookup_place raises when a name names no province or several of them.
    looked_up = [lookup_place(ALIASES.get(name, name), level="province", current=current).code for name in names]
    provinces = set(Place.objects.filter(level="province", is_current=current).values_list("code", flat=True))
    assert (len(looked_up), set(looked_up)) == (count, provinces)
    assert shape_codes(boundaries) == looked_up


@pytest.mark.parametrize(("name", "longitude"), [("TP Đà Nẵng", 111.0), ("Khánh Hoà", 112.0)])
def test_the_63_province_map_keeps_the_archipelagos_too(name, longitude):
    shapes = dict(province_shapes("before_2025"))
    rings = next(rings for shape_name, rings in shapes.items() if shape_name.endswith(name.split()[-1]))
    assert any(lon > longitude for ring in rings for lon, _lat in ring)


def test_a_hidden_value_is_hatched_and_the_legend_says_why():
    codes = shape_codes()
    drawn = province_map({codes[0]: "<11", codes[1]: 500}, measure="Lượt", caption="c", hidden="ẩn vì ít hơn 11")
    hidden = [part for part in drawn.svg.split("<path ") if 'data-hidden="1"' in part]
    assert len(hidden) == 1
    assert 'fill="url(#hidden)"' in hidden[0]
    assert ": &lt;11 (ẩn vì ít hơn 11)</title>" in hidden[0]
    assert '<pattern id="hidden"' in drawn.svg and "ẩn vì ít hơn 11" in drawn.svg


def test_the_63_province_map_says_its_own_source():
    drawn = province_map({}, measure="m", caption="c", boundaries="before_2025")
    assert drawn.svg.count("<path ") == 63
    assert "Ranh giới 63 tỉnh: Open Development Vietnam" in drawn.svg
