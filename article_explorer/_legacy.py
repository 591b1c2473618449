"""The module names of release 0.1 (one flat package), kept importable for one release.

``from article_explorer.timeline import TimelineExplorer`` still works, with a
``DeprecationWarning`` that names the new home (``article_explorer.explorers.timeline``); the
old name is the new module itself, not a copy. This goes in release 0.3 (see ``CHANGELOG.md``).

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
import warnings

#: old module (release 0.1) -> where it lives now.
MOVED = {
    "config": "data.config",
    "contract": "data.contract",
    "edtf": "data.edtf",
    "validation": "data.validation",
    "data": "data.dataset",
    "reliability": "data.reliability",
    "agreement": "data.agreement",
    "geography": "geo.boundaries",
    "rendering": "ui.rendering",
    "controls": "ui.controls",
    "plotview": "ui.plotview",
    "app_mode": "ui.app_mode",
    "scroll": "ui.scroll",
    "style": "ui.style",
    "session": "ui.session",
    "reader": "explorers.reader",
    "timeline": "explorers.timeline",
    "positions": "explorers.positions",
    "network": "explorers.network",
    "places_map": "explorers.map",
    "claims": "explorers.claims",
    "coding": "exercises.coding",
    "exercises": "exercises.base",
    "start_here": "exercises.start_here",
    "timeline_exercises": "exercises.timeline",
    "positions_exercises": "exercises.positions",
    "places_exercises": "exercises.places",
    "claims_exercises": "exercises.claims",
    "cli": "tools.cli",
    "handouts": "tools.handouts",
    "environment": "tools.environment",
    "server": "tools.server",
}
PACKAGE = __name__.rpartition(".")[0]


class _MovedModuleFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Answers an import of an old name with the module that now holds its code."""

    def find_spec(self, fullname, path=None, target=None):
        package, _, old = fullname.rpartition(".")
        if package != PACKAGE or old not in MOVED:
            return None
        return importlib.machinery.ModuleSpec(fullname, self)

    def create_module(self, spec):
        old = spec.name.rpartition(".")[2]
        new = f"{PACKAGE}.{MOVED[old]}"
        warnings.warn(f"{spec.name} is now {new}; import it from there", DeprecationWarning, stacklevel=2)
        return importlib.import_module(new)

    def exec_module(self, module):
        pass  # the new module has run already


def install() -> None:
    """Let the old names import (once per interpreter)."""
    if not any(isinstance(finder, _MovedModuleFinder) for finder in sys.meta_path):
        sys.meta_path.append(_MovedModuleFinder())
