"""Where the names of the map's places go at a zoom, and which are left to their hover text.

:func:`place_labels` ranks the names (capitals first, then the places with items...) and hands
them to :func:`.labels.layout_labels`, which places them clear of one another and of the
markers. An area's name goes at its own label point when that is well inside the view,
otherwise in the middle of the largest part of its country that is (:func:`area_label_point`).
"""

from __future__ import annotations

from article_explorer.explorers.map.countries import map_outlines
from article_explorer.explorers.map.labels import Label, Placement, layout_labels
from article_explorer.explorers.map.marks import LANDMARK_PX, is_landmark
from article_explorer.explorers.map.model import Geography
from article_explorer.geo.boundaries import Extent, contains

#: The share of the view's width and height that an area's own label point must keep from its edges.
INSET = 0.04


def short_name(name: str) -> str:
    """A place's name without its other spelling: the full name is in the hover text.

    >>> short_name("Baranovichi (Baranavichy)")
    'Baranovichi'
    """
    return name.split(" (")[0]


def area_label_point(geography: Geography, place_id: str, view: Extent) -> tuple[float, float] | None:
    """(lon, lat) for an area's name: its own label point when that is well inside the view,
    otherwise the middle of the largest part of the country that is (Russia's label point is
    in Siberia); ``None`` when no part of it is in view."""
    place = geography.place[place_id]
    inset_lon, inset_lat = (view.max_lon - view.min_lon) * INSET, (view.max_lat - view.min_lat) * INSET
    box = (view.min_lon + inset_lon, view.min_lat + inset_lat, view.max_lon - inset_lon, view.max_lat - inset_lat)
    lon, lat = place["lon"], place["lat"]
    if box[0] < lon < box[2] and box[1] < lat < box[3]:
        return lon, lat
    if place["country_iso3"] in geography.countries:
        return map_outlines(geography.extent, geography.boundaries).middle_in(place["country_iso3"], box)
    return None


def place_labels(
    geography: Geography, areas: list[str], points: list[str], active: set[str], view: Extent
) -> dict[str, Placement | None]:
    """``place_id -> placement`` (``None``: no name at this zoom) for the names of the areas and
    point places in ``view``, laid out by :func:`.labels.layout_labels`. Capitals go first,
    then the places with items and the centre's country (first on the whole map), then the
    landmarks, then the other areas (which may move a little within their country), then the
    places without items. A name that fits nowhere is left to its hover text, except a capital's
    and a landmark's (and the centre country's), but on the whole map."""
    places = geography.place
    home = places[geography.default_centre]["country_iso3"] if geography.default_centre else None
    whole = view == geography.extent  # the widest zoom, where names are crowded
    labels = []
    for p in areas:
        point = area_label_point(geography, p, view)
        if point is not None:
            droppable = places[p]["country_iso3"] != home or whole
            label = Label(p, *point, places[p]["name"], font_px=12, droppable=droppable, bold=True)
            # On the whole map the centre's country names itself before the crowded sites in it.
            labels.append((2 if droppable else 0.5 if whole else 1.5, label))
    for p in points:
        place = places[p]
        if not (view.min_lon <= place["lon"] <= view.max_lon and view.min_lat <= place["lat"] <= view.max_lat):
            continue
        if is_landmark(place):  # named at every zoom but the widest
            label = Label(p, place["lon"], place["lat"], short_name(place["name"]), 10, LANDMARK_PX, droppable=whole)
            labels.append((2.5 if whole else 1.7, label))
            continue
        capital, on = place["kind"] == "capital", p in active
        label = Label(
            p,
            place["lon"],
            place["lat"],
            short_name(place["name"]),
            font_px=12 if on else 10,
            marker_px=16 if on else 10,
            droppable=not capital,
        )
        labels.append((0 if capital else 1 if on else 3, label))
    labels.sort(key=lambda pair: pair[0])  # stable: within a rank, the order of places.csv

    def may_move_to(label: Label, lon: float, lat: float) -> bool:  # an area's name stays inside it
        iso3 = places[label.key]["country_iso3"]
        return iso3 in geography.countries and contains(geography.countries[iso3], lat=lat, lon=lon)

    return layout_labels([label for _, label in labels], view.bbox, view.y_per_x, may_move_to=may_move_to)
