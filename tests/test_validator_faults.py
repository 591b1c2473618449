"""Broken copies of the dataset: each class of fault is caught, located and explained."""

from __future__ import annotations

import subprocess
import sys

import pytest

from article_explorer import DatasetError, load_dataset

from .conftest import only_problem, problems_from


def test_missing_column(dataset_copy):
    rows = dataset_copy.rows("events")
    header = [name for name in rows[0] if name != "precision"]
    dataset_copy.write_rows("events", rows, header)
    problem = only_problem(dataset_copy.path, "read_files")
    assert (problem.file, problem.line, problem.column) == ("events.csv", 1, "precision")
    assert "missing from the header" in str(problem)


def test_unknown_id_inside_a_list(dataset_copy):
    line = dataset_copy.set_cell(
        "events", "carpenter_visit", "actor_ids", "carpenter|usa|blr_defence_officials|lukashenkoo|blr"
    )
    problem = only_problem(dataset_copy.path, "check_references")
    assert (problem.file, problem.line, problem.column, problem.value) == (
        "events.csv",
        line,
        "actor_ids",
        "lukashenkoo",
    )
    assert "did you mean 'lukashenko'?" in str(problem)


def test_quote_not_in_its_sentences(dataset_copy):
    line = dataset_copy.set_cell("claims", "options_broad", "quote", "The range of options is narrow")
    problem = only_problem(dataset_copy.path, "check_quotes_and_cues")
    assert (problem.file, problem.line, problem.column) == ("claims.csv", line, "quote")
    assert "does not occur verbatim in its sentences (p10s1)" in str(problem)


def test_date_that_is_not_on_the_calendar(dataset_copy):
    line = dataset_copy.set_cell("events", "supreme_state_council_2016", "date", "2016-02-31")
    problems = problems_from(dataset_copy.path, "check_cells")
    assert [(p.file, p.line, p.column, p.value) for p in problems] == [("events.csv", line, "date", "2016-02-31")]
    assert "not a real calendar date: February 2016 has 29 days" in str(problems[0])


def test_start_after_end(dataset_copy):
    line = dataset_copy.set_cell("events", "carpenter_visit", "date_start", "2016-03-30")
    dataset_copy.set_cell("events", "carpenter_visit", "date_end", "2016-03-28")
    problem = only_problem(dataset_copy.path, "check_event_dates")
    assert (problem.line, problem.column, problem.value) == (line, "date_start", "2016-03-30")
    assert "is after date_end (2016-03-28)" in str(problem)


def test_date_start_outside_the_edtf_date(dataset_copy):
    line = dataset_copy.set_cell("events", "georgia_war_2008", "date_start", "2008-07-01")
    problem = only_problem(dataset_copy.path, "check_event_dates")
    assert (problem.line, problem.column) == (line, "date_start")
    assert "outside the date '2008-08-07/2008-08-12'" in str(problem)


def test_precision_that_overstates_the_date(dataset_copy):
    line = dataset_copy.set_cell("events", "russian_fighters_lida_2013", "precision", "day")
    problem = only_problem(dataset_copy.path, "check_event_dates")
    assert (problem.line, problem.column, problem.value) == (line, "precision", "day")
    assert "expected month" in str(problem)


def test_latitude_out_of_range(dataset_copy):
    line = dataset_copy.set_cell("places", "minsk", "lat", "123")
    problem = only_problem(dataset_copy.path, "check_cells")
    assert (problem.file, problem.line, problem.column, problem.value) == ("places.csv", line, "lat", "123")
    assert "above the largest allowed value, 90" in str(problem)


def test_duplicate_id(dataset_copy):
    rows = dataset_copy.rows("issues")
    rows.append(dict(rows[0]))
    dataset_copy.write_rows("issues", rows)
    problem = only_problem(dataset_copy.path, "check_unique")
    assert (problem.file, problem.line, problem.column) == ("issues.csv", len(rows) + 1, "issue_id")
    assert "duplicate id; it is already used on line 2" in str(problem)


def test_value_outside_the_vocabulary(dataset_copy):
    line = dataset_copy.set_cell("claims", "options_broad", "certainty", "likely")
    problem = only_problem(dataset_copy.path, "check_cells")
    assert (problem.line, problem.column, problem.value) == (line, "certainty", "likely")
    assert "expected one of: certain, probable, possible, uncertain" in str(problem)


def test_sentence_that_does_not_match_the_article(dataset_copy):
    rows = dataset_copy.rows("sentences")
    target = next(row for row in rows if row["sentence_id"] == "p10s1")
    target["text"] = "The range of options to do so is narrow."
    dataset_copy.write_rows("sentences", rows)
    problems = problems_from(dataset_copy.path, "check_sentences")
    assert any(
        p.file == "sentences.csv" and p.column == "text" and "does not match the article at characters" in str(p)
        for p in problems
    ), "\n".join(map(str, problems))


def test_article_row_whose_sha256_is_not_the_articles(dataset_copy):
    line = dataset_copy.set_cell("sources", "giles_2016", "sha256", "0" * 64)
    problem = only_problem(dataset_copy.path, "check_sources")
    assert (problem.file, problem.line, problem.column, problem.value) == ("sources.csv", line, "sha256", "0" * 64)
    assert str(problem).endswith(
        "does not match source/article.txt (its SHA-256 is "
        "5f254041109d05f5fd48b381670b66c9405b6c65573efb1af9b693c9fe27d087); the article file has changed"
    )


def test_a_second_article_row(dataset_copy):
    dataset_copy.set_cell("sources", "euroradio_carpenter_visit", "kind", "article")
    problem = only_problem(dataset_copy.path, "check_sources")
    assert (problem.file, problem.line, problem.column, problem.value) == ("sources.csv", None, "kind", None)
    assert str(problem) == "sources.csv, column 'kind': has 2 rows of kind 'article'; expected exactly one"


