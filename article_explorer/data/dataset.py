"""Load a dataset as pandas DataFrames with types applied.

>>> dataset = load_dataset()
>>> dataset.events[["event_id", "date", "precision"]].head(2)  # doctest: +SKIP

``load_dataset`` validates first: a dataset that breaks the contract raises one
:class:`DatasetError` that lists every problem, so a learner never meets a traceback from
deep inside pandas.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from article_explorer.data.contract import (
    ADJUDICATION,
    ARTICLE_SCHEME,
    COUNTRY_SIDES,
    ITEMS,
    MISCONCEPTIONS,
    OPTIONS,
    SECOND_CODING,
    SIDES,
    TABLES,
    Table,
)
from article_explorer.data.edtf import parse_edtf
from article_explorer.data.validation import Problem, RawDataset, read_dataset
from article_explorer.data.validation.read import split_list

MAX_PROBLEMS_SHOWN = 30


class DatasetError(ValueError):
    """The dataset does not honour the data contract; ``problems`` lists why."""

    def __init__(self, path: Path, problems: list[Problem]):
        self.path = path
        self.problems = problems
        shown = "\n".join(f"  - {problem}" for problem in problems[:MAX_PROBLEMS_SHOWN])
        more = len(problems) - MAX_PROBLEMS_SHOWN
        tail = f"\n  ... and {more} more (run `article-explorer validate {path}` to see them all)" if more > 0 else ""
        super().__init__(
            f"The dataset in {path} has {len(problems)} problem{'s' if len(problems) != 1 else ''}; "
            f"fix {'them' if len(problems) != 1 else 'it'} and load it again:\n{shown}{tail}"
        )


@dataclass(frozen=True)
class Dataset:
    """The tables of one coded article, as DataFrames, plus the article's text.

    Besides the contract's columns, the loader adds a few joined columns for convenience:
    ``paragraphs`` (the paragraph numbers a row cites) on events, claims and positions;
    ``place_name`` and ``actor_names`` on events; ``claimant_name`` and ``issue_label`` on
    claims; ``actor_name``, ``issue_label``, ``as_of_start`` and ``as_of_end`` on positions.

    Every view can rely on the contract v2 columns: a v1 dataset, which has no
    ``events.origin`` or ``places.role``, loads with ``origin = "article"`` for every event
    and ``role = "mentioned"`` for every place, and an empty ``role`` is ``"mentioned"``.
    ``second_coding`` and ``adjudication`` (the optional ``reliability/`` folder) are empty
    frames with the contract's columns when the dataset has no such folder; so are ``items``,
    ``options`` and ``misconceptions`` without the optional ``lessons/`` folder. A dataset without
    ``sides.csv`` (contract v1) has one side per ``places.side`` value, labelled with the value
    itself; without ``country_sides.csv``, ``country_sides`` is empty.
    """

    path: Path
    article: str
    sources: pd.DataFrame
    sentences: pd.DataFrame
    actors: pd.DataFrame
    places: pd.DataFrame
    issues: pd.DataFrame
    events: pd.DataFrame
    claims: pd.DataFrame
    positions: pd.DataFrame
    sides: pd.DataFrame = field(default_factory=lambda: _empty_frame(SIDES))
    country_sides: pd.DataFrame = field(default_factory=lambda: _empty_frame(COUNTRY_SIDES))
    second_coding: pd.DataFrame = field(default_factory=lambda: _empty_frame(SECOND_CODING))
    adjudication: pd.DataFrame = field(default_factory=lambda: _empty_frame(ADJUDICATION))
    items: pd.DataFrame = field(default_factory=lambda: _empty_frame(ITEMS))
    options: pd.DataFrame = field(default_factory=lambda: _empty_frame(OPTIONS))
    misconceptions: pd.DataFrame = field(default_factory=lambda: _empty_frame(MISCONCEPTIONS))

    @property
    def has_reliability(self) -> bool:
        """Whether the dataset has a second coding (the optional ``reliability/`` folder)."""
        return not self.second_coding.empty

    def table(self, name: str) -> pd.DataFrame:
        """Return a table by name (``"events"``, ``"claims"``...)."""
        return getattr(self, name)

    @property
    def article_source(self) -> pd.Series:
        """The sources.csv row of the article itself."""
        return self.sources[self.sources["kind"] == "article"].iloc[0]

    @cached_property
    def published(self) -> dt.date:
        """The day the article was published (the earliest day of its EDTF date)."""
        return parse_edtf(self.article_source["published"]).earliest or dt.date.today()

    @cached_property
    def actor_names(self) -> dict[str, str]:
        """actor_id -> the actor's name."""
        return dict(zip(self.actors["actor_id"], self.actors["name"], strict=True))

    @cached_property
    def issue_labels(self) -> dict[str, str]:
        """issue_id -> the issue's label."""
        return dict(zip(self.issues["issue_id"], self.issues["label"], strict=True))

    @cached_property
    def claims_in_order(self) -> pd.DataFrame:
        """The claims in the order a reader meets them: by first paragraph cited, then by id."""
        first = self.claims["paragraphs"].map(min)
        return self.claims.assign(_first=first).sort_values(["_first", "claim_id"]).drop(columns="_first")

    @cached_property
    def sources_by_id(self) -> dict[str, dict]:
        """source_id -> its row of sources.csv, as a dict (``title``, ``url``, ...)."""
        return {row["source_id"]: row for row in self.sources.to_dict("records")}

    def summary(self) -> pd.DataFrame:
        """How many rows each table has."""
        names = ["sources", "sentences", "actors", "places", "issues", "events", "claims", "positions"]
        return pd.DataFrame({"table": names, "rows": [len(self.table(name)) for name in names]}).set_index("table")

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(self.table(n))} {n}" for n in ("events", "claims", "positions", "actors", "places"))
        return f"<Dataset from {self.path}: {counts}>"

    @cached_property
    def _citing_positions(self) -> dict[str, dict[str, list[int]]]:
        index: dict[str, dict[str, list[int]]] = {}
        for name in ("events", "claims", "positions"):
            by_sentence: dict[str, list[int]] = {}
            for position, sentence_ids in enumerate(self.table(name)["sentence_ids"]):
                for sentence_id in sentence_ids:
                    by_sentence.setdefault(sentence_id, []).append(position)
            index[name] = by_sentence
        return index

    def rows_citing(self, sentence_id: str) -> dict[str, pd.DataFrame]:
        """The events, claims and positions that cite one sentence."""
        return {
            name: self.table(name).iloc[by_sentence.get(sentence_id, [])]
            for name, by_sentence in self._citing_positions.items()
        }


