"""Actors and positions: the matrix, its evidence, stances over time, the network and actor cards."""

from __future__ import annotations

import csv
import html
import io
import re

import plotly.graph_objects as go
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from article_explorer import load_dataset
from article_explorer.data.config import DEFAULT_DATA_DIR, PROJECT_ROOT
from article_explorer.exercises.base import AnswerBook
from article_explorer.exercises.positions import (
    attributed_cell_exercise,
    most_connected_exercise,
    words_only_exercise,
)
from article_explorer.explorers.network import (
    ActorNetworkExplorer,
    NetworkFilters,
    actor_card,
    build_network_figure,
    circle_layout,
    network_links,
)
from article_explorer.explorers.positions import PositionMatrixExplorer, StanceOverTime
from article_explorer.explorers.positions.cells import PositionFilters, cell_evidence, filter_positions
from article_explorer.explorers.positions.explorer import (
    build_matrix_figure,
    describe_matrix,
    position_matrix,
    positions_csv,
)
from article_explorer.explorers.positions.stances import build_stance_figure, describe_stances
from article_explorer.ui.actor_card import mark_names

DATASETS = {"article": DEFAULT_DATA_DIR, "other_article": PROJECT_ROOT / "tests" / "data" / "other_article"}
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DEFAULT_DATA_DIR)


def cell(matrix, actor_id, issue_id):
    return matrix[(matrix["actor_id"] == actor_id) & (matrix["issue_id"] == issue_id)].iloc[0]


def test_a_cell_sums_up_the_positions_behind_it(dataset):
    matrix = position_matrix(dataset, PositionFilters())
    assert cell(matrix, "rus", "rus_airbase")["stance"] == "supports"
    assert cell(matrix, "lukashenko", "rus_airbase")["stance"] == "opposes"
    assert cell(matrix, "blr", "rus_airbase")["stance"] == "mixed", "mixed in 2013, opposed by 2015"
    assert cell(matrix, "eu", "rus_airbase")["stance"] == "none"
    actors, issues = matrix["actor_id"].nunique(), matrix["issue_id"].nunique()
    assert len(matrix) == actors * issues, "a full grid"
    assert (matrix.loc[matrix["stance"] != "none", "positions"] > 0).all()


def test_the_basis_filter_changes_the_picture_but_not_the_grid(dataset):
    everything = position_matrix(dataset, PositionFilters())
    attributed = position_matrix(dataset, PositionFilters(bases=frozenset({"attributed"})))
    assert len(attributed) == len(everything)
    assert cell(attributed, "blr", "rus_airbase")["stance"] == "opposes", "only the author's attribution is left"
    assert cell(attributed, "rus", "rus_airbase")["stance"] == "none"
    assert (attributed["positions"].sum(), everything["positions"].sum()) == (7, 27)


def test_the_evidence_of_a_cell_lists_positions_events_and_claims(dataset):
    evidence = cell_evidence(dataset, PositionFilters(), "blr", "rus_airbase")
    assert set(evidence.positions["position_id"]) == {"blr_airbase_2013", "blr_airbase_neutrality"}
    assert list(evidence.events["event_id"]) == ["russian_fighters_baranovichi_2013"]
    assert "neutrality_argument_against_airbase" in set(evidence.claims["claim_id"])
    no_attributed_voice = cell_evidence(dataset, PositionFilters(voices=frozenset({"own"})), "blr", "rus_airbase")
    assert no_attributed_voice.claims.empty, "that claim is in the attributed voice"


def test_the_matrix_figure_has_a_letter_and_a_colour_for_each_stance(dataset):
    figure = go.Figure(
        build_matrix_figure(dataset, position_matrix(dataset, PositionFilters()), ("blr", "rus_airbase"))
    )
    by_name = {t.name: t for t in figure.data}
    assert set(by_name) == {"S supports", "O opposes", "M mixed", "· no position in the text", "chosen cell"}
    mixed = by_name["M mixed"]
    assert list(mixed.text) == ["M"] and list(mixed.customdata) == ["blr|rus_airbase"]
    assert "demands for a Russian airbase in Belarus" in mixed.hovertext[0]
    assert len({t.marker.color for n, t in by_name.items() if n != "chosen cell"}) == 4
    fills = {n: (t.marker.color, t.textfont.color) for n, t in by_name.items() if n != "chosen cell"}
    assert fills == {  # the theme's stance colours, none of them a side's colour on the map; black letters
        "S supports": ("#117733", "#ffffff"),
        "O opposes": ("#AA4499", "#ffffff"),
        "M mixed": ("#DDCC77", "#000000"),
        "· no position in the text": ("#f0f0f0", "#555555"),
    }
    column = list(figure.layout.xaxis.ticktext).index("Belarus")
    assert list(by_name["chosen cell"].x) == [column]


