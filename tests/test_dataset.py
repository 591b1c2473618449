"""The repository's own dataset: valid, complete, and faithful to the article file."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from article_explorer import load_dataset, validate
from article_explorer.data.config import DEFAULT_DATA_DIR, PROJECT_ROOT
from article_explorer.data.contract import build_datapackage
from article_explorer.data.validation import read_dataset, sentence_coverage

ARTICLE_SHA256 = "5f254041109d05f5fd48b381670b66c9405b6c65573efb1af9b693c9fe27d087"
SHARED_ARTICLE = PROJECT_ROOT.parent / "shared" / "source" / "giles-2016-03-30-chatham-house.txt"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DEFAULT_DATA_DIR)


def test_the_dataset_is_valid():
    assert validate(DEFAULT_DATA_DIR) == []


def test_the_article_file_is_the_article_byte_for_byte():
    data = (DEFAULT_DATA_DIR / "source" / "article.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == ARTICLE_SHA256
    if SHARED_ARTICLE.exists():
        assert data == SHARED_ARTICLE.read_bytes()


def test_every_standfirst_and_body_sentence_is_coded():
    cited, uncited = sentence_coverage(read_dataset(DEFAULT_DATA_DIR))
    assert uncited == [], f"sentences not cited by any event, claim or position: {uncited}"
    assert len(cited) == 32


def test_frictionless_validates_the_datapackage(tool):
    frictionless = tool("frictionless")
    result = subprocess.run(
        [frictionless, "validate", "datapackage.json"],
        cwd=DEFAULT_DATA_DIR,
        capture_output=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},  # its table's box characters, on Windows too
    )
    assert result.returncode == 0, result.stdout[-3000:]


def test_datapackage_json_is_generated_from_the_contract():
    written = json.loads((DEFAULT_DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    assert written == build_datapackage(read_dataset(DEFAULT_DATA_DIR).columns), (
        "data/datapackage.json is stale: run `article-explorer datapackage data`"
    )


def test_loaded_tables_have_types_applied(dataset):
    events = dataset.events.set_index("event_id")
    assert pd.api.types.is_datetime64_any_dtype(events["date_start"])
    assert events.loc["carpenter_visit", "date_start"] == pd.Timestamp("2016-03-28")
    assert events.loc["ukraine_hostilities", "date_end"] is pd.NaT
    assert events.loc["carpenter_visit", "actor_ids"][0] == "carpenter"
    assert events.loc["carpenter_visit", "place_name"] == "Minsk"
    assert dataset.places["lat"].dtype == "float64"
    assert dataset.sentences["paragraph"].dtype == "int64"


def test_joins_name_the_actors_and_paragraphs(dataset):
    claims = dataset.claims.set_index("claim_id")
    assert claims.loc["losing_belarus_seen_as_threat", "claimant_name"] == "Russia"
    assert claims.loc["losing_belarus_seen_as_threat", "paragraphs"] == [5]
    assert claims.loc["handle_with_caution", "claimant_name"] == "Keir Giles"
    positions = dataset.positions.set_index("position_id")
    assert positions.loc["lukashenko_georgia_2008", "as_of_start"] == pd.Timestamp("2008-08-01")
    assert positions.loc["lukashenko_georgia_2008", "actor_name"] == "Alexander Lukashenko"


def test_rows_citing_a_sentence(dataset):
    cited = dataset.rows_citing("p11s2")
    assert "warsaw_summit_2016" in set(cited["events"]["event_id"])
    assert "land_base_request_possible" in set(cited["claims"]["claim_id"])


def test_every_alias_is_a_spelling_the_article_uses(dataset):
    for _, actor in dataset.actors.iterrows():
        for alias in actor["aliases"]:
            assert alias in dataset.article, f"{actor['actor_id']}: alias {alias!r} is not in the article"
    assert {"Aleksandr Lukashenko", "Alexander Lukashenko"} <= set(
        dataset.actors.set_index("actor_id").loc["lukashenko", "aliases"]
    )


def test_anticipated_items_with_outcomes_cite_where_they_were_read(dataset):
    with_outcome = dataset.events[dataset.events["outcome"] != ""]
    assert {"warsaw_summit_2016", "attache_offer", "land_forces_base_proposal"} <= set(with_outcome["event_id"])
    context_sources = set(dataset.sources.loc[dataset.sources["kind"] == "context", "source_id"])
    assert set(with_outcome["outcome_source_id"]) <= context_sources


def test_the_environment_variable_points_the_loader_elsewhere(tmp_path, monkeypatch):
    shutil.copytree(DEFAULT_DATA_DIR, tmp_path / "elsewhere")
    monkeypatch.setenv("ARTICLE_DATA_DIR", str(tmp_path / "elsewhere"))
    assert load_dataset().path == (tmp_path / "elsewhere").resolve()


def test_the_command_line_reports_a_clean_dataset():
    result = subprocess.run(
        [sys.executable, "-m", "article_explorer.tools.cli", "validate", str(DEFAULT_DATA_DIR)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout
    assert "is valid" in result.stdout
    assert "sentence coverage 100% (32/32)" in result.stdout


def test_the_codebook_documents_every_column():
    from article_explorer.data.contract import TABLES

    codebook = (DEFAULT_DATA_DIR / "README.md").read_text(encoding="utf-8")
    missing = [
        f"{table.filename}:{spec.name}"
        for table in TABLES
        for spec in table.fields
        if f"| `{spec.name}` |" not in codebook
    ]
    assert missing == []


def test_every_context_source_is_cited_somewhere(dataset):
    cited_text = " ".join(
        str(value)
        for frame in (dataset.events, dataset.claims, dataset.positions, dataset.places)
        for value in frame.to_numpy().ravel()
    )
    context = dataset.sources[dataset.sources["kind"] == "context"]
    uncited = [sid for sid in context["source_id"] if sid not in cited_text]
    assert uncited == []
