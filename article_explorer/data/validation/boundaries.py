"""The country codes a map draws are in the boundaries it is drawn on.

A rule across tables, registered in :data:`article_explorer.data.validation.rules.RULES`. A
place known only as a country is drawn as that country's outline, and country_sides.csv colours
countries by their code: a code the boundaries do not have would draw nothing, silently. The
boundaries are the dataset's own ``geo/countries.geojson`` if it has one, else those that ship
with the package (:mod:`article_explorer.data.boundaries`: Europe at 1:50m and the world at
1:110m, whose keys together are checked here).
"""

from __future__ import annotations

from article_explorer.data.boundaries import DATASET_BOUNDARIES, EUROPE, WORLD, boundary_keys
from article_explorer.data.validation.read import RawDataset


def check_boundaries(raw: RawDataset) -> None:
    """The dataset's own boundaries can be read; the code of each place known only as a country,
    and each code of country_sides.csv, is a country (or noted area) of the boundaries."""
    own = raw.path / DATASET_BOUNDARIES
    try:
        if own.is_file():
            keys, where = boundary_keys(own), f"the dataset's own {DATASET_BOUNDARIES.as_posix()}"
        else:
            keys, where = boundary_keys(EUROPE.path) | boundary_keys(WORLD.path), "the package's boundaries"
    except ValueError as error:
        raw.report_file(DATASET_BOUNDARIES.as_posix(), str(error).replace(str(own), "is not readable:", 1))
        return
    advice = (
        "check the code (ISO 3166-1 alpha-3)"
        if not own.is_file()
        else f"check the code, or add the country to {DATASET_BOUNDARIES.as_posix()}"
    )
    for row in raw.tables.get("places", []):
        code = row["country_iso3"]
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
