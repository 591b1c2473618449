"""The package's shape, as docs/architecture.md draws it: layers that import one way, small modules."""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from article_explorer.data.config import PROJECT_ROOT

PACKAGE = PROJECT_ROOT / "article_explorer"
#: The layers, in the order they may import each other: each imports only those before it.
LAYERS = ("data", "geo", "ui", "explorers", "exercises", "tools")
MAX_LINES = 400


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def dotted(path: Path) -> str:
    parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    """Every article_explorer module that ``path`` imports, at the top or inside a function."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("article_explorer"):
            assert node.level == 0, f"{path.name}: relative import; the layers read better absolute"
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names if alias.name.startswith("article_explorer"))
    return names


def layer_of(module: str) -> tuple[int, str] | None:
    """(layer index, unit) of a module: the unit is the explorer (``explorers.map``) or the layer."""
    parts = module.split(".")
    if len(parts) < 2 or parts[1] not in LAYERS:
        return None  # the package's own __init__ and the 0.1 names
    unit = ".".join(parts[:3]) if parts[1] == "explorers" and len(parts) > 2 else ".".join(parts[:2])
    return LAYERS.index(parts[1]), unit


def test_the_folder_tree_is_the_layers():
    folders = sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__")
    assert folders == sorted(LAYERS)
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert loose == ["__init__.py", "_legacy.py"]


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_one_way(path):
    here = layer_of(dotted(path))
    if here is None:
        return
    for module in imported(path):
        there = layer_of(module)
        assert there is not None, f"{dotted(path)} imports {module}, which is outside the layers"
        assert there[0] <= here[0], f"{dotted(path)} ({LAYERS[here[0]]}) imports {module} ({LAYERS[there[0]]})"
        if here[0] == there[0] == LAYERS.index("explorers") and dotted(path) != "article_explorer.explorers.base":
            assert there[1] in (here[1], "article_explorer.explorers.base"), (
                f"{dotted(path)} imports another explorer, {module}: move what they share to data, geo or ui"
            )


def test_the_layer_rule_catches_an_explorer_borrowing_from_another(tmp_path):
    borrowing = tmp_path / "borrow.py"
    borrowing.write_text("def f():\n    from article_explorer.explorers.timeline.explorer import filter_events\n")
    assert imported(borrowing) == {"article_explorer.explorers.timeline.explorer"}
    assert layer_of("article_explorer.explorers.timeline.explorer") == (3, "article_explorer.explorers.timeline")
    assert layer_of("article_explorer.explorers.map.items") == (3, "article_explorer.explorers.map")


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_longer_than_a_screenful_or_eight(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(PACKAGE)} has {lines} lines; split it along its seams"


def test_no_date_format_code_that_fails_on_windows():
    for path in modules():
        assert "%-" not in path.read_text(encoding="utf-8"), f"{path.name}: strftime's %-d fails on Windows"


def test_a_built_wheel_holds_every_module_of_every_layer(tmp_path):
    """``pip install .`` ships what an editable install imports: every subpackage, not just the top."""
    source = tmp_path / "source"
    shutil.copytree(PACKAGE, source / "article_explorer", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(PROJECT_ROOT / name, source / name)
    command = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path / "wheel"), str(source)]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    (wheel,) = (tmp_path / "wheel").glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {name for name in names if name.endswith(".py")}
    expected = {str(path.relative_to(PROJECT_ROOT)).replace("\\", "/") for path in modules()}
    assert "article_explorer/explorers/map/explorer.py" in expected
    assert shipped == expected
    boundaries = "article_explorer/data/boundaries/"
    assert {
        f"{boundaries}{name}"
        for name in ("europe-50m.geojson", "europe-50m-0.036.geojson", "europe-50m-0.108.geojson", "world-110m.geojson")
    } <= set(names), "the maps' boundaries ship as package data"
    assert f"{boundaries}README.md" in names, "with their provenance"


#: What the 0.1 notebooks imported, written out by hand: each must still import, with a warning.
NAMES_OF_RELEASE_0_1 = {
    "app_mode": ["app_mode_link", "next_notebook_link"],
    "claims": ["ClaimsExplorer"],
    "claims_exercises": [
        "coding_exercise",
        "hedge_words_exercise",
        "most_certain_prediction_exercise",
        "possible_predictions_exercise",
    ],
    "coding": ["CodingWorkbench", "PredictionReview"],
    "data": ["Dataset", "DatasetError", "load_dataset"],  # the README's own import was the package's
    "environment": ["check_environment"],
    "exercises": ["save_my_answers"],
    "network": ["ActorNetworkExplorer"],
    "places_exercises": [
        "capitals_within_exercise",
        "dispute_by_year_exercise",
        "nato_neighbours_exercise",
        "nearest_border_exercise",
    ],
    "places_map": ["MapExplorer"],
    "positions": ["PositionMatrixExplorer", "StanceOverTime"],
    "positions_exercises": [
        "attributed_cell_exercise",
        "attributed_positions_exercise",
        "most_connected_exercise",
        "words_only_exercise",
    ],
    "reader": ["ArticleReader"],
    "session": ["answer_book", "dataset"],
    "start_here": ["body_paragraphs_exercise", "prediction_sentence_exercise", "predictions_exercise"],
    "timeline": ["TimelineExplorer"],
    "timeline_exercises": [
        "future_events_exercise",
        "hindsight_exercise",
        "outside_dates_exercise",
        "vague_dates_exercise",
    ],
}


@pytest.mark.parametrize("old", sorted(NAMES_OF_RELEASE_0_1))
def test_what_the_0_1_notebooks_imported_still_imports_and_says_where_it_went(old):
    code = (
        "import warnings, json\n"
        "with warnings.catch_warnings(record=True) as caught:\n"
        "    warnings.simplefilter('always')\n"
        f"    from article_explorer.{old} import {', '.join(NAMES_OF_RELEASE_0_1[old])}\n"
        "print(json.dumps([str(w.message) for w in caught if w.category is DeprecationWarning]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    messages = json.loads(result.stdout)
    assert messages, "an old name imports without saying where it went"
    assert all(m.startswith(f"article_explorer.{old} is now article_explorer.") for m in messages), messages


#: Every module of release 0.1's flat package, written out by hand.
MODULES_OF_RELEASE_0_1 = [
    "actor_card",
    "agreement",
    "app_mode",
    "claims",
    "claims_exercises",
    "cli",
    "coding",
    "config",
    "contract",
    "controls",
    "data",
    "edtf",
    "environment",
    "exercises",
    "geography",
    "handouts",
    "map_countries",
    "map_labels",
    "map_marks",
    "network",
    "places_exercises",
    "places_map",
    "plotview",
    "positions",
    "positions_exercises",
    "reader",
    "reliability",
    "rendering",
    "scroll",
    "server",
    "session",
    "start_here",
    "style",
    "timeline",
    "timeline_exercises",
    "timeline_layout",
    "validation",
]


def test_every_module_name_of_release_0_1_still_imports():
    code = "import importlib, warnings\nwarnings.simplefilter('ignore')\n" + "".join(
        f"importlib.import_module('article_explorer.{name}')\n" for name in MODULES_OF_RELEASE_0_1
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_the_data_layer_imports_no_plotting_and_no_widgets():
    """``article-explorer validate`` and a coder's script load the data layer without a browser's libraries."""
    layer = sorted(dotted(path) for path in (PACKAGE / "data").rglob("*.py"))
    code = "import sys\n" + "".join(f"import {module}\n" for module in layer)
    code += "print(sorted({m.split('.')[0] for m in sys.modules} & {'plotly', 'ipywidgets', 'anywidget', 'IPython'}))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


#: Distribution names of the modules the package imports, where they differ.
DISTRIBUTIONS = {"IPython": "ipython"}


def third_party_imports(paths) -> set[str]:
    names = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return {DISTRIBUTIONS.get(n, n) for n in names if n not in sys.stdlib_module_names and n != "article_explorer"}


def declared(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~\[ ;]", requirement, maxsplit=1)[0].lower() for requirement in requirements}


def test_pip_install_brings_everything_the_package_imports():
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    handouts = PACKAGE / "tools" / "handouts.py"
    assert third_party_imports(p for p in modules() if p != handouts) == declared(project["dependencies"])
    extra = declared(project["optional-dependencies"]["handouts"])
    assert (
        third_party_imports([handouts]) - declared(project["dependencies"])
        == extra
        == {
            "nbclient",
            "nbconvert",
            "nbformat",
        }
    )
    assert "plotly>=6.1" in project["dependencies"]
