"""Which side a country, or an actor, is on: the map's one set of side rules.

A country that the dataset places on a side (the ``side`` of its places, country-level places
first) takes that side, whatever the year; any other country is a NATO member from the year
``data/geo/nato_members.csv`` says it joined, otherwise "other". An actor is on the side of
its country. Everything on the map that depends on a side (the countries' fills, the military
layers, the border table, the cards) asks :class:`Sides`; how a side looks and reads is
:data:`article_explorer.ui.theme.SIDE`.

>>> from article_explorer.ui.session import dataset
>>> sides = Sides(dataset())
>>> sides.of_country("POL", 2016), sides.of_country("MNE", 2016), sides.of_country("MNE", 2017)
('nato', 'other', 'nato')
>>> sides.legend("nato", 2016), sides.words("belarus")
('NATO member (2016)', 'Belarus')
"""

from __future__ import annotations

import csv
import os
from functools import cached_property

from article_explorer.data.config import DEFAULT_DATA_DIR
from article_explorer.data.dataset import Dataset
from article_explorer.ui.theme import SIDE, Look, words_for

NATO_MEMBERS_PATH = DEFAULT_DATA_DIR / "geo" / "nato_members.csv"
#: The side of a country that neither the dataset nor NATO places.
OTHER = "other"
#: A year after any the map shows: "on a side, whenever".
ALWAYS = 9999


def read_nato_members(path: str | os.PathLike[str] = NATO_MEMBERS_PATH) -> dict[str, int]:
    """``iso3 -> year joined`` from ``data/geo/nato_members.csv``; a bad row is a clear error."""
    members = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            try:
                members[row["iso3"]] = int(row["joined"])
            except (KeyError, TypeError, ValueError):
                raise ValueError(
                    f"{path}, line {line}, column 'joined': expected a year such as 2004, got {row.get('joined')!r}"
                ) from None
    return members


class Sides:
    """The sides of the countries and actors of one dataset, by year."""

    def __init__(self, dataset: Dataset, nato_joined: dict[str, int] | None = None):
        self.dataset = dataset
        self.nato_joined = read_nato_members() if nato_joined is None else nato_joined

    @cached_property
    def coded(self) -> dict[str, str]:
        """``iso3 -> side`` as the dataset codes it (country-level places first)."""
        places = self.dataset.places.sort_values("geo_precision", key=lambda s: s != "country")
        sides: dict[str, str] = {}
        for iso3, side in zip(places["country_iso3"], places["side"], strict=True):
            if iso3 and side:
                sides.setdefault(iso3, side)
        return sides

    @cached_property
    def actor_iso3(self) -> dict[str, str]:
        """``actor_id -> country_iso3`` (empty for international bodies and groups)."""
        return dict(zip(self.dataset.actors["actor_id"], self.dataset.actors["country_iso3"], strict=True))

    def of_country(self, iso3: str, year: int) -> str:
        """The side of a country (a key of the boundaries) in ``year``. An area the boundaries
        keep apart without a code of its own (Crimea, N. Cyprus) is no member of anything: "other"."""
        if iso3 in self.coded:
            return self.coded[iso3]
        return "nato" if self.nato_joined.get(iso3, ALWAYS) <= year else OTHER

    def of_actor(self, actor_id: str) -> str | None:
        """The side of an actor's country, whenever it joined; ``None`` for an actor of no country."""
        iso3 = self.actor_iso3.get(actor_id, "")
        return self.coded.get(iso3) or (self.of_country(iso3, ALWAYS) if iso3 else None)

    @staticmethod
    def look(side: str) -> Look:
        """How a side is filled on the map (an unknown side as "other")."""
        return SIDE.get(side, SIDE[OTHER])

    @staticmethod
    def words(side: str) -> str:
        """A side in words, as the legend and the cards name it."""
        return words_for(SIDE, side)

    @staticmethod
    def legend(side: str, year: int) -> str:
        """A side's legend entry: NATO's names the year, since membership changes with it."""
        return f"{words_for(SIDE, side)} ({year})" if side == "nato" else words_for(SIDE, side)
