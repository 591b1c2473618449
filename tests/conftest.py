"""Shared fixtures: broken copies of the dataset for the validator's tests."""

from __future__ import annotations

import csv
import io
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from article_explorer import validate
from article_explorer.data.config import DEFAULT_DATA_DIR, PROJECT_ROOT

OTHER_ARTICLE = PROJECT_ROOT / "tests" / "data" / "other_article"
#: Two more made-up articles, far from Europe, each with sides of its own (see their README.md):
#: around La Paz (southern and western hemispheres), and on the Mekong (two side schemes).
ANDES_ARTICLE = PROJECT_ROOT / "tests" / "data" / "andes_article"
MEKONG_ARTICLE = PROJECT_ROOT / "tests" / "data" / "mekong_article"
#: Every dataset the notebooks are run on, by name.
DATASETS = {
    "article": DEFAULT_DATA_DIR,
    "other_article": OTHER_ARTICLE,
    "andes_article": ANDES_ARTICLE,
    "mekong_article": MEKONG_ARTICLE,
}
#: Words of the Belarus article that nothing the package draws or says may use on another dataset.
ARTICLE_WORDS = re.compile(r"Belarus|Minsk|NATO|Russia|Lukashenko|Ukrain|Giles|Chatham|Carpenter|Warsaw|Lida\b")
#: Markup that would run if any view inserted dataset text as HTML.
PAYLOAD = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script><b>bold?</b>'


class DatasetCopy:
    """A scratch copy of the repository's dataset that a test can break on purpose."""

    def __init__(self, path: Path):
        self.path = path

    def rows(self, table: str) -> list[dict[str, str]]:
        with open(self.path / f"{table}.csv", encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    def write_rows(self, table: str, rows: list[dict[str, str]], header: list[str] | None = None) -> None:
        header = header or list(rows[0])
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        (self.path / f"{table}.csv").write_text(buffer.getvalue(), encoding="utf-8")

    def set_cell(self, table: str, row_id: str, column: str, value: str) -> int:
        """Change one cell of the row whose first column is ``row_id``; return its CSV line."""
        rows = self.rows(table)
        key = next(iter(rows[0]))
        for index, row in enumerate(rows):
            if row[key] == row_id:
                row[column] = value
                self.write_rows(table, rows)
                return index + 2  # header is line 1; no cell in the dataset spans lines
        raise KeyError(f"{row_id} not in {table}.csv")

    def line_of(self, table: str, row_id: str) -> int:
        rows = self.rows(table)
        key = next(iter(rows[0]))
        return next(index + 2 for index, row in enumerate(rows) if row[key] == row_id)


#: The events of data/ that the article does not report (events.origin = context), written by hand.
CONTEXT_EVENTS = {
    "russian_fighters_lida_2013",
    "russian_fighters_baranovichi_2013",
    "xi_state_visit_2015",
    "polonez_tests_china_2015",
    "blr_delegation_washington_2015",
}


def write_csv(path: Path, header: list[str], rows: list[list[str]] | list[tuple[str, ...]]) -> None:
    """Write a small CSV file (its folder too), as the dataset's files are written: UTF-8, ``\\n`` line ends."""
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def write_hostile_dataset(target: Path) -> DatasetCopy:
    """A copy of the made-up article whose free-text cells carry HTML and script payloads."""
    shutil.copytree(OTHER_ARTICLE, target)
    copy = DatasetCopy(target)
    for table, columns in {
        "events": ("headline", "summary"),
        "claims": ("paraphrase",),
        "actors": ("name", "description"),
        "issues": ("label", "description"),
        "sources": ("title",),
    }.items():
        rows = copy.rows(table)
        for row in rows:
            for column in columns:
                row[column] = f"{PAYLOAD} {row[column]}"
        copy.write_rows(table, rows)
    return copy


#: The value :func:`write_broken_dataset` puts in the first event's date: no month 13, no day 40.
BROKEN_DATE = "2019-13-40"


def write_broken_dataset(target: Path) -> Path:
    """A copy of the made-up article that does not validate: its first event's date is :data:`BROKEN_DATE`."""
    shutil.copytree(OTHER_ARTICLE, target)
    copy = DatasetCopy(target)
    rows = copy.rows("events")
    rows[0]["date"] = BROKEN_DATE
    copy.write_rows("events", rows)
    return target


@pytest.fixture
def hostile_dataset(tmp_path: Path) -> DatasetCopy:
    return write_hostile_dataset(tmp_path / "hostile")


@pytest.fixture
def dataset_copy(tmp_path: Path) -> DatasetCopy:
    """A copy of the dataset without its reliability/ folder: a broken cell then gives one problem,
    not a second one where the second coding disagrees with it (the reliability tests write their own)."""
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, target, ignore=shutil.ignore_patterns("reliability"))
    return DatasetCopy(target)


@pytest.fixture(scope="session")
def tool() -> Callable[[str], str]:
    """Find a command that tests/requirements.txt installs, beside this Python or on PATH."""

    def find(name: str) -> str:
        found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
        assert found, f"{name} is missing: run `bash scripts/run-tests.sh`, which installs tests/requirements.txt"
        return found

    return find


def only_problem(path, rule):
    """The one problem validating ``path`` finds, which ``rule`` must have reported."""
    problems = validate(path)
    assert len(problems) == 1, "\n".join(map(str, problems))
    assert problems[0].rule == rule, f"{problems[0]} is reported by {problems[0].rule}, not {rule}"
    return problems[0]


def problems_from(path, rule):
    """Every problem validating ``path`` finds, in order; ``rule`` must have reported one of them at least."""
    problems = validate(path)
    assert rule in {p.rule for p in problems}, f"no problem from {rule}:\n" + "\n".join(
        f"{p} (from {p.rule})" for p in problems
    )
    return problems
