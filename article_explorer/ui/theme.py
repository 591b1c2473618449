"""The one theme: how every value of a contract vocabulary looks and reads, in every notebook.

A :class:`Look` gives a value its words, and where it has them its colour, its glyph (a text
mark such as ●, used in HTML and legends) and the plotly marker symbol that draws the same
glyph on a chart. Each vocabulary is keyed by the values of the contract's enum
(:mod:`article_explorer.data.contract`); ``tests/test_theme.py`` checks that every value has
one look and that no vocabulary names a value the contract does not know. The order of a
vocabulary is the order views list it in (from describing to prescribing, for claim types).

Colours are from the Okabe-Ito palette (the stances from Paul Tol's), which colour-blind readers
can tell apart, and shape or words always carry the meaning too: colour only repeats it. Three
rules keep the meanings apart across notebooks:

* certainty has one glyph set everywhere (● ◆ ▲ ✕), in the reader, the claims chart, the
  ladder, the cards and the exercises;
* stance colours never reuse the colours the map may give its sides (:data:`SIDE_PALETTE`): a
  "supports" cell must not look like one side of the map;
* a context event (the coder's, not the article's) is grey and hollow (□) wherever it is drawn.

>>> CERTAINTY["probable"].glyph, CERTAINTY["probable"].symbol
('◆', 'diamond')
>>> words_for(BASIS, "attributed")
'attributed by the author'
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Look:
    """How one value of a vocabulary looks: words always; colour, glyph and symbol where drawn."""

    words: str
    colour: str = ""
    glyph: str = ""
    symbol: str = ""  # plotly marker symbol for the glyph
    text_colour: str = ""  # text drawn on a fill of ``colour``
    pattern: str = ""  # plotly fill pattern shape, for areas
    pattern_colour: str = ""
    short: str = ""  # a short form, where an axis has no room for the words


Vocabulary = dict[str, Look]

#: Grey for what is no value of its own: legend keys that show a shape only, the context mark.
NEUTRAL = "#6b6b6b"
#: The dashed line at the article's date, on every chart with a time axis.
ARTICLE_DATE_COLOUR = "#8a3b00"
#: The star that marks what happened later (hindsight) on the timeline: no category's colour.
HINDSIGHT_COLOUR = "#7b2cbf"
#: A landmark (``places.role = landmark``): a place on the map for orientation only.
LANDMARK_COLOUR = "#4d4d4d"

# --- the article's text -----------------------------------------------------------------------

#: Where a sentence sits: a body paragraph is named by its number ("¶ 11"), the others by their part.
SENTENCE_PART: Vocabulary = {
    "standfirst": Look("standfirst", short="SF"),
    "body": Look("body text"),
    "caption": Look("photo caption", short="cap."),
}

# --- claims -----------------------------------------------------------------------------------

CERTAINTY: Vocabulary = {
    "certain": Look("certain", "#D55E00", "●", "circle"),
    "probable": Look("probable", "#E69F00", "◆", "diamond"),
    "possible": Look("possible", "#009E73", "▲", "triangle-up"),
    "uncertain": Look("uncertain", "#CC79A7", "✕", "x"),
}
#: Claim types; the pattern tells the reader's stacked bars apart without their colour.
CLAIM_TYPE: Vocabulary = {
    "report": Look("reports what happened or what someone said", "#56B4E9", pattern="/"),
    "assessment": Look("judges a situation", "#E69F00", pattern="|"),
    "perception": Look("says how an actor sees things", "#CC79A7", pattern="x"),
    "prediction": Look("forecasts", "#D55E00", pattern="."),
    "prescription": Look("says what should be done", "#009E73", pattern="\\"),
}
VOICE: Vocabulary = {
    "own": Look("the author's own judgement"),
    "reported": Look("a statement the author reports"),
    "attributed": Look("a view the author ascribes"),
}
CLAIM_STANCE: Vocabulary = {
    "supports": Look("supports"),
    "opposes": Look("opposes"),
    "neutral": Look("neutral"),
}
TIME_FRAME: Vocabulary = {"past": Look("past"), "present": Look("present"), "future": Look("future")}

# --- positions --------------------------------------------------------------------------------

#: Stance cells: a letter on a fill; over time, a triangle up or down, or a diamond for mixed.
#: The colours are Paul Tol's (also told apart by colour-blind readers), none of them a side's on
#: the map nor a certainty's: a green triangle must not read as "possible" in notebook 02, where
#: claims' certainty marks and stances meet.
STANCE: Vocabulary = {
    "supports": Look("supports", "#117733", "S", "triangle-up", "#ffffff"),
    "opposes": Look("opposes", "#AA4499", "O", "triangle-down", "#ffffff"),
    "mixed": Look("mixed", "#DDCC77", "M", "diamond", "#000000"),
}
#: A matrix cell with no position: not a value of the contract, but drawn beside them.
NO_POSITION = Look("no position in the text", "#f0f0f0", "·", "", "#555555")
BASIS: Vocabulary = {
    "stated": Look("stated by the actor"),
    "action": Look("shown by an action"),
    "attributed": Look("attributed by the author"),
}

# --- events -----------------------------------------------------------------------------------

ORIGIN: Vocabulary = {
    "article": Look("the article", "#0072B2", "■"),
    "context": Look("context (not the article)", NEUTRAL, "□", "square-open"),
}
#: How an event's date precision reads on screen.
PRECISION: Vocabulary = {
    "day": Look("exact day"),
    "month": Look("known to the month"),
    "year": Look("known to the year"),
    "range": Look("a period"),
    "ongoing": Look("still going on"),
}
#: Where an event's date comes from.
DATE_BASIS: Vocabulary = {
    "article": Look("the article"),
    "context": Look("an outside source"),
    "inferred": Look("inference"),
}
#: An event's status: the marker's shape (filled for what happened, hollow for what may).
STATUS: Vocabulary = {
    "past": Look("past", symbol="circle"),
    "ongoing": Look("ongoing", symbol="diamond"),
    "anticipated": Look("anticipated", symbol="circle-open"),
    "hypothetical": Look("hypothetical", symbol="diamond-open"),
}
#: Category colours; no black, which vanishes on a dark theme.
CATEGORY: Vocabulary = {
    "conflict": Look("conflict", "#0072B2"),
    "diplomacy": Look("diplomacy", "#D55E00"),
    "economy": Look("economy", "#009E73"),
    "human_rights": Look("human rights", "#CC79A7"),
    "humanitarian": Look("humanitarian", "#E69F00"),
    "military": Look("military", "#56B4E9"),
    "politics": Look("politics", "#882255"),
    "sanctions": Look("sanctions", "#F0E442"),
}

# --- actors and places ------------------------------------------------------------------------

ACTOR_KIND: Vocabulary = {
    "state": Look("state", symbol="circle"),
    "government_body": Look("government body", symbol="pentagon"),
    "international_org": Look("international organisation", symbol="square"),
    "person": Look("person", symbol="diamond"),
    "group": Look("group", symbol="triangle-up"),
}
#: Place kinds; the map draws the point kinds with these symbols (areas are outlines).
PLACE_KIND: Vocabulary = {
    "capital": Look("capital", symbol="star"),
    "city": Look("city", symbol="circle"),
    "military_site": Look("military site", symbol="triangle-up"),
    "country": Look("country"),
    "region": Look("region"),
}
PLACE_ROLE: Vocabulary = {
    "mentioned": Look("named in the article"),
    "landmark": Look("landmark, not named by the article", LANDMARK_COLOUR, "⊙", "circle-open-dot"),
}
# --- the sides of the map (data: sides.csv) -----------------------------------------------------

#: Fills for the sides a dataset gives no colour, in the order they are handed out: Paul Tol's
#: "light" scheme, made for areas with black names on them, and used by no other encoding.
SIDE_PALETTE = ("#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00", "#DDDDDD")
#: A country the dataset places on no side.
NO_SIDE = Look("other countries and territories", "#F4F4F4")
#: The hatching of an area the boundaries keep apart with a note (a disputed area), over its side's fill.
NOTED_AREA_PATTERN = "x"
NOTED_AREA_PATTERN_COLOUR = "#555555"
#: How much darker a side's hatching is than its fill.
PATTERN_SHADE = 0.45


def shade(colour: str, factor: float = PATTERN_SHADE) -> str:
    """A ``#rrggbb`` colour darkened by ``factor`` (0: black, 1: the colour itself).

    >>> shade("#77AADD")
    '#364c63'
    """
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(part * factor):02x}" for part in (red, green, blue))


def side_looks(sides: list[dict]) -> Vocabulary:
    """The look of each side (rows of sides.csv: ``side_id``, ``label``, ``colour``, ``pattern``,
    ``scheme``): its label as words, its own colour or, without one, the next of
    :data:`SIDE_PALETTE` that no side of its scheme has chosen, and a darker shade for its hatching.

    >>> looks = side_looks([{"side_id": "a", "label": "Pact", "colour": "", "pattern": "/", "scheme": "article"},
    ...                     {"side_id": "b", "label": "Bloc", "colour": "#77aadd", "pattern": "", "scheme": "article"}])
    >>> looks["a"].colour, looks["a"].pattern_colour, looks["b"].words
    ('#EE8866', '#6b3d2e', 'Bloc')
    """
    looks: Vocabulary = {}
    by_scheme: dict[str, list[dict]] = {}
    for row in sides:
        by_scheme.setdefault(row.get("scheme") or "", []).append(row)
    for rows in by_scheme.values():
        taken = {(row.get("colour") or "").upper() for row in rows}
        free = iter([colour for colour in SIDE_PALETTE if colour not in taken])
        for row in rows:
            colour = (row.get("colour") or "").upper() or next(free, NO_SIDE.colour)
            pattern = row.get("pattern") or ""
            looks[row["side_id"]] = Look(
                row.get("label") or row["side_id"],
                colour,
                pattern=pattern,
                pattern_colour=shade(colour) if pattern else "",
            )
    return looks


#: (table, field) -> vocabulary: what ``tests/test_theme.py`` holds against the contract.
VOCABULARIES: dict[tuple[str, str], Vocabulary] = {
    ("sentences", "part"): SENTENCE_PART,
    ("claims", "certainty"): CERTAINTY,
    ("claims", "claim_type"): CLAIM_TYPE,
    ("claims", "voice"): VOICE,
    ("claims", "stance"): CLAIM_STANCE,
    ("claims", "time_frame"): TIME_FRAME,
    ("positions", "stance"): STANCE,
    ("positions", "basis"): BASIS,
    ("events", "origin"): ORIGIN,
    ("events", "precision"): PRECISION,
    ("events", "date_basis"): DATE_BASIS,
    ("events", "status"): STATUS,
    ("events", "category"): CATEGORY,
    ("actors", "kind"): ACTOR_KIND,
    ("places", "kind"): PLACE_KIND,
    ("places", "role"): PLACE_ROLE,
}

# --- the rows of the dataset, as the reader marks them -----------------------------------------

#: A row kind's glyph and colour: events (■, context □), claims by certainty, positions (✦).
EVENT = ORIGIN["article"]
CONTEXT = ORIGIN["context"]
CLAIM = Look("claim", "#D55E00", "●")
POSITION = Look("position", "#56B4E9", "✦")


def words_for(vocabulary: Vocabulary, value: str) -> str:
    """A value's words; a value the vocabulary does not know reads as itself, spaces for underscores."""
    look = vocabulary.get(value)
    return look.words if look else str(value).replace("_", " ")
