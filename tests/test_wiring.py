"""Every control of every explorer, changed as a learner would, and what the learner then sees.

Each test sets a control's ``.value`` (or clicks a button, or a mark on the figure through the
plot view's ``clicked`` trait) on the small made-up dataset ``tests/data/other_article/`` and
checks the count line, the sentences, the card, the table, the download and the figure's data
against expectations **written by hand from that dataset's CSV files** (the comments say which
rows give them); nothing here asks the package's own filters for the answer. Distances are the
great-circle kilometres between the coordinates of places.csv (Lisbon–Madrid 503, Lisbon–Toledo
458, Madrid–Toledo 68), worked out once with a haversine on a 6371 km sphere.

Two controls do not change what the plain dataset shows, so they are also tested on a copy of it
with three rows more, written out below (:data:`LATER_ROWS`): an outcome for an event and for a
prediction (the hindsight boxes, the verdict's reveal) and a position on the second issue (the
stance explorer's issue list, which otherwise offers one issue).

The last test, :func:`test_every_control_on_screen_is_one_this_file_changes`, lists the controls
each explorer shows and fails when one is added that this file does not know.

Controls not tested, and why:

* "Show context events" (timeline, network and map): the made-up dataset has no context event,
  so the explorers do not show the box (a test checks that it is absent from the page, and that
  the hidden box filters nothing).
* "Colour countries by" (map): the dataset has one scheme of sides, so the list is not shown (a
  test checks that it is absent).
* Nothing in the explorers is a slider, a text box, a Select or RadioButtons: the map chooses its
  years and radii with drop-downs on purpose (sliders have no accessible name).

A filter change keeps the chosen event, claim or matrix cell when the filter still shows it (so
ticking hindsight with an event chosen shows its outcome on its card): these tests found that it
did not, and ``ui.controls.replace_options`` was fixed.
"""

from __future__ import annotations

import base64
import csv
import html
import io
import re
import shutil
from pathlib import Path

import ipywidgets as widgets
import pytest

from article_explorer import load_dataset, validate
from article_explorer.exercises.coding import CodingWorkbench, PredictionReview
from article_explorer.explorers.claims import ClaimsExplorer
from article_explorer.explorers.map import MapExplorer
from article_explorer.explorers.network import ActorNetworkExplorer
from article_explorer.explorers.positions import PositionMatrixExplorer, StanceOverTime
from article_explorer.explorers.reader import ArticleReader
from article_explorer.explorers.timeline import TimelineExplorer

OTHER_ARTICLE = Path(__file__).parent / "data" / "other_article"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(OTHER_ARTICLE)


#: The rows the copy of the dataset in :func:`later` changes or adds: (table, key, column -> value);
#: a key not in the table adds the row.
LATER_ROWS = [
    (
        "events",
        "accord_signed",
        {
            "outcome": "The agreed flows were met through 2022.",
            "outcome_date": "2022-10",
            "outcome_source_id": "test_gazetteer",
        },
    ),
    (
        "claims",
        "accord_may_ease",
        {"outcome": "The dispute calmed in 2022.", "outcome_date": "2022-10", "outcome_source_id": "test_gazetteer"},
    ),
    (
        "positions",
        "prt_escalate",
        {
            "actor_id": "prt",
            "issue_id": "escalate",
            "stance": "supports",
            "basis": "attributed",
            "as_of": "2021-05-12",
            "evidence": "referral_possible",
            "sentence_ids": "p05s2",
            "quote": "Portugal could take the dispute to the European Commission",
        },
    ),
]


@pytest.fixture(scope="module")
def later(tmp_path_factory):
    """The made-up dataset with :data:`LATER_ROWS`: outcomes to reveal, and a second issue with a position."""
    target = tmp_path_factory.mktemp("later") / "other_article"
    shutil.copytree(OTHER_ARTICLE, target)
    for table, key, values in LATER_ROWS:
        path = target / f"{table}.csv"
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        header = list(rows[0])
        id_column = header[0]
        row = next((r for r in rows if r[id_column] == key), None)
        if row is None:
            row = dict.fromkeys(header, "") | {id_column: key}
            rows.append(row)
        row.update(values)
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        path.write_text(buffer.getvalue(), encoding="utf-8")
    assert validate(target) == []
    return load_dataset(target)


# --- what the learner sees, read back from the widgets ------------------------------------------


