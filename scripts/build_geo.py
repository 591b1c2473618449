#!/usr/bin/env python3
"""Build ``data/geo/countries.geojson``: country boundaries for Europe and its neighbours.

Source data
    Natural Earth 1:50m admin-0 countries (public domain), as redistributed in
    TopoJSON form by the npm package ``world-atlas`` (file ``countries-50m.json``).
    world-atlas identifies countries by their ISO 3166-1 *numeric* code; the
    numeric -> alpha-3 mapping comes from ``codes.json`` in the npm package
    ``i18n-iso-countries``.

Usage (the npm packages are installed outside the repository)::

    mkdir -p /tmp/geo && cd /tmp/geo && npm init -y
    npm install world-atlas@2.0.2 i18n-iso-countries@7.14.0
    python scripts/build_geo.py /tmp/geo/node_modules

What the script does
    1. decodes the quantized, delta-encoded TopoJSON arcs into GeoJSON
       Polygon / MultiPolygon geometries (longitude, latitude in degrees);
    2. rounds every coordinate to ``DECIMALS`` decimals and drops consecutive
       duplicate points created by the rounding (rings left with fewer than
       four positions are dropped);
    3. orients rings as RFC 7946 asks (exterior rings counter-clockwise,
       holes clockwise);
    4. keeps every country whose geometry intersects ``BOX``; a kept
       country keeps its *full* geometry (nothing is clipped);
    5. writes a FeatureCollection sorted by ``iso3``, compact JSON with one
       feature per line so that diffs stay readable.

Only the Python standard library is used.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

# --- configuration ---------------------------------------------------------

WORLD_ATLAS = "world-atlas"
WORLD_ATLAS_VERSION = "2.0.2"
TOPOJSON_FILE = "countries-50m.json"
CODES_PACKAGE = "i18n-iso-countries"
CODES_VERSION = "7.14.0"

#: Selection box (min_lon, min_lat, max_lon, max_lat) in degrees.
BOX: tuple[float, float, float, float] = (-25.0, 27.0, 60.0, 72.0)

#: Number of decimals kept in the output coordinates (0.001 deg ~ 110 m).
DECIMALS = 3

#: Codes for Natural Earth features that have no ISO 3166-1 numeric id, by
#: their Natural Earth name: (iso3, iso_numeric). ``XKX`` is the user-assigned
#: code commonly used for Kosovo (EU, IMF, World Bank). Any other feature
#: without a numeric id (e.g. "N. Cyprus") gets empty strings.
UNCODED_FEATURES: dict[str, tuple[str, str]] = {"Kosovo": ("XKX", "")}

DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "data" / "geo" / "countries.geojson"

Position = list[float]
Ring = list[Position]
Polygon = list[Ring]

# --- TopoJSON decoding -----------------------------------------------------


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Return every arc of ``topology`` as absolute (lon, lat) positions.

    Quantized TopoJSON stores each arc as integer deltas from the previous
    point; the first point is relative to the origin of the quantized grid.
    The topology's ``transform`` maps the grid back to degrees.
    """
    transform = topology.get("transform")
    if transform is None:  # unquantized topology: positions are absolute
        return [[(p[0], p[1]) for p in arc] for arc in topology["arcs"]]
    scale_x, scale_y = transform["scale"]
    translate_x, translate_y = transform["translate"]
    arcs: list[list[tuple[float, float]]] = []
    for arc in topology["arcs"]:
        x = y = 0
        points: list[tuple[float, float]] = []
        for dx, dy, *_ in arc:
            x += dx
            y += dy
            points.append((x * scale_x + translate_x, y * scale_y + translate_y))
        arcs.append(points)
    return arcs


def ring_from_arcs(arc_indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """Stitch the arcs of one ring together.

    A negative index ``i`` means arc ``~i`` traversed backwards. Consecutive
    arcs share their joining point, which is kept only once.
    """
    ring: list[tuple[float, float]] = []
    for index in arc_indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)
    return ring


def geometry_polygons(
    geometry: dict[str, Any], arcs: list[list[tuple[float, float]]]
) -> list[list[list[tuple[float, float]]]]:
    """Decode a TopoJSON Polygon or MultiPolygon into a list of polygons."""
    kind = geometry["type"]
    if kind == "Polygon":
        polygons = [geometry["arcs"]]
    elif kind == "MultiPolygon":
        polygons = geometry["arcs"]
    else:
        raise ValueError(f"unsupported geometry type {kind!r}")
    return [[ring_from_arcs(ring, arcs) for ring in polygon] for polygon in polygons]


# --- geometry clean-up -----------------------------------------------------


def round_ring(ring: list[tuple[float, float]], decimals: int) -> Ring:
    """Round a ring's positions and drop consecutive duplicates.

    ``+ 0.0`` turns ``-0.0`` into ``0.0`` so that JSON never shows ``-0.0``.
    """
    out: Ring = []
    for lon, lat in ring:
        point = [round(lon, decimals) + 0.0, round(lat, decimals) + 0.0]
        if not out or point != out[-1]:
            out.append(point)
    return out


def signed_area(ring: Ring) -> float:
    """Planar shoelace area of a closed ring; positive if counter-clockwise."""
    return 0.5 * sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False))


