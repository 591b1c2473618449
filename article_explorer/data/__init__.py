"""The data layer: the contract, EDTF dates, validation, loading, and queries over a loaded dataset.

Pure Python and pandas; nothing here draws or imports a widget.
"""

#: The names of release 0.1's module ``article_explorer.data``, now in :mod:`article_explorer.data.dataset`.
NAMES_OF_0_1 = ("Dataset", "DatasetError", "load_dataset", "MAX_PROBLEMS_SHOWN")


def __getattr__(name: str):
    """Release 0.1's names of ``article_explorer.data`` still resolve here, with a
    ``DeprecationWarning``, for this release only (CHANGELOG.md)."""
    if name not in NAMES_OF_0_1:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib
    import warnings

    message = f"article_explorer.data is now article_explorer.data.dataset; import {name} from there"
    warnings.warn(message, DeprecationWarning, stacklevel=2)
    return getattr(importlib.import_module("article_explorer.data.dataset"), name)
