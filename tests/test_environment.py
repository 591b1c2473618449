"""The setup check of notebook 00: what it reports, and the advice it gives where the learner is.

Each situation is set up by hand (installed versions, the tested pins, the declared floors and
the environment variables), and each expected message is written out in full.
"""

from __future__ import annotations

from importlib import metadata

import pytest

from article_explorer.tools import environment
from article_explorer.tools.environment import Finding, check_environment, package_findings, where_am_i

from .conftest import OTHER_ARTICLE

HUB_VARIABLES = (
    "JUPYTERHUB_USER",
    "JUPYTERHUB_API_URL",
    "JUPYTERHUB_SERVICE_PREFIX",
    "BINDER_SERVICE_HOST",
    "BINDER_LAUNCH_HOST",
    "BINDER_REPO_URL",
)
#: What the package's dependencies declare, as pyproject.toml writes them (a part of them).
FLOORS = {"pandas": "2.2", "plotly": "6.1", "numpy": "1.26"}
TESTED = "# the notebooks' pins\npandas==3.1.1\nplotly==7.1.0  # figures\nvoila==0.5.13\n-e .\n"
AS_TESTED = {"pandas": "3.1.1", "plotly": "7.1.0", "voila": "0.5.13", "numpy": "2.4.6"}


@pytest.fixture
def laptop(monkeypatch):
    for name in HUB_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(environment, "declared_floors", lambda: dict(FLOORS))


@pytest.fixture
def pins(tmp_path):
    path = tmp_path / "requirements.txt"
    path.write_text(TESTED, encoding="utf-8")
    return path


def installed(monkeypatch, **changes):
    versions = {**AS_TESTED, **changes}
    monkeypatch.setattr(environment, "installed_version", lambda name: versions.get(name))


def check(pins, **kwargs) -> list[str]:
    return check_environment(OTHER_ARTICLE, requirements=pins, **kwargs).splitlines()


@pytest.mark.parametrize(
    ("variables", "place"),
    [
        ({}, "laptop"),
        ({"JUPYTERHUB_USER": "ada"}, "hub"),
        ({"JUPYTERHUB_API_URL": "http://hub:8081/hub/api"}, "hub"),
        ({"BINDER_SERVICE_HOST": "10.0.0.7"}, "binder"),
        ({"BINDER_SERVICE_HOST": "10.0.0.7", "JUPYTERHUB_USER": "ada"}, "binder"),  # Binder runs a hub too
        ({"JUPYTERHUB_USER": ""}, "laptop"),
    ],
)
def test_where_the_learner_is_comes_from_the_environment_variables(laptop, monkeypatch, variables, place):
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert where_am_i() == place


def test_a_patch_release_is_all_good_and_not_mentioned(laptop, monkeypatch, pins):
    installed(monkeypatch, pandas="3.1.2", plotly="7.1.0.post1")
    (line,) = check(pins)
    assert line.startswith("✔ All good: pandas 3.1.2, plotly 7.1.0.post1, voila 0.5.13, numpy 2.4.6; the dataset in ")
    assert line.endswith("You are ready to go.")


def test_another_minor_version_is_information_with_the_pip_command_on_a_laptop(laptop, monkeypatch, pins):
    installed(monkeypatch, pandas="3.0.2", voila="1.0.0")
    first, note = check(pins)
    assert first.startswith("✔ All good: pandas 3.0.2, plotly 7.1.0, voila 1.0.0, numpy 2.4.6;")
    assert note == (
        "ℹ For information: pandas 3.0.2 is installed; the lessons were tested with 3.1.1; "
        "voila 1.0.0 is installed; the lessons were tested with 0.5.13. That is usually fine; "
        'if something behaves oddly, `%pip install "pandas==3.1.1" "voila==0.5.13"` gives you the tested versions.'
    )


def test_another_minor_version_on_a_hub_asks_nothing_of_the_learner(laptop, monkeypatch, pins):
    installed(monkeypatch, pandas="2.2.3")  # above the floor, below the tested 3.1
    monkeypatch.setenv("JUPYTERHUB_USER", "ada")
    first, note = check(pins)
    assert first.startswith("✔ All good: pandas 2.2.3,")
    assert note == (
        "ℹ For information: pandas 2.2.3 is installed; the lessons were tested with 3.1.1. There is nothing for "
        "you to do; if something behaves oddly, tell your instructor and show them this line."
    )
    assert "pip" not in note


def test_a_missing_package_and_one_below_the_floor_give_the_pip_command_on_a_laptop(laptop, monkeypatch, pins):
    installed(monkeypatch, pandas="2.1.4", numpy=None)
    assert check(pins) == [
        "✘ 2 problems with the installed packages: pandas 2.1.4 is installed; article-explorer needs pandas>=2.2 "
        "(the lessons were tested with 3.1.1); numpy is not installed (article-explorer needs numpy>=1.26).",
        "To fix this, run the next line in a new cell, restart the kernel (Kernel menu) and run this cell again:",
        '%pip install "pandas==3.1.1" "numpy>=1.26"',
    ]


