"""The self-checking exercises of the notebooks, one module per notebook, on :mod:`.base`."""


def __getattr__(name: str):
    """Release 0.1's module ``article_explorer.exercises`` is :mod:`article_explorer.exercises.base` now: its
    names still resolve here, with a ``DeprecationWarning``, for this release only (CHANGELOG.md)."""
    import importlib
    import warnings

    module = importlib.import_module("article_explorer.exercises.base")
    if name.startswith("_") or not hasattr(module, name):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    warnings.warn(
        f"article_explorer.exercises is now article_explorer.exercises.base; import {name} from there",
        DeprecationWarning,
        stacklevel=2,
    )
    return getattr(module, name)
