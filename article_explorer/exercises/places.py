"""The exercises of notebook 03: reading the map, its distances and its time control.

Every answer is computed from the dataset and the boundary files, so the exercises work for any
article that honours the data contract; a check never prints the answer (the notebook's folded
solution does). Called with no arguments, each takes the session's dataset
(:mod:`article_explorer.ui.session`) and the notebook's answer book (:func:`.base.answer_book`).
"""

from __future__ import annotations

from collections import Counter

import ipywidgets as widgets

from article_explorer.exercises.base import (
    RIGHT,
    AnswerBook,
    Feedback,
    NotPosed,
    NumberExercise,
    StateExercise,
    answer_book,
    listed,
    plural,
)
from article_explorer.explorers.map.explorer import MapExplorer
from article_explorer.explorers.map.items import map_items
from article_explorer.explorers.map.marks import is_landmark
from article_explorer.explorers.map.model import Geography
from article_explorer.ui import session
from article_explorer.ui.theme import PLACE_ROLE
from article_explorer.ui.unavailable import needs_dataset

NOTEBOOK = "03_geography_of_militarisation"
RADIUS_KM = 500


def _geography(app: MapExplorer | None) -> Geography:
    """The map's geography, or the session dataset's when no map has been made yet."""
    app = app or session.latest(MapExplorer)
    return app.geography if app is not None else Geography(session.dataset())


#: Why the distance exercises cannot be posed on a dataset without a city or a site.
NO_POINT = "none of its places is a city or a site (a point on the map) to measure from"


def _has_point(geography: Geography) -> bool:
    """Whether the map has a place to measure from: a city or a site (a place known only as a
    country or a region is an area)."""
    return any(geography.is_point(p) for p in geography.place)


@needs_dataset
def capitals_within_exercise(
    app: MapExplorer | None = None, book: AnswerBook | None = None
) -> NumberExercise | NotPosed:
    geography = _geography(app)
    if not _has_point(geography):
        return NotPosed("capitals_within", NO_POINT)
    centre = geography.default_centre
    name = geography.place[centre]["name"]
    capitals = [
        p
        for p, place in geography.place.items()
        if place["kind"] == "capital" and p != centre and geography.is_point(p)
    ]
    within = sum(geography.distance_km(centre, p) <= RADIUS_KM for p in capitals)  # landmarks count too
    landmarks = any(is_landmark(geography.place[p]) for p in capitals)
    also = " (capitals drawn only as landmarks count too)" if landmarks else ""
    shapes = f"stars, and the landmarks' {PLACE_ROLE['landmark'].glyph}" if landmarks else "stars"
    inside = sorted(
        (geography.distance_km(centre, p), p) for p in capitals if geography.distance_km(centre, p) <= RADIUS_KM
    )
    outside = sorted(
        (geography.distance_km(centre, p), p) for p in capitals if geography.distance_km(centre, p) > RADIUS_KM
    )

    def at(distance_and_place: tuple[float, str]) -> str:
        distance, place = distance_and_place
        landmark = "a landmark, " if is_landmark(geography.place[place]) else ""
        return f"{geography.place[place]['name']} ({landmark}about {distance:.0f} km)"

    return NumberExercise(
        "capitals_within",
        f"How many capitals on the map, other than {name}, lie within {RADIUS_KM} km of {name}{also}?",
        correct=int(within),
        hint_low=f"More than that. Set 'Ring radius' to {RADIUS_KM} km around {name}; read the sentence under the map.",
        hint_high=f"Fewer than that: count only capitals ({shapes}) inside the {RADIUS_KM} km ring.",
        book=book or answer_book(NOTEBOOK),
    ).with_solution(
        f"Set 'Ring around' to {name} and 'Ring radius' to {RADIUS_KM} km. The sentence under the map lists the "
        "places inside the ring with their distances.",
        f"Capitals inside the ring: {plural(len(inside), 'capital')}"
        + (f": {listed([at(c) for c in inside])}" if inside else "")
        + (f"; the nearest outside it: {at(outside[0])}." if outside else "."),
    )


@needs_dataset
def neighbours_on_a_side_exercise(
    app: MapExplorer | None = None, book: AnswerBook | None = None
) -> NumberExercise | NotPosed:
    """How many of the home country's neighbours stood on one side when the article was written:
    the side (other than the home country's own) that holds the most of them; where none is on
    any side, how many states border it."""
    geography = _geography(app)
    if not _has_point(geography):
        return NotPosed("neighbours_on_a_side", NO_POINT)
    home = geography.place[geography.default_centre]["country_iso3"]
    if home not in geography.countries:  # its neighbours are not known
        return NotPosed(
            "neighbours_on_a_side", f"the map's boundaries have no country {home}, whose borders it asks about"
        )
    year = geography.dataset.published.year
    neighbours = geography.neighbours.get(home, [])
    country = geography.countries[home].name if home in geography.countries else home
    own = geography.side_of_country(home, year)
    counts = Counter(geography.side_of_country(iso3, year) for iso3 in neighbours)
    order = geography.sides.in_scheme()
    candidates = [side for side in order if counts[side] and side != own]
    if candidates:
        side = max(candidates, key=lambda s: counts[s])  # max keeps the first of equals
        label = geography.sides.label(side)
        question = (
            f"When the article was written ({year}), how many of the states bordering {country} "
            f"were on the side the map calls '{label}'?"
        )
        correct = counts[side]
        hint = f"More than that. Find '{label}' in the map's legend and count its countries along the border."
    else:
        question = f"How many states border {country}?"
        correct = len(neighbours)
        hint = "More than that. Read the distances sentence under the map: it names every neighbour."
    on_side = [geography.countries[c].name if c in geography.countries else c for c in neighbours]
    if candidates:
        members = [n for c, n in zip(neighbours, on_side, strict=True) if geography.side_of_country(c, year) == side]
        answer = (
            f"{country} borders {plural(len(neighbours), 'state')}: {listed(sorted(on_side))}. In {year}, "
            f"{len(members)} of them were on the side '{label}': {listed(sorted(members))}."
        )
        how = f"Find '{label}' in the map's legend (its fill and pattern) and count those countries along the border."
    else:
        answer = f"{country} borders {plural(len(neighbours), 'state')}: {listed(sorted(on_side))}."
        how = "Read the distances sentence under the map: it names every neighbour."
    return NumberExercise(
        "neighbours_on_a_side",
        question,
        correct=int(correct),
        hint_low=hint,
        hint_high=f"Fewer than that: count only the states that share a border with {country}.",
        book=book or answer_book(NOTEBOOK),
    ).with_solution(how, answer)


