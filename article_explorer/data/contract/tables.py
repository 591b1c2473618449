"""The tables of a dataset, column by column: :data:`TABLES`, in the order the validator reads them.

The eight tables of the article come first; the two of the optional ``reliability/`` folder
are in :mod:`article_explorer.data.contract.reliability`, the three of the optional
``lessons/`` folder in :mod:`article_explorer.data.contract.lessons`. ``data/README.md`` (the codebook)
explains each column in words.
"""

from __future__ import annotations

from article_explorer.data.contract.lessons import ITEMS, MISCONCEPTIONS, OPTIONS
from article_explorer.data.contract.reliability import ADJUDICATION, SECOND_CODING
from article_explorer.data.contract.schema import NOTES, SLUG_PATTERN, Field, Table

PLOVER_CATEGORIES = (
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "INVESTIGATE",
    "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "SANCTION",
    "PROTEST", "CRIME", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT",
)  # fmt: skip


def _id(name: str, what: str) -> Field:
    return Field(name, "string", f"Unique id of the {what}: a short lowercase slug.", True, pattern=SLUG_PATTERN)


def _sentences(required: bool = True) -> Field:
    return Field(
        "sentence_ids",
        "list",
        "The sentences this row comes from (`|`-separated `sentence_id`s).",
        required,
        references="sentences.sentence_id",
    )


def _quote(what: str) -> Field:
    return Field("quote", "string", f"Verbatim words from the cited sentences that {what}.", True)


def _outcome_fields(what: str) -> tuple[Field, ...]:
    return (
        Field("outcome", "string", f"What later became of the {what}, in plain words; empty means not assessed."),
        Field("outcome_date", "edtf", "When the outcome happened (EDTF); required with an `outcome`."),
        Field("outcome_source_id", "string", "Where the outcome was read.", references="sources.source_id"),
    )


SOURCES = Table(
    "sources",
    "The article and every outside source used to date, place or follow up an item.",
    (
        _id("source_id", "source"),
        Field("kind", "string", "`article` (exactly one row) or `context`.", True, ("article", "context")),
        Field(
            "title",
            "string",
            "Title of the page; [in brackets] a description where its heading was not recorded.",
            True,
        ),
        Field("author", "string", "Author, where known."),
        Field("publisher", "string", "Publisher or website."),
        Field("published", "edtf", "Publication date (EDTF), where known."),
        Field("url", "string", "Public address that was read.", True, pattern=r"https?://\S+"),
        Field("note", "string", "What the source supports, and any caveat."),
        Field(
            "sha256",
            "string",
            "For the article row: SHA-256 of `source/article.txt`, checked by the validator.",
            pattern=r"[0-9a-f]{64}",
            extension=True,
        ),
        NOTES,
    ),
    "source_id",
)

SENTENCES = Table(
    "sentences",
    "The article split into sentences: the spine every other row points back to.",
    (
        Field("sentence_id", "string", "`pPPsS`: paragraph and sentence number.", True, pattern=r"p\d{2,}s\d+"),
        Field("paragraph", "integer", "1-based paragraph number in reading order (standfirst is 1).", True, minimum=1),
        Field("sentence", "integer", "1-based sentence number within the paragraph.", True, minimum=1),
        Field("part", "string", "Part of the page.", True, ("standfirst", "body", "caption")),
        Field("section", "string", "Heading above the sentence; empty before the first heading."),
        Field("text", "string", "The sentence, verbatim.", True),
        Field("char_start", "integer", "Offset of the first character in `source/article.txt`.", True, minimum=0),
        Field("char_end", "integer", "Offset just after the last character (exclusive).", True, minimum=1),
        NOTES,
    ),
    "sentence_id",
)

ACTORS = Table(
    "actors",
    "States, bodies, people and groups the article names or speaks of, the author included.",
    (
        _id("actor_id", "actor"),
        Field("name", "string", "Display name.", True),
        Field(
            "kind",
            "string",
            "What sort of actor.",
            True,
            ("state", "government_body", "international_org", "person", "group"),
        ),
        Field("country_iso3", "string", "ISO 3166-1 alpha-3; empty for international bodies.", pattern=r"[A-Z]{3}"),
        Field(
            "member_of", "string", "The actor this one belongs to (a minister's state).", references="actors.actor_id"
        ),
        Field("aliases", "list", "Every spelling the article uses (`|`-separated)."),
        Field("description", "string", "Who this is, in the project's words.", True),
        NOTES,
    ),
    "actor_id",
)

