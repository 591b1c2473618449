"""The repository as a newcomer meets it: one pinned dependency list, Binder's build, CI, lint."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import article_explorer
from article_explorer.data.config import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def requirement_lines(path: Path) -> list[str]:
    lines = (line.split("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def test_binder_installs_the_one_requirements_list():
    assert requirement_lines(PROJECT_ROOT / "binder" / "requirements.txt") == ["-r ../requirements.txt"]


def test_every_requirement_is_pinned_and_the_package_is_installed_from_the_repository():
    lines = requirement_lines(PROJECT_ROOT / "requirements.txt")
    assert "-e ." in lines
    unpinned = [line for line in lines if not line.startswith("-") and "==" not in line]
    assert unpinned == []
    assert Path(article_explorer.__file__).resolve().is_relative_to(PROJECT_ROOT)


def test_runtime_names_the_python_the_tests_run_on():
    runtime = (PROJECT_ROOT / "binder" / "runtime.txt").read_text(encoding="utf-8").strip()
    assert runtime == f"python-{sys.version_info.major}.{sys.version_info.minor}"


@pytest.mark.skipif(sys.platform == "win32", reason="binder/start is a bash script that Binder runs on Linux")
def test_the_readme_and_binder_start_the_server_with_the_projects_settings(tmp_path):
    config = PROJECT_ROOT / "jupyter-config" / "jupyter_server_config.py"
    assert "--config=jupyter-config/jupyter_server_config.py notebooks" in README
    result = subprocess.run(
        ["bash", str(PROJECT_ROOT / "binder" / "start"), "printenv", "JUPYTER_CONFIG_PATH"],
        capture_output=True,
        text=True,
        env={"PATH": os.environ["PATH"], "REPO_DIR": str(PROJECT_ROOT)},
    )
    first = result.stdout.strip().split(os.pathsep)[0]
    assert Path(first) == config.parent, "binder/start points the server at jupyter-config/"
    text = config.read_text(encoding="utf-8")
    assert "c.MappingKernelManager.cull_idle_timeout = 600" in text
    assert "c.VoilaConfiguration.prelaunch_hook = set_xsrf_cookie" in text


def test_ci_runs_the_test_command_the_readme_prints():
    command = "bash scripts/run-tests.sh"
    assert command in README
    assert command in (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def binder_dockerfile(tool) -> str:
    if sys.platform == "win32":
        pytest.skip("repo2docker runs on Linux and macOS only (it calls os.geteuid and writes Windows paths)")
    repo2docker = tool("repo2docker")
    result = subprocess.run(
        [repo2docker, "--no-build", "--debug", str(PROJECT_ROOT)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout + result.stderr


def test_binder_builds_with_our_python_and_installs_our_requirements_after_copying_the_repository(binder_dockerfile):
    runtime = (PROJECT_ROOT / "binder" / "runtime.txt").read_text(encoding="utf-8").strip()
    assert f"python={runtime.removeprefix('python-')}" in binder_dockerfile
    copy_repository = binder_dockerfile.index("COPY --chown=0:0 src/ ${REPO_DIR}/")
    install = binder_dockerfile.index('pip install --no-cache-dir -r "binder/requirements.txt"')
    assert copy_repository < install, "the editable install of our package needs the repository copied first"
    assert re.search(r"^WORKDIR \$\{REPO_DIR\}$", binder_dockerfile, re.MULTILINE)


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]])
def test_code_is_linted_and_formatted(tool, command):
    ruff = tool("ruff")
    result = subprocess.run([ruff, *command, str(PROJECT_ROOT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1000:]


BINDER = re.compile(r"https://mybinder\.org/v2/gh/([\w.-]+/[\w.-]+)/main\?urlpath=([^)\s]+)")


def test_every_binder_link_opens_something_that_exists_in_one_repository():
    links = BINDER.findall(README)
    assert {slug for slug, _ in links} == {links[0][0]}, "one repository slug: change it in one go when forking"
    paths = [path for _, path in links]
    notebooks = sorted(p.name for p in (PROJECT_ROOT / "notebooks").glob("*.ipynb"))
    assert "lab/tree/notebooks/00_start_here.ipynb" in paths, "a Binder badge for JupyterLab"
    assert "voila/render/notebooks/00_start_here.ipynb" in paths, "a Binder badge for app mode, on a page that works"
    assert not any(path.startswith("voila/tree") for path in paths), "Voila's file list rendered blank"
    assert {f"voila/render/notebooks/{name}" for name in notebooks} <= set(paths), "an app link per notebook"
    for path in paths:
        target = path.split("/", 2)[2]
        assert (PROJECT_ROOT / target).exists(), f"{path} points to nothing"


def test_the_readme_shows_each_explorer_and_links_what_an_instructor_needs():
    for image in re.findall(r"\]\((docs/screenshots/[^)]+\.png)\)", README):
        assert (PROJECT_ROOT / image).is_file(), image
    assert len(set(re.findall(r"docs/screenshots/(\d\d)_", README))) == 4, "a screenshot of each explorer"
    for target in ("docs/instructor-guide.md", "data/README.md", "LICENSE", "LICENSE-CONTENT", "CITATION.cff"):
        assert f"]({target}" in README and (PROJECT_ROOT / target).is_file(), target
    for section in ("## For instructors", "## For large classes", "## Build the same set for another article"):
        assert section in README
    assert "article-explorer handouts" in README and "git-pull?repo=" in README


def test_the_instructor_guide_gives_the_answers_the_exercises_compute():
    from article_explorer import load_dataset
    from article_explorer.exercises.base import AnswerBook
    from article_explorer.exercises.places import nearest_border_exercise
    from article_explorer.explorers.map.explorer import MapExplorer

    guide = (PROJECT_ROOT / "docs" / "instructor-guide.md").read_text(encoding="utf-8")
    dataset, book = load_dataset(), AnswerBook("guide")
    body = dataset.sentences[dataset.sentences["part"] == "body"]["paragraph"].nunique()
    outside = int((dataset.events["date_basis"] != "article").sum())
    attributed = int((dataset.positions["basis"] == "attributed").sum())
    possible = int(
        (
            (dataset.claims["claim_type"] == "prediction")
            & (dataset.claims["voice"] == "own")
            & (dataset.claims["certainty"] == "possible")
        ).sum()
    )
    km = min(nearest_border_exercise(MapExplorer(dataset), book).correct) + 10
    for expected in (f"**{body}**", f"**{outside}** of", f"**{attributed}** of", f"**{possible}**", f"**{km} km**"):
        assert expected in guide, f"the answer key should say {expected}"