@needs_dataset
def nearest_border_exercise(
    app: MapExplorer | None = None, book: AnswerBook | None = None
) -> NumberExercise | NotPosed:
    geography = _geography(app)
    if not _has_point(geography):
        return NotPosed("nearest_border", NO_POINT)
    centre = geography.default_centre
    year = geography.dataset.published.year
    table = geography.border_distances(centre, year)
    others = table[~table["home"]]
    if others.empty:  # no border of another state to measure to
        name = geography.place[centre]["name"]
        return NotPosed("nearest_border", f"the map knows no border of another state near {name}")
    nearest = int(others["km"].min()) if len(others) else 0
    name = geography.place[centre]["name"]
    ranked = others.sort_values("km").head(3)
    listing = [f"{row.country}'s (about {row.km:.0f} km)" for row in ranked.itertuples()]
    return NumberExercise(
        "nearest_border",
        f"How far is {name} from the nearest border of another state, in km? (Within 10 km counts.)",
        correct=set(range(nearest - 10, nearest + 11)),
        hint_low="Further than that. Read the distances sentence under the map: the first neighbour is the nearest.",
        hint_high="Nearer than that. Read the distances sentence under the map: the first neighbour is the nearest.",
        book=book or answer_book(NOTEBOOK),
    ).with_solution(
        f"Set 'Ring around' to {name}: the distances sentence under the map lists the neighbours, nearest first.",
        (f"From {name}, the nearest borders are {listed(listing)}. " if listing else f"{name} has no neighbour. ")
        + "These are great-circle distances to the boundary file's border line.",
    )


def dispute_year(geography: Geography) -> int:
    """A year partway through the dispute: the middle one (the earlier of two) of the years up to
    the article's in which something on the dispute layer happened; the article's year if none did."""
    items = map_items(geography)
    published = geography.dataset.published.year
    on_layer = items[items["layers"].map(lambda layers: "dispute" in layers) & ~items["later"]]
    years = sorted({int(y) for y in on_layer["year"] if y <= published})
    return years[(len(years) - 1) // 2] if years else published


@needs_dataset
def dispute_by_year_exercise(
    app: MapExplorer | None = None, book: AnswerBook | None = None, year: int | None = None
) -> StateExercise | NotPosed:
    """Show only the dispute layer as it stood at the end of ``year`` (default :func:`dispute_year`)."""
    if not _geography(app).mapped[0]:
        return NotPosed("dispute_by_year", "none of its places can be drawn on the map")
    if not map_items(_geography(app))["layers"].map(lambda layers: "dispute" in layers).any():
        return NotPosed("dispute_by_year", "nothing on its map is on the dispute layer")
    if year is None:
        year = dispute_year(_geography(app))

    def check(state) -> Feedback:
        layers, chosen_year, hindsight = state
        if hindsight:
            return Feedback(False, "Untick hindsight: the question is about what was known at the time.")
        if "dispute" in exercise.explorer.layer_boxes and layers != frozenset({"dispute"}):
            return Feedback(False, "Keep only the dispute layer ticked.")
        if chosen_year != year:
            return Feedback(False, f"Move 'Up to year' to {year}.")
        return Feedback(True, RIGHT + " Click the places that are filled in to see what had happened there.")

    def describe(state) -> str:
        layers, chosen_year, hindsight = state
        boxes = exercise.explorer.layer_boxes
        names = ", ".join(boxes[layer].description for layer in sorted(layers) if layer in boxes) or "none"
        return f"layers ticked: {names}; up to year {chosen_year}; hindsight {'on' if hindsight else 'off'}"

    exercise = StateExercise(
        "dispute_by_year",
        f"Make the map show only the dispute layer, as it stood at the end of {year}, without hindsight.",
        MapExplorer,
        read_state=lambda explorer: (explorer.filters.layers, explorer.filters.year, explorer.filters.hindsight),
        check=check,
        describe=describe,
        controls=lambda explorer: [
            widget_row(list(explorer.layer_boxes.values())),
            widget_row([explorer.year, explorer.hindsight]),
        ],
        explorer=app,
        what="the map",
        book=book or answer_book(NOTEBOOK),
    )
    geography = _geography(app)
    items = map_items(geography)
    on_layer = items[items["layers"].map(lambda layers: "dispute" in layers) & ~items["later"]]
    shown = sorted(
        {geography.place[p]["name"] for p, y in zip(on_layer["place_id"], on_layer["year"], strict=True) if y <= year}
    )
    return exercise.with_solution(
        f"Untick every layer except the dispute's, untick hindsight, and set 'Up to year' to {year}.",
        f"The map then fills in {plural(len(shown), 'place')}" + (f": {listed(shown)}." if shown else "."),
    )


def widget_row(children: list) -> widgets.HBox:
    return widgets.HBox(children, layout=widgets.Layout(flex_flow="row wrap"))
