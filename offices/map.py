"""The overview map of Cambodia, drawn as inline SVG from data in the repository: no map service,
no third-party request, printable, and the offices are placed by their coordinates.

The outline (offices/data/cambodia.path) comes from Natural Earth's public-domain 1:50m boundaries
(npm package world-atlas); `python scripts/make_cambodia_map.py` regenerates it."""

import math
from functools import cache
from pathlib import Path

# An equirectangular projection, stretched for Cambodia's latitude; the SVG's viewBox is 0 0 WIDTH HEIGHT.
WEST, EAST, NORTH, SOUTH = 102.2, 107.8, 14.8, 10.3
SCALE = 100  # SVG units per degree of latitude
X_STRETCH = math.cos(math.radians((NORTH + SOUTH) / 2))
WIDTH = round((EAST - WEST) * SCALE * X_STRETCH)
HEIGHT = round((NORTH - SOUTH) * SCALE)


def project(longitude, latitude):
    """(x, y) in the map's SVG coordinates."""
    return round((longitude - WEST) * SCALE * X_STRETCH, 1), round((NORTH - latitude) * SCALE, 1)


@cache
def outline_path():
    return (Path(__file__).parent / "data" / "cambodia.path").read_text().strip()


def place_on_map(office):
    """A marker for an office with coordinates: {office, x, y, label_x, anchor}; None without coordinates."""
    if office.latitude is None or office.longitude is None:
        return None
    x, y = project(float(office.longitude), float(office.latitude))
    on_left = x > WIDTH * 0.6  # labels on the side with room for them
    return {
        "office": office,
        "x": x,
        "y": y,
        "label_x": x - 12 if on_left else x + 12,
        "anchor": "end" if on_left else "start",
    }