def test_the_sentence_says_how_much_is_the_authors_attribution(dataset):
    shown = filter_positions(dataset, PositionFilters())
    text = describe_matrix(dataset, shown, position_matrix(dataset, PositionFilters()))
    assert text.startswith("Showing 27 of 27 positions in 21 of ")
    assert "7 attributed by the author: 26% rest on the author's attribution" in text
    none = PositionFilters(bases=frozenset())
    assert describe_matrix(dataset, filter_positions(dataset, none), position_matrix(dataset, none)).startswith(
        "No position matches these filters"
    )


def test_stances_over_time_put_each_position_at_its_date(dataset):
    figure = go.Figure(build_stance_figure(dataset, dataset.positions, "rus_airbase"))
    markers = [t for t in figure.data if t.name]
    points = {p: (x, y) for t in markers for p, x, y in zip(t.customdata, t.x, t.y, strict=True)}
    assert points["rus_airbase_2013"] == ("2013-04-23T00:00:00", "Russia")
    assert points["blr_airbase_2013"][0].startswith("2013-07"), "a year is drawn at its middle, with a bar"
    assert {t.name: t.marker.symbol for t in markers} == {
        "S supports": "triangle-up",
        "O opposes": "triangle-down",
        "M mixed": "diamond",
    }
    text = describe_stances(dataset, dataset.positions, "rus_airbase")
    assert "Belarus: mixed (shown by an action, 2013); then opposes (attributed by the author" in text


def test_the_csv_holds_the_positions_shown(dataset):
    shown = filter_positions(dataset, PositionFilters(bases=frozenset({"stated"})))
    rows = list(csv.DictReader(io.StringIO(positions_csv(shown))))
    assert [r["position_id"] for r in rows] == list(shown["position_id"]) and len(rows) == 6
    assert {r["basis"] for r in rows} == {"stated"}


def test_network_links_come_from_events_and_claims(dataset):
    links = network_links(dataset, NetworkFilters())
    su24 = links[links["item_id"] == "su24_shootdown"]
    assert list(zip(su24["source"], su24["target"], strict=True)) == [("tur", "rus")], "initiator first"
    with_author = network_links(dataset, NetworkFilters(author_links=True))
    from_claims = with_author[with_author["kind"] == "claim"]
    assert {"rus", "blr"} <= set(from_claims.loc[from_claims["source"] == "giles", "target"])
    assert "giles" not in set(links["source"]) | set(links["target"]), "the author's own links are left out at first"
    assert (len(links), len(with_author)) == (73, 157)
    assert not (links["source"] == links["target"]).any()
    airbase = network_links(dataset, NetworkFilters(issue_id="rus_airbase", kinds=frozenset({"event"})))
    assert "putin_airbase_order_2015" in set(airbase["item_id"]) and "su24_shootdown" not in set(airbase["item_id"])
    before_article = network_links(dataset, NetworkFilters(first_year=2008, last_year=2013))
    assert set(before_article["kind"]) == {"event"}, "claims are dated by the article (2016)"


def test_the_layout_is_fixed_and_the_author_is_in_the_centre(dataset):
    assert circle_layout(dataset) == circle_layout(load_dataset(DEFAULT_DATA_DIR))
    assert circle_layout(dataset)["giles"] == (0.0, 0.0)
    figure = go.Figure(build_network_figure(dataset, network_links(dataset, NetworkFilters(kinds=frozenset()))))
    assert sum(len(t.customdata) for t in figure.data if t.customdata is not None) == len(dataset.actors)


def test_the_actor_card_resolves_two_spellings_to_one_actor(dataset):
    card = actor_card(dataset, "lukashenko")
    assert "Aleksandr Lukashenko</mark>" in card and "Alexander Lukashenko</mark>" in card
    assert "entity resolution" in card and "Named in 5 sentences" in card


