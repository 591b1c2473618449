"""Every notebook, executed top to bottom in a fresh kernel and again in the same kernel,
on the article's dataset and on a second, made-up one; and committed clean."""

from __future__ import annotations

import csv
import json
import re

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from article_explorer.data.config import DEFAULT_DATA_DIR, PROJECT_ROOT

from .conftest import ARTICLE_WORDS, BROKEN_DATE, DATASETS, write_broken_dataset

NOTEBOOK_DIR = PROJECT_ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))


def test_there_are_notebooks():
    assert [path.name for path in NOTEBOOKS][:1] == ["00_start_here.ipynb"]


def run_all(client: NotebookClient, notebook) -> None:
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        try:
            client.execute_cell(cell, index)
        except CellExecutionError as error:
            pytest.fail(f"cell {index} raised:\n{cell.source}\n\n{error}", pytrace=False)
        for output in cell.get("outputs", []):
            if output.output_type == "error" or (output.output_type == "stream" and output.name == "stderr"):
                pytest.fail(f"cell {index} wrote an error:\n{cell.source}\n\n{output}", pytrace=False)


@pytest.mark.parametrize("dataset", DATASETS, ids=str)
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_twice_in_one_kernel(path, dataset, monkeypatch):
    monkeypatch.setenv("ARTICLE_DATA_DIR", str(DATASETS[dataset]))
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook, timeout=180, kernel_name="python3", resources={"metadata": {"path": NOTEBOOK_DIR}}
    )
    with client.setup_kernel():
        run_all(client, notebook)  # a fresh kernel, top to bottom
        run_all(client, notebook)  # and again, as after a learner's "Run All" in the same session
        client.set_widgets_metadata()
    if dataset != "article":  # what the package draws and says is this dataset's, not the article's
        shown = json.dumps(notebook.metadata.get("widgets", {}), ensure_ascii=False) + "".join(
            html_of(cell) for cell in notebook.cells if cell.cell_type == "code"
        )
        found = sorted({match.group(0) for match in ARTICLE_WORDS.finditer(shown)})
        assert not found, f"the article's words on {dataset}: {found}"
        own = {  # and it does show this dataset: some of its names are on the page
            row[column]
            for table, column in (("actors", "name"), ("places", "name"), ("events", "headline"), ("issues", "label"))
            for row in csv.DictReader((DATASETS[dataset] / f"{table}.csv").open(encoding="utf-8"))
        }
        assert any(name in shown for name in own), f"none of {dataset}'s names is shown"
    check = next((c for c in notebook.cells if c.cell_type == "code" and "check_environment()" in c.source), None)
    if check is not None:
        assert "✔ All good" in check.outputs[0]["text"], check.outputs[0]["text"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_committed_clean(path):
    raw = json.loads(path.read_text(encoding="utf-8"))
    for cell in raw["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, "strip the outputs"
        metadata = cell.get("metadata", {})
        assert set(metadata) <= {"tags"} and set(metadata.get("tags", [])) <= {"lab-only"}, (
            f"volatile cell metadata: {metadata}"
        )
    assert raw["metadata"]["kernelspec"]["name"] == "python3"
    assert set(raw["metadata"]) <= {"kernelspec", "language_info"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_follows_the_lesson_skeleton(path):
    notebook = nbformat.read(path, as_version=4)
    markdown = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    assert len(re.findall(r"^# ", markdown, re.MULTILINE)) == 1, "exactly one H1 title"
    for part in ("**Questions**", "**Objectives**", "**Time**", "**Prerequisites**", "## Key points"):
        assert part in markdown, f"missing {part}"
    assert "### What's next" in markdown and "## Sources" in markdown
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert len(cell.source.splitlines()) <= 6, (
                f"keep code cells short; move logic to the package:\n{cell.source}"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_cell_runs_on_its_own_in_any_order(path, monkeypatch):
    """Learners run cells out of order, and restart and run only the last one: so every code cell
    imports what it uses. Run from the last cell to the first in a fresh kernel, no cell may fail,
    and a cell that needs an explorer made further up says so in a sentence."""
    monkeypatch.setenv("ARTICLE_DATA_DIR", str(DEFAULT_DATA_DIR))
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook, timeout=180, kernel_name="python3", resources={"metadata": {"path": NOTEBOOK_DIR}}
    )
    code_cells = [(index, cell) for index, cell in enumerate(notebook.cells) if cell.cell_type == "code"]
    with client.setup_kernel():
        for index, cell in reversed(code_cells):
            try:
                client.execute_cell(cell, index)
            except CellExecutionError as error:
                pytest.fail(f"run on its own, cell {index} raised:\n{cell.source}\n\n{error}", pytrace=False)
    for _, cell in code_cells:
        for line in cell.source.splitlines():
            assert not re.match(r"^\w+ = ", line), f"a cell leaves a name for later cells:\n{cell.source}"


def html_of(cell) -> str:
    """Everything a cell's outputs show as HTML or text, widgets included (their state's values)."""
    shown = []
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        shown.append(data.get("text/html", "") + data.get("text/plain", "") + output.get("text", ""))
    return "\n".join(shown)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_on_a_dataset_that_does_not_validate_one_panel_explains_and_the_rest_say_they_cannot_run(
    path, tmp_path, monkeypatch
):
    broken = write_broken_dataset(tmp_path / "broken")
    monkeypatch.setenv("ARTICLE_DATA_DIR", str(broken))
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook, timeout=180, kernel_name="python3", resources={"metadata": {"path": NOTEBOOK_DIR}}
    )
    with client.setup_kernel():
        run_all(client, notebook)  # no cell raises, none writes an error
        client.set_widgets_metadata()
    widget_state = json.dumps(notebook.metadata.get("widgets", {}))
    shown = [html_of(cell) for cell in notebook.cells if cell.cell_type == "code"]
    needs_data = [
        cell
        for cell in notebook.cells
        if cell.cell_type == "code"
        and re.search(r"dataset\(\)|_exercise\(|Review\(|Workbench\(|reading_items\(|think_box\(", cell.source)
    ]
    assert needs_data, "every notebook shows something made from the dataset"
    # The panel and the notices are widgets: their words are in the notebook's widget state.
    assert widget_state.count("ae-dataset-problems") == 1, "one panel"
    assert "events.csv" in widget_state and BROKEN_DATE in widget_state, "the panel names the file and the value"
    assert widget_state.count("This part cannot run") == len(needs_data) - 1, "every other cell says it cannot run"
    assert not any("Traceback" in text for text in shown)
