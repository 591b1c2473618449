#!/usr/bin/env python3
"""Build the country boundaries that ship with the package (``article_explorer/data/boundaries/``).

Two sets (``--set``):

``europe-50m``
    Europe and its neighbours at 1:50m: ``europe-50m.geojson`` at full resolution, and
    ``europe-50m-0.036.geojson`` and ``europe-50m-0.108.geojson``, the outlines the map draws,
    simplified once here. A dataset whose places all lie in its box is drawn on it.
``world-110m``
    Every country at 1:110m, ``world-110m.geojson``, for a dataset anywhere else. It is coarse
    enough to be drawn as it is: no simplified copies.

Source data
    Natural Earth 1:50m and 1:110m admin-0 countries (public domain), as redistributed in
    TopoJSON form by the npm package ``world-atlas`` (``countries-50m.json``, ``countries-110m.json``).
    world-atlas identifies countries by their ISO 3166-1 *numeric* code; the
    numeric -> alpha-3 mapping comes from ``codes.json`` in the npm package
    ``i18n-iso-countries``.

Usage (the npm packages are installed outside the repository)::

    mkdir -p /tmp/geo && cd /tmp/geo && npm init -y
    npm install world-atlas@2.0.2 i18n-iso-countries@7.14.0
    python scripts/build_geo.py /tmp/geo/node_modules                  # europe-50m
    python scripts/build_geo.py --set world-110m /tmp/geo/node_modules

To remake only the map's outlines from the committed ``europe-50m.geojson`` (offline, no npm)::

    python scripts/build_geo.py --simplify-only

What the script does
    1. decodes the quantized, delta-encoded TopoJSON arcs into GeoJSON
       Polygon / MultiPolygon geometries (longitude, latitude in degrees);
    2. cuts the polygons that world-atlas stitched across longitude +-180
       (Russia's Chukotka and Wrangel Island) into one part per side, so that
       planar tools do not draw a band across the whole map;
    3. rounds every coordinate to ``DECIMALS`` decimals and drops consecutive
       duplicate points created by the rounding (rings left with fewer than
       four positions are dropped);
    4. orients every exterior ring clockwise and every hole counter-clockwise
       (in longitude/latitude). This is the convention of the source data,
       d3-geo and Plotly's ``geo`` maps, which fill the *outside* of a ring
       wound the other way; it is the opposite of RFC 7946's recommendation,
       which GIS libraries (shapely, geopandas) ignore anyway;
    5. keeps every country whose geometry intersects the set's box (all of them, for
       ``world-110m``); a kept
       country keeps its *full* geometry (nothing is clipped);
    6. writes a FeatureCollection sorted by ``iso3``, compact JSON with one
       feature per line so that diffs stay readable;
    7. writes the map's outlines (``--simplify-only`` does only this, from the
       ``europe-50m.geojson`` already there): for each tolerance of the set,
       every ring snapped to a grid of that size (``simplify_ring``) and cut to
       the set's box, in a file of the same form, ``europe-50m-<tolerance>.geojson``. The package reads them
       (``article_explorer.geo.outlines``) and only cuts them to the box a map
       shows; distances use the full boundaries.

Steps 1-6 use only the Python standard library; step 7 cuts the rings with the
package's own ``clip_ring`` (the one that cuts a map to its box at run time), so
it runs from the repository with the package's requirements installed.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

# --- configuration ---------------------------------------------------------

WORLD_ATLAS = "world-atlas"
WORLD_ATLAS_VERSION = "2.0.2"
CODES_PACKAGE = "i18n-iso-countries"
CODES_VERSION = "7.14.0"

#: Selection box of europe-50m (min_lon, min_lat, max_lon, max_lat) in degrees; the package's
#: ``article_explorer.data.boundaries.EUROPE_BOX`` must agree.
BOX: tuple[float, float, float, float] = (-25.0, 27.0, 60.0, 72.0)

#: Number of decimals kept in the output coordinates (0.001 deg ~ 110 m).
DECIMALS = 3

#: Codes for Natural Earth features that have no ISO 3166-1 numeric id, by
#: their Natural Earth name: (iso3, iso_numeric). ``XKX`` is the user-assigned
#: code commonly used for Kosovo (e.g. by the World Bank; i18n-iso-countries
#: lists XKK/983 instead). Any other feature without a numeric id
#: (e.g. "N. Cyprus") gets empty strings.
UNCODED_FEATURES: dict[str, tuple[str, str]] = {"Kosovo": ("XKX", "")}

#: Features left out of every set. Antarctica's outer ring runs round the South Pole: on a flat
#: longitude/latitude map it would need the pole's edge added, and no article's map needs it.
LEFT_OUT = frozenset({"Antarctica"})

#: The grids, in degrees, that the map's outlines are snapped to: the country fills and the bold
#: outlines of areas (``FILL_DEG`` and ``BOLD_DEG`` in ``article_explorer/geo/outlines.py``). Multiples
#: of 0.001 deg, so that the snapped coordinates are written exactly with ``DECIMALS`` decimals.
MAP_TOLERANCES_DEG = (0.036, 0.108)


class SetSpec(NamedTuple):
    """One boundary set: its world-atlas file, its selection box (``None``: every country) and the
    tolerances of its simplified copies (none: the map draws the file as it is)."""

    topojson: str
    box: tuple[float, float, float, float] | None
    tolerances: tuple[float, ...]


SETS = {
    "europe-50m": SetSpec("countries-50m.json", BOX, MAP_TOLERANCES_DEG),
    "world-110m": SetSpec("countries-110m.json", None, ()),
}

REPOSITORY = Path(__file__).resolve().parent.parent
OUTPUT_FOLDER = REPOSITORY / "article_explorer" / "data" / "boundaries"

Point = tuple[float, float]  # (longitude, latitude) as decoded
RawRing = list[Point]
RawPolygon = list[RawRing]  # exterior ring first, then holes
Position = list[float]  # [longitude, latitude] as written to GeoJSON
Ring = list[Position]
Polygon = list[Ring]

# --- TopoJSON decoding -----------------------------------------------------


def decode_arcs(topology: dict[str, Any]) -> list[RawRing]:
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
    arcs: list[RawRing] = []
    for arc in topology["arcs"]:
        x = y = 0
        points: list[Point] = []
        for dx, dy, *_ in arc:
            x += dx
            y += dy
            points.append((x * scale_x + translate_x, y * scale_y + translate_y))
        arcs.append(points)
    return arcs


def ring_from_arcs(arc_indexes: list[int], arcs: list[RawRing]) -> list[Point]:
    """Stitch the arcs of one ring together.

    A negative index ``i`` means arc ``~i`` traversed backwards. Consecutive
    arcs share their joining point, which is kept only once.
    """
    ring: list[Point] = []
    for index in arc_indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)
    return ring


def geometry_polygons(geometry: dict[str, Any], arcs: list[RawRing]) -> list[RawPolygon]:
    """Decode a TopoJSON Polygon or MultiPolygon into a list of polygons."""
    kind = geometry["type"]
    if kind == "Polygon":
        polygons = [geometry["arcs"]]
    elif kind == "MultiPolygon":
        polygons = geometry["arcs"]
    else:
        raise ValueError(f"unsupported geometry type {kind!r}")
    return [[ring_from_arcs(ring, arcs) for ring in polygon] for polygon in polygons]


def crossing_point(a: Point, b: Point) -> float:
    """Latitude where the edge a-b, which crosses longitude +-180, meets it."""
    side = 180.0 if a[0] > 0 else -180.0
    b_lon = b[0] + 2 * side  # b's longitude continued past a's side of the map
    if b_lon == a[0]:  # a step from -180 to 180 along the meridian itself
        return a[1]
    t = (side - a[0]) / (b_lon - a[0])
    return a[1] + t * (b[1] - a[1])


def crosses_antimeridian(a: Sequence[float], b: Sequence[float]) -> bool:
    """An edge stepping more than 180 degrees of longitude goes the short way round."""
    return abs(b[0] - a[0]) > 180


def split_at_antimeridian(polygons: list[RawPolygon]) -> list[RawPolygon]:
    """Cut polygons that cross longitude +-180 into one polygon per side.

    world-atlas stitches Natural Earth's polygons across the antimeridian for
    spherical renderers (d3-geo), so a ring of Russia steps from 179.9 to -180.
    Planar tools (shapely, matplotlib, web maps) read such a step as an edge
    right across the map. Each crossing edge is replaced by a point on the
    meridian on either side, and each side's piece is closed along the
    meridian, as in Natural Earth's own shapefiles; holes go with the piece
    on their side. Only exterior rings with exactly two crossings are cut
    (Russia, Fiji); rings around a pole (Antarctica) are left as they are, and
    ``build_features`` refuses to write a selected feature that still has a
    crossing edge.
    """
    result: list[RawPolygon] = []
    for polygon in polygons:
        ring, holes = polygon[0], polygon[1:]
        crossings = [k for k, (a, b) in enumerate(itertools.pairwise(ring)) if crosses_antimeridian(a, b)]
        if len(crossings) != 2:  # no crossing, or a ring around a pole
            result.append(polygon)
            continue
        if any(crosses_antimeridian(a, b) for h in holes for a, b in itertools.pairwise(h)):
            raise ValueError("a hole crosses the antimeridian")
        points, (i, j) = ring[:-1], crossings  # open ring; edge k runs points[k] -> points[k + 1]
        lat_i = crossing_point(ring[i], ring[i + 1])
        lat_j = crossing_point(ring[j], ring[j + 1])
        side_i = 180.0 if ring[i][0] > 0 else -180.0  # side of the map before crossing i
        piece_a = [(-side_i, lat_i), *points[i + 1 : j + 1], (-side_i, lat_j)]
        piece_b = [(side_i, lat_j), *points[j + 1 :], *points[: i + 1], (side_i, lat_i)]
        for piece, side in ((piece_a, -side_i), (piece_b, side_i)):
            if all(abs(lon) == 180 for lon, _ in piece):
                continue  # a sliver lying on the meridian itself
            own_holes = [h for h in holes if (h[0][0] > 0) == (side > 0)]
            result.append([[*piece, piece[0]], *own_holes])
    return result


# --- geometry clean-up -----------------------------------------------------


def round_ring(ring: RawRing, decimals: int) -> Ring:
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
    return 0.5 * sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring))


def clean_polygons(polygons: list[RawPolygon], decimals: int) -> list[Polygon]:
    """Round, de-duplicate and orient (exterior clockwise) the rings of each polygon.

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
            if (signed_area(ring) < 0) != is_exterior:  # clockwise <=> area < 0
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
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
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
            if any(segment_intersects_box(a, b, box) for a, b in itertools.pairwise(ring)):
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