def clean_polygons(polygons: list[list[list[tuple[float, float]]]], decimals: int) -> list[Polygon]:
    """Round, de-duplicate and orient (RFC 7946) the rings of each polygon.

    A ring needs at least four positions (three distinct corners plus the
    closing point); a polygon whose exterior ring degenerates is dropped with
    its holes.
    """
    result: list[Polygon] = []
    for polygon in polygons:
        rings: Polygon = []
        for i, raw_ring in enumerate(polygon):
            ring = round_ring(raw_ring, decimals)
            if len(ring) < 4 or ring[0] != ring[-1]:
                if i == 0:
                    break  # exterior gone: drop the whole polygon
                continue
            is_exterior = i == 0
            if (signed_area(ring) > 0) != is_exterior:
                ring.reverse()
            rings.append(ring)
        if rings:
            result.append(rings)
    return result


def to_geojson_geometry(polygons: list[Polygon]) -> dict[str, Any]:
    """Wrap polygons as a GeoJSON Polygon (one part) or MultiPolygon."""
    if len(polygons) == 1:
        return {"type": "Polygon", "coordinates": polygons[0]}
    return {"type": "MultiPolygon", "coordinates": polygons}


# --- selection -------------------------------------------------------------


def segment_intersects_box(a: Position, b: Position, box: tuple[float, float, float, float]) -> bool:
    """Liang-Barsky test: does the segment a-b touch the closed box?"""
    min_x, min_y, max_x, max_y = box
    dx, dy = b[0] - a[0], b[1] - a[1]
    t0, t1 = 0.0, 1.0
    for p, q in (
        (-dx, a[0] - min_x),
        (dx, max_x - a[0]),
        (-dy, a[1] - min_y),
        (dy, max_y - a[1]),
    ):
        if p == 0:
            if q < 0:
                return False  # parallel to this edge and outside it
        else:
            t = q / p
            if p < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 > t1:
                return False
    return True


def point_in_ring(x: float, y: float, ring: Ring) -> bool:
    """Even-odd ray casting test for a point against one closed ring."""
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def point_in_polygon(x: float, y: float, polygon: Polygon) -> bool:
    """True if the point lies inside the exterior ring and outside all holes."""
    return point_in_ring(x, y, polygon[0]) and not any(point_in_ring(x, y, hole) for hole in polygon[1:])


def polygons_intersect_box(polygons: list[Polygon], box: tuple[float, float, float, float]) -> bool:
    """True if any polygon shares at least one point with the box.

    Either some boundary segment touches the box, or the box lies wholly
    inside a polygon (then its centre does too).
    """
    centre_x, centre_y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    for polygon in polygons:
        for ring in polygon:
            if any(segment_intersects_box(a, b, box) for a, b in zip(ring, ring[1:], strict=False)):
                return True
        if point_in_polygon(centre_x, centre_y, polygon):
            return True
    return False


# --- input / output --------------------------------------------------------


def read_package(node_modules: Path, name: str, version: str) -> Path:
    """Return the directory of an installed npm package, checking its version."""
    package_dir = node_modules / name
    manifest = package_dir / "package.json"
    if not manifest.is_file():
        sys.exit(f"error: {manifest} not found; install {name}@{version} first")
    found = json.loads(manifest.read_text(encoding="utf-8"))["version"]
    if found != version:
        sys.exit(f"error: {name} {found} installed, this script expects {version}")
    return package_dir


def numeric_to_alpha3(codes_file: Path) -> dict[str, str]:
    """Map ISO 3166-1 numeric codes ("528") to alpha-3 codes ("NLD").

    ``codes.json`` of i18n-iso-countries is a list of
    ``[alpha2, alpha3, numeric, iso3166-2 name]`` rows.
    """
    rows = json.loads(codes_file.read_text(encoding="utf-8"))
    return {row[2]: row[1] for row in rows}


def build_features(topology: dict[str, Any], alpha3: dict[str, str]) -> list[dict[str, Any]]:
    """Return the selected countries as GeoJSON features, sorted by iso3."""
    arcs = decode_arcs(topology)
    features: list[dict[str, Any]] = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        polygons = clean_polygons(geometry_polygons(geometry, arcs), DECIMALS)
        if not polygons_intersect_box(polygons, BOX):
            continue
        numeric = geometry.get("id") or ""
        if numeric:
            if numeric not in alpha3:
                raise ValueError(f"no alpha-3 code for {name!r} ({numeric})")
            iso3 = alpha3[numeric]
        else:
            iso3, numeric = UNCODED_FEATURES.get(name, ("", ""))
        features.append(
            {
                "type": "Feature",
                "properties": {"iso3": iso3, "iso_numeric": numeric, "name": name},
                "geometry": to_geojson_geometry(polygons),
            }
        )
    features.sort(key=lambda f: (f["properties"]["iso3"], f["properties"]["name"]))
    codes = [f["properties"]["iso3"] for f in features if f["properties"]["iso3"]]
    if len(codes) != len(set(codes)):
        raise ValueError("duplicate iso3 codes among the selected features")
    return features


def write_feature_collection(features: list[dict[str, Any]], output: Path) -> None:
    """Write compact JSON with one feature per line."""
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    text = '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "node_modules",
        type=Path,
        help="node_modules folder holding world-atlas and i18n-iso-countries",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        help=f"GeoJSON file to write (default: {DEFAULT_OUTPUT})",
    )
    args = parser.parse_args(argv)

    atlas_dir = read_package(args.node_modules, WORLD_ATLAS, WORLD_ATLAS_VERSION)
    codes_dir = read_package(args.node_modules, CODES_PACKAGE, CODES_VERSION)
    topology = json.loads((atlas_dir / TOPOJSON_FILE).read_text(encoding="utf-8"))
    features = build_features(topology, numeric_to_alpha3(codes_dir / "codes.json"))
    write_feature_collection(features, args.output)
    size = args.output.stat().st_size
    print(f"wrote {len(features)} features, {size} bytes, to {args.output}")


if __name__ == "__main__":
    main()
