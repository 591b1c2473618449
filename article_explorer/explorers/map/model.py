"""The map's places on the boundaries: what the learner chose (:class:`MapFilters`) and
:class:`Geography`, the dataset's places with the countries round them.

:class:`Geography` answers where things are: which places are mapped and which are too far
away, the map's extent and the box each zoom shows, the distance between two places and from
a place to the borders round it. The side a country is on is :class:`.sides.MapSides`'s; how the
countries are drawn is :mod:`.countries`'s; where the names go is :mod:`.placenames`'s.

>>> from article_explorer.ui.session import dataset
>>> geography = Geography(dataset())
>>> geography.default_centre, round(geography.distance_km("minsk", "warsaw"))
('minsk', 475)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from article_explorer.data.boundaries import BoundarySet, boundaries_for
from article_explorer.data.contract import ARTICLE_SCHEME
from article_explorer.data.dataset import Dataset
from article_explorer.explorers.map.marks import is_landmark
from article_explorer.explorers.map.sides import MapSides
from article_explorer.geo.boundaries import (
    Country,
    Extent,
    fit_extent,
    inside,
    load_countries,
    nearest_borders,
    neighbour_table,
)
from article_explorer.geo.sphere import circle, distance_to_border_km, great_circle_km

#: layer -> label, for the layers every map may have. Each side with military steps adds a layer
#: of its own before these, ``military:<side_id>``, labelled "Military steps by <its label>"
#: (:meth:`Geography.layers`); the dispute layer's label names the dataset's most contested issue.
LAYERS = {
    "other_military": "Other military steps",
    "diplomacy": "Diplomacy, politics and economy",
    "conflict": "Conflicts and displacement",
    "dispute": "The dispute",
    "claims": "The author's claims about places",
}
MILITARY_LAYER_PREFIX = "military:"
POINT_PRECISIONS = frozenset({"site", "city"})
BORDER_COLUMNS = ["iso3", "country", "km", "side", "side_id", "home"]
MAP_MARGIN_DEG = 2.0  # the map's extent reaches this far beyond its places
OUTLINE_MARGIN_DEG = 1.0  # the countries' outlines are cut this far beyond the extent
RING_RADII_KM = (100, 200, 300, 400, 500, 750, 1000, 1500, 2000)
MAX_MAP_DISTANCE_KM = 2500  # points farther than this from the places' middle are listed, not mapped
REGION_KM = 700  # the region view holds the point places this close to the default centre
RING_VIEW_MIN_KM = 300  # the ring view spans at least this far from its centre, each way
#: zoom -> how the Zoom list names it ({country}: the default centre's country).
ZOOMS = {"region": "{country} and its neighbours", "ring": "the ring", "all": "the whole map"}


@dataclass(frozen=True)
class MapFilters:
    """What the learner has chosen: the layers, the year, hindsight, the ring, the zoom, whether
    context events are shown, and the scheme that colours the countries."""

    layers: frozenset[str] | None = None  # None: every layer
    year: int | None = None
    hindsight: bool = False
    centre: str | None = None
    radius_km: int = 0
    zoom: str = "region"
    context: bool = True
    scheme: str = ARTICLE_SCHEME


def shown_year(filters: MapFilters, published_year: int) -> int:
    """The year the map really shows: the chosen one, but never after the article without hindsight."""
    year = filters.year if filters.year is not None else published_year
    return year if filters.hindsight else min(year, published_year)


@dataclass
class Geography:
    """The dataset's places with the boundaries: which are mapped, the map's extent and zooms, distances."""

    dataset: Dataset
    countries: dict[str, Country] = field(default_factory=dict)  # empty: those of :attr:`boundaries`
    _border_tables: dict[tuple[str, int, str], pd.DataFrame] = field(default_factory=dict, repr=False)

    def __post_init__(self):
        if not self.countries:
            self.countries = load_countries(self.boundaries.path)

    @cached_property
    def boundaries(self) -> BoundarySet:
        """The boundaries the dataset is drawn on (:func:`article_explorer.data.boundaries.boundaries_for`):
        the finer ones of Europe if the places near the :attr:`middle` (those the map can show),
        with the map's margins, lie in their box."""
        near = self._near_the_middle(self.dataset.places)
        if near.empty:  # no place at all: any region
            return boundaries_for(self.dataset.path, [])
        widest = fit_extent(list(near["lat"]), list(near["lon"]), margin_deg=MAP_MARGIN_DEG)  # holds the extent
        corners = [(widest.min_lon, widest.min_lat), (widest.max_lon, widest.max_lat)]
        return boundaries_for(self.dataset.path, corners, margin_deg=-OUTLINE_MARGIN_DEG)

    @cached_property
    def middle(self) -> tuple[float, float] | None:
        """(lat, lon) the map is centred on: the median latitude and longitude of the point places
        that are not landmarks (failing them, of the points; failing points, of the places that
        are not landmarks; failing those, of every place) or, where none of them lies within
        :data:`MAX_MAP_DISTANCE_KM` of that (places on two continents, the median in the sea
        between), the one nearest it. So a city or a site is always mapped if there is one. None
        for a dataset without places."""
        every = self.dataset.places
        points = every[every["geo_precision"].isin(POINT_PRECISIONS)]
        named = [place_set[place_set["role"] != "landmark"] for place_set in (points, every)]
        places = next((chosen for chosen in (named[0], points, named[1], every) if not chosen.empty), None)
        if places is None:
            return None
        median = places["lat"].median(), places["lon"].median()
        distances = [great_circle_km(*median, lat, lon) for lat, lon in places[["lat", "lon"]].values]
        if min(distances) <= MAX_MAP_DISTANCE_KM:
            return median
        nearest = places.iloc[distances.index(min(distances))]  # index() keeps the first of equals
        return nearest["lat"], nearest["lon"]

    def _near_the_middle(self, places: pd.DataFrame) -> pd.DataFrame:
        """The ``places`` within :data:`MAX_MAP_DISTANCE_KM` of the :attr:`middle`."""
        if self.middle is None:
            return places
        near = [
            great_circle_km(*self.middle, lat, lon) <= MAX_MAP_DISTANCE_KM for lat, lon in places[["lat", "lon"]].values
        ]
        return places[pd.Series(near, index=places.index, dtype=bool)]

    @cached_property
    def places(self) -> pd.DataFrame:
        return self.dataset.places.set_index("place_id", drop=False)

    @cached_property
    def place(self) -> dict[str, dict]:
        """Each place as a plain dict, by id (quicker than DataFrame lookups in a redraw)."""
        return {record["place_id"]: record for record in self.dataset.places.to_dict("records")}

    @cached_property
    def sides(self) -> MapSides:
        return MapSides(self.dataset)

    def side_of_country(self, iso3: str, year: int, scheme: str = ARTICLE_SCHEME) -> str | None:
        """The side of a country in ``year`` (:meth:`article_explorer.data.sides.Sides.of_country`)."""
        return self.sides.of_country(iso3, year, scheme)

    def military_layer(self, side: str | None) -> str:
        """The layer of a military step by ``side`` (``other_military`` for a step of no side)."""
        return f"{MILITARY_LAYER_PREFIX}{side}" if side else "other_military"

    @cached_property
    def layers(self) -> dict[str, str]:
        """layer -> label: a military layer for each side of the article's scheme, then :data:`LAYERS`
        (the explorer offers only those with items)."""
        military = {
            self.military_layer(side): f"Military steps by {self.sides.label(side)}" for side in self.sides.in_scheme()
        }
        return {**military, **LAYERS}

    @cached_property
    def neighbours(self) -> dict[str, list[str]]:
        return neighbour_table(self.countries)

    @cached_property
    def _distances(self) -> dict[tuple[str, str], float]:
        return {
            (a, b): great_circle_km(pa["lat"], pa["lon"], pb["lat"], pb["lon"])
            for a, pa in self.place.items()
            for b, pb in self.place.items()
        }

    def distance_km(self, from_place: str, to_place: str) -> float:
        """Great-circle kilometres between two places' points."""
        return self._distances[from_place, to_place]

    def is_point(self, place_id: str) -> bool:
        """Whether a place is a point (a site or a city), not an area known only as a country or region."""
        return self.place[place_id]["geo_precision"] in POINT_PRECISIONS

    @cached_property
    def mapped(self) -> tuple[list[str], list[str]]:
        """(place ids on the map, place ids not mapped), in places.csv's order. A point place is
        mapped if it lies within :data:`MAX_MAP_DISTANCE_KM` of the :attr:`middle`; an area (a
        country or a region) if its country is in the boundaries, however far."""
        near = set(self._near_the_middle(self.dataset.places)["place_id"])
        on, off = [], []
        for place in self.dataset.places.itertuples():
            if place.geo_precision in POINT_PRECISIONS:
                (on if place.place_id in near else off).append(place.place_id)
            else:
                (on if place.country_iso3 in self.countries else off).append(place.place_id)
        return on, off

    @cached_property
    def default_centre(self) -> str | None:
        """The mapped point place where most events happen, a landmark only if every one is; on a
        tie, the one listed first in places.csv. None if no city or site is on the map."""
        counts = self.dataset.events["place_id"].value_counts()
        points = [p for p in self.mapped[0] if self.is_point(p)]
        named = [p for p in points if not is_landmark(self.place[p])] or points
        return max(named, key=lambda p: counts.get(p, 0)) if named else None  # max keeps the first of equals

    @cached_property
    def extent(self) -> Extent | None:
        """The box that holds every mapped place near the :attr:`middle` (a point, or the label
        point of an area); a landmark orients the reader inside it but does not widen it, unless
        no other place is near the middle. None if nothing is mapped."""
        mapped = self.places.loc[self.mapped[0]]
        named = mapped[[not is_landmark(self.place[p]) for p in mapped["place_id"]]]
        # the named places near the middle; or, failing them, any mapped place near it; or any at all
        for held in (self._near_the_middle(named), self._near_the_middle(mapped), named, mapped):
            if not held.empty:
                return fit_extent(list(held["lat"]), list(held["lon"]), margin_deg=MAP_MARGIN_DEG)
        return None

    @cached_property
    def region(self) -> Extent:
        """The area the article is about: the default centre (a landmark only if every point is
        one), its country and the point places within :data:`REGION_KM` of it, inside the map's
        extent (the whole extent if no point is mapped)."""
        if self.default_centre is None:
            return self.extent
        centre = self.place[self.default_centre]
        near = [p for p in self.mapped[0] if self.is_point(p) and not is_landmark(self.place[p])]
        near = [self.default_centre, *(p for p in near if self.distance_km(self.default_centre, p) <= REGION_KM)]
        lats, lons = [self.place[p]["lat"] for p in near], [self.place[p]["lon"] for p in near]
        if centre["country_iso3"] in self.countries:
            min_lon, min_lat, max_lon, max_lat = self.countries[centre["country_iso3"]].bbox
            lats, lons = [*lats, min_lat, max_lat], [*lons, min_lon, max_lon]
        return inside(fit_extent(lats, lons, margin_deg=1.5), self.extent)

    def view(self, zoom: str, centre: str | None = None, radius_km: int = 0) -> Extent:
        """The lon/lat box a zoom shows (:data:`ZOOMS`): the region, the ring (at least
        :data:`RING_VIEW_MIN_KM` across each way), or the whole map."""
        if zoom == "all":
            return self.extent
        if zoom == "ring" and radius_km > 0 and (centre or self.default_centre) in self.place:
            middle = self.place[centre or self.default_centre]
            lons, lats = circle(middle["lat"], middle["lon"], max(radius_km, RING_VIEW_MIN_KM))
            return inside(fit_extent(lats, lons, margin_deg=1.0), self.extent)
        return self.region

    def border_distances(self, place_id: str, year: int, scheme: str = ARTICLE_SCHEME) -> pd.DataFrame:
        """From a point place: the distance to its own country's border (or coast) and to each
        neighbour's border, nearest first; ``home`` marks its own country, ``side`` is each
        country's side in ``year`` on ``scheme``, in words (``side_id``: its id, empty for none).
        Distances are rounded to the kilometre: the boundaries are good to about 100 m. Computed
        once per place, year and scheme."""
        if (place_id, year, scheme) not in self._border_tables:
            self._border_tables[place_id, year, scheme] = self._border_distances(place_id, year, scheme)
        return self._border_tables[place_id, year, scheme]

    def _border_distances(self, place_id: str, year: int, scheme: str) -> pd.DataFrame:
        place = self.place[place_id]
        lat, lon, home = place["lat"], place["lon"], place["country_iso3"]
        if home not in self.countries:
            return pd.DataFrame(columns=BORDER_COLUMNS)
        own = pd.DataFrame(
            {
                "iso3": [home],
                "name": [self.countries[home].name],
                "km": [distance_to_border_km(lat, lon, self.countries[home])],
            }
        )
        others = nearest_borders(lat, lon, self.countries, self.neighbours.get(home, []))
        table = pd.concat([own.assign(home=True), others[["iso3", "name", "km"]].assign(home=False)], ignore_index=True)
        table["km"] = table["km"].round().astype(int)
        table["side_id"] = [self.side_of_country(c, year, scheme) or "" for c in table["iso3"]]
        table["side"] = [self.sides.words(side or None) for side in table["side_id"]]
        return table.rename(columns={"name": "country"})[BORDER_COLUMNS]
