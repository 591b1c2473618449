"""The one theme: every value of every vocabulary the views show has one look, and meanings stay apart."""

from __future__ import annotations

import pytest

from article_explorer.data.contract import TABLES_BY_NAME
from article_explorer.ui import theme

#: Enum fields the views show as the contract spells them, or not at all, and why.
NOT_THEMED = {
    ("sources", "kind"): "a source is the article or context; shown only as a link",
    ("places", "geo_precision"): "decides how a place is drawn (point or area), never shown as words",
    ("events", "plover_event"): "an outside standard's codes, shown as PLOVER spells them",
    ("sides", "pattern"): "plotly's pattern shapes: a side's hatching, drawn, never named",
    ("second_coding", "table"): "table names, in the reliability table",
    ("second_coding", "field"): "field names, in the reliability table",
    ("adjudication", "table"): "table names, in the reliability table",
    ("adjudication", "field"): "field names, in the reliability table",
    ("items", "notebook"): "which notebook shows an item: decides where it goes, never shown",
    ("items", "kind"): "decides the widget (options, or a text box), never shown as words",
    ("items", "stage"): "decides where in its notebook an item is shown, never shown as words",
    ("items", "skill"): "the objectives' ids; their sentences are contract.SKILLS, printed by the guide",
    ("options", "verdict"): "decides the feedback, marked ✔, ✘ or ◐ by exercises.base.Feedback",
}


def enum_fields():
    return [(t.name, f.name) for t in TABLES_BY_NAME.values() for f in t.fields if f.enum]


def test_every_enum_of_the_contract_is_themed_or_said_why_not():
    themed = set(theme.VOCABULARIES)
    assert themed.isdisjoint(NOT_THEMED)
    assert set(enum_fields()) == themed | set(NOT_THEMED)


@pytest.mark.parametrize("key", list(theme.VOCABULARIES), ids=lambda key: ".".join(key))
def test_every_value_has_exactly_one_look_and_no_more(key):
    table, field = key
    assert set(theme.VOCABULARIES[key]) == set(TABLES_BY_NAME[table].field(field).enum)
    assert all(look.words for look in theme.VOCABULARIES[key].values())


def test_certainty_has_one_glyph_set_drawn_by_matching_plotly_symbols():
    looks = theme.CERTAINTY
    assert [looks[c].glyph for c in ("certain", "probable", "possible", "uncertain")] == ["●", "◆", "▲", "✕"]
    assert [looks[c].symbol for c in ("certain", "probable", "possible", "uncertain")] == [
        "circle",
        "diamond",
        "triangle-up",
        "x",
    ]


def rgb(colour: str) -> tuple[int, int, int]:
    if colour.startswith("#"):
        return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return tuple(int(part) for part in colour[colour.index("(") + 1 : colour.index(")")].split(",")[:3])


def test_the_colours_handed_to_sides_are_used_by_no_other_encoding():
    sides = {rgb(colour) for colour in theme.SIDE_PALETTE} | {rgb(theme.NO_SIDE.colour)}
    assert rgb("#77aadd") in sides, "the check compares colours, not strings"
    for key, vocabulary in theme.VOCABULARIES.items():
        for value, look in vocabulary.items():
            assert not look.colour or rgb(look.colour) not in sides, (key, value)
    for colour in (theme.NEUTRAL, theme.ARTICLE_DATE_COLOUR, theme.HINDSIGHT_COLOUR, theme.LANDMARK_COLOUR):
        assert rgb(colour) not in sides


def test_a_side_without_a_colour_gets_the_first_one_no_side_of_its_scheme_took():
    looks = theme.side_looks(
        [
            {"side_id": "pact", "label": "Pact members", "colour": "", "pattern": "x", "scheme": "article"},
            {"side_id": "bloc", "label": "Bloc", "colour": "#77AADD", "pattern": "", "scheme": "article"},
            {"side_id": "neutral", "label": "Neutral", "colour": "", "pattern": "", "scheme": "article"},
            {"side_id": "signed", "label": "Signed the treaty", "colour": "", "pattern": "", "scheme": "treaty"},
        ]
    )
    assert looks["pact"].colour == "#EE8866" and looks["neutral"].colour == "#EEDD88"
    assert looks["signed"].colour == "#77AADD", "another scheme is another map: its own first colour"
    assert looks["pact"].words == "Pact members" and looks["pact"].pattern == "x"
    assert looks["pact"].pattern_colour == "#6b3d2e", "0.45 of (238, 136, 102)"
    assert looks["bloc"].pattern_colour == "", "no hatching, no hatching colour"


def test_glyphs_within_a_vocabulary_tell_its_values_apart():
    for key, vocabulary in theme.VOCABULARIES.items():
        glyphs = [look.glyph for look in vocabulary.values() if look.glyph]
        symbols = [look.symbol for look in vocabulary.values() if look.symbol]
        assert len(set(glyphs)) == len(glyphs) and len(set(symbols)) == len(symbols), key


def test_a_context_event_is_grey_and_hollow_and_the_hindsight_star_is_no_category():
    assert theme.CONTEXT.glyph == "□" and theme.CONTEXT.symbol == "square-open"
    assert theme.CONTEXT.colour == theme.NEUTRAL == "#6b6b6b"
    assert theme.HINDSIGHT_COLOUR not in {look.colour for look in theme.CATEGORY.values()}


def test_an_unknown_value_reads_as_words():
    assert theme.words_for(theme.ACTOR_KIND, "think_tank") == "think tank"


def alike(vocabularies) -> list[tuple]:
    """Pairs of values of two vocabularies drawn with the same colour and the same glyph or symbol."""
    drawn = [
        (key, value, look.colour, mark)
        for key, vocabulary in vocabularies.items()
        for value, look in vocabulary.items()
        for mark in (look.glyph, look.symbol)
        if mark and look.colour
    ]
    return [
        (a[0], a[1], b[0], b[1])
        for i, a in enumerate(drawn)
        for b in drawn[i + 1 :]
        if a[0] != b[0] and (a[2], a[3]) == (b[2], b[3])
    ]


def test_no_two_vocabularies_draw_a_value_alike():
    """A learner who meets a green ▲ for "possible" must not meet a green ▲ meaning something else."""
    assert alike(theme.VOCABULARIES) == []


def test_the_check_catches_a_stance_drawn_like_a_certainty():
    before = {**theme.STANCE, "supports": theme.Look("supports", "#009E73", "S", "triangle-up")}
    vocabularies = {**theme.VOCABULARIES, ("positions", "stance"): before}
    assert alike(vocabularies) == [(("claims", "certainty"), "possible", ("positions", "stance"), "supports")]
