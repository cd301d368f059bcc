"""The province shapes of the shipped TopoJSON file, as rings of (longitude, latitude)."""

from __future__ import annotations

import functools
import json
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
CURRENT_FILE = DATA / "provinces-2025.topo.json"
CURRENT_OBJECT = "diaphantinhvn_merged"


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
def province_shapes() -> tuple[tuple[str, tuple], ...]:
    """(name as written in the file, rings) for each of the 34 current provinces."""
    topology = json.loads(CURRENT_FILE.read_text(encoding="utf-8"))
    arcs = _decoded_arcs(topology)
    shapes = []
    for geometry in topology["objects"][CURRENT_OBJECT]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = tuple(tuple(_ring(arcs, ring)) for polygon in polygons for ring in polygon)
        shapes.append((geometry["properties"]["ten_tinh"], rings))
    return tuple(shapes)
