"""Who acts on whom, who speaks about whom: a network of the article's actors, and actor cards.

The links and their words are in :mod:`.links`, the figure in :mod:`.figure`, the widget in
:mod:`.explorer`; the names below are importable from here, as they were from the one module.
"""

from article_explorer.explorers.network.explorer import ActorNetworkExplorer
from article_explorer.explorers.network.figure import build_network_figure, circle_layout
from article_explorer.explorers.network.links import (
    LINK_KINDS,
    NetworkFilters,
    author_id,
    describe_network,
    event_issues,
    links_table,
    network_links,
)
from article_explorer.ui.actor_card import actor_card, kind_in_words, mentions_in_text

__all__ = [
    "LINK_KINDS",
    "ActorNetworkExplorer",
    "NetworkFilters",
    "actor_card",
    "author_id",
    "build_network_figure",
    "circle_layout",
    "describe_network",
    "event_issues",
    "kind_in_words",
    "links_table",
    "mentions_in_text",
    "network_links",
]
