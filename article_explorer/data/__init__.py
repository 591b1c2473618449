"""The data layer: the contract, EDTF dates, validation, loading, and queries over a loaded dataset.

Pure Python and pandas; nothing here draws or imports a widget.
"""


def __getattr__(name: str):
    """Release 0.1's module ``article_explorer.data`` is :mod:`article_explorer.data.dataset` now: its
    names still resolve here, with a ``DeprecationWarning``, for this release only (CHANGELOG.md)."""
    import importlib
    import warnings

    module = importlib.import_module("article_explorer.data.dataset")
    if name.startswith("_") or not hasattr(module, name):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    warnings.warn(
        f"article_explorer.data is now article_explorer.data.dataset; import {name} from there",
        DeprecationWarning,
        stacklevel=2,
    )
    return getattr(module, name)
