"""Hypothesis strategies for VALID datasets: every table of the data contract, written as CSV.

:func:`valid_datasets` draws a :class:`GeneratedDataset`: an article, its sentences and every
table of the contract, honouring it by construction, so that ``read_dataset(path).problems``
is empty for each one (``tests/test_generated_datasets.py`` checks that, and then that every
explorer and every exercise works on it). What the tables may hold is read from the contract
(:mod:`article_explorer.data.contract`: columns, vocabularies, which columns and tables a dataset
may leave out), the calendar from :func:`article_explorer.data.edtf.parse_edtf`, and the
country codes from the boundaries that ship with the package; only the cross-table rules are
written out here, each next to the part of the generator that keeps it.

The datasets vary in everything the contract leaves open:

* size, down to an article of one sentence, and up to a few dozen rows;
* empty tables: no events, no claims, no positions (a header-only positions.csv), no places,
  even no actors (an article whose only sentence is a caption cites nothing);
* the optional files: ``sides.csv`` and ``country_sides.csv`` (contract v2) absent, header-only
  or full; the ``reliability/`` folder absent, header-only or full; the optional columns
  (``origin``, ``role``, ``notes``, ``sha256``, ``place_ids``, ``side_source_id``) present or not,
  the columns in any order;
* dates: days, months and years, uncertain (``2016?``), approximate (``2016~``) or both, ranges,
  open (``2014/..``, ``../2016``) and unknown (``2016-03-30/``, ``/2016``) ends, for events,
  positions, outcomes, periods and sources, mostly 1990-2030 but any year from 0001 to 9999;
  context sources with an empty ``published`` (the article's own date always has a first day,
  which the validator requires). Unspecified digits (``2016-03-XX``) are not drawn: the
  project's EDTF reader refuses them, so no valid dataset holds one;
* places known only as countries (no city or site), each with its point in its country's box,
  as the validator asks; points in one region drawn anywhere on Earth (the poles, the
  antimeridian, south and west) with now and then one far away, country codes the boundaries
  do not draw (for points), landmarks;
* claims and events with and without an outcome (hindsight), with and without hedge words;
* names and texts in many scripts, with quotation marks, HTML-like text and emoji.

:func:`valid_datasets` takes flags that force one shape (``places="countries"``...), for the
hand-picked cases.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import hashlib
import io
import json
import operator
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from hypothesis import strategies as st

from article_explorer.data.boundaries import EUROPE, WORLD, boundary_boxes, boundary_keys
from article_explorer.data.contract import (
    ARTICLE_PATH,
    ARTICLE_SCHEME,
    FILL_PATTERNS,
    LIST_SEPARATOR,
    PLOVER_CATEGORIES,
    RELIABILITY_FIELDS,
    TABLES,
    TABLES_BY_NAME,
    build_datapackage,
)
from article_explorer.data.edtf import parse_edtf

Row = dict[str, str]


def vocabulary(table: str, column: str) -> tuple[str, ...]:
    """The allowed values of a column, from the contract."""
    spec = TABLES_BY_NAME[table].field(column)
    assert spec is not None and spec.enum, f"{table}.{column} has no vocabulary"
    return spec.enum


@cache
def country_codes() -> tuple[list[str], list[str]]:
    """(every key of the package's boundaries, the three-letter ones), sorted: the codes a place
    known only as a country, or a row of country_sides.csv, may have."""
    keys = sorted(boundary_keys(EUROPE.path) | boundary_keys(WORLD.path))
    return keys, [key for key in keys if re.fullmatch(r"[A-Z]{3}", key)]


# ---------------------------------------------------------------------------- drawing

BOOLS = st.booleans()
LOWER, DIGITS, UPPER = "abcdefghijklmnopqrstuvwxyz", "0123456789", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@cache
def _below(n: int) -> st.SearchStrategy[int]:
    return st.integers(0, n - 1)


def pick(draw, items):
    """One of ``items`` (drawn as an index: quicker than a strategy made for each draw; shrinks to the first)."""
    items = list(items)
    return items[draw(_below(len(items)))]


def chance(draw, one_in: int) -> bool:
    """True once in ``one_in`` draws, about (shrinks to False)."""
    return draw(_below(one_in)) == one_in - 1


def maybe(draw, value_or_strategy, one_in: int = 2) -> str:
    """Empty, or (once in ``one_in``) the value or a draw from the strategy."""
    if not chance(draw, one_in):
        return ""
    return draw(value_or_strategy) if isinstance(value_or_strategy, st.SearchStrategy) else value_or_strategy


@cache
def _subsets(n: int, min_size: int, max_size: int) -> st.SearchStrategy[list[int]]:
    return st.lists(_below(n), min_size=min_size, max_size=max_size, unique=True)


def some(draw, items, max_size: int, min_size: int = 0) -> list:
    """Distinct items of ``items``, in a drawn order."""
    items = list(items)
    if not items:
        return []
    return [items[i] for i in draw(_subsets(len(items), min(min_size, len(items)), max_size))]


def joined(items) -> str:
    return LIST_SEPARATOR.join(items)


# ---------------------------------------------------------------------------- text

#: Words of the article's sentences: many scripts, punctuation, things that look like markup.
#: None holds the list separator or white space (a quote or a hedge cue is a run of them).
WORDS = (
    *("the", "a", "of", "and", "to", "in", "on", "that", "with", "for", "was", "is", "not", "it"),
    *("may", "might", "could", "will", "likely", "perhaps", "possibly", "reportedly", "clearly"),
    *("minister", "airbase", "border", "treaty", "sanctions", "troops", "summit", "river", "talks"),
    *("Minsk", "Łódź", "Zürich", "São", "Paulo", "Ñuñoa", "Reykjavík", "Nuku’alofa", "Ōtautahi"),
    *("Київ", "Москва", "東京", "北京", "القاهرة", "ירושלים", "Αθήνα", "서울", "हिन्दी", "ქართული"),
    *("naïve", "O'Brien", "it’s", "“quoted”", '"said"', "—", "50%", "$5", "&", "<b>bold</b>"),
    *("<script>x</script>", "🙂", "a,b", "x;y", "2016", "1990s", "#1", "(sic)", "well-known"),
)  # fmt: skip
#: Free text in the project's words may hold more: the separator, line breaks, commas.
FREE_EXTRAS = ("a|b", "line\nbreak", "tab\tin", "“Possible: …”", "'single'", ",", "'", '"', "\\")
#: Names of actors, places, sides and issues (two rows may share one).
NAMES = (
    *("Ana Ribeiro", "Łukasz Żuławski", "Zoë Ødegård", "Nguyễn Văn An", "Ağrı", "Ōkuma Shigenobu"),
    *("Аляксандр Лукашэнка", "東京都", "القاهرة", "Αθήνα", "O'Neil & Sons", "<i>Acme</i>", "Ünited"),
    *("Farmers' unions", "NATO", "EU", "X", "a", "Ministry of “Truth”", "Río de la Plata", "🙂 Smile"),
)  # fmt: skip

words = st.sampled_from(WORDS)
names = st.sampled_from(NAMES)
_sentence_words = st.lists(words, min_size=1, max_size=9)
_stops = st.sampled_from([".", "?", "!", "…"])
_free_words = st.lists(st.one_of(words, names, st.sampled_from(FREE_EXTRAS)), min_size=1, max_size=8)
_long_free_words = st.lists(st.one_of(words, names, st.sampled_from(FREE_EXTRAS)), min_size=1, max_size=20)


@st.composite
def sentence_texts(draw) -> str:
    """A sentence: words joined by single spaces, ending in a full stop (never blank at either end)."""
    return " ".join(draw(_sentence_words)) + draw(_stops)


@st.composite
def free_texts(draw, long: bool = False) -> str:
    """Text in the project's own words (a headline, a summary): may hold anything but edge blanks."""
    return " ".join(draw(_long_free_words if long else _free_words)).strip() or "text"


slugs = st.builds(operator.add, st.sampled_from(LOWER + DIGITS), st.text(LOWER + DIGITS + "_", max_size=10))
codes = st.text(UPPER, min_size=3, max_size=3)  # ISO 3166-1 alpha-3 in form: the boundaries may not draw it
colours = st.integers(0, 0xFFFFFF).map(lambda n: f"#{n:06x}") | st.integers(0, 0xFFFFFF).map(lambda n: f"#{n:06X}")


def unique_ids(draw, count: int, prefix: str) -> list[str]:
    """``count`` distinct slugs: ``prefix`` and a number, or a drawn slug (so ids may coincide across tables)."""
    ids: list[str] = []
    for index in range(count):
        candidate = draw(slugs) if chance(draw, 3) else f"{prefix}{index + 1}"
        while candidate in ids:
            candidate += "_"
        ids.append(candidate)
    return ids


# ---------------------------------------------------------------------------- dates

YEARS = st.integers(1990, 2030) | st.integers(1, 9999)
DATE_FORMS = ("day", "month", "year")
QUALIFIERS = ("", "", "", "?", "~", "%")


@st.composite
def single_dates(draw, qualified: bool = True) -> str:
    """A day, a month or a year (``2016-03-30``, ``2016-03``, ``2016``), perhaps qualified."""
    year = draw(YEARS)
    form = pick(draw, DATE_FORMS)
    text = f"{year:04d}"
    if form != "year":
        month = draw(st.integers(1, 12))
        text += f"-{month:02d}"
        if form == "day":
            text += f"-{draw(st.integers(1, calendar.monthrange(year, month)[1])):02d}"
    return text + (pick(draw, QUALIFIERS) if qualified else "")


@st.composite
def edtf_dates(draw, known_start: bool = False) -> str:
    """An EDTF date or interval the project reads: single, a range, or an interval with an open
    (``..``) or unknown (empty) start or end. ``known_start``: the start is a date."""
    forms = ["single", "range", "open_end", "unknown_end"] + ([] if known_start else ["open_start", "unknown_start"])
    form = pick(draw, forms)
    if form == "single":
        return draw(single_dates())
    first, second = draw(single_dates()), draw(single_dates())
    if form == "range":
        if parse_edtf(first).earliest > parse_edtf(second).latest:
            first, second = second, first
        return f"{first}/{second}"
    return {
        "open_end": f"{first}/..",
        "unknown_end": f"{first}/",
        "open_start": f"../{second}",
        "unknown_start": f"/{second}",
    }[form]


def precision_of(date: str) -> str:
    """The ``precision`` the validator expects of an event's EDTF date."""
    edtf = parse_edtf(date)
    if edtf.is_interval:
        return "ongoing" if edtf.open_ended else "range"
    return edtf.single_precision or "day"


def date_bounds(draw, date: str) -> tuple[str, str]:
    """An event's ``date_start`` and ``date_end``: days inside its EDTF date (often its widest
    bounds), empty at an open or unknown end."""
    edtf = parse_edtf(date)
    low = edtf.earliest if edtf.start_bound == "date" else None
    high = edtf.latest if edtf.end_bound == "date" else None
    if low is not None and high is not None:
        if not chance(draw, 3):
            return low.isoformat(), high.isoformat()
        span = (high - low).days
        a, b = sorted((draw(st.integers(0, span)), draw(st.integers(0, span))))
        return (low + dt.timedelta(days=a)).isoformat(), (low + dt.timedelta(days=b)).isoformat()
    if low is not None:
        return (low + dt.timedelta(days=draw(st.integers(0, min((dt.date.max - low).days, 400))))).isoformat(), ""
    assert high is not None
    return "", (high - dt.timedelta(days=draw(st.integers(0, min((high - dt.date.min).days, 400))))).isoformat()


# ---------------------------------------------------------------------------- places

#: Hard places to draw: the poles, the antimeridian, south and west, null island.
SPECIAL_COORDINATES = (
    ("53.9", "27.5667"),  # Minsk
    ("90", "0"),  # the North Pole
    ("-90", "180"),  # the South Pole, on the antimeridian
    ("-16.5", "-68.13"),  # La Paz: south and west
    ("-41.29", "174.78"),  # Wellington
    ("64.84", "-179.99"),  # just west of the antimeridian
    ("-17.71", "178.07"),  # Fiji, just east of it
    ("0", "0"),  # null island
    ("-0.0001", "-0.0001"),
)


def _decimal(value: float) -> str:
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


anywhere = st.tuples(
    st.integers(-900_000, 900_000).map(lambda n: _decimal(n / 10_000)),
    st.integers(-1_800_000, 1_800_000).map(lambda n: _decimal(n / 10_000)),
)
#: A point somewhere on Earth: often a hard one.
coordinates = st.sampled_from(SPECIAL_COORDINATES) | anywhere
_offset = st.integers(-60_000, 60_000)


def in_country(draw, iso3: str) -> tuple[str, str]:
    """A point in the box of country ``iso3`` in the package's boundaries (where the validator
    wants the point of a place known only as a country)."""
    min_lon, min_lat, max_lon, max_lat = {**boundary_boxes(WORLD.path), **boundary_boxes(EUROPE.path)}[iso3]
    share_lat, share_lon = draw(_below(1001)) / 1000, draw(_below(1001)) / 1000
    return _decimal(min_lat + share_lat * (max_lat - min_lat)), _decimal(min_lon + share_lon * (max_lon - min_lon))


def near(draw, centre: tuple[str, str]) -> tuple[str, str]:
    """A point within a few degrees of ``centre`` (an article's places lie in one region),
    across the antimeridian if it is near, but never past a pole; once in a while, anywhere."""
    if chance(draw, 8):
        return draw(coordinates)
    lat = min(90.0, max(-90.0, float(centre[0]) + draw(_offset) / 10_000))
    lon = float(centre[1]) + draw(_offset) / 5_000
    lon = lon - 360 if lon > 180 else lon + 360 if lon < -180 else lon
    return _decimal(lat), _decimal(lon)


# ---------------------------------------------------------------------------- the dataset

TABLES_BY_FILE = {table.filename: table for table in TABLES}


@dataclass
class GeneratedDataset:
    """A dataset as files: the article's text and each CSV's header and rows.

    ``files`` maps a file name of the contract (``events.csv``, ``reliability/adjudication.csv``)
    to its (header, rows); a file the dataset leaves out is not in it. ``shape`` names what the
    draw chose (``one sentence``, ``no positions``...), for hypothesis's statistics.
    """

    article: str
    files: dict[str, tuple[list[str], list[Row]]]
    shape: set[str] = field(default_factory=set)
    bom: bool = False

    def rows(self, table: str) -> list[Row]:
        """The rows of one table (none for a file the dataset leaves out)."""
        filename = TABLES_BY_NAME[table].filename
        return self.files[filename][1] if filename in self.files else []

    def csv_text(self, filename: str) -> str:
        header, rows = self.files[filename]
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue()

    def write(self, folder: Path) -> Path:
        """Write the dataset into ``folder`` (made if need be), ``datapackage.json`` too; return it."""
        (folder / ARTICLE_PATH).parent.mkdir(parents=True, exist_ok=True)
        (folder / ARTICLE_PATH).write_bytes(self.article.encode("utf-8"))
        for filename in self.files:
            path = folder / filename
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(("\ufeff" if self.bom else "") + self.csv_text(filename), encoding="utf-8")
        columns = {TABLES_BY_FILE[f].name: header for f, (header, _) in self.files.items()}
        (folder / "datapackage.json").write_text(
            json.dumps(build_datapackage(columns), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        return folder

    def _repr_pretty_(self, printer, cycle: bool) -> None:  # how hypothesis prints a failing example
        printer.text(repr(self))

    def __repr__(self) -> str:
        """Every file in full: a failing example prints the minimal dataset itself."""
        parts = [f"GeneratedDataset({', '.join(sorted(self.shape))})", f"--- {ARTICLE_PATH}", repr(self.article)]
        for filename in self.files:
            parts += [f"--- {filename}", self.csv_text(filename).rstrip("\n")]
        return "\n".join(parts)


@st.composite
def articles(draw, max_paragraphs: int = 6, max_sentences: int = 4) -> tuple[str, list[Row]]:
    """The article's text and its sentences (``sentences.csv``'s rows), offsets and all: an
    optional date line, paragraphs (the first perhaps a standfirst, some captions) and headings."""
    pieces: list[str] = []
    length = 0

    def add(text: str) -> int:
        nonlocal length
        pieces.append(text)
        length += len(text)
        return length - len(text)

    if draw(BOOLS):
        add(draw(single_dates(qualified=False)) + "\n")  # a date line: not a sentence
    sentences: list[Row] = []
    section = ""
    for paragraph in range(1, draw(st.integers(1, max_paragraphs)) + 1):
        if paragraph == 1:
            part = pick(draw, ["body", "standfirst", "caption"])
        else:
            part = pick(draw, ["body", "body", "body", "caption"])
            if chance(draw, 4):
                section = " ".join(draw(st.lists(words, min_size=1, max_size=4)))
                add(section + "\n\n")
        texts = draw(st.lists(sentence_texts(), min_size=1, max_size=max_sentences))
        for number, text in enumerate(texts, start=1):
            start = add(text)
            add(" " if number < len(texts) else "\n\n")
            sentences.append(
                {
                    "sentence_id": f"p{paragraph:02d}s{number}",
                    "paragraph": str(paragraph),
                    "sentence": str(number),
                    "part": part,
                    "section": section,
                    "text": text,
                    "char_start": str(start),
                    "char_end": str(start + len(text)),
                }
            )
    return "".join(pieces), sentences


def cited_passage(draw, sentences: list[Row], cues: bool = False) -> tuple[str, str, str]:
    """``sentence_ids`` (one to three sentences, in any order), a ``quote`` from them and, with
    ``cues``, ``hedge_cues``: runs of whole words of the cited text, joined as the validator joins it."""
    ids = some(draw, [s["sentence_id"] for s in sentences], 3, min_size=1)
    text_of = {s["sentence_id"]: s["text"] for s in sentences}
    tokens = " ".join(text_of[i] for i in ids).split(" ")

    def run() -> str:
        first = draw(_below(len(tokens)))
        last = first + draw(_below(min(len(tokens) - first, 7)))
        return " ".join(tokens[first : last + 1])

    quote = run()
    hedges = list(dict.fromkeys(run() for _ in range(draw(_below(3))))) if cues else []
    return joined(ids), quote, joined(hedges)


def header(draw, table: str) -> list[str]:
    """A table's header, from the contract: its columns, each it may leave out perhaps."""
    return [column.name for column in TABLES_BY_NAME[table].fields if not column.may_be_absent or draw(BOOLS)]


def _no_outcome() -> Row:
    return {"outcome": "", "outcome_date": "", "outcome_source_id": ""}


@st.composite
def valid_datasets(
    draw,
    *,
    places: str | None = None,
    positions: bool | None = None,
    sides: str | None = None,
    reliability: bool | None = None,
    max_rows: int = 5,
) -> GeneratedDataset:
    """A dataset that honours the contract, drawn whole.

    Each flag forces one shape, or leaves it to the draw (``None``):

    * ``places``: ``"countries"`` (every place known only as a country), ``"points"`` (a city or a
      site among them), ``"none"`` (no place at all), ``"any"``;
    * ``positions``: ``False`` for a header-only positions.csv, ``True`` for some positions;
    * ``sides``: ``"v1"`` (no sides.csv), ``"v2"`` (sides.csv), ``"v2+periods"`` (and country_sides.csv);
    * ``reliability``: whether the ``reliability/`` folder is there.
    """
    shape: set[str] = set()
    article, sentences = draw(articles())
    if len(sentences) == 1:
        shape.add("one sentence")

    def size() -> int:
        """How many rows a table has: a few, often; none, sometimes (and shrinking goes to one)."""
        return pick(draw, [1, 2, 3, 0, *range(4, max_rows + 1)])

    def text_or_nothing(one_in: int = 2) -> str:
        return maybe(draw, free_texts(), one_in)

    # sources: exactly one article, whose date is known (the views draw "the author writes here")
    source_ids = unique_ids(draw, 1 + draw(st.integers(0, 3)), "src")
    sources: list[Row] = []
    for index, source_id in enumerate(source_ids):
        is_article = index == 0
        # a context source's date may be unknown
        published = draw(edtf_dates(known_start=True)) if is_article else maybe(draw, edtf_dates(), 3)
        if not published:
            shape.add("source without published")
        sources.append(
            {
                "source_id": source_id,
                "kind": "article" if is_article else "context",
                "title": draw(free_texts()),
                "author": maybe(draw, names),
                "publisher": maybe(draw, names),
                "published": published,
                "url": f"https://example.org/{source_id}",
                "note": text_or_nothing(),
                "sha256": maybe(draw, hashlib.sha256(article.encode("utf-8")).hexdigest()) if is_article else "",
                "notes": text_or_nothing(3),
            }
        )
    article_date = parse_edtf(sources[0]["published"]).earliest
    assert article_date is not None

    # actors (member_of is drawn at the end, among the actors kept)
    actor_ids = unique_ids(draw, draw(st.integers(1, max_rows)) if positions else size(), "actor")
    actors: list[Row] = [
        {
            "actor_id": actor_id,
            "name": draw(names),
            "kind": pick(draw, vocabulary("actors", "kind")),
            "country_iso3": pick(draw, ["", pick(draw, country_codes()[1]), draw(codes)]),
            "member_of": "",
            "aliases": joined(some(draw, NAMES, 2)),
            "description": draw(free_texts()),
            "notes": text_or_nothing(3),
        }
        for actor_id in actor_ids
    ]

    # sides (contract v2), in the article's scheme and perhaps another; without sides.csv (v1),
    # a place's side is any slug, which is its own label
    version = sides or pick(draw, ["v2", "v1", "v2+periods"])
    shape.add(f"sides {version}")
    side_rows: list[Row] = []
    if version != "v1":
        n_article, n_other = draw(st.integers(1, 4)), draw(st.integers(0, 2))
        other_scheme = pick(draw, ["treaties", "blocs_1990", "x"])
        looks: set[tuple[str, str, str]] = set()
        for index, side_id in enumerate(unique_ids(draw, n_article + n_other, "side")):
            scheme = pick(draw, ["", ARTICLE_SCHEME]) if index < n_article else other_scheme
            colour, pattern = maybe(draw, colours), maybe(draw, st.sampled_from(FILL_PATTERNS), 3)
            look = (scheme or ARTICLE_SCHEME, colour.lower(), pattern)
            if colour and look in looks:
                colour = ""  # no two sides of a scheme may look alike
            looks.add(look)
            side_rows.append(
                {
                    "side_id": side_id,
                    "label": draw(names),
                    "description": draw(free_texts()),
                    "colour": colour,
                    "pattern": pattern,
                    "scheme": scheme,
                    "notes": "",
                }
            )
    article_sides = [r["side_id"] for r in side_rows if (r["scheme"] or ARTICLE_SCHEME) == ARTICLE_SCHEME]

    # places: a place known only as a country has a code the boundaries draw
    place_header = header(draw, "places")
    roles = "role" in place_header
    place_shape = places or pick(draw, ["points", "any", "points", "countries", "any", "points", "none", "points"])
    n_places = 0 if place_shape == "none" else draw(st.integers(1, max_rows))
    place_rows: list[Row] = []
    region = draw(coordinates)  # where the article's places lie
    for index, place_id in enumerate(unique_ids(draw, n_places, "place")):
        if place_shape == "countries":
            kind = precision = "country"
        else:
            kind = pick(draw, vocabulary("places", "kind"))
            precision = pick(draw, ["city", *vocabulary("places", "geo_precision")])  # mostly points
            if place_shape == "points" and index == 0:
                precision = pick(draw, ["city", "site"])
        iso3 = pick(draw, country_codes()[1])
        if precision != "country" and chance(draw, 5):
            iso3 = draw(codes)  # a code the boundaries may not draw
        lat, lon = near(draw, region) if index else region
        if precision == "country":  # its point in its country, as the validator asks
            lat, lon = in_country(draw, iso3)
        place_rows.append(
            {
                "place_id": place_id,
                "name": draw(names),
                "kind": kind,
                "country_iso3": iso3,
                "lat": lat,
                "lon": lon,
                "geo_precision": precision,
                "side": pick(draw, article_sides) if article_sides else draw(slugs),
                "source_id": pick(draw, source_ids),
                "side_source_id": maybe(draw, st.sampled_from(source_ids)),
                "role": pick(draw, ["", "mentioned", "", "landmark"]) if roles else "",
                "notes": "",
            }
        )
    citable_places = [p["place_id"] for p in place_rows if p["role"] != "landmark"]

    # issues
    issue_ids = unique_ids(draw, draw(st.integers(1, 3)) if positions else pick(draw, [1, 2, 0, 3]), "issue")
    issues: list[Row] = [
        {
            "issue_id": issue_id,
            "label": draw(names),
            "question": draw(free_texts()) + "?",
            "pole_supports": draw(free_texts()),
            "pole_opposes": draw(free_texts()),
            "description": draw(free_texts()),
            "notes": "",
        }
        for issue_id in issue_ids
    ]

    def outcome() -> Row:
        """What happened later (hindsight): all three cells, or none."""
        if not chance(draw, 3):
            return _no_outcome()
        shape.add("outcome")
        return {
            "outcome": draw(free_texts()),
            "outcome_date": draw(edtf_dates()),
            "outcome_source_id": pick(draw, source_ids),
        }

    # events: each has an actor, cites sentences and quotes them
    event_header = header(draw, "events")
    events: list[Row] = []
    for event_id in unique_ids(draw, size() if actor_ids else 0, "event"):
        date = draw(edtf_dates())
        start, end = date_bounds(draw, date)
        basis = pick(draw, vocabulary("events", "date_basis"))
        sentence_ids, quote, _ = cited_passage(draw, sentences)
        events.append(
            {
                "event_id": event_id,
                "date": date,
                "date_start": start,
                "date_end": end,
                "precision": precision_of(date),
                "date_basis": basis,
                # a date from outside the article has its source
                "date_source_id": pick(draw, source_ids)
                if basis == "context"
                else maybe(draw, st.sampled_from(source_ids)),
                "headline": draw(free_texts()),
                "summary": draw(free_texts(long=True)),
                "category": pick(draw, vocabulary("events", "category")),
                "actor_ids": joined(some(draw, actor_ids, 3, min_size=1)),
                "place_id": maybe(draw, st.sampled_from(citable_places), 1 + chance(draw, 3)) if citable_places else "",
                "status": pick(draw, vocabulary("events", "status")),
                "sentence_ids": sentence_ids,
                "quote": quote,
                "plover_event": maybe(draw, st.sampled_from(PLOVER_CATEGORIES)),
                **outcome(),
                "origin": pick(draw, vocabulary("events", "origin")) if "origin" in event_header else "article",
                "notes": text_or_nothing(3),
            }
        )
    event_ids = [e["event_id"] for e in events]

    # claims: each has a claimant; a stance comes with an issue, and only with one
    claim_header = header(draw, "claims")
    n_claims = draw(st.integers(1, max_rows)) if positions and not events else size() if actor_ids else 0
    claims: list[Row] = []
    for claim_id in unique_ids(draw, n_claims, "claim"):
        sentence_ids, quote, cues = cited_passage(draw, sentences, cues=True)
        issue = pick(draw, ["", *issue_ids, *issue_ids]) if issue_ids else ""
        claims.append(
            {
                "claim_id": claim_id,
                "claimant_id": pick(draw, actor_ids),
                "voice": pick(draw, vocabulary("claims", "voice")),
                "claim_type": pick(draw, [*vocabulary("claims", "claim_type"), "prediction"]),
                "about_actor_ids": joined(some(draw, actor_ids, 3)),
                "issue_id": issue,
                "stance": pick(draw, vocabulary("claims", "stance")) if issue else "",
                "certainty": pick(draw, vocabulary("claims", "certainty")),
                "hedge_cues": cues,
                "time_frame": pick(draw, vocabulary("claims", "time_frame")),
                "sentence_ids": sentence_ids,
                "quote": quote,
                "paraphrase": draw(free_texts()),
                "event_ids": joined(some(draw, event_ids, 2)),
                **outcome(),
                "place_ids": joined(some(draw, citable_places, 2)) if "place_ids" in claim_header else "",
                "notes": "",
            }
        )

    # positions: each has an actor, an issue and its evidence (a claim or an event)
    evidence_ids = event_ids + [c["claim_id"] for c in claims]
    can_hold = bool(actor_ids and issue_ids and evidence_ids)
    n_positions = 0 if not can_hold or positions is False else draw(st.integers(1, max_rows)) if positions else size()
    position_rows: list[Row] = []
    for position_id in unique_ids(draw, n_positions, "pos"):
        sentence_ids, quote, _ = cited_passage(draw, sentences)
        position_rows.append(
            {
                "position_id": position_id,
                "actor_id": pick(draw, actor_ids),
                "issue_id": pick(draw, issue_ids),
                "stance": pick(draw, vocabulary("positions", "stance")),
                "basis": pick(draw, vocabulary("positions", "basis")),
                "as_of": draw(edtf_dates()),
                "evidence": pick(draw, evidence_ids),
                "sentence_ids": sentence_ids,
                "quote": quote,
                "notes": "",
            }
        )

    # coverage: every standfirst and body sentence is cited by some event, claim or position
    citing = [*events, *claims, *position_rows]
    cited = {sid for row in citing for sid in row["sentence_ids"].split(LIST_SEPARATOR)}
    uncited = [s["sentence_id"] for s in sentences if s["part"] != "caption" and s["sentence_id"] not in cited]
    if uncited and not citing:  # nothing cites anything: one claim (or event) by one actor cites them
        if not actors:
            actor_ids.append("author")
            actors.append(
                {
                    "actor_id": "author",
                    "name": draw(names),
                    "kind": "person",
                    "country_iso3": "",
                    "member_of": "",
                    "aliases": "",
                    "description": draw(free_texts()),
                    "notes": "",
                }
            )
        first_words = next(s["text"] for s in sentences if s["sentence_id"] == uncited[0]).split(" ")[0]
        row: Row = {"sentence_ids": uncited[0], "quote": first_words, **_no_outcome(), "notes": ""}
        if draw(BOOLS):
            row |= {
                "claim_id": "claim",
                "claimant_id": actor_ids[0],
                "voice": pick(draw, vocabulary("claims", "voice")),
                "claim_type": pick(draw, vocabulary("claims", "claim_type")),
                "about_actor_ids": "",
                "issue_id": "",
                "stance": "",
                "certainty": pick(draw, vocabulary("claims", "certainty")),
                "hedge_cues": "",
                "time_frame": "present",
                "paraphrase": draw(free_texts()),
                "event_ids": "",
                "place_ids": "",
            }
            claims.append(row)
        else:
            date = draw(single_dates())
            start, end = date_bounds(draw, date)
            row |= {
                "event_id": "event",
                "date": date,
                "date_start": start,
                "date_end": end,
                "precision": precision_of(date),
                "date_basis": "article",
                "date_source_id": "",
                "headline": draw(free_texts()),
                "summary": draw(free_texts()),
                "category": pick(draw, vocabulary("events", "category")),
                "actor_ids": actor_ids[0],
                "place_id": "",
                "status": pick(draw, vocabulary("events", "status")),
                "plover_event": "",
                "origin": "article",
            }
            events.append(row)
        citing = [row]
    for sentence_id in uncited:
        row = pick(draw, citing)
        if sentence_id not in row["sentence_ids"].split(LIST_SEPARATOR):
            row["sentence_ids"] += LIST_SEPARATOR + sentence_id  # appended: the quote stays in the text

    # usage: every actor, issue and mentioned place is used by some row, or it goes (a place
    # may stay as a landmark, which no row cites)
    used_actors = {a for e in events for a in e["actor_ids"].split(LIST_SEPARATOR)}
    used_actors |= {c["claimant_id"] for c in claims} | {p["actor_id"] for p in position_rows}
    used_actors |= {a for c in claims for a in c["about_actor_ids"].split(LIST_SEPARATOR)}
    actors = [a for a in actors if a["actor_id"] in used_actors]
    for actor in actors:
        if chance(draw, 4):
            actor["member_of"] = pick(draw, [a["actor_id"] for a in actors])  # itself even: the contract allows it
    used_issues = {c["issue_id"] for c in claims} | {p["issue_id"] for p in position_rows}
    issues = [i for i in issues if i["issue_id"] in used_issues]
    used_places = {e["place_id"] for e in events} | {p for c in claims for p in c["place_ids"].split(LIST_SEPARATOR)}
    placeless = [e for e in events if not e["place_id"]]
    claims_with_places = claims if "place_ids" in claim_header else []
    kept_places = []
    for place in place_rows:
        if place["role"] == "landmark" or place["place_id"] in used_places:
            kept_places.append(place)
        elif roles and chance(draw, 4):
            place["role"] = "landmark"  # drawn only to orient the reader
            kept_places.append(place)
        elif placeless or claims_with_places:  # an event, or a claim, speaks of it
            if placeless:
                placeless.pop(draw(_below(len(placeless))))["place_id"] = place["place_id"]
            else:
                claim = pick(draw, claims_with_places)
                claim["place_ids"] = joined(
                    [p for p in claim["place_ids"].split(LIST_SEPARATOR) if p] + [place["place_id"]]
                )
            kept_places.append(place)
    place_rows = kept_places
    if place_rows and all(p["geo_precision"] == "country" for p in place_rows):
        shape.add("places only countries")
    if not place_rows:
        shape.add("no places")

    # country_sides.csv (v2): periods that never overlap for a country on one scheme, and that
    # agree, on the article's date, with the side a place of the country gives
    periods: list[Row] = []
    if version == "v2+periods":
        scheme_of = {r["side_id"]: r["scheme"] or ARTICLE_SCHEME for r in side_rows}
        place_side: dict[str, str] = {}
        for place in sorted(place_rows, key=lambda r: r["geo_precision"] != "country"):
            place_side.setdefault(place["country_iso3"], place["side"])
        for country in some(draw, country_codes()[0], 3):
            for scheme in dict.fromkeys(scheme_of.values()):
                if not draw(BOOLS):
                    continue
                in_scheme = [s for s, of in scheme_of.items() if of == scheme]
                starts = sorted(draw(st.lists(st.integers(1900, 2030), min_size=1, max_size=3, unique=True)))
                for index, year in enumerate(starts):
                    open_start = index == 0 and chance(draw, 5)  # "../1990": joined by then
                    start_text = f"../{year:04d}" if open_start else f"{year:04d}"
                    if index + 1 < len(starts):  # the next period starts the year after this one ends
                        end_text = f"{starts[index + 1] - 1:04d}"
                    else:  # the last one: still, or ended
                        end_text = pick(draw, ["", "", f"{year:04d}", f"{year + 3:04d}"])
                    first = parse_edtf(start_text).earliest or dt.date.min
                    last = parse_edtf(end_text).latest if end_text else dt.date.max
                    side = pick(draw, in_scheme)
                    if scheme == ARTICLE_SCHEME and country in place_side and first <= article_date <= last:
                        side = place_side[country]
                    periods.append(
                        {
                            "country_iso3": country,
                            "side_id": side,
                            "from": start_text,
                            "to": end_text,
                            "source_id": pick(draw, source_ids),
                            "notes": "",
                        }
                    )
        shape.add("country_sides" if periods else "country_sides header only")
    if version != "v1":  # every side is used, by a place or a period
        used_sides = {p["side"] for p in place_rows} | {p["side_id"] for p in periods}
        side_rows = [s for s in side_rows if s["side_id"] in used_sides]
        if not side_rows:
            shape.add("sides.csv header only")

    # the reliability/ folder (v2, optional): a second coding of judgement fields, and how each
    # disagreement was settled (the dataset holds the final value)
    folder = reliability if reliability is not None else draw(BOOLS)
    second_rows: list[Row] = []
    adjudication_rows: list[Row] = []
    if folder:
        units = [("claims", c["claim_id"], f, c) for c in claims for f in RELIABILITY_FIELDS["claims"]]
        units += [("positions", p["position_id"], f, p) for p in position_rows for f in RELIABILITY_FIELDS["positions"]]
        units = [u for u in units if not (u[0] == "claims" and u[2] == "stance" and not u[3]["issue_id"])]
        for table, row_id, field_name, coded in some(draw, units, 6):
            values = vocabulary(table, field_name)
            seconds = []
            for coder in some(draw, ["B", "Coder C", "Zoë"], 2, min_size=1):
                seconds.append(pick(draw, values))
                second_rows.append(
                    {"table": table, "row_id": row_id, "field": field_name, "value": seconds[-1], "coder": coder}
                )
            disagreeing = [v for v in seconds if v != coded[field_name]]
            if disagreeing or chance(draw, 4):
                adjudication_rows.append(
                    {
                        "table": table,
                        "row_id": row_id,
                        "field": field_name,
                        "first": pick(draw, values),
                        "second": (disagreeing or seconds)[0],
                        "final": coded[field_name],
                        "reason": draw(free_texts()),
                    }
                )
        shape.add("reliability" if second_rows else "reliability header only")

    # the files: each header from the contract, perhaps in another order
    files: dict[str, tuple[list[str], list[Row]]] = {}
    shuffle = chance(draw, 5)

    def put(table: str, columns: list[str], rows: list[Row]) -> None:
        files[TABLES_BY_NAME[table].filename] = (list(draw(st.permutations(columns))) if shuffle else columns, rows)

    put("sources", header(draw, "sources"), sources)
    put("sentences", header(draw, "sentences"), sentences)
    put("actors", header(draw, "actors"), actors)
    if version != "v1":
        put("sides", header(draw, "sides"), side_rows)
    put("places", place_header, place_rows)
    put("issues", header(draw, "issues"), issues)
    put("events", event_header, events)
    put("claims", claim_header, claims)
    put("positions", header(draw, "positions"), position_rows)
    if version == "v2+periods":
        put("country_sides", header(draw, "country_sides"), periods)
    if folder:
        put("second_coding", header(draw, "second_coding"), second_rows)
        put("adjudication", header(draw, "adjudication"), adjudication_rows)
    for name, rows in (("events", events), ("claims", claims), ("positions", position_rows)):
        if not rows:
            shape.add(f"no {name}")
    if len(actors) == 1:
        shape.add("one actor")
    return GeneratedDataset(article, files, shape, bom=chance(draw, 10))
