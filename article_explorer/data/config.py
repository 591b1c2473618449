"""Where things are: the repository root and the dataset directory.

The dataset directory is ``$ARTICLE_DATA_DIR`` when that variable is set, so that every
notebook can be pointed at another article's dataset without editing it; otherwise it is
the repository's own ``data/``.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA_DIR = PROJECT_ROOT / "data"
DATA_DIR_VARIABLE = "ARTICLE_DATA_DIR"


def data_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """Return the dataset directory to use.

    >>> data_dir("/tmp/other-article").name
    'other-article'
    """
    if path is not None:
        return Path(path).expanduser().resolve()
    from_environment = os.environ.get(DATA_DIR_VARIABLE, "").strip()
    if from_environment:
        return Path(from_environment).expanduser().resolve()
    return DEFAULT_DATA_DIR
