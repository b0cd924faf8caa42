"""Regenerate offices/data/cambodia.path (the SVG outline of Cambodia) from Natural Earth data.

Needs `npm ci` (the world-atlas package, Natural Earth 1:50m, public domain). Run from the project root:
    .venv/bin/python scripts/make_cambodia_map.py"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from offices.map import project  # noqa: E402

CAMBODIA = "116"  # ISO 3166-1 numeric


def decode_arcs(topology):
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring, arcs):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def main():
    topology = json.loads((ROOT / "node_modules/world-atlas/countries-50m.json").read_text())
    arcs = decode_arcs(topology)
    country = next(g for g in topology["objects"]["countries"]["geometries"] if g.get("id") == CAMBODIA)
    polygons = country["arcs"] if country["type"] == "MultiPolygon" else [country["arcs"]]
    parts = []
    for polygon in polygons:
        for ring in polygon:
            xy = [project(lon, lat) for lon, lat in ring_points(ring, arcs)]
            parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in xy) + "Z")
    (ROOT / "offices/data/cambodia.path").write_text("".join(parts) + "\n")
    print(f"wrote {len(parts)} rings")


if __name__ == "__main__":
    main()