def test_file_that_is_not_utf8(dataset_copy):
    path = dataset_copy.path / "actors.csv"
    lines = path.read_bytes().split(b"\n")
    lines[3] = lines[3] + "é".encode("latin-1")
    path.write_bytes(b"\n".join(lines))
    problems = problems_from(dataset_copy.path, "read_files")
    assert any(p.file == "actors.csv" and p.line == 4 and "is not UTF-8" in str(p) for p in problems)


def test_empty_file(dataset_copy):
    (dataset_copy.path / "positions.csv").write_text("", encoding="utf-8")
    problems = problems_from(dataset_copy.path, "read_files")
    assert any(p.file == "positions.csv" and "is empty; expected a header row" in str(p) for p in problems)


def test_missing_file(dataset_copy):
    (dataset_copy.path / "issues.csv").unlink()
    problems = problems_from(dataset_copy.path, "read_files")
    assert any(p.file == "issues.csv" and "is missing" in str(p) for p in problems)


def test_a_row_with_an_extra_cell_is_reported_not_dropped(dataset_copy):
    path = dataset_copy.path / "issues.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "extra_issue,Label,Question?,Yes,No,Description,surplus\n", encoding="utf-8")
    problems = problems_from(dataset_copy.path, "read_files")
    assert any(p.file == "issues.csv" and p.line == text.count("\n") + 1 and "has 7 cells" in str(p) for p in problems)


def test_an_uncovered_sentence_is_named(dataset_copy):
    dataset_copy.write_rows("claims", [r for r in dataset_copy.rows("claims") if "p10s1" not in r["sentence_ids"]])
    problems = problems_from(dataset_copy.path, "check_coverage")
    uncovered = [p for p in problems if "is not cited by any event, claim or position" in str(p)]
    assert [(p.file, p.value) for p in uncovered] == [("sentences.csv", "p10s1")]


def test_unused_actor_is_reported(dataset_copy):
    rows = dataset_copy.rows("actors")
    rows.append(dict(rows[1], actor_id="nobody", aliases=""))
    dataset_copy.write_rows("actors", rows)
    problem = only_problem(dataset_copy.path, "check_usage")
    assert (problem.file, problem.value) == ("actors.csv", "nobody")
    assert "is never used" in str(problem)


def test_context_date_needs_a_source(dataset_copy):
    line = dataset_copy.set_cell("events", "su24_shootdown", "date_source_id", "")
    problem = only_problem(dataset_copy.path, "check_event_dates")
    assert (problem.line, problem.column) == (line, "date_source_id")


def test_outcome_needs_a_source(dataset_copy):
    line = dataset_copy.set_cell("events", "warsaw_summit_2016", "outcome_source_id", "")
    problem = only_problem(dataset_copy.path, "check_outcomes")
    assert (problem.line, problem.column) == (line, "outcome_source_id")


def test_a_claim_on_an_issue_needs_a_stance(dataset_copy):
    line = dataset_copy.set_cell("claims", "visit_step_to_normalisation", "stance", "")
    problem = only_problem(dataset_copy.path, "check_claim_stances")
    assert (problem.file, problem.line, problem.column, problem.value) == ("claims.csv", line, "stance", "")
    assert "is empty; a claim on an issue needs a stance (supports, opposes or neutral)" in str(problem)


def test_a_claim_without_an_issue_has_no_stance(dataset_copy):
    line = dataset_copy.set_cell("claims", "us_policy_focus_shifted", "stance", "supports")
    problem = only_problem(dataset_copy.path, "check_claim_stances")
    assert (problem.file, problem.line, problem.column, problem.value) == ("claims.csv", line, "stance", "supports")
    assert "is given without an issue_id; set the issue or clear the stance" in str(problem)


def test_removing_a_claims_issue_leaves_its_stance_behind(dataset_copy):
    line = dataset_copy.set_cell("claims", "visit_step_to_normalisation", "issue_id", "")
    problem = only_problem(dataset_copy.path, "check_claim_stances")
    assert (problem.file, problem.line, problem.column, problem.value) == ("claims.csv", line, "stance", "neutral")


def test_position_evidence_that_is_neither_a_claim_nor_an_event(dataset_copy):
    line = dataset_copy.set_cell("positions", "rus_airbase_2013", "evidence", "airbase_plan_announced")
    problem = only_problem(dataset_copy.path, "check_position_evidence")
    assert (problem.file, problem.line, problem.column, problem.value) == (
        "positions.csv",
        line,
        "evidence",
        "airbase_plan_announced",
    )
    assert "is neither a claim_id in claims.csv nor an event_id in events.csv" in str(problem)


def test_loading_a_broken_dataset_lists_every_problem_at_once(dataset_copy):
    dataset_copy.set_cell("places", "minsk", "lat", "123")
    dataset_copy.set_cell("claims", "options_broad", "certainty", "likely")
    with pytest.raises(DatasetError) as caught:
        load_dataset(dataset_copy.path)
    message = str(caught.value)
    assert "has 2 problems" in message
    assert "places.csv, line 2, column 'lat': '123'" in message
    assert "column 'certainty': 'likely'" in message


def test_the_command_line_exits_1_and_prints_each_problem(dataset_copy):
    dataset_copy.set_cell("places", "minsk", "lat", "123")
    result = subprocess.run(
        [sys.executable, "-m", "article_explorer.tools.cli", "validate", str(dataset_copy.path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "places.csv, line 2, column 'lat': '123' is above the largest allowed value, 90" in result.stdout
    assert "1 problem in" in result.stdout
