"""Krippendorff's alpha and the ``article-explorer reliability`` table.

Every expected alpha is worked out by hand in a comment, from the coincidence matrix:
``n`` pairable values, ``n_c`` of them in category ``c``, ``o_cc`` the coincidences on the
diagonal. For a nominal field ``alpha = 1 - (n - 1) * (n - sum o_cc) / (n**2 - sum n_c**2)``.
The ``krippendorff`` package (tests/requirements.txt only) is the second check.
"""

from __future__ import annotations

import math
import warnings

import krippendorff
import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from article_explorer.data.config import DEFAULT_DATA_DIR
from article_explorer.data.reliability import (
    FieldReliability,
    alpha_table,
    coincidence_matrix,
    krippendorff_alpha,
    markdown_table,
    reliability_table,
    reliability_units,
    unit_agreement,
)
from article_explorer.data.validation import read_dataset, validate
from article_explorer.tools.cli import main

from .conftest import write_csv

CERTAINTY = ["certain", "probable", "possible", "uncertain"]

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 coders, 12 units, missing values.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],  # coder A
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],  # coder B
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],  # coder C
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],  # coder D
]
KRIPPENDORFF_2011_UNITS = [[coder[u] for coder in KRIPPENDORFF_2011] for u in range(12)]


# --- the coefficient -----------------------------------------------------------------


def test_krippendorffs_own_worked_example_nominal():
    # Unit 12 has one value and is dropped: n = 40 pairable values.
    # n_1..n_5 = 9, 13, 10, 5, 3, so sum n_c**2 = 81 + 169 + 100 + 25 + 9 = 384.
    # Diagonal: o_11 = 7, o_22 = 10, o_33 = 8, o_44 = 4, o_55 = 3, sum 32.
    # alpha = 1 - 39 * (40 - 32) / (1600 - 384) = 1 - 312 / 1216 = 0.7434 (the paper: 0.743).
    matrix = coincidence_matrix(KRIPPENDORFF_2011_UNITS)
    assert [matrix.get((c, c), 0) for c in range(1, 6)] == [7, 10, 8, 4, 3]
    assert krippendorff_alpha(KRIPPENDORFF_2011_UNITS) == pytest.approx(1 - 312 / 1216, abs=1e-12)
    assert round(krippendorff_alpha(KRIPPENDORFF_2011_UNITS), 3) == 0.743


def test_krippendorffs_own_worked_example_ordinal():
    # Off the diagonal: o_12 = 4/3, o_13 = 1/3, o_14 = 1/3, o_23 = 4/3, o_24 = 1/3, o_34 = 1/3 (and o_kc = o_ck).
    # d2 from the marginals 9, 13, 10, 5, 3: d2_12 = (9 + 13 - 11)**2 = 121, d2_13 = (32 - 9.5)**2 = 506.25,
    # d2_14 = (37 - 7)**2 = 900, d2_23 = (23 - 11.5)**2 = 132.25, d2_24 = (28 - 9)**2 = 361,
    # d2_34 = (15 - 7.5)**2 = 56.25.
    # sum o * d2 = 2 * (4/3*121 + 1/3*506.25 + 1/3*900 + 4/3*132.25 + 1/3*361 + 1/3*56.25) = 1891
    # sum n_c * n_k * d2 over every ordered pair = 399480 (the same sum, weighted by 9*13, 9*10, ...)
    # alpha = 1 - 39 * 1891 / 399480 = 0.8154 (the paper: 0.815).
    alpha = krippendorff_alpha(KRIPPENDORFF_2011_UNITS, "ordinal", [1, 2, 3, 4, 5])
    assert alpha == pytest.approx(1 - 39 * 1891 / 399480, abs=1e-12)
    assert round(alpha, 3) == 0.815
    assert krippendorff_alpha(KRIPPENDORFF_2011_UNITS, "ordinal") == alpha  # the sorted order is the same


def test_the_worked_example_matches_the_krippendorff_package():
    data = [[np.nan if v is None else v for v in coder] for coder in KRIPPENDORFF_2011]
    for level in ("nominal", "ordinal"):
        expected = krippendorff.alpha(reliability_data=data, level_of_measurement=level)
        assert krippendorff_alpha(KRIPPENDORFF_2011_UNITS, level) == pytest.approx(expected, abs=1e-9)


