"""The positions explorers: who stands where on which issue, and how a stance moved over time."""

from article_explorer.explorers.positions.explorer import PositionMatrixExplorer, StanceOverTime

__all__ = ["PositionMatrixExplorer", "StanceOverTime"]
