"""A non-editable install works on its own: ``pip install`` of the wheel, used outside the repository.

The test builds a wheel of the project, installs it into a fresh virtual environment and then,
from a folder outside the repository and with ``ARTICLE_DATA_DIR`` pointing at a copy of
``tests/data/other_article``, runs the ``article-explorer`` command, runs a notebook in a kernel of
that environment, and checks that every file the package read came from the environment, not
from the checkout.

How the environment's own install wins over the repository's editable one
-------------------------------------------------------------------------
The venv is made with ``--system-site-packages`` so that the dependencies already installed
are reused (nothing is downloaded: the wheel goes in with ``--no-deps --no-index``). The system
site-packages also hold the editable install of this repository, so the test must make sure it
cannot shadow the wheel:

* sys.path puts the venv's site-packages before the system's, and the wheel is a plain package
  there. A modern editable install (setuptools >= 64) is a finder appended to the *end* of
  ``sys.meta_path``, which is only asked for a module the ordinary path search cannot find; an
  older one (a ``.pth`` or ``.egg-link`` that adds the checkout to ``sys.path``) is read from the
  system site-packages, after the venv's. Either way the venv's copy is found first.
* Three other ways in are closed: every process runs in a temporary folder outside the
  repository (no checkout on ``sys.path[0]``), without ``PYTHONPATH``, and with
  ``PYTHONNOUSERSITE=1`` (no ``pip install --user -e .`` from the user's site-packages).
* None of that is taken on trust. The assertions check where ``article_explorer`` and its
  distribution metadata were found, in the command-line process and in the notebook's kernel,
  and an audit hook, installed in the venv by a ``.pth`` file, records every file or folder
  any process of the venv opens or lists inside the repository (or inside the checkout the
  editable install points to): that list must be empty.

Marked ``slow`` (30-40 s here; deselect with ``-m "not slow"``); it runs in the default suite.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import venv
import zipfile
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlparse

import nbformat
import pytest
from nbclient import NotebookClient

from article_explorer.data.config import PROJECT_ROOT

pytestmark = pytest.mark.slow

KERNEL = "article-explorer-install-test"

#: Installed into the venv's site-packages with a .pth file that imports it in every process.
AUDIT_HOOK = '''
"""Record each path inside $INSTALL_TEST_FORBIDDEN that this process opens or lists."""
import os
import sys

_GIVEN = [root for root in os.environ.get("INSTALL_TEST_FORBIDDEN", "").split(os.pathsep) if root]
_ROOTS = {os.path.normcase(way(root)) for root in _GIVEN for way in (os.path.abspath, os.path.realpath)}
_LOG = os.environ.get("INSTALL_TEST_LOG")
if _ROOTS and _LOG:
    _out = open(_LOG, "a", encoding="utf-8", buffering=1)

    def _hook(event, args):
        if event not in ("open", "os.listdir", "os.scandir") or not args or isinstance(args[0], int) or args[0] is None:
            return
        try:
            path = os.path.normcase(os.path.abspath(os.fsdecode(args[0])))
        except (TypeError, ValueError):
            return
        if any(path == root or path.startswith(root + os.sep) for root in _ROOTS):
            _out.write(f"{os.getpid()} {event} {path}\\n")

    sys.addaudithook(_hook)
'''


def editable_checkouts() -> list[str]:
    """The folders an editable install of the project in the running Python points to, if any."""
    try:
        direct_url = metadata.distribution("article-explorer").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return []
    info = json.loads(direct_url or "{}")
    if not info.get("dir_info", {}).get("editable"):
        return []
    parsed = urlparse(info["url"])
    path = unquote(parsed.path)
    if os.name == "nt" and re.match(r"^/[A-Za-z]:", path):
        path = path[1:]
    return [path]


def setuptools_is_new_enough() -> bool:
    """Whether the build backend pyproject.toml asks for is installed (then nothing is downloaded)."""
    try:
        return int(metadata.version("setuptools").split(".")[0]) >= 77
    except (metadata.PackageNotFoundError, ValueError):
        return False


def build_wheel(tmp_path: Path) -> Path:
    """A wheel of the working tree, built from a copy so that the checkout gets no build/ or egg-info."""
    source = tmp_path / "source"
    shutil.copytree(
        PROJECT_ROOT / "article_explorer", source / "article_explorer", ignore=shutil.ignore_patterns("__pycache__")
    )
    for path in PROJECT_ROOT.iterdir():  # pyproject.toml and the files it names (README.md, LICENSE...)
        if path.is_file():
            shutil.copy(path, source / path.name)
    command = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path / "wheel"), str(source)]
    if setuptools_is_new_enough():
        command.insert(5, "--no-build-isolation")
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    (wheel,) = (tmp_path / "wheel").glob("*.whl")
    return wheel


def scripts_dir(env_dir: Path) -> Path:
    return env_dir / ("Scripts" if os.name == "nt" else "bin")


def run(command: list[str], env: dict[str, str], cwd: Path, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        command, capture_output=True, text=True, encoding="utf-8", errors="replace", env=env, cwd=cwd, timeout=timeout
    )


def inside(path: str | Path, folder: Path) -> bool:
    return Path(os.path.normcase(Path(path).resolve())).is_relative_to(os.path.normcase(folder.resolve()))


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The venv with the wheel in it, a working folder outside the repository, and the environment to run in."""
    tmp_path = tmp_path_factory.mktemp("install")
    assert not inside(tmp_path, PROJECT_ROOT), "the temporary folder must be outside the repository"
    wheel = build_wheel(tmp_path)
    env_dir = tmp_path / "venv"
    venv.create(env_dir, system_site_packages=True, with_pip=True)
    python = scripts_dir(env_dir) / ("python.exe" if os.name == "nt" else "python")
    environ = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME")}
    environ.pop("VIRTUAL_ENV", None)
    work = tmp_path / "work"
    shutil.copytree(PROJECT_ROOT / "tests" / "data" / "other_article", work / "dataset")
    log = tmp_path / "repository-reads.log"
    environ.update(
        PYTHONNOUSERSITE="1",
        ARTICLE_DATA_DIR=str(work / "dataset"),
        JUPYTER_PATH=str(env_dir / "share" / "jupyter"),
        INSTALL_TEST_FORBIDDEN=os.pathsep.join([str(PROJECT_ROOT), *editable_checkouts()]),
        INSTALL_TEST_LOG=str(log),
    )
    install = [str(python), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", "--no-index", str(wheel)]
    result = run(install, environ, work, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    result = run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], environ, work)
    site_packages = Path(result.stdout.strip())
    assert inside(site_packages, env_dir), result.stdout + result.stderr
    (site_packages / "_install_test_audit.py").write_text(AUDIT_HOOK, encoding="utf-8")
    (site_packages / "_install_test_audit.pth").write_text("import _install_test_audit\n", encoding="utf-8")
    kernel = [str(python), "-m", "ipykernel", "install", "--prefix", str(env_dir), "--name", KERNEL]
    result = run(kernel, environ, work)
    assert result.returncode == 0, result.stdout + result.stderr
    probe = f"open({str(PROJECT_ROOT / 'pyproject.toml')!r}).close()"
    assert run([str(python), "-c", probe], environ, work).returncode == 0
    assert "pyproject.toml" in log.read_text(encoding="utf-8"), "the audit hook records nothing"
    log.write_text("", encoding="utf-8")
    return {
        "python": python,
        "env_dir": env_dir,
        "site_packages": site_packages,
        "work": work,
        "environ": environ,
        "log": log,
        "wheel": wheel,
    }


