"""article_explorer: explore one coded policy article — its timeline, actors, places and claims.

The package has three layers, kept apart:

* data — :func:`load_dataset` and :func:`validate` (this module's exports);
* figures — pure functions from DataFrames and filter state to plotly figures;
* apps — ipywidgets controls wired to the first two.
"""

from .data import Dataset, DatasetError, load_dataset
from .validation import Problem, validate

__all__ = ["Dataset", "DatasetError", "Problem", "load_dataset", "validate"]
__version__ = "0.1.0"
