"""The repository as a newcomer meets it: one pinned dependency list, Binder's build, CI, lint."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import article_explorer
from article_explorer.config import PROJECT_ROOT

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


def test_ci_runs_the_test_command_the_readme_prints():
    command = "bash scripts/run-tests.sh"
    assert command in README
    assert command in (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def binder_dockerfile(tool) -> str:
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