def build_features(
    topology: dict[str, Any], alpha3: dict[str, str], box: tuple[float, float, float, float] | None
) -> list[dict[str, Any]]:
    """Return the countries that meet ``box`` (every country: ``None``) as GeoJSON features, sorted by iso3."""
    arcs = decode_arcs(topology)
    features: list[dict[str, Any]] = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        if name in LEFT_OUT:
            continue
        polygons = clean_polygons(split_at_antimeridian(geometry_polygons(geometry, arcs)), DECIMALS)
        if box is not None and not polygons_intersect_box(polygons, box):
            continue
        if any(
            crosses_antimeridian(a, b) for polygon in polygons for ring in polygon for a, b in itertools.pairwise(ring)
        ):
            raise ValueError(f"{name}: an edge still crosses the antimeridian")
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


#: Natural Earth 4.1 draws Crimea inside Russia (de facto control). Russia annexed the peninsula in
#: March 2014; the dataset's events cite the sources. The map draws it as an area of its own, so
#: that a lesson can mark it rather than silently colour it as Russia or as Ukraine.
CRIMEA_BOX = (32.4, 44.3, 36.8, 46.3)
CRIMEA_NOTE = "Annexed by Russia in March 2014; Natural Earth 4.1 draws it within Russia. Kept separate here."