def test_hostile_text_is_escaped_everywhere(hostile_dataset):
    hostile = load_dataset(hostile_dataset.path)
    matrix = position_matrix(hostile, PositionFilters())
    figure = go.Figure(build_matrix_figure(hostile, matrix))
    network = go.Figure(build_network_figure(hostile, network_links(hostile, NetworkFilters())))
    shown = " ".join(str(t.hovertext) + str(t.text) for f in (figure, network) for t in f.data)
    cards = " ".join(actor_card(hostile, a) for a in hostile.actors["actor_id"])
    for text in (shown, cards):
        assert "<script" not in text and "<img" not in text


@pytest.fixture(scope="module", params=list(DATASETS))
def apps(request):
    dataset = load_dataset(DATASETS[request.param])
    return PositionMatrixExplorer(dataset), StanceOverTime(dataset), ActorNetworkExplorer(dataset)


def pick(control, index, mask):
    if isinstance(control.value, bool):  # a tick box
        control.value = bool(mask & 1)
        return
    values = [o[1] if isinstance(o, tuple) else o for o in control.options]
    if hasattr(control, "rows") and isinstance(control.value, tuple):  # a multiple choice
        control.value = tuple(v for i, v in enumerate(values) if mask >> (i % 16) & 1)
    else:
        control.value = values[index % len(values)]


MATRIX_CONTROLS = ["bases", "voices", "cell_picker"]
NETWORK_CONTROLS = ["issue", "first_year", "last_year", "kinds", "actor_picker", "author_links"]


@SLOW
@given(actions=st.lists(st.tuples(st.sampled_from(MATRIX_CONTROLS), st.integers(0, 999), st.integers(0, 999))))
def test_every_matrix_state_gives_a_valid_view(apps, actions):
    matrix = apps[0]
    for name, index, mask in actions[:8]:
        pick(getattr(matrix, name), index, mask)
    shown = filter_positions(matrix.dataset, matrix.filters)
    assert f"<b>{len(shown)} of {len(matrix.dataset.positions)} positions shown.</b>" in matrix.count.value
    if shown.empty:
        assert "No position matches these filters" in matrix.evidence.value
        assert matrix.figure_box.layout.display == "none"
    else:
        assert matrix.figure_box.layout.display is None
        assert matrix.chosen is None or "ae-card ae-position" in matrix.evidence.value
        assert matrix.chosen is not None or "Click a lettered square" in matrix.evidence.value
    assert f"Download these {len(shown)} positions" in matrix.download.value


@SLOW
@given(actions=st.lists(st.tuples(st.sampled_from(NETWORK_CONTROLS), st.integers(0, 999), st.integers(0, 999))))
def test_every_network_state_gives_a_valid_view(apps, actions):
    network = apps[2]
    for name, index, mask in actions[:8]:
        pick(getattr(network, name), index, mask)
    links = network_links(network.dataset, network.filters)
    nodes = sum(len(t["customdata"]) for t in network.plot.figure["data"] if t.get("customdata"))
    assert nodes == len(network.dataset.actors), "every actor is always drawn"
    if links.empty:
        assert "No link matches these filters" in network.nothing.value
        assert network.figure_box.layout.display == "none"
    else:
        assert network.table.value.count("<tr>") == len(links) + 1
        assert network.nothing.value == "" and network.figure_box.layout.display is None
    if network.actor_picker.value:
        assert "ae-card ae-actor" in network.card.value


def test_every_issue_over_time_has_a_figure_and_a_sentence(apps):
    over_time = apps[1]
    for _, issue in over_time.issue.options:
        over_time.issue.value = issue
        assert any(t.get("customdata") for t in over_time.plot.figure["data"])
        assert over_time.description.value.count("On “") == 1


def test_clicks_choose_a_cell_and_an_actor(apps):
    matrix, _, network = apps
    for control in (matrix.bases, matrix.voices):
        control.value = tuple(value for _, value in control.options)
    first = matrix.cell_picker.options[1][1]
    matrix.plot.clicked = {"customdata": first}
    assert matrix.cell_picker.value == first and "ae-card ae-position" in matrix.evidence.value
    actor = network.dataset.actors["actor_id"].iloc[0]
    network.plot.clicked = {"customdata": actor}
    assert network.actor_picker.value == actor and "ae-card ae-actor" in network.card.value