PLACES = Table(
    "places",
    "Places for the map, each with the side it stood on and the source of its coordinates.",
    (
        _id("place_id", "place"),
        Field("name", "string", "Display name.", True),
        Field("kind", "string", "What sort of place.", True, ("country", "capital", "city", "military_site", "region")),
        Field("country_iso3", "string", "ISO 3166-1 alpha-3 of the country it lies in.", True, pattern=r"[A-Z]{3}"),
        Field("lat", "number", "Latitude, WGS84 decimal degrees.", True, minimum=-90, maximum=90),
        Field("lon", "number", "Longitude, WGS84 decimal degrees.", True, minimum=-180, maximum=180),
        Field("geo_precision", "string", "How exact the point is.", True, ("site", "city", "region", "country")),
        Field(
            "side",
            "string",
            "The side it stood on at the article's date: a `side_id` of sides.csv (in a v1 dataset, "
            "without sides.csv, any short slug, which is then its own label).",
            True,
            pattern=SLUG_PATTERN,
            references="sides.side_id",
        ),
        Field("source_id", "string", "Where the coordinates came from.", True, references="sources.source_id"),
        Field(
            "side_source_id",
            "string",
            "Where the side was checked.",
            references="sources.source_id",
            extension=True,
        ),
        Field(
            "role",
            "string",
            "`mentioned` (the article or a row speaks of it, and some event or claim must cite it) or "
            "`landmark` (drawn only to orient the reader; no row cites it). Empty means `mentioned`; a v1 "
            "dataset may leave the column out: every place is then `mentioned`.",
            enum=("mentioned", "landmark"),
            since=2,
            default="mentioned",
        ),
        NOTES,
    ),
    "place_id",
)

ISSUES = Table(
    "issues",
    "The questions the article turns on, each with two poles.",
    (
        _id("issue_id", "issue"),
        Field("label", "string", "Short label.", True),
        Field("question", "string", "A yes/no question.", True),
        Field("pole_supports", "string", "What `supports` means for this issue.", True),
        Field("pole_opposes", "string", "What `opposes` means for this issue.", True),
        Field("description", "string", "Why the issue matters in the article.", True),
        NOTES,
    ),
    "issue_id",
)

EVENTS = Table(
    "events",
    "Things that happened, were under way, or were anticipated or imagined, as the article tells them.",
    (
        _id("event_id", "event"),
        Field("date", "edtf", "When (EDTF), as exact as the sources allow and no more.", True),
        Field("date_start", "date", "Earliest possible day (ISO); empty only for an open or unknown start."),
        Field("date_end", "date", "Latest possible day (ISO); empty only for an open or unknown end."),
        Field("precision", "string", "How exact the date is.", True, ("day", "month", "year", "range", "ongoing")),
        Field("date_basis", "string", "Where the date comes from.", True, ("article", "context", "inferred")),
        Field(
            "date_source_id",
            "string",
            "The source of the date (required for `context`).",
            references="sources.source_id",
        ),
        Field("headline", "string", "One line, in the project's words.", True),
        Field("summary", "string", "Two or three sentences, in the project's words.", True),
        Field(
            "category",
            "string",
            "Kind of event.",
            True,
            ("diplomacy", "military", "sanctions", "economy", "human_rights", "conflict", "humanitarian", "politics"),
        ),
        Field("actor_ids", "list", "Actors involved, initiator first.", True, references="actors.actor_id"),
        Field("place_id", "string", "Where it happened.", references="places.place_id"),
        Field(
            "status",
            "string",
            "As seen on the article's date.",
            True,
            ("past", "ongoing", "anticipated", "hypothetical"),
        ),
        _sentences(),
        _quote("tell of the event"),
        Field("plover_event", "string", "PLOVER event category, optional.", enum=PLOVER_CATEGORIES),
        *_outcome_fields("event"),
        Field(
            "origin",
            "string",
            "`article` (the article reports or alludes to the event: its quote tells of it) or `context` "
            "(added from outside sources to explain a sentence: its quote is the words it explains). "
            "A v1 dataset may leave the column out: every event is then `article`.",
            True,
            ("article", "context"),
            since=2,
            default="article",
        ),
        NOTES,
    ),
    "event_id",
)

