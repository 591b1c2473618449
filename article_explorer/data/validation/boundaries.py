"""The country codes a map draws are in the boundaries it is drawn on.

A rule across tables, registered in :data:`article_explorer.data.validation.rules.RULES`. A
place known only as a country is drawn as that country's outline, and country_sides.csv colours
countries by their code: a code the boundaries do not have would draw nothing, silently. Such a
place's point (where its name and marker go, and what the map's extent holds) must lie in its
country's box, give or take :data:`BOX_MARGIN_DEG`: a point elsewhere (a sign dropped from a
longitude) would frame a map on which the country is nowhere. The
boundaries are the dataset's own ``geo/countries.geojson`` if it has one, else those that ship
with the package (:mod:`article_explorer.data.boundaries`: Europe at 1:50m and the world at
1:110m, whose keys together are checked here).
"""

from __future__ import annotations

import math

from article_explorer.data.boundaries import DATASET_BOUNDARIES, EUROPE, WORLD, boundary_boxes
from article_explorer.data.validation.read import RawDataset

#: How far outside its country's box the point of a place known only as a country may lie.
BOX_MARGIN_DEG = 1.0


def _number(text: str) -> float | None:
    """A finite number, or None (the cell rules report a cell that is not one)."""
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _in_box(lat: float, lon: float, box: tuple[float, float, float, float]) -> bool:
    min_lon, min_lat, max_lon, max_lat = box
    margin = BOX_MARGIN_DEG
    return min_lon - margin <= lon <= max_lon + margin and min_lat - margin <= lat <= max_lat + margin


def check_boundaries(raw: RawDataset) -> None:
    """The dataset's own boundaries can be read; the code of each place known only as a country,
    and each code of country_sides.csv, is a country (or noted area) of the boundaries; and the
    point of each place known only as a country lies in its country's box."""
    own = raw.path / DATASET_BOUNDARIES
    try:
        if own.is_file():
            sets, where = [boundary_boxes(own)], f"the dataset's own {DATASET_BOUNDARIES.as_posix()}"
        else:
            sets, where = [boundary_boxes(EUROPE.path), boundary_boxes(WORLD.path)], "the package's boundaries"
    except ValueError as error:
        raw.report_file(DATASET_BOUNDARIES.as_posix(), str(error).replace(str(own), "is not readable:", 1))
        return
    advice = (
        "check the code (ISO 3166-1 alpha-3)"
        if not own.is_file()
        else f"check the code, or add the country to {DATASET_BOUNDARIES.as_posix()}"
    )
    keys = set().union(*sets)
    for row in raw.tables.get("places", []):
        code = row["country_iso3"]
        if row["geo_precision"] == "country" and code in keys:
            _check_point_in_country(raw, row, [boxes[code] for boxes in sets if code in boxes], where)
        if row["geo_precision"] == "country" and code and code not in keys:
            raw.report(
                "places",
                row,
                "country_iso3",
                code,
                f"is no country in {where}, so the map cannot draw this place, which is known only as a country; "
                + advice,
            )
    for row in raw.tables.get("country_sides", []):
        code = row["country_iso3"]
        if code and code not in keys:
            raw.report(
                "country_sides",
                row,
                "country_iso3",
                code,
                f"is no country or noted area in {where}, so the map cannot colour it; " + advice,
            )


def _check_point_in_country(raw: RawDataset, row, boxes: list[tuple[float, float, float, float]], where: str) -> None:
    lat, lon = _number(row["lat"]), _number(row["lon"])
    if lat is None or lon is None or any(_in_box(lat, lon, box) for box in boxes):
        return
    min_lon, min_lat, max_lon, max_lat = boxes[0]
    raw.report(
        "places",
        row,
        "lat",
        f"{row['lat']}, {row['lon']}",
        f"(lat, lon) is not in {row['country_iso3']}, whose outline in {where} spans latitudes {min_lat:.2f} to "
        f"{max_lat:.2f} and longitudes {min_lon:.2f} to {max_lon:.2f}; a place known only as a country is drawn as "
        "its country, with its name at this point: give a point inside it (its capital, say), and check the signs "
        "(south and west are negative)",
    )