def test_exercises_check_the_view_and_the_answers(dataset):
    app, book = PositionMatrixExplorer(dataset), AnswerBook("t")
    attributed = attributed_cell_exercise(app, book)
    assert "attributed by the author" in attributed.submit(attributed.current_answer()).message
    app.bases.value = ("attributed",)
    assert "click a lettered square" in attributed.submit(attributed.current_answer()).message
    app.cell_picker.value = app.cell_picker.options[1][1]
    assert attributed.submit(attributed.current_answer()).correct
    words = words_only_exercise(dataset, book)
    assert words.submit("Alexander Lukashenko").correct and words.submit("Russia").correct
    assert not words.submit("Belarus").correct, "Belarus hosted Russian fighters in 2013: an action"
    connected = most_connected_exercise(dataset, book)
    assert connected.submit("Russia").correct and not connected.submit("Belarus").correct


def test_the_stance_chart_title_names_the_issue(dataset, apps):
    figure = build_stance_figure(dataset, dataset.positions, "rus_airbase")
    assert figure["layout"]["title"]["text"] == "Stances on “Russian airbase in Belarus” over time"
    assert figure["layout"]["annotations"][0]["text"] == "the article"
    over_time = StanceOverTime(dataset)
    titles = {}
    for _, issue in over_time.issue.options:
        over_time.issue.value = issue
        titles[issue] = over_time.plot.figure["layout"]["title"]["text"]
    assert titles["blr_china_ties"] == "Stances on “Belarus-China cooperation” over time"
    assert titles["eu_sanctions_relief"] == "Stances on “EU sanctions relief for Belarus” over time"
    matrix, stances, network = apps
    figures = [*(stances._views[i][0] for i in stances._views), matrix.plot.figure, network.plot.figure]
    for figure in [*figures, over_time.plot.figure]:
        title = str((figure["layout"].get("title") or {}).get("text", ""))
        assert "{'" not in title and "{&#x27;" not in title, title


def test_the_stance_chart_leaves_room_for_its_top_labels_and_the_modebar(dataset):
    layout = build_stance_figure(dataset, dataset.positions, "rus_airbase")["layout"]
    actors = layout["yaxis"]["categoryarray"]
    assert actors[-1] == "Russia" and layout["yaxis"]["range"][1] >= len(actors) - 1 + 0.5, "room above Russia"
    assert (layout["title"]["x"], layout["title"]["xanchor"], layout["modebar"]["orientation"]) == (0, "left", "v")
    assert layout["annotations"][0]["xanchor"] == "right", "'the article' stays left of the line, not under the bar"


def test_the_actor_card_marks_whole_words_only(dataset):
    assert mark_names("Russia’s aircraft, Russian perceptions and Russia's base", ["Russia"]) == (
        '<mark class="ae-quote">Russia</mark>’s aircraft, Russian perceptions and '
        '<mark class="ae-quote">Russia</mark>&#x27;s base'
    )
    assert mark_names("Минск и Минске", ["Минск"]) == '<mark class="ae-quote">Минск</mark> и Минске', "Unicode words"
    card = actor_card(dataset, "rus")
    assert '<mark class="ae-quote">Russia</mark>n' not in card and "Russian perceptions" in card
    assert '<mark class="ae-quote">Moscow</mark>&#x27;s desired defensive perimeter' in card


def test_the_actor_card_is_short_when_it_opens(dataset):
    card = actor_card(dataset, "rus")
    assert "<div class='ae-meta'>state · also called Moscow</div>" in card and "aliases" not in card
    assert (
        "<b>In short:</b> named in 18 sentences · in 18 events · makes 9 claims · 34 claims about it · "
        "holds 5 positions." in card
    )
    assert "<summary>Show all 18 sentences (15 more)</summary>" in card
    assert "<summary>Show all 34 claims about it (31 more)</summary>" in card
    visible = re.sub(r"<details.*?</details>", "", card)
    assert visible.count("<li>") == 5 * 3, "three sentences or rows of each kind, the rest folded"
    assert "Russian airbase in Belarus” (stated by the actor, 23 April 2013)" in card
    lukashenko = actor_card(dataset, "lukashenko")
    assert "also called Aleksandr Lukashenko, President Lukashenko" in lukashenko
    assert "opposes “Backing Moscow in its conflicts” (shown by an action, from 2014 onwards)" in lukashenko
    assert "<div class='ae-meta'>international organisation</div>" in actor_card(dataset, "supreme_state_council")


