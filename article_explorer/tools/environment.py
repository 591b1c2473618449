"""One-line check that the environment and the dataset are ready for the lessons."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

from article_explorer.data.config import PROJECT_ROOT, data_dir
from article_explorer.data.validation import read_dataset, sentence_coverage

REQUIREMENTS = PROJECT_ROOT / "requirements.txt"


def pinned_requirements(path: Path = REQUIREMENTS) -> dict[str, str]:
    """Package name -> pinned version, from a requirements file's ``name==version`` lines."""
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*==\s*([^\s#;]+)", line)
        if match:
            pins[match[1]] = match[2]
    return pins


def environment_problems(requirements: Path = REQUIREMENTS) -> list[str]:
    """What differs between the installed packages and the pinned requirements."""
    if not requirements.is_file():
        return [f"cannot find {requirements} to compare package versions with"]
    problems = []
    for name, wanted in pinned_requirements(requirements).items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            problems.append(f"{name} is not installed (requirements.txt pins {wanted})")
            continue
        if installed != wanted:
            problems.append(f"{name} {installed} is installed, requirements.txt pins {wanted}")
    return problems


def check_environment(path=None, requirements: Path = REQUIREMENTS) -> str:
    """Return one line that says all is well, or exactly what is wrong.

    >>> check_environment().startswith("✔")
    True
    """
    problems = environment_problems(requirements)
    raw = read_dataset(path)
    problems += [str(problem) for problem in raw.problems[:10]]
    if len(raw.problems) > 10:
        problems.append(f"... and {len(raw.problems) - 10} more dataset problems (run `article-explorer validate`)")
    if problems:
        fix = "Fix these, then run this cell again: "
        return f"✘ {len(problems)} problem{'s' if len(problems) != 1 else ''}. {fix}" + "; ".join(problems)
    cited, uncited = sentence_coverage(raw)
    versions = ", ".join(f"{name} {version}" for name, version in pinned_requirements(requirements).items())
    rows = sum(len(rows) for rows in raw.tables.values())
    return (
        f"✔ All good: {versions}; the dataset in {data_dir(path)} is valid "
        f"({rows} rows, {len(cited)}/{len(cited) + len(uncited)} sentences coded). You are ready to go."
    )
