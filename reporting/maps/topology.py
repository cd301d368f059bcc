"""The province shapes of the shipped TopoJSON files, as rings of (longitude, latitude): the 34
provinces in force since 1 July 2025, and the 63 provinces before."""

from __future__ import annotations

import functools
import json
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
CURRENT_FILE = DATA / "provinces-2025.topo.json"
CURRENT_OBJECT = "diaphantinhvn_merged"
# Each map: (file, the TopoJSON object of its provinces).
MAPS = {
    "current": (CURRENT_FILE, CURRENT_OBJECT),
    "before_2025": (DATA / "provinces-before-2025.topo.json", "diaphantinh_63_fixednames"),
}


def _decoded_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Each arc's points: quantised TopoJSON stores the first point and then differences."""
    scale_x, scale_y = topology["transform"]["scale"]
    move_x, move_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + move_x, y * scale_y + move_y))
        arcs.append(points)
    return arcs


def _ring(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        # A negative index is the one's complement of an arc walked backwards.
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


@functools.cache
def province_shapes(boundaries: str = "current") -> tuple[tuple[str, tuple], ...]:
    """(name as written in the file, rings) for each province of the map: the 34 current
    provinces ("current") or the 63 before July 2025 ("before_2025")."""
    path, name = MAPS[boundaries]
    topology = json.loads(path.read_text(encoding="utf-8"))
    arcs = _decoded_arcs(topology)
    shapes = []
    for geometry in topology["objects"][name]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = tuple(tuple(_ring(arcs, ring)) for polygon in polygons for ring in polygon)
        shapes.append((geometry["properties"]["ten_tinh"], rings))
    return tuple(shapes)
