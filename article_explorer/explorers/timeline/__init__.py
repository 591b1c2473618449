"""The timeline explorer: events on a time axis, in lanes (:mod:`.layout`), and the widget (:mod:`.explorer`)."""

from article_explorer.explorers.timeline.explorer import TimelineExplorer

__all__ = ["TimelineExplorer"]
