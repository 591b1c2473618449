"""The timeline explorer: the article's events on a time axis.

:mod:`.layout` places the marks (lanes, slots, the axis and its cuts, the key), :mod:`.figure`
draws them, and :mod:`.explorer` is the widget that wires the filters to the figure.
"""

from article_explorer.explorers.timeline.explorer import TimelineExplorer

__all__ = ["TimelineExplorer"]