def test_two_coders_one_disagreement_nominal():
    # (a, a), (a, a), (b, b), (c, b): n = 8; n_a = 4, n_b = 3, n_c = 1; sum o_cc = 2 + 2 + 2 = 6.
    # alpha = 1 - 7 * (8 - 6) / (64 - (16 + 9 + 1)) = 1 - 14/38 = 0.6316
    units = [["a", "a"], ["a", "a"], ["b", "b"], ["c", "b"]]
    assert krippendorff_alpha(units) == pytest.approx(1 - 14 / 38)
    assert unit_agreement(units) == (3, 4)


def test_ordinal_counts_a_near_miss_as_a_small_slip():
    # (certain, certain), (probable, possible), (possible, possible), (uncertain, uncertain):
    # n = 8; n_certain = 2, n_probable = 1, n_possible = 3, n_uncertain = 2.
    # Nominal: sum o_cc = 6; alpha = 1 - 7 * 2 / (64 - (4 + 1 + 9 + 4)) = 1 - 14/46 = 0.6957.
    # Ordinal: observed sum o * d2 = 2 * d2(probable, possible) = 2 * (1 + 3 - 2)**2 = 8;
    # d2(certain, probable) = (3 - 1.5)**2 = 2.25, d2(certain, possible) = (6 - 2.5)**2 = 12.25,
    # d2(certain, uncertain) = (8 - 2)**2 = 36, d2(probable, uncertain) = (6 - 1.5)**2 = 20.25,
    # d2(possible, uncertain) = (5 - 2.5)**2 = 6.25;
    # expected sum = 2 * (2*1*2.25 + 2*3*12.25 + 2*2*36 + 1*3*4 + 1*2*20.25 + 3*2*6.25) = 2 * 312 = 624;
    # alpha = 1 - 7 * 8 / 624 = 0.9103.
    units = [["certain", "certain"], ["probable", "possible"], ["possible", "possible"], ["uncertain", "uncertain"]]
    assert krippendorff_alpha(units, "nominal", CERTAINTY) == pytest.approx(1 - 14 / 46)
    assert krippendorff_alpha(units, "ordinal", CERTAINTY) == pytest.approx(1 - 56 / 624)


def test_the_order_of_the_categories_matters_for_ordinal_only():
    # certain against possible: two steps apart on the certainty scale, neighbours in alphabetical order.
    units = [
        ["certain", "certain"],
        ["certain", "possible"],
        ["probable", "probable"],
        ["uncertain"] * 2,
        ["possible"] * 2,
    ]
    alphabetical = sorted(CERTAINTY)  # certain, possible, probable, uncertain: a different scale
    assert krippendorff_alpha(units, "ordinal") == krippendorff_alpha(units, "ordinal", alphabetical)
    assert krippendorff_alpha(units, "ordinal", CERTAINTY) < krippendorff_alpha(units, "ordinal", alphabetical)
    assert krippendorff_alpha(units, "nominal", alphabetical) == krippendorff_alpha(units, "nominal", CERTAINTY)


def test_perfect_agreement_is_one():
    units = [["a", "a", "a"], ["b", "b", None], ["c", None, "c"], ["a", "a", "a"]]
    assert krippendorff_alpha(units) == 1.0
    assert krippendorff_alpha([["certain", "certain"], ["possible", "possible"]], "ordinal", CERTAINTY) == 1.0


