"""Contract v2: events.origin, places.role, notes everywhere, outcome dates, EDTF forms, reliability/.

Each rule is shown on a copy of the dataset broken on purpose; every expected message,
line and value is written out by hand here, not recomputed through the validator.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import subprocess

import pytest

from article_explorer import load_dataset, validate
from article_explorer.data.config import DEFAULT_DATA_DIR, PROJECT_ROOT
from article_explorer.data.contract import TABLES, build_datapackage
from article_explorer.data.edtf import parse_edtf
from article_explorer.data.validation import read_dataset

from .conftest import only_problem, problems_from, write_csv

OTHER_ARTICLE = PROJECT_ROOT / "tests" / "data" / "other_article"


def located(problems):
    return [(p.file, p.line, p.column, p.value) for p in problems]


# --- events.origin ---------------------------------------------------------------------


def test_the_dataset_marks_context_events():
    events = load_dataset().events.set_index("event_id")
    assert events.loc["russian_fighters_lida_2013", "origin"] == "context"
    assert events.loc["carpenter_visit", "origin"] == "article"


def test_origin_outside_its_vocabulary(dataset_copy):
    line = dataset_copy.set_cell("events", "carpenter_visit", "origin", "outside")
    problem = only_problem(dataset_copy.path, "check_cells")
    assert (problem.file, problem.line, problem.column, problem.value) == ("events.csv", line, "origin", "outside")
    assert str(problem) == (
        f"events.csv, line {line}, column 'origin': 'outside' is not an allowed value; "
        "expected one of: article, context"
    )


def test_origin_left_empty_in_a_dataset_that_has_the_column(dataset_copy):
    line = dataset_copy.set_cell("events", "carpenter_visit", "origin", "")
    problem = only_problem(dataset_copy.path, "check_cells")
    assert (problem.file, problem.line, problem.column, problem.value) == ("events.csv", line, "origin", "")
    assert "is empty; expected one of: article, context (a contract v2 column" in str(problem)


# --- places.role -------------------------------------------------------------------------


def test_landmarks_need_no_citing_row():
    places = load_dataset().places.set_index("place_id")
    assert places.loc["vilnius", "role"] == "landmark"
    assert places.loc["riga", "role"] == "landmark"
    assert validate() == []


def test_role_outside_its_vocabulary(dataset_copy):
    line = dataset_copy.set_cell("places", "minsk", "role", "landmarks")
    problem = only_problem(dataset_copy.path, "check_cells")
    assert (problem.file, problem.line, problem.column, problem.value) == ("places.csv", line, "role", "landmarks")
    assert "is not an allowed value; expected one of: mentioned, landmark" in str(problem)


def test_a_cited_landmark_is_reported(dataset_copy):
    claim_line = dataset_copy.set_cell("claims", "smaller_nato_buildups", "place_ids", "poland|lithuania|latvia|riga")
    riga_line = dataset_copy.line_of("places", "riga")
    problem = only_problem(dataset_copy.path, "check_usage")
    assert (problem.file, problem.line, problem.column, problem.value) == ("places.csv", riga_line, "role", "landmark")
    assert f"cited by claims.place_ids on line {claim_line} (smaller_nato_buildups)" in str(problem)
    assert str(problem).endswith("make it role=mentioned")


def test_an_empty_role_means_mentioned_and_must_be_cited(dataset_copy):
    line = dataset_copy.set_cell("places", "vilnius", "role", "")
    problem = only_problem(dataset_copy.path, "check_usage")
    assert (problem.file, problem.line, problem.column, problem.value) == ("places.csv", line, "place_id", "vilnius")
    assert "is never used (by claims.place_ids or events.place_id)" in str(problem)


def test_a_mentioned_place_must_still_be_cited(dataset_copy):
    line = dataset_copy.set_cell("places", "riga", "role", "mentioned")
    problem = only_problem(dataset_copy.path, "check_usage")
    assert (problem.file, problem.line, problem.column, problem.value) == ("places.csv", line, "place_id", "riga")
    assert "set role=landmark" in str(problem)


def test_an_empty_role_loads_as_mentioned(dataset_copy):
    dataset_copy.set_cell("places", "minsk", "role", "")
    places = load_dataset(dataset_copy.path).places.set_index("place_id")
    assert places.loc["minsk", "role"] == "mentioned"


# --- v1 datasets -------------------------------------------------------------------------


def test_the_v1_example_loads_with_the_v2_defaults():
    header = (OTHER_ARTICLE / "events.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert "origin" not in header  # the shipped example stays a v1 dataset
    dataset = load_dataset(OTHER_ARTICLE)
    assert len(dataset.events) == 5 and set(dataset.events["origin"]) == {"article"}
    assert len(dataset.places) == 3 and set(dataset.places["role"]) == {"mentioned"}
    assert not dataset.has_reliability
    assert list(dataset.second_coding.columns) == ["table", "row_id", "field", "value", "coder"]
    assert list(dataset.adjudication.columns) == ["table", "row_id", "field", "first", "second", "final", "reason"]


def drop_column(copy, table: str, column: str, keep=lambda row: True) -> None:
    rows = copy.rows(table)
    copy.write_rows(table, [row for row in rows if keep(row)], [name for name in rows[0] if name != column])


def test_the_dataset_without_its_v2_columns_is_a_v1_dataset(dataset_copy):
    drop_column(dataset_copy, "events", "origin")
    drop_column(dataset_copy, "places", "role")
    # Without a role, Vilnius and Riga are mentioned places that no row cites.
    problems = problems_from(dataset_copy.path, "check_usage")
    assert [(p.file, p.column, p.value) for p in problems] == [
        ("places.csv", "place_id", "riga"),
        ("places.csv", "place_id", "vilnius"),
    ]
    drop_column(dataset_copy, "places", "role", keep=lambda row: row["place_id"] not in ("riga", "vilnius"))
    dataset = load_dataset(dataset_copy.path)
    assert len(dataset.events) == 32 and set(dataset.events["origin"]) == {"article"}
    assert len(dataset.places) == 18 and set(dataset.places["role"]) == {"mentioned"}


# --- notes -------------------------------------------------------------------------------


def test_every_table_may_carry_notes():
    for table in TABLES:
        notes = table.field("notes")
        assert notes is not None, f"{table.filename} has no notes column"
        assert not notes.required and "notes" not in table.required_columns
    assert TABLES[0].field("note") is not None  # sources keep their own `note` too


def test_notes_on_a_table_that_had_none(dataset_copy):
    rows = dataset_copy.rows("actors")
    for row in rows:
        row["notes"] = "A caveat." if row["actor_id"] == "giles" else ""
    dataset_copy.write_rows("actors", rows)
    assert validate(dataset_copy.path) == []
    actors = load_dataset(dataset_copy.path).actors.set_index("actor_id")
    assert actors.loc["giles", "notes"] == "A caveat."


# --- outcomes ----------------------------------------------------------------------------


def test_an_event_outcome_needs_its_date(dataset_copy):
    line = dataset_copy.set_cell("events", "warsaw_summit_2016", "outcome_date", "")
    problem = only_problem(dataset_copy.path, "check_outcomes")
    assert (problem.file, problem.line, problem.column, problem.value) == ("events.csv", line, "outcome_date", "")
    assert "is empty; every outcome needs the date it happened" in str(problem)


def test_a_claim_outcome_needs_its_date(dataset_copy):
    line = dataset_copy.set_cell("claims", "land_base_request_possible", "outcome_date", "")
    problem = only_problem(dataset_copy.path, "check_outcomes")
    assert (problem.file, problem.line, problem.column, problem.value) == ("claims.csv", line, "outcome_date", "")
    assert "is empty; every outcome needs the date it happened" in str(problem)


def test_an_outcome_date_must_be_edtf(dataset_copy):
    line = dataset_copy.set_cell("events", "warsaw_summit_2016", "outcome_date", "2016-13")
    problem = only_problem(dataset_copy.path, "check_cells")
    assert (problem.file, problem.line, problem.column, problem.value) == (
        "events.csv",
        line,
        "outcome_date",
        "2016-13",
    )
    assert "cannot be read as a date: '2016-13' has month 13; months run from 01 to 12" in str(problem)


# --- EDTF forms the dataset uses ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "precision", "start_bound", "end_bound"),
    [
        ("2016-03-29?", dt.date(2016, 3, 29), dt.date(2016, 3, 29), "day", "date", "date"),
        ("../2016-03-30", None, dt.date(2016, 3, 30), None, "open", "date"),
        ("2015-12/..", dt.date(2015, 12, 1), None, None, "date", "open"),
        ("2008-08/", dt.date(2008, 8, 1), None, None, "date", "unknown"),
        ("2016-03-30/", dt.date(2016, 3, 30), None, None, "date", "unknown"),
    ],
)
def test_the_edtf_forms_the_dataset_uses(text, earliest, latest, precision, start_bound, end_bound):
    date = parse_edtf(text)
    assert (date.earliest, date.latest, date.single_precision) == (earliest, latest, precision)
    assert (date.start_bound, date.end_bound) == (start_bound, end_bound)


def test_the_dataset_uses_those_forms_with_the_codebooks_precision():
    with open(DEFAULT_DATA_DIR / "events.csv", encoding="utf-8", newline="") as handle:
        rows = {row["event_id"]: row for row in csv.DictReader(handle)}
    expected = {
        "attache_offer": ("2016-03-29?", "2016-03-29", "2016-03-29", "day"),
        "russian_rearmament": ("../2016-03-30", "", "2016-03-30", "range"),
        "us_blr_defence_contacts": ("2015-12/..", "2015-12-01", "", "ongoing"),
        "russian_reaction_calm": ("2016-03-30/", "2016-03-30", "", "range"),
    }
    for event_id, (date, start, end, precision) in expected.items():
        row = rows[event_id]
        assert (row["date"], row["date_start"], row["date_end"], row["precision"]) == (date, start, end, precision)


@pytest.mark.parametrize(
    ("event_id", "wrong", "expected"),
    [
        ("attache_offer", "range", "expected day"),
        ("russian_rearmament", "ongoing", "expected range"),
        ("us_blr_defence_contacts", "range", "expected ongoing"),
        ("russian_reaction_calm", "ongoing", "expected range"),
    ],
)
def test_precision_must_agree_with_the_new_forms(dataset_copy, event_id, wrong, expected):
    line = dataset_copy.set_cell("events", event_id, "precision", wrong)
    problem = only_problem(dataset_copy.path, "check_event_dates")
    assert (problem.line, problem.column, problem.value) == (line, "precision", wrong)
    assert str(problem).endswith(expected)


def test_an_open_start_has_no_date_start(dataset_copy):
    line = dataset_copy.set_cell("events", "russian_rearmament", "date_start", "2016-01-01")
    problem = only_problem(dataset_copy.path, "check_event_dates")
    assert (problem.line, problem.column, problem.value) == (line, "date_start", "2016-01-01")
    assert str(problem).endswith(
        "is given but the start of the date '../2016-03-30' is open ('..'); leave date_start empty"
    )


def test_an_unknown_end_has_no_date_end(dataset_copy):
    line = dataset_copy.set_cell("events", "russian_reaction_calm", "date_end", "2016-04-01")
    problem = only_problem(dataset_copy.path, "check_event_dates")
    assert (problem.line, problem.column, problem.value) == (line, "date_end", "2016-04-01")
    assert "the end of the date '2016-03-30/' is unknown (empty); leave date_end empty" in str(problem)


def test_an_open_start_still_needs_its_date_end(dataset_copy):
    line = dataset_copy.set_cell("events", "russian_rearmament", "date_end", "")
    problem = only_problem(dataset_copy.path, "check_event_dates")
    assert (problem.line, problem.column, problem.value) == (line, "date_end", "")
    assert "is empty; expected the latest possible day of '../2016-03-30' (2016-03-30)" in str(problem)


# --- reliability/ ------------------------------------------------------------------------

SECOND_CODING = [
    # table, row_id, field, value, coder — hand-picked against data/claims.csv and positions.csv
    ("claims", "options_broad", "certainty", "certain", "coder_b"),  # agrees (certain)
    ("claims", "putin_taste_for_success", "certainty", "certain", "coder_b"),  # dataset: probable
    ("claims", "visit_step_to_normalisation", "stance", "neutral", "coder_b"),  # agrees (neutral)
    ("positions", "blr_airbase_2013", "stance", "opposes", "coder_b"),  # dataset: mixed
    ("positions", "rus_airbase_2013", "basis", "stated", "coder_b"),  # agrees (stated)
]
ADJUDICATION = [
    # table, row_id, field, first, second, final, reason
    ("claims", "putin_taste_for_success", "certainty", "probable", "certain", "probable", "'Likely' is a hedge."),
    ("positions", "blr_airbase_2013", "stance", "mixed", "opposes", "mixed", "It hosted fighters; no base followed."),
]


def write_reliability(copy, second=SECOND_CODING, adjudication=ADJUDICATION) -> None:
    folder = copy.path / "reliability"
    write_csv(folder / "second_coding.csv", ["table", "row_id", "field", "value", "coder"], second)
    write_csv(
        folder / "adjudication.csv", ["table", "row_id", "field", "first", "second", "final", "reason"], adjudication
    )


@pytest.fixture
def reliable_copy(dataset_copy):
    expected = {
        ("claims", "options_broad", "certainty"): "certain",
        ("claims", "putin_taste_for_success", "certainty"): "probable",
        ("claims", "visit_step_to_normalisation", "stance"): "neutral",
        ("claims", "us_policy_focus_shifted", "issue_id"): "",
        ("positions", "blr_airbase_2013", "stance"): "mixed",
        ("positions", "rus_airbase_2013", "basis"): "stated",
    }
    for (table, row_id, column), value in expected.items():  # guard: the data these fixtures were written for
        row = next(r for r in dataset_copy.rows(table) if next(iter(r.values())) == row_id)
        assert row[column] == value, f"{table}.csv {row_id}.{column} changed; update this test's fixtures"
    write_reliability(dataset_copy)
    return dataset_copy


def test_a_dataset_without_reliability_is_valid_and_has_no_such_resources(dataset_copy):
    assert validate(dataset_copy.path) == []
    names = [resource["name"] for resource in build_datapackage(read_dataset(dataset_copy.path).columns)["resources"]]
    assert "second_coding" not in names and "adjudication" not in names


def test_a_consistent_second_coding_is_valid_and_loads(reliable_copy, tool):
    assert validate(reliable_copy.path) == []
    dataset = load_dataset(reliable_copy.path)
    assert dataset.has_reliability
    assert len(dataset.second_coding) == 5 and len(dataset.adjudication) == 2
    descriptor = build_datapackage(read_dataset(reliable_copy.path).columns)
    paths = [resource["path"] for resource in descriptor["resources"]]
    assert [path for path in paths if path.startswith("reliability/")] == [
        "reliability/second_coding.csv",
        "reliability/adjudication.csv",
    ]
    by_path = {resource["path"]: resource for resource in descriptor["resources"]}
    assert by_path["reliability/second_coding.csv"]["schema"]["primaryKey"] == ["table", "row_id", "field", "coder"]
    (reliable_copy.path / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    result = subprocess.run(
        [tool("frictionless"), "validate", "datapackage.json"],
        cwd=reliable_copy.path,
        capture_output=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},  # its table's box characters, on Windows too
    )
    assert result.returncode == 0, result.stdout[-3000:]


def test_a_final_that_is_not_the_datasets_value(reliable_copy):
    wrong = ("claims", "putin_taste_for_success", "certainty", "probable", "certain", "certain", "'Likely' is a hedge.")
    write_reliability(reliable_copy, adjudication=[wrong, ADJUDICATION[1]])
    claim_line = reliable_copy.line_of("claims", "putin_taste_for_success")
    problem = only_problem(reliable_copy.path, "check_reliability")
    assert located([problem]) == [("reliability/adjudication.csv", 2, "final", "certain")]
    assert f"does not match the dataset: claims.csv line {claim_line} has certainty 'probable'" in str(problem)


def test_a_disagreement_without_an_adjudication_row(reliable_copy):
    write_reliability(reliable_copy, adjudication=ADJUDICATION[:1])
    position_line = reliable_copy.line_of("positions", "blr_airbase_2013")
    problem = only_problem(reliable_copy.path, "check_reliability")
    assert located([problem]) == [("reliability/second_coding.csv", 5, "value", "opposes")]
    assert f"disagrees with the dataset (positions.csv line {position_line} has stance 'mixed')" in str(problem)
    assert str(problem).endswith("every disagreement needs an adjudication row")


def test_an_unknown_row_id(reliable_copy):
    second = [*SECOND_CODING, ("claims", "options_braod", "voice", "own", "coder_b")]
    write_reliability(reliable_copy, second=second)
    problem = only_problem(reliable_copy.path, "check_reliability")
    assert located([problem]) == [("reliability/second_coding.csv", 7, "row_id", "options_braod")]
    assert "is not a known claim_id in claims.csv; did you mean 'options_broad'?" in str(problem)


def test_a_value_outside_the_fields_vocabulary(reliable_copy):
    second = [*SECOND_CODING, ("positions", "rus_airbase_2013", "stance", "mixed_feelings", "coder_b")]
    write_reliability(reliable_copy, second=second)
    problem = only_problem(reliable_copy.path, "check_reliability")
    assert located([problem]) == [("reliability/second_coding.csv", 7, "value", "mixed_feelings")]
    assert "is not an allowed value of positions.stance; expected one of: supports, opposes, mixed" in str(problem)


def test_an_adjudicated_value_outside_the_vocabulary(reliable_copy):
    wrong = ("claims", "putin_taste_for_success", "certainty", "likely", "certain", "probable", "'Likely' is a hedge.")
    write_reliability(reliable_copy, adjudication=[wrong, ADJUDICATION[1]])
    problem = only_problem(reliable_copy.path, "check_reliability")
    assert located([problem]) == [("reliability/adjudication.csv", 2, "first", "likely")]
    assert "expected one of: certain, probable, possible, uncertain" in str(problem)


def test_a_field_that_the_table_does_not_code(reliable_copy):
    second = [*SECOND_CODING, ("positions", "rus_airbase_2013", "certainty", "certain", "coder_b")]
    write_reliability(reliable_copy, second=second)
    problem = only_problem(reliable_copy.path, "check_reliability")
    assert located([problem]) == [("reliability/second_coding.csv", 7, "field", "certainty")]
    assert "is not a judgement field of positions; expected one of: stance, basis" in str(problem)


def test_a_field_outside_the_vocabulary(reliable_copy):
    second = [*SECOND_CODING, ("claims", "options_broad", "hedge_cues", "may", "coder_b")]
    write_reliability(reliable_copy, second=second)
    problem = only_problem(reliable_copy.path, "check_cells")
    assert located([problem]) == [("reliability/second_coding.csv", 7, "field", "hedge_cues")]
    assert "expected one of: voice, claim_type, certainty, stance, basis" in str(problem)


def test_stance_is_coded_only_for_a_claim_with_an_issue(reliable_copy):
    second = [*SECOND_CODING, ("claims", "us_policy_focus_shifted", "stance", "neutral", "coder_b")]
    write_reliability(reliable_copy, second=second)
    problem = only_problem(reliable_copy.path, "check_reliability")
    assert located([problem]) == [("reliability/second_coding.csv", 7, "field", "stance")]
    assert "claim 'us_policy_focus_shifted', which has no issue_id" in str(problem)


def test_a_second_that_is_not_the_second_coding(reliable_copy):
    wrong = (
        "claims",
        "putin_taste_for_success",
        "certainty",
        "probable",
        "possible",
        "probable",
        "'Likely' is a hedge.",
    )
    write_reliability(reliable_copy, adjudication=[wrong, ADJUDICATION[1]])
    problem = only_problem(reliable_copy.path, "check_reliability")
    assert located([problem]) == [("reliability/adjudication.csv", 2, "second", "possible")]
    assert "does not match the second coding in reliability/second_coding.csv ('certain' on line 3)" in str(problem)


def test_an_adjudication_without_a_second_coding(reliable_copy):
    extra = ("claims", "options_broad", "voice", "reported", "own", "own", "The author's own words.")
    write_reliability(reliable_copy, adjudication=[*ADJUDICATION, extra])
    problem = only_problem(reliable_copy.path, "check_reliability")
    assert located([problem]) == [("reliability/adjudication.csv", 4, "second", "own")]
    assert "has no second coding: reliability/second_coding.csv has no row for claims 'options_broad'" in str(problem)


def test_an_adjudication_needs_a_reason(reliable_copy):
    write_reliability(reliable_copy, adjudication=[(*ADJUDICATION[0][:6], ""), ADJUDICATION[1]])
    problem = only_problem(reliable_copy.path, "check_cells")
    assert located([problem]) == [("reliability/adjudication.csv", 2, "reason", "")]
    assert "is empty; expected why the final value was chosen" in str(problem)


def test_a_coder_codes_a_unit_once(reliable_copy):
    write_reliability(reliable_copy, second=[*SECOND_CODING, SECOND_CODING[0]])
    problem = only_problem(reliable_copy.path, "check_unique")
    assert located([problem]) == [("reliability/second_coding.csv", 7, "coder", "coder_b")]
    assert "repeats line 2: the same table, row_id, field and coder" in str(problem)


def test_a_second_coder_is_welcome(reliable_copy):
    write_reliability(reliable_copy, second=[*SECOND_CODING, ("claims", "options_broad", "certainty", "certain", "c")])
    assert validate(reliable_copy.path) == []


def test_a_reliability_folder_needs_both_files(reliable_copy):
    (reliable_copy.path / "reliability" / "adjudication.csv").unlink()
    problem = only_problem(reliable_copy.path, "read_files")
    assert (problem.file, problem.line, problem.column) == ("reliability/adjudication.csv", None, None)
    assert "is missing; the optional reliability/ folder is there, so it must hold" in str(problem)


def test_every_reliability_problem_is_reported_in_one_go(reliable_copy):
    second = [*SECOND_CODING, ("claims", "options_braod", "voice", "own", "coder_b")]
    wrong = ("claims", "putin_taste_for_success", "certainty", "probable", "certain", "certain", "'Likely' is a hedge.")
    write_reliability(reliable_copy, second=second, adjudication=[wrong])
    assert sorted(located(problems_from(reliable_copy.path, "check_reliability"))) == [
        ("reliability/adjudication.csv", 2, "final", "certain"),
        ("reliability/second_coding.csv", 5, "value", "opposes"),
        ("reliability/second_coding.csv", 7, "row_id", "options_braod"),
    ]