def separate_crimea(features: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Move the Crimean peninsula out of the RUS feature into a feature of its own."""
    west, south, east, north = CRIMEA_BOX

    def inside(polygon: Polygon) -> bool:
        return all(west <= x <= east and south <= y <= north for x, y in polygon[0])

    russia = next(f for f in features if f["properties"]["iso3"] == "RUS")
    polygons = russia["geometry"]["coordinates"]
    crimea = [polygon for polygon in polygons if inside(polygon)]
    if len(crimea) != 1:
        raise ValueError(f"expected one Crimean polygon in RUS, found {len(crimea)}")
    russia["geometry"]["coordinates"] = [polygon for polygon in polygons if not inside(polygon)]
    for feature in features:
        feature["properties"]["note"] = ""
    return [
        *features,
        {
            "type": "Feature",
            "properties": {"iso3": "", "iso_numeric": "", "name": "Crimea", "note": CRIMEA_NOTE},
            "geometry": to_geojson_geometry(crimea),
        },
    ]


# --- the map's outlines ----------------------------------------------------


def simplify_ring(ring: Sequence[Sequence[float]], tolerance_deg: float) -> Ring:
    """Snap the vertices to a grid of ``tolerance_deg`` and drop those that fall on the grid point
    of the one before; the ring stays closed. Neighbours share their border's vertices, so they
    snap alike and stay flush: no slivers, no overlaps. Enough for a map on which
    ``tolerance_deg`` is under a pixel or two; an empty list when the ring shrinks below a
    triangle. Coordinates are rounded to ``DECIMALS`` decimals, which for a tolerance that is a
    multiple of 0.001 deg only writes the grid point exactly.

    >>> simplify_ring([(0, 0), (0, 0.01), (0, 1), (1, 1), (1, 0), (0, 0)], 0.1)
    [[0.0, 0.0], [0.0, 1.0], [1.0, 1.0], [1.0, 0.0], [0.0, 0.0]]
    """
    kept: Ring = []
    for lon, lat in ring:
        point = [round(lon / tolerance_deg) * tolerance_deg, round(lat / tolerance_deg) * tolerance_deg]
        if not kept or point != kept[-1]:
            kept.append(point)
    if len(kept) > 1 and kept[0] == kept[-1]:
        kept.pop()
    if len(kept) < 3:
        return []
    return [[round(lon, DECIMALS) + 0.0, round(lat, DECIMALS) + 0.0] for lon, lat in [*kept, kept[0]]]


def simplify_features(
    features: list[dict[str, Any]], tolerance_deg: float, box: tuple[float, float, float, float] = BOX
) -> list[dict[str, Any]]:
    """The features with every ring simplified (``simplify_ring``) and cut to ``BOX``: no map of
    the box draws what lies beyond it (Siberia, French Guiana...). The cut is the package's own
    (``article_explorer.geo.outlines.clip_ring``, which also cuts each map to its own box at run
    time), its new points rounded to ``DECIMALS`` decimals. A polygon whose outer ring shrinks or
    is cut to nothing goes with its holes, and a feature with no polygon left goes too."""
    if str(REPOSITORY) not in sys.path:  # run as a script: the package is in the repository
        sys.path.insert(0, str(REPOSITORY))
    from article_explorer.geo.outlines import clip_ring

    simplified = []
    for feature in features:
        polygons: list[Polygon] = []
        for polygon in _parts(feature):
            rings = [clip_ring([tuple(point) for point in simplify_ring(ring, tolerance_deg)], box) for ring in polygon]
            if rings[0]:
                polygons.append(
                    [[[round(x, DECIMALS) + 0.0, round(y, DECIMALS) + 0.0] for x, y in r] for r in rings if r]
                )
        if polygons:
            simplified.append({**feature, "geometry": to_geojson_geometry(polygons)})
    return simplified


def outlines_path(countries_path: Path, tolerance_deg: float) -> Path:
    """``europe-50m-0.036.geojson`` beside ``europe-50m.geojson``, for a tolerance of 0.036 deg."""
    return countries_path.with_name(f"{countries_path.stem}-{tolerance_deg:g}{countries_path.suffix}")


def write_map_outlines(countries_path: Path, spec: SetSpec = SETS["europe-50m"]) -> None:
    """Write the map's outlines at every tolerance of the set, from ``countries_path``."""
    features = json.loads(countries_path.read_text(encoding="utf-8"))["features"]
    for tolerance_deg in spec.tolerances:
        output = outlines_path(countries_path, tolerance_deg)
        simplified = simplify_features(features, tolerance_deg, spec.box or BOX)
        members = {"tolerance_deg": tolerance_deg, "simplified_from": countries_path.name}
        write_feature_collection(simplified, output, members)
        points = sum(len(ring) for f in simplified for polygon in _parts(f) for ring in polygon)
        print(f"wrote {len(simplified)} features, {points} points, {output.stat().st_size} bytes, to {output}")


def _parts(feature: dict[str, Any]) -> list[Polygon]:
    geometry = feature["geometry"]
    return geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]


