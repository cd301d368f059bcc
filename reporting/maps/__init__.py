"""A map of Vietnam's 34 provinces shaded by a total: SVG for screens, PNG for Word.

The boundaries are shipped in data/ (README there: sources and licence). Each shape is
matched to its province by name through the place lookup; the drawing keeps every ring,
so the Hoàng Sa and Trường Sa archipelagos are always on the map.
"""

from reporting.maps.choropleth import ProvinceMap, province_map, svg_to_png

__all__ = ["ProvinceMap", "province_map", "svg_to_png"]
