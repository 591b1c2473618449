"""article_explorer: explore one coded policy article — its timeline, actors, places and claims.

The package is built in layers, each importing only the ones before it (``docs/architecture.md``):

* ``data`` — the contract, dates, validation, loading (:func:`load_dataset`, :func:`validate`,
  this module's exports) and queries over a dataset;
* ``geo`` — distances on the sphere and the country boundaries;
* ``ui`` — rendering, controls, the plot view, cards, the style sheet and the one theme;
* ``explorers`` — one per view: pure figure builders, then the widget;
* ``exercises`` — the notebooks' self-checking exercises;
* ``tools`` — the command line, the handouts, the environment check.
"""

from article_explorer import _legacy
from article_explorer.data.dataset import Dataset, DatasetError, load_dataset
from article_explorer.data.validation import Problem, validate

_legacy.install()  # release 0.1's module names, for one release

__all__ = ["Dataset", "DatasetError", "Problem", "load_dataset", "validate"]
__version__ = "0.2.0"
