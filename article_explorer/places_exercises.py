"""The exercises of notebook 03: reading the map, its distances and its time control.

Every answer is computed from the dataset and the boundary files, so the exercises work for
any article that honours the data contract; the notebook never shows the answer.
"""

from __future__ import annotations

from .exercises import RIGHT, AnswerBook, Feedback, NumberExercise, StateExercise
from .places_map import POINT_PRECISIONS, MapExplorer
from .timeline import article_date

RADIUS_KM = 500


def capitals_within_exercise(app: MapExplorer, book: AnswerBook) -> NumberExercise:
    geography = app.geography
    centre = geography.default_centre
    name = geography.place[centre]["name"]
    capitals = [
        p
        for p, place in geography.place.items()
        if place["kind"] == "capital" and p != centre and place["geo_precision"] in POINT_PRECISIONS
    ]
    within = sum(geography.distance_km(centre, p) <= RADIUS_KM for p in capitals)
    return NumberExercise(
        "capitals_within",
        f"How many capitals in the dataset, other than {name}, lie within {RADIUS_KM} km of {name}?",
        correct=int(within),
        hint_low=f"More than that. Set 'Ring radius' to {RADIUS_KM} km around {name}; read the sentence under the map.",
        hint_high=f"Fewer than that: count only capitals (stars) inside the {RADIUS_KM} km ring.",
        book=book,
    )


def nato_neighbours_exercise(app: MapExplorer, book: AnswerBook) -> NumberExercise:
    geography = app.geography
    centre = geography.place[geography.default_centre]
    home = centre["country_iso3"]
    year = article_date(app.dataset).year
    neighbours = geography.neighbours.get(home, [])
    members = sum(geography.side_of_country(iso3, year) == "nato" for iso3 in neighbours)
    country = geography.countries[home].name if home in geography.countries else home
    return NumberExercise(
        "nato_neighbours",
        f"When the article was written ({year}), how many of the states bordering {country} were NATO members?",
        correct=int(members),
        hint_low="More than that. Look at the hatched blue countries along the border, or at the distances sentence.",
        hint_high=f"Fewer than that: count only the states that share a border with {country}.",
        book=book,
    )


def nearest_border_exercise(app: MapExplorer, book: AnswerBook) -> NumberExercise:
    geography = app.geography
    centre = geography.default_centre
    year = article_date(app.dataset).year
    table = geography.border_distances(centre, year)
    others = table[~table["home"]]
    nearest = int(others["km"].min()) if len(others) else 0
    name = geography.place[centre]["name"]
    return NumberExercise(
        "nearest_border",
        f"How far is {name} from the nearest border of another state, in km? (Within 10 km counts.)",
        correct=set(range(nearest - 10, nearest + 11)),
        hint_low="Further than that. Read the distances sentence under the map: the first neighbour is the nearest.",
        hint_high="Nearer than that. Read the distances sentence under the map: the first neighbour is the nearest.",
        book=book,
    )


def dispute_by_year_exercise(app: MapExplorer, book: AnswerBook, year: int = 2014) -> StateExercise:
    dispute = "dispute" in app.layer_boxes

    def check(state) -> Feedback:
        layers, chosen_year, hindsight = state
        if hindsight:
            return Feedback(False, "Untick hindsight: the question is about what was known at the time.")
        if dispute and layers != frozenset({"dispute"}):
            return Feedback(False, "Keep only the dispute layer ticked.")
        if chosen_year != year:
            return Feedback(False, f"Move 'Up to year' to {year}.")
        return Feedback(True, RIGHT + " Click the places that are filled in to see what had happened there.")

    return StateExercise(
        "dispute_by_year",
        f"Make the map show only the dispute layer, as it stood at the end of {year}, without hindsight.",
        read_state=lambda: (app.filters.layers, app.filters.year, app.filters.hindsight),
        check=check,
        book=book,
    )