def write_feature_collection(
    features: list[dict[str, Any]], output: Path, members: dict[str, Any] | None = None
) -> None:
    """Write compact JSON with one feature per line; ``members`` go in the collection's head."""
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    head = json.dumps({"type": "FeatureCollection", **(members or {})}, separators=(",", ":"))[:-1]
    text = head + ',"features":[\n' + ",\n".join(lines) + "\n]}\n"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "node_modules",
        type=Path,
        nargs="?",
        help="node_modules folder holding world-atlas and i18n-iso-countries (not with --simplify-only)",
    )
    parser.add_argument("--set", choices=sorted(SETS), default="europe-50m", help="the boundary set to build")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        help=f"GeoJSON file to write, or with --simplify-only to read (default: {OUTPUT_FOLDER}/<set>.geojson)",
    )
    parser.add_argument(
        "--simplify-only",
        action="store_true",
        help="only remake the map's outlines beside the existing boundaries file (offline)",
    )
    args = parser.parse_args(argv)
    spec = SETS[args.set]
    output = args.output or OUTPUT_FOLDER / f"{args.set}.geojson"
    if args.simplify_only:
        if not output.is_file():
            sys.exit(f"error: {output} not found; build it first (see {OUTPUT_FOLDER / 'README.md'})")
        write_map_outlines(output, spec)
        return
    if args.node_modules is None:
        parser.error("give the node_modules folder, or --simplify-only")

    atlas_dir = read_package(args.node_modules, WORLD_ATLAS, WORLD_ATLAS_VERSION)
    codes_dir = read_package(args.node_modules, CODES_PACKAGE, CODES_VERSION)
    topology = json.loads((atlas_dir / spec.topojson).read_text(encoding="utf-8"))
    features = separate_crimea(build_features(topology, numeric_to_alpha3(codes_dir / "codes.json"), spec.box))
    features.sort(key=lambda f: (f["properties"]["iso3"], f["properties"]["name"]))
    write_feature_collection(features, output)
    size = output.stat().st_size
    print(f"wrote {len(features)} features, {size} bytes, to {output}")
    write_map_outlines(output, spec)


if __name__ == "__main__":
    main()
