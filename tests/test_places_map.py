"""The map of notebook 03: layers, years, hindsight, areas, distances and the explorer's states."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import plotly.graph_objects as go
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from article_explorer import load_dataset
from article_explorer.data.config import DEFAULT_DATA_DIR, PROJECT_ROOT
from article_explorer.exercises.base import AnswerBook
from article_explorer.exercises.places import (
    capitals_within_exercise,
    dispute_by_year_exercise,
    nearest_border_exercise,
    neighbours_on_a_side_exercise,
)
from article_explorer.explorers.map.explorer import MapExplorer
from article_explorer.explorers.map.figure import full_map_figure
from article_explorer.explorers.map.items import map_items, visible_items
from article_explorer.explorers.map.labels import Label, scale, text_box
from article_explorer.explorers.map.model import Geography, MapFilters
from article_explorer.explorers.map.text import describe_distances, describe_map, places_csv

from .conftest import CONTEXT_EVENTS

DATASETS = {"article": DEFAULT_DATA_DIR, "other_article": PROJECT_ROOT / "tests" / "data" / "other_article"}


@pytest.fixture(scope="module")
def geography():
    return Geography(load_dataset(DEFAULT_DATA_DIR))


@pytest.fixture(scope="module")
def items(geography):
    return map_items(geography)


def layers_of(items, item_id):
    return set(items.loc[items["item_id"] == item_id, "layers"].iloc[0])


def test_each_item_is_in_the_layers_its_data_implies(items):
    assert layers_of(items, "russian_fighters_lida_2013") == {"military:russia", "dispute"}
    assert layers_of(items, "warsaw_summit_2016") == {"military:nato"}, "NATO acts; the place is on NATO's side"
    assert layers_of(items, "su24_shootdown") == {"military:nato"}, "Turkey, a NATO member, acted"
    assert layers_of(items, "polonez_tests_china_2015") == {"military:belarus"}, "Belarus's own step"
    assert layers_of(items, "georgia_war_2008") == {"conflict"}
    assert layers_of(items, "displaced_ukrainians_in_belarus") == {"conflict"}
    assert layers_of(items, "eu_sanctions_lifted") == {"diplomacy"}
    assert layers_of(items, "smaller_nato_buildups") == {"claims"}
    assert set(items.loc[items["item_id"] == "smaller_nato_buildups", "place_id"]) == {"poland", "lithuania", "latvia"}
    every_layer = set().union(*items["layers"])
    assert every_layer == {
        "military:belarus",
        "military:russia",
        "military:nato",
        "diplomacy",
        "conflict",
        "dispute",
        "claims",
    }


def test_the_layers_are_named_from_the_sides_labels(geography):
    assert geography.layers["military:nato"] == "Military steps by NATO members"
    assert geography.layers["military:russia"] == "Military steps by Russia"
    assert list(geography.layers)[:5] == [
        "military:belarus",
        "military:russia",
        "military:nato",
        "military:ukraine",
        "military:other",
    ], "in the order of sides.csv"


def test_events_without_a_place_are_not_invented_onto_the_map(geography, items):
    unplaced = set(geography.dataset.events.loc[geography.dataset.events["place_id"] == "", "event_id"])
    assert unplaced and not unplaced & set(items["item_id"])


def test_the_year_and_hindsight_decide_what_is_shown(items):
    by_2013 = visible_items(items, MapFilters(year=2013), 2016)
    assert "russian_fighters_lida_2013" in set(by_2013["item_id"])
    assert "putin_airbase_order_2015" not in set(by_2013["item_id"])
    at_article = visible_items(items, MapFilters(year=2016), 2016)
    assert "warsaw_summit_2016" in set(at_article["item_id"]), "anticipated: shown as expected in 2016"
    assert not at_article["later"].any()
    later_without_hindsight = visible_items(items, MapFilters(year=2018), 2016)
    assert len(later_without_hindsight) == len(at_article), "nothing after the article without hindsight"
    with_hindsight = visible_items(items, MapFilters(year=2018, hindsight=True), 2016)
    later = with_hindsight[with_hindsight["later"]]
    assert set(later["item_id"]) == {
        "attache_offer:later",
        "warsaw_summit_2016:later",
        "land_forces_base_proposal:later",
    }
    assert visible_items(items, MapFilters(layers=frozenset()), 2016).empty


def test_country_sides_come_from_the_places_then_from_country_sides(geography):
    assert geography.side_of_country("BLR", 2016) == "belarus"
    assert geography.side_of_country("POL", 2016) == "nato", "coded in places.csv"
    assert geography.side_of_country("EST", 2016) == "nato", "from country_sides.csv: joined 2004"
    assert geography.side_of_country("EST", 2003) is None, "before it joined"
    assert geography.side_of_country("MNE", 2016) is None and geography.side_of_country("MNE", 2017) == "nato"
    assert geography.side_of_country("FIN", 2018) is None
    assert geography.side_of_country("POL", 1998) is None, "a place's side is for the article's date"
    assert geography.side_of_country("RUS", 2010) == "russia", "no periods: the place's side stands"


def test_border_distances_from_minsk(geography):
    table = geography.border_distances("minsk", 2016)
    assert table.iloc[0]["iso3"] == "BLR" and table.iloc[0]["home"]
    neighbours = table[~table["home"]]
    assert list(neighbours["iso3"]) == ["LTU", "LVA", "RUS", "UKR", "POL"]
    assert 110 <= neighbours.iloc[0]["km"] <= 135, "Minsk to the Lithuanian border, about 121 km"
    assert round(geography.distance_km("minsk", "warsaw")) == 475


def test_the_map_fits_the_dataset_and_lists_what_is_too_far(geography):
    off_map = geography.mapped[1]
    assert off_map == ["washington"]
    extent = geography.extent
    assert extent.min_lon < 21 < 37.6 < extent.max_lon and extent.min_lat < 35 < 55.8 < extent.max_lat
    other = Geography(load_dataset(DATASETS["other_article"]))
    assert other.mapped[1] == [] and -12 < other.extent.min_lon < other.extent.max_lon < 0


def test_the_figure_is_valid_plotly_with_areas_not_pins(geography, items):
    filters = MapFilters(year=2016, centre="minsk", radius_km=500)
    figure = go.Figure(full_map_figure(geography, visible_items(items, filters, 2016), filters, chosen="lida"))
    names = [t.name for t in figure.data if t.name]
    assert (
        "NATO members (2016)" in names
        and "Other countries and territories" in names
        and "Russia" in names
        and "Belarus" in names
    )
    assert any(t.fillpattern and t.fillpattern.shape == "/" for t in figure.data if t.name == "NATO members (2016)")
    areas = next(t for t in figure.data if (t.name or "").startswith("a country or region"))
    assert "belarus" in areas.customdata and "minsk" not in areas.customdata
    capitals = next(t for t in figure.data if t.name == "capital")
    assert "minsk" in capitals.customdata and "russia" not in capitals.customdata
    ring = next(t for t in figure.data if (t.name or "").startswith("500 km from Minsk"))
    assert len(ring.x) == 121
    assert all(t.type == "scatter" for t in figure.data), "no geo traces: the map must draw offline"


def test_the_csv_lists_the_places_shown(geography, items):
    shown = visible_items(items, MapFilters(year=2013), 2016)
    rows = list(csv.DictReader(io.StringIO(places_csv(geography, shown, "minsk"))))
    assert {r["place_id"] for r in rows} == set(shown["place_id"])
    lida = next(r for r in rows if r["place_id"] == "lida")
    assert lida["km_from_centre"] == "148"


def test_hostile_text_is_escaped(hostile_dataset):
    geography = Geography(load_dataset(hostile_dataset.path))
    items = map_items(geography)
    figure = full_map_figure(geography, items, MapFilters(year=None), chosen=None)
    text = str([(t.get("text"), t.get("hovertext"), t.get("name")) for t in figure["data"]])
    assert "<script" not in text and "<img" not in text


@pytest.fixture(scope="module", params=list(DATASETS))
def explorer(request):
    return MapExplorer(load_dataset(DATASETS[request.param]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 10_000)), max_size=8))
def test_every_state_gives_a_valid_view_or_a_plain_message(explorer, actions):
    controls = [*explorer.layer_boxes.values(), explorer.year, explorer.hindsight, explorer.centre]
    controls += [explorer.radius, explorer.place_picker]
    for which, value in actions:
        control = controls[which % len(controls)]
        if hasattr(control, "options"):
            values = [o[1] if isinstance(o, tuple) else o for o in control.options]
            control.value = values[value % len(values)]
        else:
            control.value = bool(value % 2)
    shown = visible_items(explorer.items, explorer.filters, explorer.published_year)
    assert explorer.count.value.startswith(f"<p><b>{len(shown)} of {len(explorer.items)} items shown")
    places = sum(len(t.get("customdata") or []) for t in explorer.plot.figure["data"])
    assert places >= 1, "the places are always drawn, hollow when nothing is shown there"
    assert explorer.plot.base["data"], "the countries are always drawn"
    if shown.empty:
        assert "Nothing matches these layers" in explorer.card.value
    elif explorer.place_picker.value:
        assert "ae-card ae-place" in explorer.card.value
    assert "Download the" in explorer.download.value


def test_clicking_a_place_opens_its_card(explorer):
    place = explorer.geography.mapped[0][0]
    explorer.plot.clicked = {"customdata": place}
    assert explorer.place_picker.value == place


def test_exercises(geography):
    app, book = MapExplorer(geography.dataset), AnswerBook("t")
    capitals = capitals_within_exercise(app, book)
    assert capitals.submit(4).correct, "Vilnius 172 km, Riga 403 km (landmarks), Kyiv 434 km, Warsaw 475 km"
    assert not capitals.submit(2).correct, "Kyiv and Warsaw alone leave out the landmarks"
    assert "landmarks count too" in capitals.question
    assert neighbours_on_a_side_exercise(app, book).submit(3).correct
    nearest = nearest_border_exercise(app, book)
    assert nearest.submit(125).correct and not nearest.submit(200).correct
    dispute = dispute_by_year_exercise(app, book)
    assert "dispute layer" in dispute.submit(dispute.current_answer()).message
    for layer, box in app.layer_boxes.items():
        box.value = layer == "dispute"
    app.year.value = 2014
    assert dispute.submit(dispute.current_answer()).correct
    assert {"russian_fighters_lida_2013", "babruysk_named_2014"} <= set(app._shown["item_id"])


def test_without_hindsight_the_year_list_stops_at_the_article_and_the_text_names_the_year_shown():
    app = MapExplorer(load_dataset(DEFAULT_DATA_DIR))
    assert max(app.year.options) == app.published_year == 2016, "never offer a year the map will not show"
    app.hindsight.value = True
    assert max(app.year.options) == 2018
    app.year.value = 2018
    names = [t.get("name", "") for t in app.plot.base["data"]]
    assert "NATO members (2018)" in names and "2018" in app.plot.figure["layout"]["title"]["text"]
    app.hindsight.value = False
    assert app.year.value == 2016 and max(app.year.options) == 2016, "unticking hindsight brings the year back"
    names = [t.get("name", "") for t in app.plot.base["data"]]
    title = app.plot.figure["layout"]["title"]["text"]
    assert (
        "NATO members (2016)" in names
        and "Other countries and territories" in names
        and "2018" not in title
        and "2018" not in app.description.value
    )
    assert "30 March 2016" in title, "the article's own year is shown as the article saw it"
    filters = MapFilters(year=2018)  # a caller may still ask for a later year: the text says what is shown
    text = describe_map(app.geography, visible_items(app.items, filters, 2016), filters)
    assert "2018" not in text.split(".")[0] and "Hindsight is off, so nothing after 30 March 2016 is shown" in text


def label_boxes(figure):
    """The text boxes of the figure's place names (in their own font sizes), as map_labels estimates
    them, at its small size."""
    layout = figure["layout"]
    view = (layout["xaxis"]["range"][0], layout["yaxis"]["range"][0], layout["xaxis"]["range"][1])
    view += (layout["yaxis"]["range"][1],)
    ratio = layout["yaxis"]["scaleratio"]
    px = scale(view, ratio)
    boxes, markers = {}, []
    for trace in figure["data"]:
        if trace.get("mode") not in ("text", "markers+text"):
            continue
        sizes = trace.get("marker", {}).get("size") or [0] * len(trace["x"])
        fonts = trace.get("textfont", {}).get("size", 12)
        fonts = fonts if isinstance(fonts, list) else [fonts] * len(trace["x"])
        for x, y, text, position, size, font in zip(
            trace["x"], trace["y"], trace["text"], trace["textposition"], sizes, fonts, strict=True
        ):
            at = ((x - view[0]) * px, (view[3] - y) * ratio * px)
            if size:
                markers.append((at[0] - size / 2, at[1] - size / 2, at[0] + size / 2, at[1] + size / 2))
            if text:
                plain = text.replace("<b>", "").replace("</b>", "")
                label = Label(plain, x, y, plain, font_px=font, marker_px=size, bold="<b>" in text)
                boxes[plain] = text_box(label, position, *at)
    width, height = (view[2] - view[0]) * px, (view[3] - view[1]) * ratio * px
    return boxes, markers, (width, height)


def overlaps(a, b, slack=0.5):
    return min(a[2], b[2]) - max(a[0], b[0]) > slack and min(a[3], b[3]) - max(a[1], b[1]) > slack


@pytest.mark.parametrize("zoom", ["region", "ring", "all"])
def test_place_names_do_not_collide_and_stay_on_the_map(geography, items, zoom):
    filters = MapFilters(year=2016, centre="minsk", radius_km=500, zoom=zoom)
    figure = full_map_figure(geography, visible_items(items, filters, 2016), filters)
    boxes, markers, (width, height) = label_boxes(figure)
    if zoom != "all":
        assert {"Minsk", "Lida", "Baranovichi", "Babruysk", "Warsaw", "Kyiv", "Belarus", "Russia"} <= set(boxes)
    assert {"Minsk", "Warsaw", "Kyiv"} <= set(boxes), "capitals keep their names"
    assert zoom == "ring" or "Moscow" in boxes
    names = sorted(boxes)
    for i, a in enumerate(names):
        box = boxes[a]
        assert box[0] >= -0.5 and box[2] <= width + 0.5 and box[1] >= -0.5 and box[3] <= height + 0.5, a
        for b in names[i + 1 :]:
            assert not overlaps(box, boxes[b]), f"{a} and {b} print over one another"
        for marker in markers:
            assert not overlaps(box, marker), f"{a} prints over a marker"


def test_the_map_zooms_to_belarus_then_to_the_ring_and_out_to_the_whole_map():
    app = MapExplorer(load_dataset(DEFAULT_DATA_DIR))
    whole, region = app.geography.extent, app.geography.region
    assert app.zoom.value == "region" and [label for label, _ in app.zoom.options] == [
        "Belarus and its neighbours",
        "the whole map",
    ]
    x_range = app.plot.figure["layout"]["xaxis"]["range"]
    assert x_range == [region.min_lon, region.max_lon] and region.max_lon - region.min_lon < 0.5 * (
        whole.max_lon - whole.min_lon
    ), "the region is at most half the width of the whole map"
    assert region.min_lon < 21.0 < 37.6 < region.max_lon, "Warsaw and Moscow are in it"
    assert "Outside this zoom: Brussels, Georgia, Syria, Turkey" in app.description.value
    app.radius.value = 300
    assert app.zoom.value == "ring", "drawing a ring zooms to it"
    ring = app.geography.view("ring", "minsk", 300)
    assert app.plot.figure["layout"]["xaxis"]["range"] == [ring.min_lon, ring.max_lon]
    assert ring.min_lon < 27.56 - 4.5 and ring.max_lon > 27.56 + 4.5 and ring.max_lon - ring.min_lon < 14
    app.zoom.value = "all"
    app.radius.value = 500
    assert app.zoom.value == "all", "a learner's own zoom is kept when the ring only changes size"
    assert app.plot.figure["layout"]["xaxis"]["range"] == [whole.min_lon, whole.max_lon]
    assert "Outside this zoom" not in app.description.value
    app.zoom.value = "ring"
    app.radius.value = 0
    assert app.zoom.value == "region" and "ring" not in {value for _, value in app.zoom.options}


def test_the_title_and_attribution_stay_clear_of_the_toolbar_and_the_ticks(geography, items):
    filters = MapFilters(year=2018, hindsight=True)
    layout = full_map_figure(geography, visible_items(items, filters, 2016), filters)["layout"]
    title = layout["title"]
    assert title["text"] == "By the end of 2018, with what came later", "short"
    assert (title["x"], title["xanchor"], title["yref"], title["yanchor"]) == (0, "left", "container", "top")
    assert title["pad"]["t"] >= 30, "below the strip where plotly's toolbar sits (top right)"
    assert "Natural Earth" in title["subtitle"]["text"] and not layout.get("annotations"), "nothing over the ticks"
    assert layout["margin"]["t"] >= title["pad"]["t"] + 50, "room for the title and its subtitle above the map"
    assert layout["xaxis"]["automargin"] and layout["yaxis"]["automargin"], "tick labels never cut"
    legend = layout["legend"]
    assert (legend["orientation"], legend["y"], legend["yanchor"], legend["yref"]) == ("h", 0, "bottom", "container"), (
        "the legend at the bottom of the figure, under the map: plotly makes room for it"
    )


def test_the_ring_lists_every_place_whatever_the_layers_and_says_which_are_hollow(geography, items):
    filters = MapFilters(layers=frozenset(), year=2016, centre="minsk", radius_km=500)
    shown = visible_items(items, filters, 2016)
    text = describe_distances(geography, filters, geography.border_distances("minsk", 2016), shown)
    assert "Within 500 km of Minsk: Baranovichi" in text
    assert "all the dataset's places in the ring, whatever the layers" in text
    assert "Nothing is shown at Baranovichi (Baranavichy), Babruysk (Bobruisk), Lida, Kyiv, Warsaw" in text
    assert "Minsk lies 121 km from the nearest border of Belarus, the one with Lithuania." in text
    assert "coast" not in text, "Belarus is land-locked: its nearest line is a land border"


def test_no_codes_on_screen_dates_kinds_and_sides_in_words():
    app = MapExplorer(load_dataset(DEFAULT_DATA_DIR))
    app.place_picker.value = "belarus"
    hover = str([t.get("hovertext") for t in app.plot.figure["data"]])
    for text in (app.table.value, app.card.value, hover):
        assert "2014/.." not in text and "2016-03-30/" not in text and "military_site" not in text
        assert "human_rights" not in text
    assert "from 2014 onwards" in app.table.value and "the author&#x27;s claim" in app.table.value
    assert "from 2014 onwards" in app.card.value and "from 30 March 2016, end unknown" in app.card.value
    app.place_picker.value = "lida"
    assert "military site" in app.card.value and "military_site" not in app.card.value


# --- contract v2: landmarks (places.role) and context events (events.origin) -----------------------


def test_the_control_hides_exactly_the_context_events(items):
    shown = visible_items(items, MapFilters(year=2016), 2016)
    without = visible_items(items, MapFilters(year=2016, context=False), 2016)
    assert set(shown["item_id"]) - set(without["item_id"]) == CONTEXT_EVENTS
    assert set(shown.loc[shown["context"], "item_id"]) == CONTEXT_EVENTS
    assert not without["context"].any()


def test_context_events_are_marked_on_the_map_in_hovers_cards_and_the_table(geography, items):
    filters = MapFilters(year=2013)
    figure = full_map_figure(geography, visible_items(items, filters, 2016), filters)
    (frames,) = [t for t in figure["data"] if t.get("legendgroup") == "context"]
    assert {(x, y) for x, y in zip(frames["x"], frames["y"], strict=True)} == {
        (geography.place[p]["lon"], geography.place[p]["lat"]) for p in ("lida", "baranovichi")
    }, "framed: the places where everything shown is context"
    assert frames["marker"]["symbol"] == "square-open" and "only context events" in frames["name"]
    sites = next(t for t in figure["data"] if t.get("name") == "military site")
    lida = sites["customdata"].index("lida")
    assert "□ context: August 2013 — Russian duty fighters" in sites["hovertext"][lida]
    app = MapExplorer(geography.dataset)
    assert app.count.value.endswith(" 5 of them context events (□).</p>")
    assert app.table.value.count("□ context: an event the coder added") == 5
    app.place_picker.value = "lida"
    assert "□ context: an event the coder added; the article does not report it" in app.card.value
    app.context.value = False
    assert app.count.value.endswith(" 5 context events hidden.</p>") and "Context events are hidden" in (
        app.description.value
    )
    assert "Nothing shown here" in app.card.value
    assert not [t for t in app.plot.figure["data"] if t.get("legendgroup") == "context"]


def test_landmarks_are_drawn_apart_named_and_in_the_legend(geography, items):
    filters = MapFilters(year=2016)
    figure = full_map_figure(geography, visible_items(items, filters, 2016), filters)
    (landmarks,) = [t for t in figure["data"] if t.get("name") == "landmark, not named by the article"]
    assert landmarks["customdata"] == ["riga", "vilnius"], "in places.csv order"
    assert landmarks["text"] == ["Riga", "Vilnius"], "named at the region's zoom"
    assert landmarks["marker"]["symbol"] == "circle-open-dot" and landmarks["marker"]["size"] == [10, 10]
    assert "landmark, not named by the article" in landmarks["hovertext"][1]
    capitals = next(t for t in figure["data"] if t.get("name") == "capital")
    assert not {"riga", "vilnius"} & set(capitals["customdata"]), "not drawn as one of the article's capitals"
    app = MapExplorer(geography.dataset)
    assert ("Vilnius (landmark)", "vilnius") in app.place_picker.options
    app.place_picker.value = "vilnius"
    assert "A landmark, not named by the article" in app.card.value
    assert geography.default_centre == "minsk"


def test_the_ring_counts_the_landmarks(geography, items):
    filters = MapFilters(year=2016, centre="minsk", radius_km=500)
    text = describe_distances(geography, filters, geography.border_distances("minsk", 2016))
    assert (
        "Within 500 km of Minsk: Baranovichi (Baranavichy) (133 km), Babruysk (Bobruisk) (139 km), Lida (148 km), "
        "Vilnius (172 km; landmark, not named by the article), Riga (403 km; landmark, not named by the article), "
        "Kyiv (434 km), Warsaw (475 km)."
    ) in text
    shown = visible_items(items, filters, 2016)
    text = describe_distances(geography, filters, geography.border_distances("minsk", 2016), shown)
    assert text.endswith("Every place the article names in it has something shown with these layers and years.")
    filters = replace(filters, layers=frozenset())
    text = describe_distances(
        geography, filters, geography.border_distances("minsk", 2016), visible_items(items, filters, 2016)
    )
    assert "Nothing is shown at Baranovichi (Baranavichy), Babruysk (Bobruisk), Lida, Kyiv, Warsaw with" in text, (
        "a landmark is not a hollow place: nothing is ever shown there"
    )
    near = describe_distances(geography, replace(filters, radius_km=200), geography.border_distances("minsk", 2016))
    assert near.endswith(
        "Vilnius (172 km; landmark, not named by the article). These are all the dataset's places "
        "in the ring, whatever the layers."
    )
