"""The country boundaries that ship with the package, and which of them a dataset is drawn on.

This folder holds two sets of Natural Earth country boundaries (``README.md`` here says where
they come from, how they were made and what they say about disputed areas):

* ``europe-50m``: Europe and its neighbours at 1:50m (``europe-50m.geojson``), with the lighter
  copies the map draws (``europe-50m-0.036.geojson``, ``europe-50m-0.108.geojson``). A dataset
  whose places all lie in its box, :data:`EUROPE_BOX`, is drawn on it: its borders are finer,
  and it has the microstates.
* ``world-110m``: every country at 1:110m (``world-110m.geojson``), for a dataset anywhere else.
  It is coarse enough to be drawn as it is.

A dataset may bring its own boundaries instead, as ``geo/countries.geojson`` in its folder (in
the same form, see the README), with simplified copies beside it if it likes
(``geo/countries-0.036.geojson``...). :func:`boundaries_for` makes the choice.

The geometry is read by :mod:`article_explorer.geo.boundaries`; this module only knows the
files, their boxes and their keys (:func:`boundary_keys`), which the validator checks the
dataset's country codes against.

>>> boundaries_for(None, [(27.56, 53.90)]).name, boundaries_for(None, [(-68.13, -16.50)]).name
('europe-50m', 'world-110m')
>>> {"BLR", "CRIMEA"} <= boundary_keys(EUROPE.path), "BOL" in boundary_keys(WORLD.path)
(True, True)
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

#: The box europe-50m covers, (min_lon, min_lat, max_lon, max_lat): every country that reaches
#: into it is in the file (``scripts/build_geo.py`` selects them with the same box).
EUROPE_BOX = (-25.0, 27.0, 60.0, 72.0)

#: Where a dataset keeps boundaries of its own, in its folder.
DATASET_BOUNDARIES = Path("geo") / "countries.geojson"

_FOLDER = Path(str(resources.files(__name__)))


@dataclass(frozen=True)
class BoundarySet:
    """One set of country boundaries: its full-resolution file and the box it covers (``None``:
    the whole world, or whatever a dataset's own file covers)."""

    name: str
    path: Path
    box: tuple[float, float, float, float] | None = None

    def outlines_path(self, tolerance_deg: float) -> Path:
        """The copy simplified to ``tolerance_deg`` that ``scripts/build_geo.py`` wrote beside the
        file (``europe-50m-0.036.geojson``), or the file itself where there is none.

        >>> EUROPE.outlines_path(0.036).name, WORLD.outlines_path(0.036).name
        ('europe-50m-0.036.geojson', 'world-110m.geojson')
        """
        simplified = self.path.with_name(f"{self.path.stem}-{tolerance_deg:g}{self.path.suffix}")
        return simplified if simplified.is_file() else self.path

    def covers(self, lon: float, lat: float, margin_deg: float = 0.0) -> bool:
        """Whether the point, and ``margin_deg`` round it, lie in the set's box."""
        if self.box is None:
            return True
        min_lon, min_lat, max_lon, max_lat = self.box
        return (
            min_lon + margin_deg <= lon <= max_lon - margin_deg and min_lat + margin_deg <= lat <= max_lat - margin_deg
        )


EUROPE = BoundarySet("europe-50m", _FOLDER / "europe-50m.geojson", EUROPE_BOX)
WORLD = BoundarySet("world-110m", _FOLDER / "world-110m.geojson")


def boundaries_for(
    dataset_folder: Path | None, points: Iterable[tuple[float, float]], margin_deg: float = 0.0
) -> BoundarySet:
    """The boundaries a dataset in ``dataset_folder`` is drawn on, when its map shows ``points``
    (lon, lat) and ``margin_deg`` round them: its own ``geo/countries.geojson`` if it has one;
    else europe-50m if the points and their margin lie in its box; else world-110m."""
    if dataset_folder is not None and (Path(dataset_folder) / DATASET_BOUNDARIES).is_file():
        return BoundarySet("the dataset's own", Path(dataset_folder) / DATASET_BOUNDARIES)
    points = list(points)
    return EUROPE if points and all(EUROPE.covers(lon, lat, margin_deg) for lon, lat in points) else WORLD


def feature_key(iso3: str, name: str) -> str:
    """How a feature is keyed: its ``iso3``, or, without one, its name upper-cased with spaces
    removed ("Crimea" → ``CRIMEA``, "N. Cyprus" → ``N.CYPRUS``).

    >>> feature_key("BLR", "Belarus"), feature_key("", "N. Cyprus")
    ('BLR', 'N.CYPRUS')
    """
    return iso3 or name.upper().replace(" ", "")


def boundary_keys(path: Path) -> frozenset[str]:
    """The keys (:func:`feature_key`) of every feature in a boundaries file.

    Raises :class:`ValueError`, saying what is wrong, for a file that cannot be read as a
    FeatureCollection of features with ``iso3`` and ``name`` properties."""
    return frozenset(boundary_boxes(path))


@lru_cache(maxsize=8)
def boundary_boxes(path: Path) -> dict[str, tuple[float, float, float, float]]:
    """Each feature's box, (min_lon, min_lat, max_lon, max_lat), by key (:func:`feature_key`).

    Raises :class:`ValueError`, saying what is wrong, for a file that cannot be read as a
    FeatureCollection of Polygon and MultiPolygon features with ``iso3`` and ``name`` properties.

    >>> [round(edge) for edge in boundary_boxes(EUROPE.path)["BLR"]]
    [23, 51, 33, 56]
    """
    try:
        collection = json.loads(Path(path).read_bytes())
        boxes = {}
        for feature in collection["features"]:
            key = feature_key(feature["properties"]["iso3"], feature["properties"]["name"])
            geometry = feature["geometry"]
            polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
            lons = [point[0] for polygon in polygons for ring in polygon for point in ring]
            lats = [point[1] for polygon in polygons for ring in polygon for point in ring]
            boxes[key] = (min(lons), min(lats), max(lons), max(lats))
        return boxes
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError) as error:
        raise ValueError(
            f"{path} cannot be read as country boundaries ({type(error).__name__}: {error}); expected a GeoJSON "
            "FeatureCollection of Polygon and MultiPolygon features with iso3 and name properties"
        ) from None
