"""The validator's registry of checks: each has a fault test, and each problem names its check.

A fault test breaks a copy of the dataset and asks for the problem through
``only_problem(path, "check_x")`` or ``problems_from(path, "check_x")`` (in the
:data:`FAULT_FILES`); both helpers fail unless the named check reported it. So the rule names
written in those calls are the checks that a broken dataset is shown to trip, and they must be
every check of the registry.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

from article_explorer import Problem, validate
from article_explorer.data.validation import RULES, TABLE_RULES

from .conftest import only_problem

TESTS = Path(__file__).parent
FAULT_FILES = ("test_validator_faults.py", "test_contract_v2.py", "test_sides.py", "test_lessons.py")
#: The fault files' helpers that check which rule reported a problem; the rule is their second argument.
HELPERS = {"only_problem", "problems_from"}


def checks() -> list[str]:
    """Every check that reports problems, in the order it runs: reading, each table's rules, then RULES."""
    return ["read_files", *(rule.__name__ for rule in TABLE_RULES), *(rule.__name__ for rule in RULES)]


def fault_tests(source: str, filename: str) -> dict[str, set[str]]:
    """Rule name -> the tests in ``source`` that break a dataset and check that rule reports it."""
    found: dict[str, set[str]] = defaultdict(set)
    for test in ast.parse(source).body:
        if not (isinstance(test, ast.FunctionDef) and test.name.startswith("test_")):
            continue
        for node in ast.walk(test):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in HELPERS:
                rule = node.args[1] if len(node.args) > 1 else next(k.value for k in node.keywords if k.arg == "rule")
                assert isinstance(rule, ast.Constant), f"{filename}::{test.name}: name the rule as a string"
                found[rule.value].add(f"{filename}::{test.name}")
    return found


def all_fault_tests() -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for name in FAULT_FILES:
        for rule, tests in fault_tests((TESTS / name).read_text(encoding="utf-8"), name).items():
            found[rule] |= tests
    return found


def test_every_check_in_the_registry_has_a_fault_test():
    found = all_fault_tests()
    missing = [check for check in checks() if check not in found]
    unknown = sorted(set(found) - set(checks()))
    assert not missing, f"no broken-dataset test shows these checks reporting a problem: {missing}"
    assert not unknown, f"fault tests name checks that are not in the registry: {unknown}"


def test_the_rules_run_in_this_order():
    assert checks() == [
        "read_files",
        "check_cells",
        "check_unique",
        "check_references",
        "check_sources",
        "check_sentences",
        "check_quotes_and_cues",
        "check_event_dates",
        "check_outcomes",
        "check_claim_stances",
        "check_position_evidence",
        "check_usage",
        "check_sides",
        "check_country_sides",
        "check_boundaries",
        "check_coverage",
        "check_reliability",
        "check_lessons",
    ]


def test_the_scan_finds_the_rule_each_fault_test_names():
    source = """
def only_problem(path, rule): ...

def test_one(dataset_copy):
    problem = only_problem(dataset_copy.path, "check_sources")

def test_two(dataset_copy):
    problems = problems_from(dataset_copy.path, rule="check_usage")
    assert only_problem(dataset_copy.path, "check_sources")

def not_a_test(dataset_copy):
    only_problem(dataset_copy.path, "check_coverage")
"""
    assert fault_tests(source, "f.py") == {
        "check_sources": {"f.py::test_one", "f.py::test_two"},
        "check_usage": {"f.py::test_two"},
    }
    assert "test_validator_faults.py::test_start_after_end" in all_fault_tests()["check_event_dates"]


def test_every_problem_names_the_check_that_reported_it(dataset_copy):
    dataset_copy.set_cell("places", "minsk", "lat", "123")
    dataset_copy.set_cell("claims", "visit_step_to_normalisation", "stance", "")
    (dataset_copy.path / "issues.csv").unlink()
    problems = validate(dataset_copy.path)
    assert [(problem.rule, problem.file, problem.column) for problem in problems] == [
        ("read_files", "issues.csv", None),
        ("check_cells", "places.csv", "lat"),
        ("check_claim_stances", "claims.csv", "stance"),
    ]
    assert validate(dataset_copy.path / "no_such_folder")[0].rule == "read_files"


def test_the_rule_is_not_part_of_a_problems_words_or_equality():
    one = Problem("places.csv", 2, "lat", "123", "is above the largest allowed value, 90", rule="check_cells")
    other = Problem("places.csv", 2, "lat", "123", "is above the largest allowed value, 90")
    assert one == other and hash(one) == hash(other)
    assert str(one) == "places.csv, line 2, column 'lat': '123' is above the largest allowed value, 90"
    assert repr(one) == (
        "Problem(file='places.csv', line=2, column='lat', value='123', "
        "message='is above the largest allowed value, 90')"
    )


# --- faults found by the generated datasets (tests/test_generated_datasets.py) ----------------


@pytest.mark.parametrize(
    ("published", "expected"),
    [("", "is empty for the article"), ("../2016-03-30", "open or unknown start"), ("/2016", "open or unknown start")],
)
def test_the_article_says_when_it_was_published(dataset_copy, published, expected):
    """Every time view marks the day the author wrote: an article without a first day to its date
    is reported (by check_sources), not a crash in the timeline, the network and the map."""
    line = dataset_copy.set_cell("sources", "giles_2016", "published", published)
    problem = only_problem(dataset_copy.path, "check_sources")
    assert (problem.file, problem.line, problem.column, problem.value) == ("sources.csv", line, "published", published)
    assert expected in problem.message


def test_a_context_source_may_leave_published_empty(dataset_copy):
    rows = dataset_copy.rows("sources")
    context = next(row for row in rows if row["kind"] == "context")
    dataset_copy.set_cell("sources", context["source_id"], "published", "")
    assert validate(dataset_copy.path) == []