def test_the_network_is_readable_and_its_actors_easy_to_click(dataset):
    figure = build_network_figure(dataset, network_links(dataset, NetworkFilters()))
    nodes = [t for t in figure["data"] if t.get("customdata")]
    arrows = [t for t in figure["data"] if t.get("marker", {}).get("symbol") == "arrow"]
    lines = [t for t in figure["data"] if t.get("mode") == "lines"]
    assert min(min(t["marker"]["size"]) for t in nodes) > max(max(t["marker"]["size"]) for t in arrows)
    assert max(t["line"]["width"] for t in lines) <= 5
    assert figure["layout"]["xaxis"]["fixedrange"] and figure["layout"]["yaxis"]["fixedrange"], "no zoom by a slip"
    labels = [html.unescape(line) for t in nodes for text in t["text"] for line in text.split("<br>")]
    assert "Supreme State Council" in labels and "of Russia and Belarus" in labels and max(map(len, labels)) <= 22
    assert "(the author)" in labels
    hovers = " ".join(h for t in nodes for h in t["hovertext"])
    assert "(government body)" in hovers and "(international organisation)" in hovers and "_" not in hovers
    network = ActorNetworkExplorer(dataset)
    assert network.description.value == (
        "<p class='ae-description'>73 links (41 from events and 32 from claims) between 22 of 24 actors. Most "
        "connected: Russia (40), Belarus (35), Michael Carpenter (13). The author&#x27;s own claims give 84 more "
        "links, from the centre; tick “Draw the author&#x27;s own claims” to see them.</p>"
    )
    network.issue.value = "rus_airbase"
    drawn = [t for t in network.plot.figure["data"] if t.get("x") and t.get("showlegend", True)]  # plotly omits empty
    legend = [t["name"] for t in drawn if "(" in t.get("name", "")]
    assert legend == ["— acts with or on (event)", "- - speaks about (claim)"], "both kinds of link in the legend"
    network.issue.value = ""
    network.author_links.value = True
    assert "157 links" in network.description.value and "Keir Giles (84)" in network.description.value


def test_the_network_says_why_nothing_matches(dataset):
    network = ActorNetworkExplorer(dataset)
    network.first_year.value, network.last_year.value = 2016, 2008
    assert network.nothing.value == (
        '<div class="ae-nothing" role="status">No link matches these filters: “From” (2016) is after “To” '
        "(2008). Choose a From year no later than the To year.</div>"
    )
    assert network.figure_box.layout.display == "none" and network.table.value == ""
    network.last_year.value = 2016
    assert network.nothing.value == "" and network.figure_box.layout.display is None


def test_tables_are_folded_and_speak_words_not_codes(dataset):
    network = ActorNetworkExplorer(dataset)
    assert network.table.value.startswith('<details class="ae-more"><summary>Show the 73 links as a table</summary>')
    assert network.table.layout.max_height is None
    assert "<td>from 2014 onwards: " in network.table.value and "2014/.." not in network.table.value
    matrix = PositionMatrixExplorer(dataset)
    assert matrix.table.value.startswith('<details class="ae-more"><summary>Show the 21 cells as a table</summary>')
    assert "<td>shown by an action, attributed by the author</td>" in matrix.table.value
    over_time = StanceOverTime(dataset)
    over_time.issue.value = "support_moscow"
    assert "<td>from 2014 onwards</td>" in over_time.table.value and "2014/.." not in over_time.table.value
    assert "(shown by an action, from 2014 onwards)" in over_time.description.value
    matrix.cell_picker.value = "blr|rus_airbase"
    assert "as of some time up to 30 March 2016" in matrix.evidence.value


def test_matrix_column_headers_are_short_lines(dataset):
    layout = build_matrix_figure(dataset, position_matrix(dataset, PositionFilters()))["layout"]
    lines = [html.unescape(line) for text in layout["xaxis"]["ticktext"] for line in text.split("<br>")]
    assert "European" in lines and "Union" in lines and "Lukashenko" in lines
    assert "Critics of<br>the EU&#x27;s<br>sanctions<br>relief" in layout["xaxis"]["ticktext"]
    assert max(map(len, lines)) <= 10 and layout["xaxis"]["autotickangles"][0] == 0