def test_systematic_disagreement_is_negative():
    # (a, b), (b, a): n = 4, n_a = n_b = 2, no coincidence on the diagonal.
    # alpha = 1 - 3 * (4 - 0) / (16 - 8) = 1 - 12/8 = -0.5
    assert krippendorff_alpha([["a", "b"], ["b", "a"]]) == pytest.approx(-0.5)
    # The coders' scales reversed: (certain, uncertain), (uncertain, certain), (probable, possible),
    # (possible, probable). n = 8, n_c = 2 for each category; so d2 = (2 + 2 - 2)**2 = 4 for neighbours,
    # (6 - 2)**2 = 16 two steps apart, (8 - 2)**2 = 36 three steps apart.
    # observed = 2 * 2 * 36 + 2 * 2 * 4 = 160; expected = 2 * 4 * (4 + 16 + 36 + 4 + 16 + 4) = 640;
    # alpha = 1 - 7 * 160 / 640 = -0.75
    reversed_scale = [
        ["certain", "uncertain"],
        ["uncertain", "certain"],
        ["probable", "possible"],
        ["possible", "probable"],
    ]
    assert krippendorff_alpha(reversed_scale, "ordinal", CERTAINTY) == pytest.approx(-0.75)


def test_alpha_is_none_where_it_is_not_defined():
    assert krippendorff_alpha([]) is None
    assert krippendorff_alpha([["a", None], [None, "b"], ["c"]]) is None  # no unit has two values
    assert krippendorff_alpha([["a", "a"], ["a", "a", None]]) is None  # one category only: D_e = 0
    assert krippendorff_alpha([["certain", "certain"]], "ordinal", CERTAINTY) is None


def test_a_value_outside_the_categories_or_an_unknown_level_is_an_error():
    with pytest.raises(ValueError, match="values outside the categories given: 'sure'"):
        krippendorff_alpha([["certain", "sure"]], "ordinal", CERTAINTY)
    with pytest.raises(ValueError, match="level must be 'nominal' or 'ordinal'"):
        krippendorff_alpha([["a", "b"]], "interval")