CLAIMS = Table(
    "claims",
    "Assertions in the article: who asserts what, how sure, about whom.",
    (
        _id("claim_id", "claim"),
        Field(
            "claimant_id",
            "string",
            "Who asserts it (the author for his own analysis).",
            True,
            references="actors.actor_id",
        ),
        Field("voice", "string", "Whose words or view.", True, ("own", "reported", "attributed")),
        Field(
            "claim_type",
            "string",
            "What the claim does.",
            True,
            ("assessment", "prediction", "prescription", "perception", "report"),
        ),
        Field("about_actor_ids", "list", "Actors the claim is about.", references="actors.actor_id"),
        Field("issue_id", "string", "The issue it bears on, optional.", references="issues.issue_id"),
        Field(
            "stance",
            "string",
            "Toward the issue's `pole_supports`; empty without issue.",
            enum=("supports", "opposes", "neutral"),
        ),
        Field(
            "certainty",
            "string",
            "How sure the claim is stated.",
            True,
            ("certain", "probable", "possible", "uncertain"),
        ),
        Field("hedge_cues", "list", "Verbatim words that carry the certainty (`|`-separated)."),
        Field("time_frame", "string", "What time the claim is about.", True, ("past", "present", "future")),
        _sentences(),
        _quote("make the claim"),
        Field("paraphrase", "string", "The claim in the project's words.", True),
        Field("event_ids", "list", "Related events, optional.", references="events.event_id"),
        *_outcome_fields("prediction"),
        Field(
            "place_ids", "list", "Places the claim speaks of, optional.", references="places.place_id", extension=True
        ),
        NOTES,
    ),
    "claim_id",
)

POSITIONS = Table(
    "positions",
    "Each actor's stance on an issue at a date, and what it rests on.",
    (
        _id("position_id", "position"),
        Field("actor_id", "string", "Who holds the position.", True, references="actors.actor_id"),
        Field("issue_id", "string", "On what.", True, references="issues.issue_id"),
        Field("stance", "string", "Toward the issue's `pole_supports`.", True, ("supports", "opposes", "mixed")),
        Field(
            "basis",
            "string",
            "Stated by the actor, shown by an action, or attributed by the author.",
            True,
            ("stated", "action", "attributed"),
        ),
        Field("as_of", "edtf", "When the position was held (EDTF).", True),
        Field("evidence", "string", "A `claim_id` or `event_id` that shows it.", True),
        _sentences(),
        _quote("show the position"),
        NOTES,
    ),
    "position_id",
)

#: The plotly fill patterns a side may be hatched with.
FILL_PATTERNS = ("/", "\\", "x", "-", "|", "+", ".")
#: The scheme of a side that names none: the article's own way of dividing the map.
ARTICLE_SCHEME = "article"

SIDES = Table(
    "sides",
    "The sides of the article's geography, with the labels the map and the cards use.",
    (
        _id("side_id", "side"),
        Field("label", "string", "The side in words, as a legend names it (a noun: 'Members of the pact').", True),
        Field("description", "string", "Who is on it and why, in the coder's words.", True),
        Field(
            "colour",
            "string",
            "Its fill, `#rrggbb`; empty: the project picks a colour-blind-safe one that no other "
            "encoding uses. Pick a light colour: names are printed on it in black.",
            pattern=r"#[0-9a-fA-F]{6}",
        ),
        Field("pattern", "string", "A plotly fill pattern that hatches it, optional.", enum=FILL_PATTERNS),
        Field(
            "scheme",
            "string",
            f"The way of colouring the map it belongs to; empty means `{ARTICLE_SCHEME}`, the article's own "
            "(places' `side` names sides of that scheme). Another scheme (e.g. `treaties`) is chosen by a control.",
            pattern=SLUG_PATTERN,
            default=ARTICLE_SCHEME,
        ),
        NOTES,
    ),
    "side_id",
    optional=True,
    since=2,
)

COUNTRY_SIDES = Table(
    "country_sides",
    "Which side each country stood on over time, so that a map can be drawn for any year.",
    (
        Field(
            "country_iso3",
            "string",
            "ISO 3166-1 alpha-3 code of the country, or the key of an area the boundaries draw apart "
            "(its name in capitals without spaces, e.g. `N.CYPRUS`).",
            True,
            pattern=r"[A-Z][A-Z.]*",
        ),
        Field("side_id", "string", "The side (of any scheme).", True, references="sides.side_id"),
        Field("from", "edtf", "When it joined the side (EDTF).", True),
        Field("to", "edtf", "When it left (EDTF); empty: it still is on it."),
        Field("source_id", "string", "Where the dates were read.", True, references="sources.source_id"),
        NOTES,
    ),
    composite_key=("country_iso3", "side_id", "from"),
    optional=True,
    since=2,
)

TABLES: tuple[Table, ...] = (
    SOURCES, SENTENCES, ACTORS, SIDES, PLACES, ISSUES, EVENTS, CLAIMS, POSITIONS, COUNTRY_SIDES,
    SECOND_CODING, ADJUDICATION, ITEMS, OPTIONS, MISCONCEPTIONS,
)  # fmt: skip
TABLES_BY_NAME = {table.name: table for table in TABLES}
ARTICLE_PATH = "source/article.txt"
