"""The module names of release 0.1 (one flat package), kept importable for one release.

``from article_explorer.timeline import TimelineExplorer`` still works, with a
``DeprecationWarning`` that names the new home (``article_explorer.explorers.timeline``). An
old name answers with what its 0.1 module held, now spread over one or more new modules (the
first is the one the warning names): the objects themselves, not copies, so a class is the same
class under either name. ``article_explorer.data`` and ``article_explorer.exercises`` are
packages now: :func:`install` gives each a ``__getattr__`` that answers the 0.1 names of the
module it replaces. This goes in release 0.3 (see ``CHANGELOG.md``).

>>> import warnings
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     from article_explorer.edtf import in_words
>>> in_words("2016-03-30"), str(caught[0].message)
('30 March 2016', 'article_explorer.edtf is now article_explorer.data.edtf; import it from there')
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import types
import warnings

#: old module (release 0.1) -> the modules that hold its names now, its new home first.
MOVED: dict[str, tuple[str, ...]] = {
    "config": ("data.config",),
    "contract": ("data.contract",),
    "edtf": ("data.edtf",),
    "validation": ("data.validation",),
    "reliability": ("data.reliability",),
    "agreement": ("data.agreement",),
    "geography": ("geo.boundaries", "geo.sphere", "geo.outlines"),
    "rendering": ("ui.rendering",),
    "controls": ("ui.controls",),
    "plotview": ("ui.plotview",),
    "app_mode": ("ui.app_mode",),
    "scroll": ("ui.scroll",),
    "style": ("ui.style",),
    "session": ("ui.session", "exercises.base"),
    "actor_card": ("ui.actor_card",),
    "reader": ("explorers.reader", "ui.cards", "ui.theme"),
    "timeline": ("explorers.timeline", "explorers.timeline.explorer", "explorers.timeline.figure", "data.queries"),
    "timeline_layout": ("explorers.timeline.layout",),
    "positions": (
        "explorers.positions",
        "explorers.positions.explorer",
        "explorers.positions.cells",
        "explorers.positions.stances",
    ),
    "network": ("explorers.network",),
    "places_map": ("explorers.map", *(f"explorers.map.{m}" for m in ("explorer", "model", "items", "figure", "text"))),
    "map_countries": ("explorers.map.countries",),
    "map_labels": ("explorers.map.labels",),
    "map_marks": ("explorers.map.marks",),
    "claims": ("explorers.claims", "data.queries"),
    "coding": ("exercises.coding",),
    "start_here": ("exercises.start_here",),
    "timeline_exercises": ("exercises.timeline",),
    "positions_exercises": ("exercises.positions",),
    "places_exercises": ("exercises.places",),
    "claims_exercises": ("exercises.claims",),
    "cli": ("tools.cli",),
    "handouts": ("tools.handouts",),
    "environment": ("tools.environment",),
    "server": ("tools.server",),
}
PACKAGE = __name__.rpartition(".")[0]


#: A 0.1 module -> {a name of it that 0.2 renamed: its new name}. The 0.1 exercise asked about one
#: alliance by name; 0.2's asks about whichever side of the dataset holds the most neighbours.
RENAMED_NAMES: dict[str, dict[str, str]] = {
    "places_exercises": {"nato_neighbours_exercise": "neighbours_on_a_side_exercise"},
}


def _proxy(name: str, homes: list[types.ModuleType]) -> types.ModuleType:
    """A module whose names are those of ``homes``, looked up in order (and those of
    :data:`RENAMED_NAMES` under their old names)."""
    renamed = RENAMED_NAMES.get(name.rpartition(".")[2], {})
    if len(homes) == 1 and not renamed:
        return homes[0]
    proxy = types.ModuleType(name, homes[0].__doc__)

    def __getattr__(attribute: str):
        attribute = renamed.get(attribute, attribute)
        for home in homes:
            if hasattr(home, attribute):
                return getattr(home, attribute)
        raise AttributeError(f"module {name!r} has no attribute {attribute!r}")

    proxy.__getattr__ = __getattr__
    return proxy


#: A package of 0.2 that has the name of a 0.1 module -> (that module's new home, its names).
RENAMED_INTO_PACKAGES: dict[str, tuple[str, tuple[str, ...]]] = {
    "data": ("data.dataset", ("Dataset", "DatasetError", "load_dataset", "MAX_PROBLEMS_SHOWN")),
    "exercises": (
        "exercises.base",
        (
            "RIGHT",
            "Feedback",
            "Answer",
            "AnswerBook",
            "Exercise",
            "NumberExercise",
            "ChoiceExercise",
            "StateExercise",
            "save_my_answers",
        ),
    ),
}


def _names_of_0_1(package: str, home: str, names: tuple[str, ...]):
    """A package's ``__getattr__`` that answers the 0.1 module's ``names`` from ``home``, with a warning."""

    def __getattr__(name: str):
        if name not in names:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        warnings.warn(f"{package} is now {home}; import {name} from there", DeprecationWarning, stacklevel=2)
        return getattr(importlib.import_module(home), name)

    return __getattr__


class _MovedModuleFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Answers an import of an old name with the modules that now hold its code."""

    def find_spec(self, fullname, path=None, target=None):
        package, _, old = fullname.rpartition(".")
        if package != PACKAGE or old not in MOVED:
            return None
        return importlib.machinery.ModuleSpec(fullname, self)

    def create_module(self, spec):
        old = spec.name.rpartition(".")[2]
        homes = [f"{PACKAGE}.{module}" for module in MOVED[old]]
        warnings.warn(f"{spec.name} is now {homes[0]}; import it from there", DeprecationWarning, stacklevel=2)
        return _proxy(spec.name, [importlib.import_module(home) for home in homes])

    def exec_module(self, module):
        pass  # the new modules have run already


def install() -> None:
    """Let the old names import (once per interpreter)."""
    if not any(isinstance(finder, _MovedModuleFinder) for finder in sys.meta_path):
        sys.meta_path.append(_MovedModuleFinder())
    for name, (home, names) in RENAMED_INTO_PACKAGES.items():
        package = importlib.import_module(f"{PACKAGE}.{name}")
        package.__getattr__ = _names_of_0_1(package.__name__, f"{PACKAGE}.{home}", names)
