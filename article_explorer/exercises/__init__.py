"""The exercises: the kinds of exercise and the answer books (:mod:`.base`), one module of
exercises per notebook, and the coding workbench and prediction review (:mod:`.coding`).
"""

#: The names of release 0.1's module ``article_explorer.exercises``, now in :mod:`article_explorer.exercises.base`.
NAMES_OF_0_1 = (
    "RIGHT",
    "Feedback",
    "Answer",
    "AnswerBook",
    "Exercise",
    "NumberExercise",
    "ChoiceExercise",
    "StateExercise",
    "save_my_answers",
)


def __getattr__(name: str):
    """Release 0.1's names of ``article_explorer.exercises`` still resolve here, with a
    ``DeprecationWarning``, for this release only (CHANGELOG.md)."""
    if name not in NAMES_OF_0_1:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib
    import warnings

    message = f"article_explorer.exercises is now article_explorer.exercises.base; import {name} from there"
    warnings.warn(message, DeprecationWarning, stacklevel=2)
    return getattr(importlib.import_module("article_explorer.exercises.base"), name)