def text_of(markup: str) -> str:
    """What a learner reads in a piece of HTML: no tags, entities decoded, spaces collapsed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup))).strip()


def said(widget: widgets.HTML) -> str:
    return text_of(widget.value)


def table_rows(markup: str) -> list[list[str]]:
    """The body rows of the (first) HTML table in ``markup``, each a list of its cells' text."""
    body = re.search(r"<tbody>(.*?)</tbody>", markup, re.S)
    if body is None:
        return []
    return [
        [text_of(cell) for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", body.group(1), re.S)
    ]


def downloaded(widget: widgets.HTML) -> list[dict[str, str]]:
    """The rows of the CSV file that the download link holds."""
    payload = re.search(r'href="data:text/csv;base64,([^"]+)"', widget.value).group(1)
    text = base64.b64decode(payload).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def option_values(dropdown: widgets.Dropdown) -> list:
    """The values a drop-down offers after its "— choose —" line."""
    return [value for _, value in dropdown.options][1:]


def traces(explorer, name: str) -> list[dict]:
    return [t for t in explorer.plot.figure["data"] if t.get("name") == name]


def trace(explorer, name: str) -> dict:
    found = traces(explorer, name)
    assert len(found) == 1, (
        f"{len(found)} traces named {name!r}: {[t.get('name') for t in explorer.plot.figure['data']]}"
    )
    return found[0]


def click(explorer, customdata) -> None:
    """Click the mark whose customdata is ``customdata`` (what the browser sends back)."""
    explorer.plot.clicked = {"customdata": customdata}


def walk(widget: widgets.Widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def on_screen(explorer, control: widgets.Widget) -> bool:
    return any(w is control for w in walk(explorer.widget))


def all_and_none(explorer, picker: widgets.SelectMultiple) -> tuple[widgets.Button, widgets.Button]:
    """The *All* and *None* buttons under a list."""
    for box in walk(explorer.widget):
        if isinstance(box, widgets.VBox) and any(c is picker for c in box.children):
            row = box.children[[c is picker for c in box.children].index(True) + 1]
            buttons = {b.description: b for b in row.children}
            return buttons["All"], buttons["None"]
    raise AssertionError(f"no All/None buttons under {picker.description}")


def lane_names(timeline) -> list[str]:
    """The timeline's lanes, as a learner reads them (a long name wraps onto two lines)."""
    return [html.unescape(t.replace("<br>", " ")) for t in timeline.plot.figure["layout"]["yaxis"]["ticktext"]]


def hidden(explorer) -> bool:
    return explorer.figure_box.layout.display == "none"


# =================================================================================================
# ArticleReader: the sentence list, the event-or-claim list, a click on a paragraph's bar
# =================================================================================================

# sentences.csv, with what cites each sentence (events.csv, claims.csv, positions.csv, sentence_ids)
CITED = [
    # sentence, its label, the summary line, (events, claims, positions), its paragraph
    ("p01s1", "standfirst, sentence 1", "1 claim", (0, 1, 0), 1),  # accord_may_ease
    ("p01s2", "standfirst, sentence 2", "1 claim", (0, 1, 0), 1),  # farmers_doubt
    ("p03s1", "¶ 3, sentence 1", "1 event, 2 positions", (1, 0, 2), 3),  # accord_signed; prt_ and esp_accord
    ("p03s2", "¶ 3, sentence 2", "1 event, 1 claim", (1, 1, 0), 3),  # dry_summer_2019; drought_emptied
    ("p04s1", "¶ 4, sentence 1", "1 claim, 1 position", (0, 1, 1), 4),  # unions_too_weak; unions_accord
    ("p04s2", "¶ 4, sentence 2", "1 event, 1 claim", (1, 1, 0), 4),  # autumn_protests; protests_likely
    ("p05s1", "¶ 5, sentence 1", "1 event, 1 claim", (1, 1, 0), 5),  # commission_meeting; meeting_scheduled
    ("p05s2", "¶ 5, sentence 2", "1 event, 1 claim", (1, 1, 0), 5),  # referral; referral_possible
]


@pytest.mark.parametrize(("sentence", "label", "summary", "cards", "paragraph"), CITED, ids=[c[0] for c in CITED])
def test_choosing_a_sentence_shows_the_rows_that_cite_it_under_its_paragraph(
    dataset, sentence, label, summary, cards, paragraph
):
    reader = ArticleReader(dataset)
    reader.sentence_picker.value = "p02s1"  # away first: p01s1 is the first choice
    reader.sentence_picker.value = sentence
    assert said(reader.rows_view).startswith(f"This sentence ({label}) is cited by {summary}.")
    shown = reader.rows_view.value
    assert (
        shown.count("ae-card ae-event"),
        shown.count("ae-card ae-claim"),
        shown.count("ae-card ae-position"),
    ) == cards
    assert f'class="ae-sentence ae-selected" data-sentence="{sentence}"' in reader.paragraph_views[paragraph].value
    children = list(reader.article_view.children)
    assert children[children.index(reader.paragraph_views[paragraph]) + 1] is reader.rows_view
    (outline,) = reader.plot.figure["layout"]["shapes"]
    assert (outline["x0"], outline["x1"]) == (paragraph - 0.5, paragraph + 0.5)


def test_choosing_the_photo_caption_says_nothing_cites_it_and_outlines_paragraph_2(dataset):
    reader = ArticleReader(dataset)
    reader.sentence_picker.value = "p02s1"
    assert said(reader.rows_view) == "Nothing in the dataset cites this sentence."
    assert 'data-sentence="p02s1"' in reader.paragraph_views[2].value
    assert "ae-selected" in reader.paragraph_views[2].value
    assert "ae-selected" not in reader.paragraph_views[1].value
    (outline,) = reader.plot.figure["layout"]["shapes"]
    assert (outline["x0"], outline["x1"]) == (1.5, 2.5)


# events.csv and claims.csv: each row's first cited sentence that holds its quote, and the quote
ROWS = [
    (("events", "accord_signed"), "p03s1", "signed an accord on minimum river flows in Lisbon"),
    (("events", "dry_summer_2019"), "p03s2", "the dry summer of 2019"),
    (("events", "autumn_protests"), "p04s2", "new protests will follow in the autumn"),
    (("events", "commission_meeting"), "p05s1", "The river commission will meet in Madrid in June"),
    (("events", "referral"), "p05s2", "Portugal could take the dispute to the European Commission"),
    (("claims", "accord_may_ease"), "p01s1", "may ease a long dispute over drought"),
    (("claims", "farmers_doubt"), "p01s2", "farmers on both banks doubt that it will hold"),
    (("claims", "unions_too_weak"), "p04s1", "Farmers' unions have called the accord too weak"),
    (("claims", "protests_likely"), "p04s2", "It is likely that new protests will follow in the autumn"),
    (
        ("claims", "referral_possible"),
        "p05s2",
        "If the flows are not met, Portugal could take the dispute to the European Commission",
    ),
    (("claims", "drought_emptied"), "p03s2", "which emptied the reservoirs near Toledo"),
    (("claims", "meeting_scheduled"), "p05s1", "The river commission will meet in Madrid in June"),
]


@pytest.mark.parametrize(("row", "sentence", "quote"), ROWS, ids=[r[0][1] for r in ROWS])
def test_choosing_an_event_or_claim_jumps_to_its_sentence_and_marks_its_quote(dataset, row, sentence, quote):
    reader = ArticleReader(dataset)
    reader.row_picker.value = row
    assert reader.sentence_picker.value == sentence
    paragraph = int(sentence[1:3])
    assert f'<mark class="ae-quote">{html.escape(quote)}</mark>' in reader.paragraph_views[paragraph].value
    assert f"This sentence ({'standfirst' if paragraph == 1 else f'¶ {paragraph}'}, sentence" in said(reader.rows_view)


def test_choosing_another_sentence_after_a_claim_empties_the_event_or_claim_list(dataset):
    reader = ArticleReader(dataset)
    reader.row_picker.value = ("claims", "protests_likely")
    reader.sentence_picker.value = "p05s1"
    assert reader.row_picker.value == ""
    assert "ae-quote" not in reader.paragraph_views[4].value
    assert "ae-quote" not in reader.paragraph_views[5].value
    assert said(reader.rows_view).startswith("This sentence (¶ 5, sentence 1) is cited by 1 event, 1 claim.")


def test_choosing_none_in_the_event_or_claim_list_keeps_the_sentence_and_unmarks_the_quote(dataset):
    reader = ArticleReader(dataset)
    reader.row_picker.value = ("events", "dry_summer_2019")
    reader.row_picker.value = ""
    assert reader.sentence_picker.value == "p03s2"
    assert "ae-quote" not in reader.paragraph_views[3].value
    assert "ae-selected" in reader.paragraph_views[3].value


@pytest.mark.parametrize(
    ("paragraph", "first_sentence"), [(1, "p01s1"), (2, "p02s1"), (3, "p03s1"), (4, "p04s1"), (5, "p05s1")]
)
def test_clicking_a_paragraphs_bar_chooses_its_first_sentence(dataset, paragraph, first_sentence):
    reader = ArticleReader(dataset)
    reader.sentence_picker.value = "p05s2"  # away first: p01s1 is the first choice
    click(reader, paragraph)
    assert reader.sentence_picker.value == first_sentence
    assert f'ae-selected" data-sentence="{first_sentence}"' in reader.paragraph_views[paragraph].value


def test_clicking_outside_the_bars_keeps_the_sentence(dataset):
    reader = ArticleReader(dataset)
    reader.sentence_picker.value = "p04s1"
    click(reader, 9)  # no paragraph 9
    click(reader, None)
    assert reader.sentence_picker.value == "p04s1"


def test_the_coding_figure_stacks_each_paragraphs_rows_by_kind(dataset):
    reader = ArticleReader(dataset)
    # paragraphs 1-5: events (3: accord_signed, dry_summer_2019; 4: autumn_protests; 5: commission_meeting,
    # referral) and claims by type, from the first paragraph each row cites
    bars = {t["name"]: list(t["y"]) for t in reader.plot.figure["data"]}
    assert bars == {
        "event": [0, 0, 2, 1, 2],
        "claim: report": [0, 0, 1, 0, 1],
        "claim: assessment": [0, 0, 0, 1, 0],
        "claim: perception": [1, 0, 0, 0, 0],
        "claim: prediction": [1, 0, 0, 1, 1],
    }
    assert said(reader.description) == (
        "5 events and 7 claims are coded from 4 paragraphs; paragraph 5 has the most rows (4), "
        "and predictions appear in paragraphs 1, 4, 5."
    )


def test_going_back_to_the_first_sentence_restores_the_first_view(dataset):
    reader = ArticleReader(dataset)
    before = (
        [v.value for v in reader.paragraph_views.values()],
        reader.rows_view.value,
        reader.plot.figure,
        reader.article_view.children,
    )
    reader.row_picker.value = ("claims", "protests_likely")
    reader.row_picker.value = ""
    reader.sentence_picker.value = "p01s1"
    after = (
        [v.value for v in reader.paragraph_views.values()],
        reader.rows_view.value,
        reader.plot.figure,
        reader.article_view.children,
    )
    assert after == before


# =================================================================================================
# TimelineExplorer: lanes, years, four lists (with All / None), hindsight, the event list, clicks
# =================================================================================================

# events.csv in date order (date_start), with their headlines
HEADLINE = {
    "dry_summer_2019": "A dry summer empties reservoirs",
    "accord_signed": "Ministers sign the river accord",
    "referral": "Portugal refers the dispute",
    "commission_meeting": "The river commission meets in Madrid",
    "autumn_protests": "Farmers may protest in the autumn",
}

TIMELINE_FILTERS = [
    # control, value, the events shown in date order
    ("statuses", ("past",), ["dry_summer_2019", "accord_signed"]),
    ("statuses", ("anticipated",), ["commission_meeting", "autumn_protests"]),
    ("statuses", ("hypothetical",), ["referral"]),
    ("categories", ("diplomacy",), ["accord_signed", "commission_meeting"]),
    ("categories", ("humanitarian",), ["dry_summer_2019"]),
    ("categories", ("politics",), ["referral", "autumn_protests"]),
    ("date_bases", ("article",), ["accord_signed", "commission_meeting"]),
    ("date_bases", ("inferred",), ["dry_summer_2019", "referral", "autumn_protests"]),
    ("actors", ("prt",), ["accord_signed", "referral"]),
    ("actors", ("esp",), ["dry_summer_2019", "accord_signed"]),
    ("actors", ("farm_unions",), ["autumn_protests"]),
    ("actors", ("river_commission",), ["commission_meeting"]),
    ("actors", ("eu_commission",), ["referral"]),
    ("actors", ("farm_unions", "river_commission"), ["commission_meeting", "autumn_protests"]),
    # From 2021: every event that ends in 2021 or later, or has no known end (referral)
    ("first_year", 2021, ["accord_signed", "referral", "commission_meeting", "autumn_protests"]),
    # To 2019: every event that starts by the end of 2019
    ("last_year", 2019, ["dry_summer_2019"]),
]


@pytest.mark.parametrize(
    ("control", "value", "shown"), TIMELINE_FILTERS, ids=[f"{c}={v}" for c, v, _ in TIMELINE_FILTERS]
)
def test_choosing_a_timeline_filter_shows_only_the_matching_events(dataset, control, value, shown):
    timeline = TimelineExplorer(dataset)
    getattr(timeline, control).value = value
    assert said(timeline.count) == f"{len(shown)} of 5 events shown."
    assert [row[2] for row in table_rows(timeline.table.value)] == [HEADLINE[e] for e in shown]
    assert option_values(timeline.event_picker) == shown
    assert [row["event_id"] for row in downloaded(timeline.download)] == shown
    assert f"Download these {len(shown)} events as CSV" in timeline.download.value
    markers = [t for t in timeline.plot.figure["data"] if t["name"].endswith("(as seen on the article's date)")]
    marked = [e for t in markers for e in t["customdata"]]
    assert sorted(marked) == sorted(shown)
    assert said(timeline.description).startswith(f"Showing {len(shown)} of 5 events (")


@pytest.mark.parametrize(
    ("status", "description"),
    [
        ("past", "Showing 2 of 5 events (2 past), starting between 2019 and 2021"),
        ("anticipated", "Showing 2 of 5 events (2 anticipated), starting between 2021 and 2021"),
        ("hypothetical", "Showing 1 of 5 events (1 hypothetical), starting between 2021 and 2021"),
    ],
)
def test_choosing_a_status_says_how_many_events_of_it_are_shown(dataset, status, description):
    timeline = TimelineExplorer(dataset)
    timeline.statuses.value = (status,)
    assert said(timeline.description) == f"{description}; the article was written on 12 May 2021."


def test_choosing_status_anticipated_shows_the_two_anticipated_events_as_hollow_circles(dataset):
    timeline = TimelineExplorer(dataset)
    timeline.statuses.value = ("anticipated",)
    markers = trace(timeline, "anticipated (as seen on the article's date)")
    assert markers["customdata"] == ["commission_meeting", "autumn_protests"]
    assert markers["marker"]["symbol"] == "circle-open"
    assert traces(timeline, "past (as seen on the article's date)") == []


def test_choosing_a_from_year_after_the_to_year_shows_no_event_and_says_why(dataset):
    timeline = TimelineExplorer(dataset)
    timeline.first_year.value = 2021
    timeline.last_year.value = 2019
    message = "No event matches these filters (0 of 5). Widen the years or choose more actors, categories or statuses."
    assert said(timeline.count) == "0 of 5 events shown."
    assert said(timeline.description) == message
    assert said(timeline.card) == message
    assert timeline.table.value == ""
    assert hidden(timeline)
    assert option_values(timeline.event_picker) == []


@pytest.mark.parametrize("control", ["actors", "categories", "statuses", "date_bases"])
def test_none_under_a_timeline_list_hides_every_event_and_all_brings_them_back(dataset, control):
    timeline = TimelineExplorer(dataset)
    first = (timeline.count.value, timeline.description.value, timeline.table.value, timeline.plot.figure)
    select_all, select_none = all_and_none(timeline, getattr(timeline, control))
    select_none.click()
    assert getattr(timeline, control).value == ()
    assert said(timeline.count) == "0 of 5 events shown."
    assert hidden(timeline)
    select_all.click()
    assert said(timeline.count) == "5 of 5 events shown."
    assert not hidden(timeline)
    assert (timeline.count.value, timeline.description.value, timeline.table.value, timeline.plot.figure) == first


def test_lanes_by_actor_gives_each_actor_a_lane_and_an_event_a_mark_in_each_of_its_actors_lanes(dataset):
    timeline = TimelineExplorer(dataset)
    assert lane_names(timeline) == [
        "diplomacy",
        "humanitarian",
        "politics",
    ]
    timeline.lanes.value = "actor"
    # actors.csv names of the actors in events.csv's actor_ids, sorted
    assert lane_names(timeline) == [
        "European Commission",
        "Farmers' unions",
        "Portugal",
        "River commission",
        "Spain",
    ]
    marked = [t for t in timeline.plot.figure["data"] if t["name"].endswith("(as seen on the article's date)")]
    ids = sorted(e for t in marked for e in t["customdata"])
    # accord_signed (prt|esp) and referral (prt|eu_commission) have two actors each
    assert ids == sorted(
        ["accord_signed", "accord_signed", "dry_summer_2019", "autumn_protests"]
        + ["referral"] * 2
        + ["commission_meeting"]
    )
    assert said(timeline.count) == "5 of 5 events shown."
    timeline.lanes.value = "category"
    assert len(timeline.plot.figure["layout"]["yaxis"]["ticktext"]) == 3


def test_ticking_hindsight_says_how_many_shown_events_have_a_known_outcome(dataset):
    timeline = TimelineExplorer(dataset)
    timeline.hindsight.value = True
    assert said(timeline.description).endswith(
        "Hindsight is on: 0 shown events have a known outcome."
    )  # none in the CSV
    timeline.hindsight.value = False
    assert "Hindsight" not in said(timeline.description)


def test_ticking_hindsight_draws_a_star_at_the_known_outcome_and_puts_it_on_the_card(later):
    timeline = TimelineExplorer(later)
    timeline.event_picker.value = "accord_signed"
    assert "Later:" not in said(timeline.card)
    assert traces(timeline, "what happened later (hindsight)") == []
    timeline.hindsight.value = True
    star = trace(timeline, "what happened later (hindsight)")
    assert star["customdata"] == ["accord_signed"]
    assert str(star["x"][0]).startswith("2022-10-01")  # LATER_ROWS: outcome_date 2022-10
    assert said(timeline.description).endswith("Hindsight is on: 1 shown events have a known outcome.")
    timeline.event_picker.value = "accord_signed"  # chosen again: see the xfail test below
    assert "Later: The agreed flows were met through 2022. (October 2022;" in said(timeline.card)
    timeline.hindsight.value = False
    assert traces(timeline, "what happened later (hindsight)") == []


def test_ticking_hindsight_with_an_event_chosen_shows_its_outcome_on_its_card(later):
    timeline = TimelineExplorer(later)
    timeline.event_picker.value = "accord_signed"
    timeline.hindsight.value = True
    assert timeline.event_picker.value == "accord_signed"
    assert "Later: The agreed flows were met through 2022. (October 2022;" in said(timeline.card)


@pytest.mark.parametrize(
    ("control", "value"),
    [("statuses", ("past",)), ("lanes", "actor"), ("actors", ("prt", "esp")), ("first_year", 2021)],
)
def test_a_timeline_filter_that_keeps_the_chosen_event_keeps_its_card(dataset, control, value):
    timeline = TimelineExplorer(dataset)
    timeline.event_picker.value = "accord_signed"  # past, in 2021, prt|esp
    getattr(timeline, control).value = value
    assert timeline.event_picker.value == "accord_signed"
    assert said(timeline.card).startswith("■ Event: Ministers sign the river accord")


# events.csv: headline, summary, actors (actors.csv names) and place (places.csv name), quote; an
# event with no place_id has its quote straight after its actors
EVENT_CARDS = [
    (
        "accord_signed",
        "Ministers sign the river accord",
        "The two environment ministers agree minimum river flows.",
        "actors: Portugal, Spain · place: Lisbon",
        "“signed an accord on minimum river flows in Lisbon”",
    ),
    (
        "dry_summer_2019",
        "A dry summer empties reservoirs",
        "Reservoirs near Toledo run dry.",
        "actors: Spain · place: Toledo",
        "“the dry summer of 2019”",
    ),
    (
        "autumn_protests",
        "Farmers may protest in the autumn",
        "The article expects protests.",
        "actors: Farmers' unions “",
        "“new protests will follow in the autumn”",
    ),
    (
        "commission_meeting",
        "The river commission meets in Madrid",
        "A scheduled meeting.",
        "actors: River commission · place: Madrid",
        "“The river commission will meet in Madrid in June”",
    ),
    (
        "referral",
        "Portugal refers the dispute",
        "A possible next step.",
        "actors: Portugal, European Commission “",
        "“Portugal could take the dispute to the European Commission”",
    ),
]


@pytest.mark.parametrize(("event", "headline", "summary", "who", "quote"), EVENT_CARDS, ids=[c[0] for c in EVENT_CARDS])
def test_choosing_an_event_shows_its_card_and_rings_its_mark(dataset, event, headline, summary, who, quote):
    timeline = TimelineExplorer(dataset)
    table = timeline.table.value
    timeline.event_picker.value = event
    card = said(timeline.card)
    assert card.startswith(f"■ Event: {headline}")
    for words in (summary, who, quote):
        assert words in card
    ring = trace(timeline, "chosen event")
    marks = [t for t in timeline.plot.figure["data"] if event in (t.get("customdata") or []) and t["mode"] == "markers"]
    (mark,) = marks
    assert ring["y"] == [mark["y"][mark["customdata"].index(event)]]
    assert timeline.table.value == table  # choosing an event filters nothing


def test_clicking_an_events_mark_chooses_it_in_the_list_and_shows_its_card(dataset):
    timeline = TimelineExplorer(dataset)
    click(timeline, "referral")
    assert timeline.event_picker.value == "referral"
    assert said(timeline.card).startswith("■ Event: Portugal refers the dispute")
    assert len(trace(timeline, "chosen event")["x"]) == 1


def test_clicking_an_event_the_filters_hide_chooses_nothing(dataset):
    timeline = TimelineExplorer(dataset)
    timeline.statuses.value = ("past",)
    click(timeline, "referral")  # hypothetical: not shown
    assert timeline.event_picker.value == ""
    assert said(timeline.card) == "Click an event on the timeline, or choose one in the list, to see its card."


def test_filtering_out_the_chosen_event_empties_the_event_list_and_the_card(dataset):
    timeline = TimelineExplorer(dataset)
    timeline.event_picker.value = "referral"
    timeline.statuses.value = ("past",)
    assert timeline.event_picker.value == ""
    assert said(timeline.card) == "Click an event on the timeline, or choose one in the list, to see its card."
    assert traces(timeline, "chosen event") == []


def test_the_timeline_shows_no_context_box_on_a_dataset_without_context_events(dataset):
    timeline = TimelineExplorer(dataset)
    assert not on_screen(timeline, timeline.context)
    timeline.context.value = False
    assert said(timeline.count) == "5 of 5 events shown."


def test_putting_every_timeline_control_back_restores_the_first_view(dataset):
    timeline = TimelineExplorer(dataset)

    def view():
        return (
            timeline.count.value,
            timeline.description.value,
            timeline.card.value,
            timeline.table.value,
            timeline.download.value,
            timeline.plot.figure,
        )

    first = view()
    timeline.event_picker.value = "accord_signed"
    timeline.lanes.value = "actor"
    timeline.hindsight.value = True
    timeline.first_year.value = 2021
    timeline.actors.value = ("prt",)
    timeline.event_picker.value = ""
    timeline.actors.value = ("eu_commission", "farm_unions", "prt", "river_commission", "esp")
    timeline.first_year.value = 2019
    timeline.hindsight.value = False
    timeline.lanes.value = "category"
    assert view() == first


# =================================================================================================
# PositionMatrixExplorer: whose word (two lists, with All / None), the cell list, clicks
# =================================================================================================

# positions.csv: unions_accord (farm_unions, opposes, stated), prt_accord and esp_accord (supports, action)
BASES = [
    (
        ("stated",),
        "Showing 1 of 3 positions in 1 of 3 cells (0 supports, 1 opposes, 0 mixed). Of the positions shown, "
        "1 stated by the actor: 0% rest on the author's attribution",
        [["Farmers' unions", "The river accord", "opposes", "1", "stated by the actor"]],
        ["unions_accord"],
        {"S supports": [], "O opposes": ["farm_unions|accept_accord"]},
    ),
    (
        ("action",),
        "Showing 2 of 3 positions in 2 of 3 cells (2 supports, 0 opposes, 0 mixed). Of the positions shown, "
        "2 shown by an action: 0% rest on the author's attribution",
        [
            ["Portugal", "The river accord", "supports", "1", "shown by an action"],
            ["Spain", "The river accord", "supports", "1", "shown by an action"],
        ],
        ["esp_accord", "prt_accord"],
        {"S supports": ["prt|accept_accord", "esp|accept_accord"], "O opposes": []},
    ),
]


@pytest.mark.parametrize(("bases", "description", "cells", "downloads", "squares"), BASES, ids=["stated", "action"])
def test_keeping_one_basis_shows_only_its_positions_in_the_matrix(
    dataset, bases, description, cells, downloads, squares
):
    matrix = PositionMatrixExplorer(dataset)
    matrix.bases.value = bases
    assert said(matrix.count) == f"{len(downloads)} of 3 positions shown."
    assert said(matrix.description).startswith(description)
    assert table_rows(matrix.table.value) == cells
    assert said(matrix.table).startswith(f"Show the {len(cells)} cells as a table")
    assert [row["position_id"] for row in downloaded(matrix.download)] == downloads
    # the cell list: the lettered squares, in the matrix's order (by column)
    assert option_values(matrix.cell_picker) == squares["O opposes"] + squares["S supports"]
    for name, keys in squares.items():
        assert trace(matrix, name)["customdata"] == keys
    # the grid keeps its three cells: the others say "no position in the text"
    assert len(trace(matrix, "· no position in the text")["customdata"]) == 3 - len(cells)


def test_none_under_positions_shows_no_position_and_says_keep_a_basis_and_all_brings_them_back(dataset):
    matrix = PositionMatrixExplorer(dataset)
    first = (matrix.count.value, matrix.description.value, matrix.evidence.value, matrix.plot.figure)
    select_all, select_none = all_and_none(matrix, matrix.bases)
    select_none.click()
    message = "No position matches these filters (0 of 3). Keep at least one basis."
    assert said(matrix.count) == "0 of 3 positions shown."
    assert said(matrix.description) == message
    assert said(matrix.evidence) == message
    assert hidden(matrix)
    assert option_values(matrix.cell_picker) == []
    select_all.click()
    assert (matrix.count.value, matrix.description.value, matrix.evidence.value, matrix.plot.figure) == first


# claims.csv voices: own 5 (accord_may_ease, protests_likely, referral_possible, drought_emptied,
# meeting_scheduled), reported 1 (unions_too_weak), attributed 1 (farmers_doubt)
@pytest.mark.parametrize(
    ("voices", "summary"),
    [
        (("own",), "Claims kept: 5 of 7 (5 the author's own judgement)."),
        (("reported",), "Claims kept: 1 of 7 (1 a statement the author reports)."),
        (("attributed",), "Claims kept: 1 of 7 (1 a view the author ascribes)."),
        (
            ("reported", "attributed"),
            "Claims kept: 2 of 7 (1 a statement the author reports, 1 a view the author ascribes).",
        ),
        ((), "No claim is kept (0 of 7): choose at least one voice."),
    ],
)
def test_keeping_claim_voices_says_how_many_claims_are_kept_and_leaves_the_positions(dataset, voices, summary):
    matrix = PositionMatrixExplorer(dataset)
    matrix.voices.value = voices
    assert said(matrix.voice_summary) == summary
    assert said(matrix.count) == "3 of 3 positions shown."


@pytest.mark.parametrize(
    ("voices", "kept", "dropped"),
    [
        (("reported",), ["The unions say the accord does too little."], ["Farmers do not think the accord will last."]),
        (
            ("attributed",),
            ["Farmers do not think the accord will last."],
            ["The unions say the accord does too little."],
        ),
        (("own",), [], ["The unions say the accord does too little.", "Farmers do not think the accord will last."]),
    ],
)
def test_claim_voices_choose_the_claims_behind_the_chosen_cell(dataset, voices, kept, dropped):
    # the farmers' cell rests on unions_too_weak (reported), and the farmers also claim farmers_doubt
    # (attributed) on the same issue
    matrix = PositionMatrixExplorer(dataset)
    matrix.voices.value = voices
    matrix.cell_picker.value = "farm_unions|accept_accord"
    evidence = said(matrix.evidence)
    assert evidence.startswith("Farmers' unions on “The river accord”")
    for claim in kept:
        assert claim in evidence
    for claim in dropped:
        assert claim not in evidence
    assert ("Claims behind these positions" in evidence) == bool(kept)


def test_changing_claim_voices_with_a_cell_chosen_updates_its_evidence(dataset):
    matrix = PositionMatrixExplorer(dataset)
    matrix.cell_picker.value = "farm_unions|accept_accord"
    matrix.voices.value = ("reported",)
    assert matrix.cell_picker.value == "farm_unions|accept_accord"
    evidence = said(matrix.evidence)
    assert "The unions say the accord does too little." in evidence
    assert "Farmers do not think the accord will last." not in evidence


def test_keeping_the_basis_of_the_chosen_cell_keeps_the_cell(dataset):
    matrix = PositionMatrixExplorer(dataset)
    matrix.cell_picker.value = "prt|accept_accord"
    matrix.bases.value = ("action",)  # prt_accord is shown by an action
    assert matrix.cell_picker.value == "prt|accept_accord"
    assert said(matrix.evidence).startswith("Portugal on “The river accord”")


def test_none_under_claims_keeps_no_claim_and_all_keeps_the_seven(dataset):
    matrix = PositionMatrixExplorer(dataset)
    select_all, select_none = all_and_none(matrix, matrix.voices)
    select_none.click()
    assert said(matrix.voice_summary) == "No claim is kept (0 of 7): choose at least one voice."
    select_all.click()
    assert said(matrix.voice_summary) == (
        "Claims kept: 7 of 7 (5 the author's own judgement, 1 a statement the author reports, "
        "1 a view the author ascribes)."
    )


# the matrix's columns: most positions first (one each), then by name: Farmers' unions, Portugal, Spain
CELLS = [
    (
        "farm_unions|accept_accord",
        0,
        "Farmers' unions on “The river accord”: O — opposes",
        ["O opposes · stated by the actor · as of May 2021", "“called the accord too weak”"],
        ["Farmers do not think the accord will last.", "The unions say the accord does too little."],
    ),
    (
        "prt|accept_accord",
        1,
        "Portugal on “The river accord”: S — supports",
        ["S supports · shown by an action · as of 10 May 2021", "“signed an accord”"],
        ["Events behind these positions", "Ministers sign the river accord"],
    ),
    (
        "esp|accept_accord",
        2,
        "Spain on “The river accord”: S — supports",
        ["S supports · shown by an action · as of 10 May 2021", "“signed an accord”"],
        ["Events behind these positions", "Ministers sign the river accord"],
    ),
]


@pytest.mark.parametrize(("cell", "column", "heading", "positions", "behind"), CELLS, ids=[c[0] for c in CELLS])
def test_choosing_a_cell_shows_its_evidence_and_rings_its_square(dataset, cell, column, heading, positions, behind):
    matrix = PositionMatrixExplorer(dataset)
    table = matrix.table.value
    matrix.cell_picker.value = cell
    evidence = said(matrix.evidence)
    assert evidence.startswith(heading)
    for words in positions + behind:
        assert words in evidence
    ring = trace(matrix, "chosen cell")
    assert (ring["x"], ring["y"]) == ([column], [0])
    assert matrix.table.value == table


def test_clicking_a_lettered_square_chooses_its_cell(dataset):
    matrix = PositionMatrixExplorer(dataset)
    click(matrix, "esp|accept_accord")
    assert matrix.cell_picker.value == "esp|accept_accord"
    assert said(matrix.evidence).startswith("Spain on “The river accord”: S — supports")


def test_clicking_a_square_with_no_position_under_these_filters_says_so(dataset):
    matrix = PositionMatrixExplorer(dataset)
    matrix.bases.value = ("stated",)  # Portugal's position is shown by an action
    click(matrix, "prt|accept_accord")
    assert matrix.cell_picker.value == ""
    assert said(matrix.evidence) == "No position in the text for that cell (with these filters)."


def test_dropping_the_basis_of_the_chosen_cell_empties_the_cell_list_choice(dataset):
    matrix = PositionMatrixExplorer(dataset)
    matrix.cell_picker.value = "prt|accept_accord"
    matrix.bases.value = ("stated",)
    assert matrix.cell_picker.value == ""
    assert said(matrix.evidence) == "Click a lettered square, or choose a cell in the list, to see its evidence."
    assert traces(matrix, "chosen cell") == []


def test_choosing_no_cell_again_restores_the_first_view_of_the_matrix(dataset):
    matrix = PositionMatrixExplorer(dataset)
    first = (matrix.evidence.value, matrix.plot.figure, matrix.count.value, matrix.table.value)
    matrix.cell_picker.value = "farm_unions|accept_accord"
    matrix.voices.value = ("own",)
    matrix.voices.value = ("own", "reported", "attributed")
    matrix.cell_picker.value = ""
    assert (matrix.evidence.value, matrix.plot.figure, matrix.count.value, matrix.table.value) == first


# =================================================================================================
# StanceOverTime: the issue list
# =================================================================================================


def test_the_stance_explorer_offers_the_one_issue_with_positions_and_draws_its_three(dataset):
    stances = StanceOverTime(dataset)
    assert stances.issue.options == (("The river accord (3 positions)", "accept_accord"),)
    assert said(stances.description) == (
        "On “The river accord” — Farmers' unions: opposes (stated by the actor, May 2021). "
        "Portugal: supports (shown by an action, 10 May 2021). Spain: supports (shown by an action, 10 May 2021)."
    )
    supports, opposes = trace(stances, "S supports"), trace(stances, "O opposes")
    assert (supports["y"], supports["customdata"]) == (["Portugal", "Spain"], ["prt_accord", "esp_accord"])
    assert [x[:10] for x in supports["x"]] == ["2021-05-10", "2021-05-10"]
    # "2021-05" is a month: its marker stands in its middle, on a bar from its first day to its last
    assert (opposes["y"], [x[:10] for x in opposes["x"]]) == (["Farmers' unions"], ["2021-05-16"])
    assert [row[0] for row in table_rows(stances.table.value)] == ["Farmers' unions", "Portugal", "Spain"]


def test_choosing_another_issue_shows_its_stances_and_choosing_back_restores_the_first(later):
    stances = StanceOverTime(later)
    assert [value for _, value in stances.issue.options] == ["accept_accord", "escalate"]
    assert stances.issue.options[1][0].startswith("Taking the dispute further (1 position")
    first = (stances.description.value, stances.table.value, stances.plot.figure)
    stances.issue.value = "escalate"
    assert said(stances.description) == (
        "On “Taking the dispute further” — Portugal: supports (attributed by the author, 12 May 2021)."
    )
    assert table_rows(stances.table.value) == [
        [
            "Portugal",
            "supports",
            "attributed by the author",
            "12 May 2021",
            "Portugal could take the dispute to the European Commission",
        ]
    ]
    assert stances.plot.figure["layout"]["title"]["text"] == "Stances on “Taking the dispute further” over time"
    assert trace(stances, "S supports")["customdata"] == ["prt_escalate"]
    assert traces(stances, "O opposes") == []
    stances.issue.value = "accept_accord"
    assert (stances.description.value, stances.table.value, stances.plot.figure) == first


# =================================================================================================
# ActorNetworkExplorer: issue, years, link kinds, the author's claims, the actor list, clicks
# =================================================================================================
# Links by hand, from events.csv (the first actor to each other one) and claims.csv (the claimant
# to each actor it is about); the author (ribeiro, the claimant of every "own" claim) is left out:
#   events: accord_signed prt→esp (on accept_accord: prt_accord's evidence), referral prt→eu_commission
#           (on escalate: referral_possible cites it)
#   claims: farmers_doubt and unions_too_weak farm_unions→prt, farm_unions→esp (accept_accord)
#   the author's: accord_may_ease →prt, →esp; referral_possible →prt, →eu_commission; protests_likely
#           →farm_unions; drought_emptied →esp; meeting_scheduled →river_commission (7 links)
ACCORD_EVENT = ["Portugal", "acts with or on (event)", "Spain", "10 May 2021: Ministers sign the river accord"]
REFERRAL_EVENT = [
    "Portugal",
    "acts with or on (event)",
    "European Commission",
    "from 12 May 2021, end unknown: Portugal refers the dispute",
]
FARMERS_CLAIMS = [
    ["Farmers' unions", "speaks about (claim)", "Portugal", "Farmers do not think the accord will last."],
    ["Farmers' unions", "speaks about (claim)", "Spain", "Farmers do not think the accord will last."],
    ["Farmers' unions", "speaks about (claim)", "Portugal", "The unions say the accord does too little."],
    ["Farmers' unions", "speaks about (claim)", "Spain", "The unions say the accord does too little."],
]


def test_the_network_first_shows_the_six_links_that_are_not_the_authors(dataset):
    network = ActorNetworkExplorer(dataset)
    assert said(network.description) == (
        "6 links (2 from events and 4 from claims) between 4 of 6 actors. Most connected: Portugal (4), "
        "Farmers' unions (4), Spain (3). The author's own claims give 7 more links, from the centre; tick "
        "“Draw the author's own claims” to see them."
    )
    assert table_rows(network.table.value) == [ACCORD_EVENT, REFERRAL_EVENT, *FARMERS_CLAIMS]


@pytest.mark.parametrize(
    ("issue", "starts", "left_out", "rows"),
    [
        (
            "accept_accord",
            "5 links (1 from events and 4 from claims) between 3 of 6 actors. Most connected: Farmers' unions (4)",
            "The author's own claims give 2 more links",  # accord_may_ease →prt, →esp
            [ACCORD_EVENT, *FARMERS_CLAIMS],
        ),
        (
            "escalate",
            "1 link",
            "The author's own claims give 2 more links",  # referral_possible →prt, →eu_commission
            [REFERRAL_EVENT],
        ),
    ],
)
def test_choosing_an_issue_keeps_only_its_links(dataset, issue, starts, left_out, rows):
    network = ActorNetworkExplorer(dataset)
    network.issue.value = issue
    assert said(network.description).startswith(starts)
    assert left_out in said(network.description)
    assert table_rows(network.table.value) == rows
    assert said(network.table).startswith(f"Show the {len(rows)} link")


def test_choosing_all_issues_again_restores_the_first_network(dataset):
    network = ActorNetworkExplorer(dataset)
    first = (network.description.value, network.table.value, network.plot.figure)
    network.issue.value = "escalate"
    network.issue.value = ""
    assert (network.description.value, network.table.value, network.plot.figure) == first


def test_from_2021_keeps_every_link_since_every_linked_event_and_claim_is_of_2021(dataset):
    network = ActorNetworkExplorer(dataset)
    first = (network.description.value, network.table.value)
    network.first_year.value = 2021
    assert (network.description.value, network.table.value) == first


def test_to_2019_leaves_no_link_and_hides_the_network(dataset):
    # the only event of 2019 (dry_summer_2019) has one actor; the claims are dated by the 2021 article
    network = ActorNetworkExplorer(dataset)
    network.last_year.value = 2019
    assert said(network.nothing) == (
        "No link matches these filters. Choose all issues, widen the years or keep both kinds of link."
    )
    assert network.description.value == ""
    assert network.table.value == ""
    assert hidden(network)


def test_a_from_year_after_the_to_year_says_so(dataset):
    network = ActorNetworkExplorer(dataset)
    network.first_year.value = 2021
    network.last_year.value = 2019
    assert said(network.nothing) == (
        "No link matches these filters: “From” (2021) is after “To” (2019). "
        "Choose a From year no later than the To year."
    )
    assert hidden(network)


@pytest.mark.parametrize(
    ("kinds", "description", "rows", "drawn", "not_drawn"),
    [
        (
            ("event",),
            "2 links (2 from events) between 3 of 6 actors. Most connected: Portugal (2)",
            [ACCORD_EVENT, REFERRAL_EVENT],
            "— acts with or on (event)",
            "- - speaks about (claim)",
        ),
        (
            ("claim",),
            "4 links (4 from claims) between 3 of 6 actors. Most connected: Farmers' unions (4)",
            FARMERS_CLAIMS,
            "- - speaks about (claim)",
            "— acts with or on (event)",
        ),
    ],
)
def test_keeping_one_link_kind_draws_only_its_links(dataset, kinds, description, rows, drawn, not_drawn):
    network = ActorNetworkExplorer(dataset)
    network.kinds.value = kinds
    assert said(network.description).startswith(description)
    assert table_rows(network.table.value) == rows
    arrows = [x for t in traces(network, drawn) for x in t["x"]]
    assert len(arrows) == 2  # one arrow per linked pair: prt→esp, prt→eu_commission; farm_unions→prt, →esp
    assert traces(network, not_drawn) == []


def test_keeping_no_link_kind_says_nothing_matches(dataset):
    network = ActorNetworkExplorer(dataset)
    network.kinds.value = ()
    assert said(network.nothing) == (
        "No link matches these filters. Choose all issues, widen the years or keep both kinds of link."
    )
    assert hidden(network)


def author_symbol(network) -> dict:
    """The author's symbol (the "person" trace that holds her, not its legend entry)."""
    (symbol,) = [t for t in traces(network, "person") if t.get("customdata") == ["ribeiro"]]
    return symbol


def test_drawing_the_authors_claims_adds_her_seven_links_from_the_centre(dataset):
    network = ActorNetworkExplorer(dataset)
    assert author_symbol(network)["marker"]["size"] == [16]  # ribeiro: not linked
    network.author_links.value = True
    description = said(network.description)
    assert description.startswith(
        "13 links (2 from events and 11 from claims) between 6 of 6 actors. Most connected: Ana Ribeiro (7), "
        "Portugal (6)"
    )
    assert "The author's own claims give" not in description
    assert len(table_rows(network.table.value)) == 13
    assert author_symbol(network)["marker"]["size"] == [24]
    # seven arrows for claims: farm_unions→prt, →esp; ribeiro→prt, →esp, →farm_unions, →eu_commission, →river_commission
    assert len([x for t in traces(network, "- - speaks about (claim)") for x in t["x"]]) == 7
    network.author_links.value = False
    assert len(table_rows(network.table.value)) == 6


# actors.csv (name, kind, aliases), and what names it: sentences.csv (its aliases, whole words),
# events.csv (actor_ids), claims.csv (claimant_id; about_actor_ids), positions.csv (actor_id)
ACTOR_CARDS = [
    (
        "ribeiro",
        "Ana Ribeiro",
        "person",
        "named in 0 sentences · in 0 events · makes 5 claims · 0 claims about it · holds 0 positions",
    ),
    (
        "prt",
        "Portugal",
        "state",
        "named in 3 sentences · in 2 events · makes 0 claims · 4 claims about it · holds 1 position",
    ),
    (
        "esp",
        "Spain",
        "state",
        "named in 2 sentences · in 2 events · makes 0 claims · 4 claims about it · holds 1 position",
    ),
    (
        "farm_unions",
        "Farmers' unions",
        "group · also called farmers",
        "named in 2 sentences · in 1 event · makes 2 claims · 1 claim about it · holds 1 position",
    ),
    (
        "river_commission",
        "River commission",
        "international organisation · also called river commission",
        "named in 1 sentence · in 1 event · makes 0 claims · 1 claim about it · holds 0 positions",
    ),
    (
        "eu_commission",
        "European Commission",
        "international organisation",
        "named in 1 sentence · in 1 event · makes 0 claims · 1 claim about it · holds 0 positions",
    ),
]


@pytest.mark.parametrize(("actor", "name", "kind", "counts"), ACTOR_CARDS, ids=[a[0] for a in ACTOR_CARDS])
def test_choosing_an_actor_shows_its_card_and_outlines_its_symbol(dataset, actor, name, kind, counts):
    network = ActorNetworkExplorer(dataset)
    table = network.table.value
    network.actor_picker.value = actor
    card = said(network.card)
    assert card.startswith(f"{name} {kind} ")
    assert f"In short: {counts}." in card
    (symbols,) = [t for t in network.plot.figure["data"] if actor in (t.get("customdata") or [])]
    outlines = dict(zip(symbols["customdata"], symbols["marker"]["line"]["color"], strict=True))
    assert outlines[actor] == "#000000"
    assert all(colour == "#ffffff" for other, colour in outlines.items() if other != actor)
    assert network.table.value == table


def test_clicking_an_actors_symbol_chooses_it_and_shows_its_card(dataset):
    network = ActorNetworkExplorer(dataset)
    click(network, "farm_unions")
    assert network.actor_picker.value == "farm_unions"
    assert said(network.card).startswith("Farmers' unions group")


def test_clicking_an_arrow_chooses_no_actor(dataset):
    network = ActorNetworkExplorer(dataset)
    click(network, None)  # arrows and lines carry no customdata
    assert network.actor_picker.value == ""
    assert said(network.card) == "Click an actor on the network, or choose one in the list, to see its card."


def test_choosing_no_actor_again_restores_the_first_network(dataset):
    network = ActorNetworkExplorer(dataset)
    first = (network.card.value, network.plot.figure)
    network.actor_picker.value = "prt"
    network.actor_picker.value = ""
    assert (network.card.value, network.plot.figure) == first


def test_the_network_shows_no_context_box_on_a_dataset_without_context_events(dataset):
    network = ActorNetworkExplorer(dataset)
    first = network.description.value
    assert not on_screen(network, network.context)
    network.context.value = False
    assert network.description.value == first


# =================================================================================================
# MapExplorer: layers, year, hindsight, ring centre and radius, zoom, the place list, clicks
# =================================================================================================
# items at places (events.csv with a place_id): accord_signed at Lisbon (diplomacy; and the dispute,
# "The river accord", which prt_accord rests on), commission_meeting at Madrid (diplomacy),
# dry_summer_2019 at Toledo (humanitarian: "Conflicts and displacement"); autumn_protests and
# referral have no place.
DRY = ["June 2019 to September 2019", "A dry summer empties reservoirs", "an event", "Toledo"]
ACCORD = ["10 May 2021", "Ministers sign the river accord", "an event", "Lisbon"]
MEETING = ["June 2021", "The river commission meets in Madrid", "an event", "Madrid"]


def test_the_map_offers_a_box_for_each_layer_with_its_number_of_items(dataset):
    map_ = MapExplorer(dataset)
    assert {layer: box.description for layer, box in map_.layer_boxes.items()} == {
        "diplomacy": "Diplomacy, politics and economy (2)",
        "conflict": "Conflicts and displacement (1)",
        "dispute": "The dispute: The river accord (1)",
    }
    assert said(map_.count) == "3 of 3 items shown, at 3 places."
    assert table_rows(map_.table.value) == [DRY, ACCORD, MEETING]


@pytest.mark.parametrize(
    ("layer", "rows", "hollow"),
    [
        ("diplomacy", [DRY, ACCORD], ["madrid"]),  # the accord stays: it is also in the dispute's layer
        ("conflict", [ACCORD, MEETING], ["toledo"]),
        ("dispute", [DRY, ACCORD, MEETING], []),  # the accord stays: it is also diplomacy
    ],
)
def test_unticking_a_layer_hides_the_items_only_it_holds(dataset, layer, rows, hollow):
    map_ = MapExplorer(dataset)
    map_.layer_boxes[layer].value = False
    assert said(map_.count) == f"{len(rows)} of 3 items shown, at {len(rows)} places."
    assert table_rows(map_.table.value) == rows
    assert sorted(row["place_id"] for row in downloaded(map_.download)) == sorted(
        {"Toledo": "toledo", "Lisbon": "lisbon", "Madrid": "madrid"}[row[3]] for row in rows
    )
    symbols = {
        place: symbol
        for name in ("capital", "city")
        for place, symbol in zip(trace(map_, name)["customdata"], trace(map_, name)["marker"]["symbol"], strict=True)
    }
    assert sorted(place for place, symbol in symbols.items() if symbol.endswith("-open")) == hollow


def test_unticking_every_layer_shows_nothing_and_says_so(dataset):
    map_ = MapExplorer(dataset)
    for box in map_.layer_boxes.values():
        box.value = False
    message = "Nothing matches these layers by the end of 2021. Switch on more layers or move the year on."
    assert said(map_.count) == "0 of 3 items shown, at 0 places."
    assert said(map_.description).startswith(message)
    assert said(map_.card).startswith(message)
    assert map_.table.value == ""


@pytest.mark.parametrize("year", [2019, 2020])
def test_choosing_an_earlier_year_shows_only_the_dry_summer_of_2019(dataset, year):
    map_ = MapExplorer(dataset)
    assert map_.year.options == (2019, 2020, 2021)
    map_.year.value = year
    assert said(map_.count).startswith("1 of 3 items shown, at 1 place")
    assert said(map_.description).startswith(f"By the end of {year}: 1 event at 1 place")
    assert "Most items: Toledo (1)." in said(map_.description)
    assert table_rows(map_.table.value) == [DRY]
    assert map_.plot.figure["layout"]["title"]["text"] == f"By the end of {year}"


def test_choosing_the_articles_year_again_restores_the_first_map(dataset):
    map_ = MapExplorer(dataset)
    first = (map_.count.value, map_.description.value, map_.table.value, map_.plot.figure, map_.download.value)
    assert said(map_.description).startswith(
        "As the article saw it on 12 May 2021 (with what it expected later in 2021): 3 events at 3 places."
    )
    map_.year.value = 2019
    map_.year.value = 2021
    assert (map_.count.value, map_.description.value, map_.table.value, map_.plot.figure, map_.download.value) == first


def test_ticking_hindsight_titles_the_map_with_what_came_later(dataset):
    map_ = MapExplorer(dataset)
    map_.hindsight.value = True
    assert map_.plot.figure["layout"]["title"]["text"] == "By the end of 2021, with what came later"
    assert said(map_.description).startswith("By the end of 2021: 3 events at 3 places.")
    assert map_.year.options == (2019, 2020, 2021)  # no outcome in the CSV: no later year to offer


def test_ticking_hindsight_offers_the_outcomes_year_and_shows_the_outcome_there(later):
    map_ = MapExplorer(later)
    assert said(map_.count) == "3 of 4 items shown, at 3 places."  # LATER_ROWS: the accord's outcome, 2022-10
    map_.hindsight.value = True
    assert map_.year.options == (2019, 2020, 2021, 2022)
    assert map_.year.value == 2021
    map_.year.value = 2022
    assert said(map_.count) == "4 of 4 items shown, at 3 places."
    assert said(map_.description).startswith(
        "By the end of 2022: 3 events, 1 later outcome at 3 places. Most items: Lisbon (2)"
    )
    assert ["October 2022", "The agreed flows were met through 2022.", "what happened later", "Lisbon"] in table_rows(
        map_.table.value
    )
    map_.hindsight.value = False
    assert map_.year.options == (2019, 2020, 2021)
    assert map_.year.value == 2021
    assert said(map_.count) == "3 of 4 items shown, at 3 places."


@pytest.mark.parametrize(
    ("centre", "km"),
    [
        ("lisbon", {"lisbon": "0", "madrid": "503", "toledo": "458"}),
        ("madrid", {"lisbon": "503", "madrid": "0", "toledo": "68"}),
        ("toledo", {"lisbon": "458", "madrid": "68", "toledo": "0"}),
    ],
)
def test_choosing_a_ring_centre_measures_from_it(dataset, centre, km):
    map_ = MapExplorer(dataset)
    map_.centre.value = "madrid" if centre == "lisbon" else "lisbon"  # away first: Lisbon is the first centre
    map_.centre.value = centre
    name = centre.capitalize()
    assert said(map_.distances).startswith(f"{name} lies ")
    assert {row["place_id"]: row["km_from_centre"] for row in downloaded(map_.download)} == km
    other = "toledo" if centre != "toledo" else "madrid"
    map_.place_picker.value = other
    assert f"{km[other]} km from {name}" in said(map_.card)


@pytest.mark.parametrize(
    ("centre", "radius", "ring"),
    [
        ("lisbon", 100, "Within 100 km of Lisbon: no other mapped point place."),
        (
            "lisbon",
            500,
            "Within 500 km of Lisbon: Toledo (458 km). These are all the dataset's places in the ring, whatever the "
            "layers. Every place the article names in it has something shown with these layers and years.",
        ),
        ("lisbon", 750, "Within 750 km of Lisbon: Toledo (458 km), Madrid (503 km)."),
        ("madrid", 100, "Within 100 km of Madrid: Toledo (68 km)."),
    ],
)
def test_choosing_a_ring_radius_draws_the_ring_names_the_places_in_it_and_zooms_to_it(dataset, centre, radius, ring):
    map_ = MapExplorer(dataset)
    map_.centre.value = centre
    map_.radius.value = radius
    assert ring in said(map_.distances)
    name = centre.capitalize()
    circle = trace(map_, f"{radius:,} km from {name}")
    assert circle["mode"] == "lines"
    assert map_.zoom.value == "ring"
    assert map_.zoom.options == (
        ("Portugal and its neighbours", "region"),
        (f"the ring ({radius:,} km around {name})", "ring"),
        ("the whole map", "all"),
    )


def test_a_ring_round_a_place_with_nothing_shown_says_its_marker_is_hollow(dataset):
    map_ = MapExplorer(dataset)
    map_.layer_boxes["diplomacy"].value = False  # Madrid's only item is the commission's meeting
    map_.radius.value = 750
    assert "Nothing is shown at Madrid with these layers and years (hollow markers)." in said(map_.distances)


def test_choosing_no_ring_again_removes_it_and_zooms_back_to_the_region(dataset):
    map_ = MapExplorer(dataset)
    first = (map_.zoom.options, map_.zoom.value, map_.distances.value, map_.plot.figure)
    map_.radius.value = 500
    map_.radius.value = 0
    assert traces(map_, "500 km from Lisbon") == []
    assert (map_.zoom.options, map_.zoom.value, map_.distances.value, map_.plot.figure) == first


def test_zooming_to_the_whole_map_widens_the_view_to_every_place(dataset):
    map_ = MapExplorer(dataset)
    # the region: Portugal and the places within 700 km of Lisbon, 1.5° round them: Madrid's -3.7 + 1.5
    assert map_.plot.figure["layout"]["xaxis"]["range"][1] == pytest.approx(-2.2)
    map_.zoom.value = "all"
    low, high = map_.plot.figure["layout"]["xaxis"]["range"]
    # the whole map: 2° round every place, Lisbon's -9.14 to Madrid's -3.7 (and Lisbon's 38.72 to Madrid's 40.42)
    assert low <= -11.14 + 1e-9 and high >= -1.7 - 1e-9
    bottom, top = map_.plot.figure["layout"]["yaxis"]["range"]
    assert bottom <= 36.72 + 1e-9 and top >= 42.42 - 1e-9
    assert map_.figure_box.children[-1] is map_.plot  # a zoom draws afresh, in a new plot view
    click(map_, "madrid")  # and a click on the new view still picks
    assert map_.place_picker.value == "madrid"
    map_.zoom.value = "region"
    assert map_.plot.figure["layout"]["xaxis"]["range"][1] == pytest.approx(-2.2)


# places.csv, with the items at each place and its distance from Lisbon (the first centre)
PLACE_CARDS = [
    ("lisbon", "Lisbon", "capital · a point · side: other", "10 May 2021 — Ministers sign the river accord"),
    ("madrid", "Madrid", "capital · a point · 503 km from Lisbon", "June 2021 — The river commission meets in Madrid"),
    (
        "toledo",
        "Toledo",
        "city · a point · 458 km from Lisbon",
        "June 2019 to September 2019 — A dry summer empties reservoirs",
    ),
]


@pytest.mark.parametrize(("place", "name", "meta", "item"), PLACE_CARDS, ids=[p[0] for p in PLACE_CARDS])
def test_choosing_a_place_shows_its_card_and_outlines_its_marker(dataset, place, name, meta, item):
    map_ = MapExplorer(dataset)
    map_.place_picker.value = place
    card = said(map_.card)
    assert card.startswith(f"{name} {meta}")
    assert f"Shown here (1): {item} (an event)" in card
    outlines = {
        p: colour
        for kind in ("capital", "city")
        for p, colour in zip(trace(map_, kind)["customdata"], trace(map_, kind)["marker"]["line"]["color"], strict=True)
    }
    assert outlines == {p: "#E69F00" if p == place else "#ffffff" for p in ("lisbon", "madrid", "toledo")}


def test_clicking_a_place_chooses_it_and_shows_its_card(dataset):
    map_ = MapExplorer(dataset)
    click(map_, "toledo")
    assert map_.place_picker.value == "toledo"
    assert said(map_.card).startswith("Toledo city")


def test_clicking_off_the_places_chooses_nothing(dataset):
    map_ = MapExplorer(dataset)
    click(map_, "nowhere")
    assert map_.place_picker.value == ""
    assert said(map_.card) == "Click a place on the map, or choose one in the list, to see its card."


def test_choosing_no_place_again_restores_the_first_map(dataset):
    map_ = MapExplorer(dataset)
    first = (map_.card.value, map_.plot.figure)
    map_.place_picker.value = "madrid"
    map_.place_picker.value = ""
    assert (map_.card.value, map_.plot.figure) == first


def test_the_map_shows_no_context_box_and_no_scheme_list_on_this_dataset(dataset):
    map_ = MapExplorer(dataset)
    assert not on_screen(map_, map_.context)  # no context event
    assert not on_screen(map_, map_.scheme)  # one scheme of sides
    assert map_.scheme.options == (("the article's sides", "article"),)
    first = map_.count.value
    map_.context.value = False
    assert map_.count.value == first


# =================================================================================================
# ClaimsExplorer: type, voice, time frame (with All / None), actor, issue, the claim list, clicks
# =================================================================================================

# claims.csv in the article's order (first paragraph cited, then id), with their paraphrases
PARAPHRASE = {
    "accord_may_ease": "The accord might calm the dispute.",
    "farmers_doubt": "Farmers do not think the accord will last.",
    "drought_emptied": "The 2019 drought drained reservoirs near Toledo.",
    "protests_likely": "Protests will probably come in the autumn.",
    "unions_too_weak": "The unions say the accord does too little.",
    "meeting_scheduled": "A commission meeting is planned.",
    "referral_possible": "Portugal might escalate if the flows fall short.",
}
AUTHORS = ["accord_may_ease", "drought_emptied", "protests_likely", "meeting_scheduled", "referral_possible"]
CLAIM_FILTERS = [
    ("types", ("report",), ["drought_emptied", "meeting_scheduled"]),
    ("types", ("assessment",), ["unions_too_weak"]),
    ("types", ("perception",), ["farmers_doubt"]),
    ("types", ("prediction",), ["accord_may_ease", "protests_likely", "referral_possible"]),
    ("voices", ("own",), AUTHORS),
    ("voices", ("reported",), ["unions_too_weak"]),
    ("voices", ("attributed",), ["farmers_doubt"]),
    ("time_frames", ("past",), ["drought_emptied"]),
    ("time_frames", ("present",), ["unions_too_weak"]),
    (
        "time_frames",
        ("future",),
        ["accord_may_ease", "farmers_doubt", "protests_likely", "meeting_scheduled", "referral_possible"],
    ),
    # an actor as the claimant or among about_actor_ids
    ("actor", "ribeiro", AUTHORS),
    ("actor", "eu_commission", ["referral_possible"]),
    ("actor", "farm_unions", ["farmers_doubt", "protests_likely", "unions_too_weak"]),
    ("actor", "prt", ["accord_may_ease", "farmers_doubt", "unions_too_weak", "referral_possible"]),
    ("actor", "river_commission", ["meeting_scheduled"]),
    ("actor", "esp", ["accord_may_ease", "farmers_doubt", "drought_emptied", "unions_too_weak"]),
    ("issue", "accept_accord", ["accord_may_ease", "farmers_doubt", "unions_too_weak"]),
    ("issue", "escalate", ["referral_possible"]),
]


@pytest.mark.parametrize(("control", "value", "shown"), CLAIM_FILTERS, ids=[f"{c}={v}" for c, v, _ in CLAIM_FILTERS])
def test_choosing_a_claims_filter_shows_only_the_matching_claims(dataset, control, value, shown):
    claims = ClaimsExplorer(dataset)
    getattr(claims, control).value = value
    assert said(claims.count) == f"{len(shown)} of 7 claims shown."
    assert [row[3] for row in table_rows(claims.table.value)] == [PARAPHRASE[c] for c in shown]
    assert option_values(claims.claim_picker) == shown
    assert [row["claim_id"] for row in downloaded(claims.download)] == shown
    marked = [c for t in claims.plot.figure["data"] if t.get("showlegend") is False for c in t["customdata"]]
    assert sorted(marked) == sorted(shown)
    assert said(claims.description).startswith(f"Showing {len(shown)} of 7 claims: ")


def test_choosing_the_river_accord_issue_describes_its_three_claims_and_their_ladder(dataset):
    claims = ClaimsExplorer(dataset)
    claims.issue.value = "accept_accord"
    assert said(claims.description) == (
        "Showing 3 of 7 claims: 1 assessment (¶ 4), 1 perception (¶ 1), 1 prediction (¶ 1). "
        "The paragraph with the most claims shown is ¶ 1 (2)."
    )
    assert said(claims.ladder_description) == (
        "From certain to uncertain: 2 certain, 1 possible. 1 of the 3 claims carry words that set how sure they "
        "sound (marked in the quotes); the others are plain statements."
    )
    ladder = said(claims.ladder)
    assert "● certain (2)" in ladder and "▲ possible (1)" in ladder and "probable" not in ladder
    assert '<mark class="ae-cue">may</mark>' in claims.ladder.value


@pytest.mark.parametrize("control", ["types", "voices", "time_frames"])
def test_none_under_a_claims_list_hides_every_claim_and_all_brings_them_back(dataset, control):
    claims = ClaimsExplorer(dataset)
    first = (claims.count.value, claims.description.value, claims.ladder.value, claims.table.value, claims.plot.figure)
    select_all, select_none = all_and_none(claims, getattr(claims, control))
    select_none.click()
    assert said(claims.count) == "0 of 7 claims shown."
    assert said(claims.description) == (
        "No claim matches these filters (0 of 7). Choose more types, voices or time frames."
    )
    assert said(claims.ladder_description) == "No claim on the ladder: widen the filters."
    assert hidden(claims)
    select_all.click()
    assert (
        claims.count.value,
        claims.description.value,
        claims.ladder.value,
        claims.table.value,
        claims.plot.figure,
    ) == first


@pytest.mark.parametrize(("control", "empty"), [("actor", ""), ("issue", "")], ids=["any actor", "any issue"])
def test_choosing_any_actor_or_any_issue_again_restores_every_claim(dataset, control, empty):
    claims = ClaimsExplorer(dataset)
    first = (claims.count.value, claims.table.value, claims.plot.figure)
    getattr(claims, control).value = "river_commission" if control == "actor" else "escalate"
    assert said(claims.count) == "1 of 7 claims shown."
    getattr(claims, control).value = empty
    assert (claims.count.value, claims.table.value, claims.plot.figure) == first


# claims.csv: symbol of the certainty, type, paraphrase, then claimant (actors.csv), voice, certainty,
# hedge_cues, time_frame
CLAIM_CARDS = [
    (
        "accord_may_ease",
        "▲ Claim (prediction)",
        "Ana Ribeiro (own voice) · certainty: possible · hedge words: “may” · about the future",
    ),
    (
        "farmers_doubt",
        "● Claim (perception)",
        "Farmers' unions (attributed voice) · certainty: certain · hedge words: none (a plain statement) · "
        "about the future",
    ),
    (
        "drought_emptied",
        "● Claim (report)",
        "Ana Ribeiro (own voice) · certainty: certain · hedge words: none (a plain statement) · about the past",
    ),
    (
        "protests_likely",
        "◆ Claim (prediction)",
        "Ana Ribeiro (own voice) · certainty: probable · hedge words: “It is likely that” · about the future",
    ),
    (
        "unions_too_weak",
        "● Claim (assessment)",
        "Farmers' unions (reported voice) · certainty: certain · hedge words: none (a plain statement) · "
        "about the present",
    ),
    (
        "meeting_scheduled",
        "● Claim (report)",
        "Ana Ribeiro (own voice) · certainty: certain · hedge words: “will” · about the future",
    ),
    (
        "referral_possible",
        "▲ Claim (prediction)",
        "Ana Ribeiro (own voice) · certainty: possible · hedge words: “could” · about the future",
    ),
]


@pytest.mark.parametrize(("claim", "title", "meta"), CLAIM_CARDS, ids=[c[0] for c in CLAIM_CARDS])
def test_choosing_a_claim_shows_its_card_and_outlines_its_marker(dataset, claim, title, meta):
    claims = ClaimsExplorer(dataset)
    table = claims.table.value
    claims.claim_picker.value = claim
    assert said(claims.card).startswith(f"{title}: {PARAPHRASE[claim]} claimant: {meta}")
    (marker,) = [t for t in claims.plot.figure["data"] if claim in t["customdata"]]
    widths = dict(zip(marker["customdata"], marker["marker"]["line"]["width"], strict=True))
    assert widths[claim] == 3
    assert all(width == 1 for other, width in widths.items() if other != claim)
    assert claims.table.value == table


def test_clicking_a_claims_marker_chooses_it_and_shows_its_card(dataset):
    claims = ClaimsExplorer(dataset)
    click(claims, "unions_too_weak")
    assert claims.claim_picker.value == "unions_too_weak"
    assert said(claims.card).startswith("● Claim (assessment): The unions say the accord does too little.")


def test_clicking_a_claim_the_filters_hide_chooses_nothing(dataset):
    claims = ClaimsExplorer(dataset)
    claims.types.value = ("report",)
    click(claims, "unions_too_weak")
    assert claims.claim_picker.value == ""
    assert said(claims.card) == "Click a claim on the chart, or choose one in the list, to see its card."


def test_filtering_out_the_chosen_claim_empties_the_claim_list_choice(dataset):
    claims = ClaimsExplorer(dataset)
    claims.claim_picker.value = "farmers_doubt"
    claims.voices.value = ("own",)
    assert claims.claim_picker.value == ""
    assert said(claims.card) == "Click a claim on the chart, or choose one in the list, to see its card."


def test_a_claims_filter_that_keeps_the_chosen_claim_keeps_its_card(dataset):
    claims = ClaimsExplorer(dataset)
    claims.claim_picker.value = "farmers_doubt"
    claims.issue.value = "accept_accord"  # farmers_doubt is on the river accord
    assert claims.claim_picker.value == "farmers_doubt"
    assert said(claims.card).startswith("● Claim (perception): Farmers do not think the accord will last.")


def test_choosing_no_claim_again_restores_the_first_view_of_the_claims(dataset):
    claims = ClaimsExplorer(dataset)
    first = (claims.card.value, claims.plot.figure)
    claims.claim_picker.value = "protests_likely"
    claims.claim_picker.value = ""
    assert (claims.card.value, claims.plot.figure) == first


# =================================================================================================
# CodingWorkbench: a type and a certainty list per claim, and "Compare with the dataset"
# =================================================================================================
# The sample, by hand from claims.csv in the article's order: for each type its first claim with
# hedge words, else its first (report: meeting_scheduled "will"; assessment: unions_too_weak;
# perception: farmers_doubt; prediction: accord_may_ease "may"); then the first claim of each
# certainty not yet covered (probable: protests_likely); then claims with hedge words up to six
# (referral_possible "could").
SAMPLE = [
    # claim, quote, the dataset's type and certainty, its hedge words
    ("accord_may_ease", "may ease a long dispute over drought", "prediction", "possible", "may"),
    ("farmers_doubt", "farmers on both banks doubt that it will hold", "perception", "certain", ""),
    (
        "protests_likely",
        "It is likely that new protests will follow in the autumn",
        "prediction",
        "probable",
        "It is likely that",
    ),
    ("unions_too_weak", "Farmers' unions have called the accord too weak", "assessment", "certain", ""),
    ("meeting_scheduled", "The river commission will meet in Madrid in June", "report", "certain", "will"),
    (
        "referral_possible",
        "If the flows are not met, Portugal could take the dispute to the European Commission",
        "prediction",
        "possible",
        "could",
    ),
]


def test_the_workbench_asks_for_the_six_claims_of_the_sample_in_the_articles_order(dataset):
    bench = CodingWorkbench(dataset)
    assert list(bench.pickers) == [s[0] for s in SAMPLE]
    assert [row["quote"] for row in downloaded(bench.download)] == [s[1] for s in SAMPLE]


def test_comparing_before_coding_anything_asks_for_a_claim(dataset):
    bench = CodingWorkbench(dataset)
    bench.compare_button.click()
    assert said(bench.result) == "Code at least one claim (its type or its certainty), then compare."


@pytest.mark.parametrize(("number", "sample"), list(enumerate(SAMPLE, start=1)), ids=[s[0] for s in SAMPLE])
def test_giving_a_claim_the_datasets_type_agrees_with_it(dataset, number, sample):
    claim, _, kind, _, _ = sample
    bench = CodingWorkbench(dataset)
    picker = bench.pickers[claim][0]
    assert picker.description == f"Claim {number} type"
    picker.value = kind
    row = next(r for r in downloaded(bench.download) if r["claim_id"] == claim)
    assert (row["my_type"], row["dataset_type"]) == (kind, kind)
    bench.compare_button.click()
    result = said(bench.result)
    assert result.startswith("You coded 1 of 6 claims.")
    assert "Type: you agree with the dataset on 1 of 1 claims (100%)." in result
    assert "Certainty: nothing coded yet." in result
    assert result.endswith("No disagreement on the claims you coded.")


@pytest.mark.parametrize(("number", "sample"), list(enumerate(SAMPLE, start=1)), ids=[s[0] for s in SAMPLE])
def test_giving_a_claim_another_certainty_shows_the_disagreement_beside_its_quote(dataset, number, sample):
    claim, quote, kind, certainty, cues = sample
    bench = CodingWorkbench(dataset)
    picker = bench.pickers[claim][1]
    assert picker.description == f"Claim {number} certainty"
    picker.value = "uncertain"  # no claim of the dataset is uncertain
    row = next(r for r in downloaded(bench.download) if r["claim_id"] == claim)
    assert (row["my_certainty"], row["dataset_certainty"]) == ("uncertain", certainty)
    bench.compare_button.click()
    assert "Certainty: you agree with the dataset on 0 of 1 claims (0%)." in said(bench.result)
    theirs = f"{kind}, {certainty}" + (f" (cues: {cues})" if cues else "")
    assert table_rows(bench.result.value) == [[f"“{quote}”", "—, uncertain", theirs]]


def test_clearing_a_coded_claim_takes_it_out_of_the_comparison(dataset):
    bench = CodingWorkbench(dataset)
    kind = bench.pickers["farmers_doubt"][0]
    kind.value = "report"
    bench.pickers["accord_may_ease"][0].value = "prediction"
    bench.compare_button.click()
    assert "Type: you agree with the dataset on 1 of 2 claims (50%)." in said(bench.result)
    kind.value = ""
    bench.compare_button.click()
    assert "Type: you agree with the dataset on 1 of 1 claims (100%)." in said(bench.result)
    assert next(r for r in downloaded(bench.download) if r["claim_id"] == "farmers_doubt")["my_type"] == ""


# =================================================================================================
# PredictionReview: a verdict list per prediction
# =================================================================================================
# claims.csv's predictions in the article's order: accord_may_ease (¶ 1), protests_likely (¶ 4),
# referral_possible (¶ 5); none has an outcome.
PREDICTIONS = ["accord_may_ease", "protests_likely", "referral_possible"]


@pytest.mark.parametrize(("number", "claim"), list(enumerate(PREDICTIONS, start=1)), ids=PREDICTIONS)
def test_giving_a_verdict_reveals_what_the_dataset_records_and_counts_it(dataset, number, claim):
    review = PredictionReview(dataset)
    verdict = review.verdicts[claim]
    assert verdict.description == f"Prediction {number}: your verdict"
    verdict.value = "partly"
    assert said(review.reveals[claim]).startswith("The dataset records no checked outcome for this prediction")
    assert said(review.summary) == (
        "You have judged 1 of 3 predictions (1 partly). The dataset has a checked outcome for 0 of them."
    )
    assert {row["claim_id"]: row["my_verdict"] for row in downloaded(review.download)} == {
        c: "partly" if c == claim else "" for c in PREDICTIONS
    }
    verdict.value = ""
    assert review.reveals[claim].value == ""
    assert (
        said(review.summary) == "You have judged 0 of 3 predictions. The dataset has a checked outcome for 0 of them."
    )


def test_giving_a_verdict_on_a_prediction_with_an_outcome_reveals_the_outcome_and_its_source(later):
    review = PredictionReview(later)
    review.verdicts["accord_may_ease"].value = "borne out"  # LATER_ROWS: its outcome
    assert said(review.reveals["accord_may_ease"]).startswith(
        "What the dataset records later (2022-10): The dispute calmed in 2022. "
        "Approximate city coordinates for the test dataset"
    )
    assert said(review.summary) == (
        "You have judged 1 of 3 predictions (1 borne out). The dataset has a checked outcome for 1 of them."
    )


# =================================================================================================
# Every control on screen is one this file changes
# =================================================================================================

CONTROL_TYPES = (
    widgets.Dropdown,
    widgets.Select,
    widgets.SelectMultiple,
    widgets.ToggleButtons,
    widgets.RadioButtons,
    widgets.Checkbox,
    widgets.Button,
    widgets.Text,
    widgets.Textarea,
    widgets.IntSlider,
    widgets.FloatSlider,
    widgets.IntRangeSlider,
    widgets.FloatRangeSlider,
    widgets.SelectionSlider,
    widgets.SelectionRangeSlider,
)

#: What each explorer shows, by attribute ("bases.All": the All button under ``bases``).
ON_SCREEN = {
    ArticleReader: {"sentence_picker", "row_picker"},
    TimelineExplorer: {
        "lanes",
        "first_year",
        "last_year",
        "hindsight",
        *(
            f"{name}{part}"
            for name in ("actors", "categories", "statuses", "date_bases")
            for part in ("", ".All", ".None")
        ),
        "event_picker",
    },
    PositionMatrixExplorer: {*(f"{n}{p}" for n in ("bases", "voices") for p in ("", ".All", ".None")), "cell_picker"},
    StanceOverTime: {"issue"},
    ActorNetworkExplorer: {"issue", "kinds", "first_year", "last_year", "author_links", "actor_picker"},
    MapExplorer: {
        "layer_boxes[diplomacy]",
        "layer_boxes[conflict]",
        "layer_boxes[dispute]",
        "year",
        "hindsight",
        "centre",
        "radius",
        "zoom",
        "place_picker",
    },
    ClaimsExplorer: {
        *(f"{n}{p}" for n in ("types", "voices", "time_frames") for p in ("", ".All", ".None")),
        "actor",
        "issue",
        "claim_picker",
    },
    CodingWorkbench: {
        *(f"pickers[{claim}][{i}]" for claim, *_ in SAMPLE for i in (0, 1)),
        "compare_button",
    },
    PredictionReview: {f"verdicts[{claim}]" for claim in PREDICTIONS},
}


def control_names(explorer) -> dict[int, str]:
    """Each control the explorer holds, by ``id``: its attribute's name (``name[key][index]`` inside
    a dict or tuple), and ``name.All`` / ``name.None`` for the buttons under a list."""
    names: dict[int, str] = {}

    def add(name, value):
        if isinstance(value, widgets.Widget):
            names[id(value)] = name
        elif isinstance(value, dict):
            for key, item in value.items():
                add(f"{name}[{key}]", item)
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                add(f"{name}[{index}]", item)

    for name, value in vars(explorer).items():
        add(name, value)
    for name, value in list(vars(explorer).items()):
        if isinstance(value, widgets.SelectMultiple):
            try:
                select_all, select_none = all_and_none(explorer, value)
            except AssertionError:
                continue
            names[id(select_all)], names[id(select_none)] = f"{name}.All", f"{name}.None"
    return names


@pytest.mark.parametrize("kind", list(ON_SCREEN), ids=[k.__name__ for k in ON_SCREEN])
def test_every_control_on_screen_is_one_this_file_changes(dataset, kind):
    explorer = kind(dataset)
    names = control_names(explorer)
    shown = [w for w in walk(explorer.widget) if isinstance(w, CONTROL_TYPES)]
    assert {names.get(id(w), f"an unknown {type(w).__name__} {getattr(w, 'description', '')!r}") for w in shown} == (
        ON_SCREEN[kind]
    )
