"""The positions explorers: who stands where on which issue (:mod:`.explorer`), and how a stance
moved over time (:mod:`.stances`)."""

from article_explorer.explorers.positions.explorer import PositionMatrixExplorer
from article_explorer.explorers.positions.stances import StanceOverTime

__all__ = ["PositionMatrixExplorer", "StanceOverTime"]