def _empty_frame(table: Table) -> pd.DataFrame:
    columns = [spec.name for spec in table.fields if not (spec.optional or spec.extension)]
    return pd.DataFrame({column: pd.Series(dtype="object") for column in columns})


def _typed_frame(table: Table, raw: RawDataset) -> pd.DataFrame:
    if table.name not in raw.tables:
        return _empty_frame(table)  # an optional table the dataset leaves out
    columns = raw.columns[table.name]
    records = [{column: row[column] for column in columns} for row in raw.tables[table.name]]
    frame = pd.DataFrame.from_records(records, columns=columns)
    for spec in table.fields:
        if spec.default is not None:  # a contract v2 column: absent in a v1 dataset, or a cell left empty
            frame[spec.name] = frame[spec.name].replace("", spec.default) if spec.name in frame else spec.default
    for spec in table.fields:
        if spec.name not in frame:
            continue
        if spec.type == "integer":
            frame[spec.name] = frame[spec.name].astype("int64")
        elif spec.type == "number":
            frame[spec.name] = frame[spec.name].astype("float64")
        elif spec.type == "date":
            frame[spec.name] = pd.to_datetime(frame[spec.name].replace("", None), format="%Y-%m-%d")
        elif spec.type == "list":
            frame[spec.name] = frame[spec.name].map(split_list)
    return frame


def _sides_of_places(places: pd.DataFrame) -> pd.DataFrame:
    """A v1 dataset's sides: each value of ``places.side``, in order of appearance, as its own label."""
    ids = list(dict.fromkeys(side for side in places["side"] if side))
    columns = {spec.name: [""] * len(ids) for spec in SIDES.fields if not spec.optional}
    return pd.DataFrame({**columns, "side_id": ids, "label": ids, "scheme": [ARTICLE_SCHEME] * len(ids)})


def _paragraphs(sentence_ids: list[str], paragraph_of: dict[str, int]) -> list[int]:
    return sorted({paragraph_of[sid] for sid in sentence_ids})


def _add_joins(frames: dict[str, pd.DataFrame]) -> None:
    paragraph_of = dict(zip(frames["sentences"]["sentence_id"], frames["sentences"]["paragraph"], strict=True))
    actor_name = dict(zip(frames["actors"]["actor_id"], frames["actors"]["name"], strict=True))
    place_name = dict(zip(frames["places"]["place_id"], frames["places"]["name"], strict=True))
    issue_label = dict(zip(frames["issues"]["issue_id"], frames["issues"]["label"], strict=True))
    for name in ("events", "claims", "positions"):
        frame = frames[name]
        frame["paragraphs"] = frame["sentence_ids"].map(lambda ids: _paragraphs(ids, paragraph_of))
    events = frames["events"]
    events["place_name"] = events["place_id"].map(lambda pid: place_name.get(pid, ""))
    events["actor_names"] = events["actor_ids"].map(lambda ids: [actor_name[a] for a in ids])
    claims = frames["claims"]
    claims["claimant_name"] = claims["claimant_id"].map(actor_name)
    claims["issue_label"] = claims["issue_id"].map(lambda iid: issue_label.get(iid, ""))
    positions = frames["positions"]
    positions["actor_name"] = positions["actor_id"].map(actor_name)
    positions["issue_label"] = positions["issue_id"].map(issue_label)
    as_of = positions["as_of"].map(parse_edtf)
    positions["as_of_start"] = pd.to_datetime(as_of.map(lambda d: d.earliest))
    positions["as_of_end"] = pd.to_datetime(as_of.map(lambda d: d.latest))


def load_dataset(path: str | os.PathLike[str] | None = None) -> Dataset:
    """Load and validate the dataset in ``path``.

    ``path`` defaults to ``$ARTICLE_DATA_DIR`` if set, else the repository's ``data/``.
    Raises :class:`DatasetError` listing every problem if the dataset breaks the contract.
    """
    raw = read_dataset(path)
    if raw.problems:
        raise DatasetError(raw.path, raw.problems)
    frames = {table.name: _typed_frame(table, raw) for table in TABLES}
    if SIDES.name not in raw.tables:
        frames[SIDES.name] = _sides_of_places(frames["places"])
    _add_joins(frames)
    return Dataset(path=raw.path, article=raw.article or "", **frames)