def repository_reads(installed) -> list[str]:
    """What the venv's processes opened or listed inside the repository since the last call."""
    log = installed["log"]
    reads = log.read_text(encoding="utf-8").splitlines()
    log.write_text("", encoding="utf-8")
    return reads


def test_the_wheel_ships_the_package_data(installed):
    """Every file of the package folder is in the wheel, the map boundaries among them."""
    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    package = PROJECT_ROOT / "article_explorer"
    files = {
        path.relative_to(PROJECT_ROOT).as_posix()
        for path in package.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }
    assert sorted(files - names) == [], "files of the package that the wheel leaves out"
    data = sorted(name for name in names if name.startswith("article_explorer/") and not name.endswith(".py"))
    assert any(name.endswith(".geojson") for name in data), f"no map boundaries in the wheel; its data files: {data}"


def test_the_command_line_validates_a_dataset_outside_the_repository(installed):
    name = "article-explorer.exe" if os.name == "nt" else "article-explorer"
    command = scripts_dir(installed["env_dir"]) / name
    assert command.is_file(), "pip installed no article-explorer command into the venv"
    result = run([str(command), "validate"], installed["environ"], installed["work"])
    assert result.returncode == 0, result.stdout + result.stderr
    dataset = Path(installed["environ"]["ARTICLE_DATA_DIR"]).resolve()
    assert re.fullmatch(
        rf"{re.escape(str(dataset))} is valid: .+; sentence coverage 100% \(\d+/\d+\)\n", result.stdout
    ), result.stdout
    assert repository_reads(installed) == []


def test_the_venv_imports_its_own_install_and_not_the_repository(installed):
    code = (
        "import json, sys, importlib.metadata as m, article_explorer\n"
        "from article_explorer.tools.environment import check_environment\n"
        "print(json.dumps({'file': article_explorer.__file__, 'path': sys.path,\n"
        "    'dist': str(m.distribution('article-explorer').locate_file('')), 'check': check_environment()}))\n"
    )
    result = run([str(installed["python"]), "-c", code], installed["environ"], installed["work"])
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    site_packages = installed["site_packages"]
    assert inside(found["file"], site_packages), (
        f"article_explorer came from {found['file']}; sys.path: {found['path']}"
    )
    assert not inside(found["file"], PROJECT_ROOT)
    assert inside(found["dist"], site_packages), f"the metadata came from {found['dist']}"
    assert found["check"].startswith("✔ All good"), found["check"]
    assert repository_reads(installed) == []


@pytest.mark.parametrize("name", ["01_timeline", "03_geography_of_militarisation"])
def test_a_notebook_runs_in_a_kernel_of_the_venv(installed, monkeypatch, name):
    """The timeline, and the map, which draws the boundaries that ship with the package."""
    notebook_path = installed["work"] / f"{name}.ipynb"
    shutil.copy(PROJECT_ROOT / "notebooks" / f"{name}.ipynb", notebook_path)
    notebook = nbformat.read(notebook_path, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell("import article_explorer, sys\nprint(article_explorer.__file__)"))
    monkeypatch.setenv("JUPYTER_PATH", installed["environ"]["JUPYTER_PATH"])  # where the venv's kernel is
    client = NotebookClient(
        notebook, timeout=180, kernel_name=KERNEL, resources={"metadata": {"path": str(installed["work"])}}
    )
    client.execute(env=installed["environ"])  # the kernel's environment
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            is_stderr = output.output_type == "stream" and output.name == "stderr"
            assert output.output_type != "error" and not is_stderr, f"cell {index}:\n{cell.source}\n\n{output}"
    kernel_file = notebook.cells[-1].outputs[0]["text"].strip()
    assert inside(kernel_file, installed["site_packages"]), f"the kernel imported {kernel_file}"
    assert repository_reads(installed) == []
