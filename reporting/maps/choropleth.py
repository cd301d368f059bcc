"""A choropleth of the provinces (the 34 current ones, or the 63 before July 2025): each
shaded by the class of its value, a legend, a caption with the source of the boundaries. A
value hidden to protect a small group (public "<11", "*") is hatched, never shaded."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from django.utils.translation import gettext as _

from core.text import grouped
from places.lookup import PlaceFinder
from reporting.maps.topology import province_shapes

WIDTH = 560
MARGIN = 12
# Light to dark: five classes of a sequential palette, readable in black-and-white print too.
PALETTE = ("#fde0dd", "#fa9fb5", "#f768a1", "#c51b8a", "#7a0177")
ZERO = "#f2f2f2"
UNKNOWN = "#ffffff"
ATTRIBUTION = "Ranh giới: Open Development Vietnam; gộp 34 tỉnh: Talia Cao (MIT)"
ATTRIBUTIONS = {"current": ATTRIBUTION, "before_2025": "Ranh giới 63 tỉnh: Open Development Vietnam"}
HIDDEN = "url(#hidden)"
HIDDEN_MARK = ' data-hidden="1"'
# Diagonal lines: a hidden value, told apart from every shade and from "no figures".
HATCH = (
    '<defs><pattern id="hidden" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">'
    '<rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#555" stroke-width="2"/>'
    "</pattern></defs>"
)
# How the file writes a name that the place lookup does not take as it is.
ALIASES = {"TP HCM": "Thành phố Hồ Chí Minh"}
FONT = "DejaVu Sans, Liberation Sans, sans-serif"
# Where the names of the two archipelagos are written (longitude, latitude).
ARCHIPELAGOS = (("Quần đảo Hoàng Sa", 111.2, 17.4), ("Quần đảo Trường Sa", 112.6, 11.6))


@dataclass
class ProvinceMap:
    svg: str
    caption: str = ""
    classes: list[tuple[int, int]] = field(default_factory=list)  # (lowest, highest) of each class
    codes: list[str] = field(default_factory=list)  # the province of each shape, in drawing order


@functools.cache
def _codes(boundaries: str) -> tuple[str, ...]:
    """The official code of the province each shape's name stands for (a current province,
    or one of the 63 before July 2025), by the place lookup's rules, in one query; kept
    for the process, as the shapes are."""
    finder = PlaceFinder(level="province", current=boundaries == "current")
    return tuple(finder.find(ALIASES.get(name, name)).code for name, _rings in province_shapes(boundaries))


def shape_codes(boundaries: str = "current") -> list[str]:
    """The province code of every shape of the file, in its order."""
    return list(_codes(boundaries))


def class_breaks(values: list[int], count: int = len(PALETTE)) -> list[tuple[int, int]]:
    """Equal classes from 1 to the largest value, their bounds rounded to two significant
    figures so that a legend reads "1–2.000", "2.001–4.000"."""
    largest = max((value for value in values if value), default=0)
    if not largest:
        return []
    step = largest / count
    magnitude = 10 ** max(int(math.log10(step)) - 1, 0)
    step = max(math.ceil(step / magnitude) * magnitude, 1)
    bounds, low = [], 1
    for index in range(count):
        high = step * (index + 1)
        if low > largest:
            break
        bounds.append((low, high))
        low = high + 1
    return bounds


def _projector(rings):
    """Longitude and latitude to SVG pixels: an equirectangular view corrected for the
    middle latitude, fitted to WIDTH, over every ring (the islands included)."""
    lons = [lon for ring in rings for lon, _lat in ring]
    lats = [lat for ring in rings for _lon, lat in ring]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    squeeze = math.cos(math.radians((north + south) / 2))
    scale = (WIDTH - 2 * MARGIN) / ((east - west) * squeeze)
    height = (north - south) * scale + 2 * MARGIN

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (MARGIN + (lon - west) * squeeze * scale, MARGIN + (north - lat) * scale)

    return project, height


def _path(rings, project) -> str:
    parts = []
    for ring in rings:
        points, last = [], None
        for lon, lat in ring:
            x, y = project(lon, lat)
            point = f"{x:.0f},{y:.0f}"
            if point != last:
                points.append(point)
                last = point
        if len(points) > 2:
            parts.append("M" + "L".join(points) + "Z")
    return "".join(parts)


def _fill(value, classes) -> str:
    if value is None:
        return UNKNOWN
    if isinstance(value, str):
        return HIDDEN
    if not value:
        return ZERO
    for index, (_low, high) in enumerate(classes):
        if value <= high:
            return PALETTE[index]
    return PALETTE[-1]


def _legend(classes, top: float, measure: str, number: Callable[[int], str], hidden: str | None) -> list[str]:
    lines = [f'<text x="{MARGIN}" y="{top:.0f}" font-size="13" font-weight="bold">{escape(measure)}</text>']
    rows = [(PALETTE[i], f"{number(low)}–{number(high)}") for i, (low, high) in enumerate(classes)]
    rows = [*rows, (ZERO, "0"), (UNKNOWN, _("no figures"))] + ([(HIDDEN, hidden)] if hidden else [])
    for index, (colour, label) in enumerate(rows):
        y = top + 10 + index * 20
        lines.append(
            f'<rect x="{MARGIN}" y="{y:.0f}" width="22" height="14" fill="{colour}" stroke="#555" stroke-width="0.6"/>'
            f'<text x="{MARGIN + 30}" y="{y + 12:.0f}" font-size="12">{escape(label)}</text>'
        )
    return lines


def province_map(
    values: dict[str, int | None],
    *,
    measure: str,
    caption: str,
    link: Callable[[str], str] | None = None,
    number: Callable[[int], str] = grouped,
    boundaries: str = "current",
    hidden: str | None = None,
) -> ProvinceMap:
    """The map of `values` (province code → value; a missing code has no figures; a text,
    such as "<11", is a value hidden from the public: hatched, never shaded).

    `link` gives each shape an address (the province's figures); `number` writes the
    legend's numbers (Vietnamese "2.000" by default); `boundaries` is "current" (34
    provinces) or "before_2025" (63); `hidden` says in the legend why a value is hidden."""
    shapes = province_shapes(boundaries)
    codes = shape_codes(boundaries)
    project, height = _projector([ring for _name, rings in shapes for ring in rings])
    classes = class_breaks([value for value in values.values() if isinstance(value, int)])
    total_height = height + 30
    body = []
    for (name, rings), code in zip(shapes, codes, strict=True):
        value = values.get(code)
        if isinstance(value, str):
            title = f"{name}: {value} ({hidden})" if hidden else f"{name}: {value}"
        else:
            title = f"{name}: {number(value) if isinstance(value, int) else _('no figures')}"
        shape = (
            f'<path d="{_path(rings, project)}" fill="{_fill(value, classes)}" stroke="#666" stroke-width="0.5"'
            f' data-code="{escape(code)}"{HIDDEN_MARK if isinstance(value, str) else ""}>'
            f"<title>{escape(title)}</title></path>"
        )
        body.append(f"<a href={quoteattr(link(code))}>{shape}</a>" if link else shape)
    for label, lon, lat in ARCHIPELAGOS:
        x, y = project(lon, lat)
        body.append(
            f'<text x="{x:.0f}" y="{y:.0f}" font-size="10" font-style="italic" fill="#333">{escape(label)}</text>'
        )
    body += _legend(
        classes, height * 0.55, measure, number, hidden if any(isinstance(v, str) for v in values.values()) else None
    )
    body.append(
        f'<text x="{MARGIN}" y="{height + 8:.0f}" font-size="11" fill="#333">{escape(caption)}</text>'
        f'<text x="{MARGIN}" y="{height + 24:.0f}" font-size="10" fill="#555">{escape(ATTRIBUTIONS[boundaries])}</text>'
    )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {total_height:.0f}" '
        f'width="{WIDTH}" height="{total_height:.0f}" font-family="{FONT}" role="img">'
        f"<title>{escape(caption)}</title>{HATCH}"
        f'<rect width="100%" height="100%" fill="#ffffff"/>' + "".join(body) + "</svg>"
    )
    return ProvinceMap(svg=svg, caption=caption, classes=classes, codes=codes)


def svg_to_png(svg: str, scale: float = 2.0) -> bytes:
    """The map as PNG for a Word document (cairosvg; Word does not show SVG everywhere).
    Nothing outside the SVG is fetched: it names no file or address of its own."""
    import cairosvg

    return cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=scale, unsafe=False)
