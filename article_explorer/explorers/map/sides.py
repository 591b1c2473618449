"""The sides as the map draws them: who stood where (:class:`article_explorer.data.sides.Sides`)
with each side's look (:func:`article_explorer.ui.theme.side_looks`) and its legend entry.

Everything on the map that depends on a side (the countries' fills, the military layers, the
border table, the cards) asks :class:`MapSides`. The sides, their labels and colours come
from the dataset's sides.csv; no side is known here by name.

>>> from article_explorer.ui.session import dataset
>>> sides = MapSides(dataset())
>>> sides.of_country("POL", 2016), sides.of_country("MNE", 2016), sides.of_country("MNE", 2017)
('nato', None, 'nato')
>>> sides.legend("nato", 2016), sides.words("belarus"), sides.words(None)
('NATO members (2016)', 'Belarus', 'other countries and territories')
"""

from __future__ import annotations

from functools import cached_property

from article_explorer.data.sides import Sides
from article_explorer.ui.theme import NO_SIDE, Look, side_looks


class MapSides(Sides):
    """The dataset's sides, with how each is filled and named on the map."""

    @cached_property
    def looks(self) -> dict[str, Look]:
        return side_looks(self.dataset.sides.to_dict("records"))

    def look(self, side: str | None) -> Look:
        """How a side is filled on the map (no side: :data:`~article_explorer.ui.theme.NO_SIDE`)."""
        return self.looks.get(side, NO_SIDE) if side else NO_SIDE

    def words(self, side: str | None) -> str:
        """A side in words, as the cards and the border table name it."""
        return self.label(side) if side else NO_SIDE.words

    def legend(self, side: str | None, year: int) -> str:
        """A side's legend entry: it names the year where who stands on the side changes with it."""
        words = self.words(side)
        if side is None:
            return words[0].upper() + words[1:]
        return f"{words} ({year})" if self.changes_over_time(side) else words
