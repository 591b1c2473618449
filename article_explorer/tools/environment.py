"""One check that the environment and the dataset are ready for the lessons.

Two lists say what the lessons need. The package's own ``dependencies`` (pyproject.toml, read
back from the installed package's metadata) give the *floor*: an older version, or a missing
package, is a problem. ``requirements.txt`` (in a checkout of the repository; a package
installed from a wheel has none) gives the versions the notebooks were *tested* with: a
different major or minor version is worth knowing, but is no problem, and a different patch
release (pandas 3.1.2 for 3.1.1) is not even worth a mention.

The advice depends on where the learner is. On a JupyterHub or on Binder the learner cannot
change the packages and should not try: the check tells them to tell their instructor, and
which line to show them. On their own machine it gives the ``%pip`` command.

>>> found = Finding("pandas", installed="3.0.2", floor="2.2", tested="3.1.1")
>>> found.kind, found.describe()
('untested', 'pandas 3.0.2 is installed; the lessons were tested with 3.1.1')
>>> Finding("pandas", installed="3.1.2", floor="2.2", tested="3.1.1").kind is None
True
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from article_explorer.data.config import PROJECT_ROOT, data_dir
from article_explorer.data.validation import read_dataset, sentence_coverage

DISTRIBUTION = "article-explorer"
REQUIREMENTS = PROJECT_ROOT / "requirements.txt"
PYPROJECT = PROJECT_ROOT / "pyproject.toml"
#: How many dataset problems the check prints (``article-explorer validate`` prints them all).
SHOWN_DATASET_PROBLEMS = 10


def pinned_requirements(path: Path = REQUIREMENTS) -> dict[str, str]:
    """Package name -> pinned version, from a requirements file's ``name==version`` lines."""
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*==\s*([^\s#;]+)", line)
        if match:
            pins[match[1]] = match[2]
    return pins


def floors_of(requirements: list[str]) -> dict[str, str | None]:
    """Package name -> the lowest version allowed (``None``: any), from requirement strings
    such as the package metadata's ``Requires-Dist``; requirements of extras are left out.

    >>> floors_of(["pandas>=2.2", "plotly >= 6.1, <8", "ipython", 'nbclient>=0.10; extra == "handouts"'])
    {'pandas': '2.2', 'plotly': '6.1', 'ipython': None}
    """
    floors: dict[str, str | None] = {}
    for requirement in requirements:
        spec, _, marker = requirement.partition(";")
        if "extra" in marker:
            continue
        match = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(?:\[[^\]]*\])?\s*(.*)$", spec)
        if match:
            floor = re.search(r">=\s*([^\s,]+)", match[2])
            floors[match[1]] = floor[1] if floor else None
    return floors


def declared_floors(pyproject: Path = PYPROJECT) -> dict[str, str | None]:
    """The package's ``dependencies``: from its installed metadata, which a wheel carries too,
    or, for a checkout that is not installed, from ``pyproject.toml``."""
    try:
        return floors_of(metadata.requires(DISTRIBUTION) or [])
    except metadata.PackageNotFoundError:
        pass
    if pyproject.is_file():
        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
        return floors_of(project.get("dependencies", []))
    return {}


def installed_version(name: str) -> str | None:
    """The installed version of distribution ``name``, or ``None`` if it is not installed."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def release(version: str) -> tuple[int, ...]:
    """The numeric release of a version string, for comparing.

    >>> release("3.1.1"), release("2.0.0rc1"), release("8")
    ((3, 1, 1), (2, 0, 0), (8,))
    """
    match = re.match(r"\d+(?:\.\d+)*", version.strip().lstrip("vV"))
    return tuple(int(part) for part in match[0].split(".")) if match else ()


def _padded(version: str, length: int = 3) -> tuple[int, ...]:
    parts = release(version)
    return parts + (0,) * (length - len(parts))


@dataclass(frozen=True)
class Finding:
    """One package: what is installed, the floor ``dependencies`` set, the version it was tested with."""

    name: str
    installed: str | None
    floor: str | None = None
    tested: str | None = None

    @property
    def kind(self) -> str | None:
        """``"missing"`` or ``"too_old"`` (problems); ``"untested"`` (another major or minor version
        than the tested one: information); ``None`` when there is nothing to say."""
        if self.installed is None:
            return "missing"
        if self.floor and _padded(self.installed) < _padded(self.floor):
            return "too_old"
        if self.tested and _padded(self.installed)[:2] != _padded(self.tested)[:2]:
            return "untested"
        return None

    @property
    def is_problem(self) -> bool:
        return self.kind in ("missing", "too_old")

    def describe(self) -> str:
        tested = f"the lessons were tested with {self.tested}" if self.tested else ""
        needs = f"{DISTRIBUTION} needs {self.name}>={self.floor}" if self.floor else ""
        if self.kind == "missing":
            return f"{self.name} is not installed ({'; '.join(part for part in (needs, tested) if part)})"
        if self.kind == "too_old":
            return f"{self.name} {self.installed} is installed; {needs}" + (f" ({tested})" if tested else "")
        if self.kind == "untested":
            return f"{self.name} {self.installed} is installed; {tested}"
        return f"{self.name} {self.installed}"

    def pip_argument(self) -> str:
        """What to give ``pip install`` for this package: the tested version, else the floor."""
        if self.tested:
            return f'"{self.name}=={self.tested}"'
        return f'"{self.name}>={self.floor}"' if self.floor else self.name


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def package_findings(
    requirements: Path | None = REQUIREMENTS, floors: Mapping[str, str | None] | None = None
) -> list[Finding]:
    """Every package the lessons need or were tested with, compared with what is installed:
    the pins of ``requirements`` (skipped when there is no such file, as for a package
    installed from a wheel) in their order, then the other declared ``dependencies``."""
    pins = pinned_requirements(requirements) if requirements is not None and requirements.is_file() else {}
    floors = declared_floors() if floors is None else floors
    floor_by_name = {_normal(name): floor for name, floor in floors.items()}
    names = list(pins) + [name for name in floors if _normal(name) not in {_normal(pin) for pin in pins}]
    return [Finding(name, installed_version(name), floor_by_name.get(_normal(name)), pins.get(name)) for name in names]


def environment_problems(requirements: Path | None = REQUIREMENTS) -> list[str]:
    """What must change in the installed packages: a missing package, or one older than the floor."""
    return [finding.describe() for finding in package_findings(requirements) if finding.is_problem]


def where_am_i(environ: Mapping[str, str] | None = None) -> str:
    """``"binder"``, ``"hub"`` (a JupyterHub: the learner cannot change its packages) or ``"laptop"``.

    >>> where_am_i({"JUPYTERHUB_USER": "ada"}), where_am_i({"BINDER_SERVICE_HOST": "10.0.0.1"}), where_am_i({})
    ('hub', 'binder', 'laptop')
    """
    environ = os.environ if environ is None else environ
    if any(environ.get(name) for name in ("BINDER_SERVICE_HOST", "BINDER_LAUNCH_HOST", "BINDER_REPO_URL")):
        return "binder"  # Binder runs a JupyterHub too, so this comes first
    if any(environ.get(name) for name in ("JUPYTERHUB_USER", "JUPYTERHUB_API_URL", "JUPYTERHUB_SERVICE_PREFIX")):
        return "hub"
    return "laptop"


_NOT_YOURS = {
    "hub": "You cannot change the packages on this JupyterHub, and you need not",
    "binder": "You cannot change the packages on Binder (it installs them from the repository's requirements.txt)",
}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def _package_problems(problems: list[Finding], place: str) -> list[str]:
    described = "; ".join(finding.describe() for finding in problems)
    head = f"✘ {_plural(len(problems), 'problem')} with the installed packages"
    if place in _NOT_YOURS:
        return [
            f"{head}. {_NOT_YOURS[place]}: tell your instructor, and show them this line:",
            f"{DISTRIBUTION} environment check: {described}",
        ]
    command = " ".join(finding.pip_argument() for finding in problems)
    return [
        f"{head}: {described}.",
        "To fix this, run the next line in a new cell, restart the kernel (Kernel menu) and run this cell again:",
        f"%pip install {command}",
    ]


def _dataset_problems(raw, place: str) -> list[str]:
    shown = [str(problem) for problem in raw.problems[:SHOWN_DATASET_PROBLEMS]]
    more = len(raw.problems) - len(shown)
    if more:
        shown.append(f"... and {more} more (run `article-explorer validate` to see them all)")
    lines = [f"✘ {_plural(len(raw.problems), 'problem')} in the dataset in {raw.path}: " + "; ".join(shown)]
    if place in _NOT_YOURS:
        lines.append(
            "If you made this dataset, fix these in its files and run this cell again; "
            "if your instructor set it up, tell them and show them these lines."
        )
    else:
        lines.append("Fix these in the dataset's files, then run this cell again.")
    return lines


def _notes(notes: list[Finding], place: str) -> list[str]:
    described = "; ".join(finding.describe() for finding in notes)
    if place in _NOT_YOURS:
        then = (
            "There is nothing for you to do; if something behaves oddly, tell your instructor and show them this line."
        )
    else:
        command = " ".join(finding.pip_argument() for finding in notes)
        then = (
            f"That is usually fine; if something behaves oddly, `%pip install {command}` gives you the tested versions."
        )
    return [f"ℹ For information: {described}. {then}"]


def check_environment(
    path=None, requirements: Path | None = REQUIREMENTS, environ: Mapping[str, str] | None = None
) -> str:
    """Say that all is well (a first line starting with ✔), or what is wrong (✘) and what to do
    about it where the learner is (:func:`where_am_i`); versions that differ from the tested
    ones only by more than a patch release get a line of information (ℹ).

    >>> check_environment().startswith("✔")
    True
    """
    place = where_am_i(environ)
    findings = package_findings(requirements)
    problems = [finding for finding in findings if finding.is_problem]
    notes = [finding for finding in findings if finding.kind == "untested"]
    raw = read_dataset(path)
    lines = _package_problems(problems, place) if problems else []
    if raw.problems:
        lines += _dataset_problems(raw, place)
    if not lines:
        cited, uncited = sentence_coverage(raw)
        versions = ", ".join(f"{finding.name} {finding.installed}" for finding in findings)
        rows = sum(len(rows) for rows in raw.tables.values())
        lines.append(
            f"✔ All good: {versions}; the dataset in {data_dir(path)} is valid "
            f"({rows} rows, {len(cited)}/{len(cited) + len(uncited)} sentences coded). You are ready to go."
        )
    if notes:
        lines += _notes(notes, place)
    return "\n".join(lines)
