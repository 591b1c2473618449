"""The map explorer: the article's places, the sides of the countries round them, and what happened where."""

from article_explorer.explorers.map.explorer import MapExplorer

__all__ = ["MapExplorer"]