def package_alpha(units: list[list[int | None]], level: str) -> float | None:
    """The krippendorff package's alpha, or None where it finds none (nan, or no pairable unit)."""
    data = np.array([[np.nan if v is None else v for v in unit] for unit in units], dtype=float).T
    try:
        with np.errstate(invalid="ignore", divide="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = krippendorff.alpha(reliability_data=data, value_domain=[0, 1, 2, 3], level_of_measurement=level)
    except ValueError as error:  # "at least one unit with values assigned by at least two coders"
        assert "at least two coders" in str(error)
        return None
    return None if math.isnan(value) else float(value)


codings = st.integers(min_value=2, max_value=3).flatmap(
    lambda coders: st.lists(
        st.lists(st.one_of(st.none(), st.integers(0, 3)), min_size=coders, max_size=coders), min_size=1, max_size=20
    )
)


@settings(max_examples=300, deadline=None)
@given(units=codings, level=st.sampled_from(["nominal", "ordinal"]))
@example(units=[[0, None], [None, 1]], level="nominal")  # no pairable unit: the package raises, alpha is None
@example(units=[[2, 2, None], [2, None, 2]], level="ordinal")  # one category: the package gives nan, alpha None
@example(units=[[0, 3, 1], [None, 2, 2], [1, 1, None]], level="ordinal")
def test_alpha_equals_the_krippendorff_package(units, level):
    expected = package_alpha(units, level)
    named = [[None if v is None else CERTAINTY[v] for v in unit] for unit in units]  # ranks 0..3 as certainty
    mine = krippendorff_alpha(named, level, CERTAINTY)
    if expected is None:
        assert mine is None
    else:
        assert mine == pytest.approx(expected, abs=1e-9)


# --- the dataset's alpha table -------------------------------------------------------


@pytest.fixture
def coded_twice(dataset_copy):
    """A copy of data/ with a small second coding; the dataset's cells are set here, so the numbers are fixed.

    c1..c5 are the first five claims with an issue, p1..p5 the first five positions. ``first``
    and ``second`` below are the two codings; the dataset holds ``final`` (the first value where
    the coders agreed).
    """
    claims = [row["claim_id"] for row in dataset_copy.rows("claims") if row["issue_id"]][:5]
    positions = [row["position_id"] for row in dataset_copy.rows("positions")][:5]
    c, p = dict(enumerate(claims, 1)), dict(enumerate(positions, 1))
    units = [
        # table, row_id, field, first, second, final
        ("claims", c[1], "voice", "own", "own", "own"),
        ("claims", c[2], "voice", "own", "own", "own"),
        ("claims", c[3], "voice", "reported", "reported", "reported"),
        ("claims", c[4], "voice", "attributed", "reported", "reported"),  # settled on the second coder's
        ("claims", c[1], "claim_type", "assessment", "assessment", "assessment"),
        ("claims", c[2], "claim_type", "assessment", "assessment", "assessment"),
        ("claims", c[3], "claim_type", "prediction", "prediction", "prediction"),
        ("claims", c[4], "claim_type", "report", "report", "report"),
        ("claims", c[5], "claim_type", "perception", "perception", "perception"),
        ("claims", c[1], "certainty", "certain", "certain", "certain"),
        ("claims", c[2], "certainty", "probable", "possible", "possible"),
        ("claims", c[3], "certainty", "possible", "possible", "possible"),
        ("claims", c[4], "certainty", "uncertain", "uncertain", "uncertain"),
        ("claims", c[1], "stance", "neutral", "neutral", "neutral"),
        ("claims", c[2], "stance", "neutral", "neutral", "neutral"),
        ("claims", c[3], "stance", "neutral", "neutral", "neutral"),
        ("positions", p[1], "stance", "supports", "supports", "supports"),
        ("positions", p[2], "stance", "supports", "supports", "supports"),
        ("positions", p[3], "stance", "opposes", "opposes", "opposes"),
        ("positions", p[4], "stance", "opposes", "opposes", "opposes"),
        ("positions", p[5], "stance", "mixed", "opposes", "mixed"),
        ("positions", p[1], "basis", "stated", "action", "stated"),
        ("positions", p[2], "basis", "action", "stated", "stated"),
    ]
    for table, row_id, field_name, _, _, final in units:
        dataset_copy.set_cell(table, row_id, field_name, final)
    write_csv(
        dataset_copy.path / "reliability" / "second_coding.csv",
        ["table", "row_id", "field", "value", "coder"],
        [(table, row_id, field_name, second, "coder_b") for table, row_id, field_name, _, second, _ in units],
    )
    write_csv(
        dataset_copy.path / "reliability" / "adjudication.csv",
        ["table", "row_id", "field", "first", "second", "final", "reason"],
        [(*unit, "Settled by the codebook.") for unit in units if unit[3] != unit[4]],
    )
    dataset_copy.claims, dataset_copy.positions = c, p
    assert validate(dataset_copy.path) == []
    return dataset_copy


# The table for coded_twice, worked out by hand:
# claims.voice: (own, own), (own, own), (reported, reported), (attributed, reported): the first coding of c4 comes
#   from adjudication.csv, not the dataset (which holds the final "reported"). As in
#   test_two_coders_one_disagreement_nominal: alpha = 1 - 14/38 = 0.632 < 0.80; 3 of 4 agree.
# claims.claim_type: five agreements over four categories: alpha = 1 - 9 * 0 / (...) = 1.0.
# claims.certainty: (certain, certain), (probable, possible), (possible, possible), (uncertain, uncertain), the units
#   of test_ordinal_counts_a_near_miss_as_a_small_slip: ordinal alpha = 1 - 56/624 = 0.910 >= 0.67; 3 of 4 agree.
# claims.stance: three units, all neutral: one category, D_e = 0: not defined; the other claims with an issue,
#   which only the first coder coded, are no units.
# positions.stance: (s, s), (s, s), (o, o), (o, o), (m, o): n = 10; n_s = 4, n_o = 5, n_m = 1; sum o_cc = 8:
#   alpha = 1 - 9 * 2 / (100 - (16 + 25 + 1)) = 1 - 18/58 = 0.690 >= 0.67; 4 of 5 agree.
# positions.basis: (stated, action), (action, stated): alpha = 1 - 3 * 4 / (16 - 8) = -0.5.
EXPECTED_TABLE = """\
| Table | Field | Level | Units | Agreement | Krippendorff's alpha | Target | Meets target |
|---|---|---|---:|---:|---:|---:|---|
| claims | voice | nominal | 4 | 75% | 0.632 | 0.80 | no |
| claims | claim_type | nominal | 5 | 100% | 1.000 | 0.80 | yes |
| claims | certainty | ordinal | 4 | 75% | 0.910 | 0.67 | yes |
| claims | stance | nominal | 3 | 100% | not defined | 0.67 | no |
| positions | stance | nominal | 5 | 80% | 0.690 | 0.67 | yes |
| positions | basis | nominal | 2 | 0% | -0.500 | 0.67 | no |"""


def test_the_units_take_the_first_coding_from_the_adjudication(coded_twice):
    units = reliability_units(read_dataset(coded_twice.path))
    c, p = coded_twice.claims, coded_twice.positions
    assert units[("claims", "voice")] == {
        c[1]: ["own", "own"],
        c[2]: ["own", "own"],
        c[3]: ["reported", "reported"],
        c[4]: ["attributed", "reported"],
    }
    assert units[("positions", "basis")] == {p[1]: ["stated", "action"], p[2]: ["action", "stated"]}
    assert len(units[("claims", "stance")]) == 3


def test_the_alpha_table(coded_twice):
    rows = alpha_table(coded_twice.path)
    assert rows == reliability_table(read_dataset(coded_twice.path))
    assert [(row.table, row.field) for row in rows] == [
        ("claims", "voice"),
        ("claims", "claim_type"),
        ("claims", "certainty"),
        ("claims", "stance"),
        ("positions", "stance"),
        ("positions", "basis"),
    ]
    by_field = {(row.table, row.field): row for row in rows}
    voice = by_field[("claims", "voice")]
    assert (voice.level, voice.units, voice.agreed, voice.percent, voice.target) == ("nominal", 4, 3, 0.75, 0.80)
    assert voice.alpha == pytest.approx(1 - 14 / 38)
    assert by_field[("claims", "certainty")].alpha == pytest.approx(1 - 56 / 624)
    assert by_field[("claims", "stance")].alpha is None
    assert by_field[("positions", "stance")].alpha == pytest.approx(1 - 18 / 58)
    assert by_field[("positions", "basis")].alpha == pytest.approx(-0.5)
    assert [row.meets_target for row in rows] == [False, True, True, False, True, False]
    assert markdown_table(rows) == EXPECTED_TABLE


def test_a_second_second_coder_is_a_third_value_of_each_unit(coded_twice):
    # coder_c codes claims.voice of c1 only, and agrees: units (own, own, own), (own, own), (reported, reported),
    # (attributed, reported). The three-value unit adds 6 pairs of weight 1/(3-1): o_own,own = 3 + 2 = 5 in all.
    # n = 9; n_own = 5, n_reported = 3, n_attributed = 1; sum o_cc = 5 + 2 = 7.
    # alpha = 1 - 8 * (9 - 7) / (81 - (25 + 9 + 1)) = 1 - 16/46 = 0.652
    c = coded_twice.claims
    second = coded_twice.path / "reliability" / "second_coding.csv"
    second.write_text(second.read_text(encoding="utf-8") + f"claims,{c[1]},voice,own,coder_c\n", encoding="utf-8")
    assert validate(coded_twice.path) == []
    raw = read_dataset(coded_twice.path)
    assert reliability_units(raw)[("claims", "voice")][c[1]] == ["own", "own", "own"]
    assert reliability_units(raw)[("claims", "voice")][c[2]] == ["own", "own", None]
    voice = reliability_table(raw)[0]
    assert (voice.units, voice.agreed) == (4, 3)
    assert voice.alpha == pytest.approx(1 - 16 / 46)


def test_the_command_prints_the_table_and_the_shortfalls(coded_twice, capsys):
    assert main(["reliability", str(coded_twice.path)]) == 0
    out = capsys.readouterr().out
    assert f"second coders: coder_b), for {coded_twice.path}:" in out
    assert EXPECTED_TABLE in out
    shortfalls = [line for line in out.splitlines() if line.startswith("- Falls short: ")]
    assert shortfalls == [
        "- Falls short: claims.voice: alpha 0.632 is below its target of 0.80 (nominal, 4 units, 3 agreed).",
        "- Falls short: claims.stance: alpha is not defined (every value of its 3 units is the same category), "
        "so it cannot meet its target of 0.67.",
        "- Falls short: positions.basis: alpha -0.500 is below its target of 0.67 (nominal, 2 units, 0 agreed).",
    ]


def test_a_field_without_units_falls_short():
    rows = [
        FieldReliability("claims", "voice", "nominal", 4, 4, 1.0, 0.80),
        FieldReliability("positions", "basis", "nominal", 0, 0, None, 0.67),
    ]
    assert rows[0].shortfall() is None
    assert rows[1].shortfall() == (
        "positions.basis: alpha is not defined (no unit was coded by two coders), so it cannot meet its target of 0.67."
    )
    assert rows[1].percent is None
    assert "| positions | basis | nominal | 0 | not defined | not defined | 0.67 | no |" in markdown_table(rows)


def test_every_field_meeting_its_target_is_said_so(coded_twice, capsys):
    # Two coders agreeing on every unit, with at least two categories per field: every alpha is 1.
    c, p = coded_twice.claims, coded_twice.positions
    coded_twice.set_cell("claims", c[3], "stance", "supports")
    coded_twice.set_cell("positions", p[3], "basis", "action")
    agreed = {
        ("claims", "voice"): {c[1]: "own", c[3]: "reported"},
        ("claims", "claim_type"): {c[1]: "assessment", c[3]: "prediction"},
        ("claims", "certainty"): {c[1]: "certain", c[3]: "possible"},
        ("claims", "stance"): {c[1]: "neutral", c[3]: "supports"},
        ("positions", "stance"): {p[1]: "supports", p[3]: "opposes"},
        ("positions", "basis"): {p[1]: "stated", p[3]: "action"},
    }
    folder = coded_twice.path / "reliability"
    seconds = [
        (t, row_id, f, value, "coder_b") for (t, f), values in agreed.items() for row_id, value in values.items()
    ]
    write_csv(folder / "second_coding.csv", ["table", "row_id", "field", "value", "coder"], seconds)
    write_csv(folder / "adjudication.csv", ["table", "row_id", "field", "first", "second", "final", "reason"], [])
    assert validate(coded_twice.path) == []
    assert main(["reliability", str(coded_twice.path)]) == 0
    out = capsys.readouterr().out
    assert out.count("| 2 | 100% | 1.000 |") == 6
    assert "Falls short" not in out
    assert out.rstrip().endswith("Every field meets its target.")


def test_the_command_without_a_reliability_folder(dataset_copy, capsys):
    assert main(["reliability", str(dataset_copy.path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{dataset_copy.path} has no reliability/ folder, so there is no second coding")
    with pytest.raises(FileNotFoundError, match="has no reliability/ folder"):
        alpha_table(dataset_copy.path)


def test_the_command_on_an_invalid_second_coding_lists_the_problems(coded_twice, capsys):
    # Drop the adjudications of basis: p1's second coding "action" then disagrees with the dataset's "stated"
    # unadjudicated (p2's "stated" agrees with it). The first coding is then the dataset's: (stated, action),
    # (stated, stated): n = 4, n_stated = 3, n_action = 1, sum o_cc = 2;
    # alpha = 1 - 3 * (4 - 2) / (16 - (9 + 1)) = 1 - 6/6 = 0.
    adjudication = coded_twice.path / "reliability" / "adjudication.csv"
    lines = adjudication.read_text(encoding="utf-8").splitlines(keepends=True)
    adjudication.write_text("".join(line for line in lines if ",basis," not in line), encoding="utf-8")
    assert main(["reliability", str(coded_twice.path)]) == 1
    out = capsys.readouterr().out
    assert "| positions | basis | nominal | 2 | 50% | 0.000 | 0.67 | no |" in out
    assert "The dataset has 1 problem, so the table may be wrong" in out
    assert "every disagreement needs an adjudication row" in out


def test_the_codebook_reports_the_alpha_table_of_the_shipped_second_coding():
    """The codebook's table is the one the command prints, so the two cannot drift apart."""
    codebook = (DEFAULT_DATA_DIR / "README.md").read_text(encoding="utf-8")
    rows = alpha_table(DEFAULT_DATA_DIR)
    assert markdown_table(rows) in codebook
    assert all(row.meets_target for row in rows), "the codebook says every field meets its target"