def test_on_a_hub_a_problem_goes_to_the_instructor_as_one_line_to_show(laptop, monkeypatch, pins):
    installed(monkeypatch, pandas="2.1.4", voila=None)
    monkeypatch.setenv("JUPYTERHUB_API_URL", "http://hub:8081/hub/api")
    assert check(pins) == [
        "✘ 2 problems with the installed packages. You cannot change the packages on this JupyterHub, and you "
        "need not: tell your instructor, and show them this line:",
        "article-explorer environment check: pandas 2.1.4 is installed; article-explorer needs pandas>=2.2 "
        "(the lessons were tested with 3.1.1); voila is not installed (the lessons were tested with 0.5.13)",
    ]


def test_on_binder_a_problem_goes_to_the_instructor_too(laptop, monkeypatch, pins):
    installed(monkeypatch, plotly="6.0.1")
    monkeypatch.setenv("BINDER_SERVICE_HOST", "10.0.0.7")
    monkeypatch.setenv("JUPYTERHUB_USER", "jovyan")
    assert check(pins) == [
        "✘ 1 problem with the installed packages. You cannot change the packages on Binder (it installs them from "
        "the repository's requirements.txt): tell your instructor, and show them this line:",
        "article-explorer environment check: plotly 6.0.1 is installed; article-explorer needs plotly>=6.1 "
        "(the lessons were tested with 7.1.0)",
    ]


def test_a_package_installed_from_a_wheel_has_no_pins_and_is_checked_against_the_floors(laptop, monkeypatch, tmp_path):
    installed(monkeypatch, pandas="2.2.0")
    missing = tmp_path / "requirements.txt"
    (line,) = check(missing)
    assert line.startswith("✔ All good: pandas 2.2.0, plotly 7.1.0, numpy 2.4.6; the dataset in ")
    installed(monkeypatch, pandas="1.5.3")
    assert check(None)[0] == (
        "✘ 1 problem with the installed packages: pandas 1.5.3 is installed; article-explorer needs pandas>=2.2."
    )
    assert check(None)[2] == '%pip install "pandas>=2.2"'


def test_dataset_problems_are_listed_with_advice_for_who_made_the_dataset(laptop, monkeypatch, pins, dataset_copy):
    installed(monkeypatch)
    dataset_copy.set_cell("places", "minsk", "lat", "123")
    lines = check_environment(dataset_copy.path, requirements=pins).splitlines()
    assert lines == [
        f"✘ 1 problem in the dataset in {dataset_copy.path.resolve()}: places.csv, line 2, column 'lat': '123' "
        "is above the largest allowed value, 90",
        "Fix these in the dataset's files, then run this cell again.",
    ]
    monkeypatch.setenv("JUPYTERHUB_USER", "ada")
    assert check_environment(dataset_copy.path, requirements=pins).splitlines()[1] == (
        "If you made this dataset, fix these in its files and run this cell again; "
        "if your instructor set it up, tell them and show them these lines."
    )


@pytest.mark.parametrize(
    ("finding", "kind"),
    [
        (Finding("pandas", None, "2.2", "3.1.1"), "missing"),
        (Finding("pandas", "2.1.4", "2.2", "3.1.1"), "too_old"),
        (Finding("pandas", "2.2", "2.2", "3.1.1"), "untested"),  # the floor itself is allowed
        (Finding("pandas", "4.0.0", "2.2", "3.1.1"), "untested"),  # newer is information too
        (Finding("pandas", "3.1.0", "2.2", "3.1.1"), None),  # an older patch release
        (Finding("pandas", "3.1.1rc1", "2.2", "3.1.1"), None),
        (Finding("plotly", "6.1", "6.1", None), None),
        (Finding("ipython", "8.12.3", "8", None), None),
    ],
)
def test_what_counts_as_a_problem(finding, kind):
    assert finding.kind == kind


def test_the_floors_come_from_the_package_metadata_or_else_from_pyproject(monkeypatch):
    floors = environment.declared_floors()
    assert floors["pandas"] == "2.2" and floors["plotly"] == "6.1"
    assert "nbclient" not in floors, "the handouts extra is not needed for the lessons"

    def not_installed(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(environment.metadata, "requires", not_installed)
    assert environment.declared_floors() == floors


def test_the_repositorys_own_pins_and_dependencies_are_all_found():
    names = [finding.name for finding in package_findings()]
    assert names[:3] == ["jupyterlab", "ipywidgets", "jupyterlab_widgets"], "requirements.txt first, in its order"
    assert "numpy" in names and len(names) == len({name.lower() for name in names})
