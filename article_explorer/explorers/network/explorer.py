"""The network explorer: the network with its issue, year and link filters, and actor cards."""

from __future__ import annotations

from dataclasses import replace

import ipywidgets as widgets
import pandas as pd

from article_explorer.data.dataset import Dataset
from article_explorer.explorers.base import Explorer
from article_explorer.explorers.network.figure import build_network_figure
from article_explorer.explorers.network.links import (
    LINK_KINDS,
    NetworkFilters,
    describe_network,
    links_table,
    network_links,
)
from article_explorer.ui.actor_card import actor_card
from article_explorer.ui.controls import NO_CHOICE
from article_explorer.ui.rendering import nothing_matches


class ActorNetworkExplorer(Explorer):
    """The network with its issue, year and link filters; click an actor (or choose one) for its card.

    No count line: :attr:`nothing` says so when no link matches (the figure is hidden then). The
    table of links is folded under one line, so it needs no scroll box of its own."""

    def __init__(self, dataset: Dataset):
        # the figure is drawn by render(), below; the table is folded (see links_table): no scroll box
        super().__init__(dataset, {}, scroll_table=False)
        self._links: dict[NetworkFilters, pd.DataFrame] = {}
        self._cards: dict[str, str] = {}
        events = dataset.events
        # an event with an open or unknown start is in its end's year (else it would be before the first)
        unknown_start_ends = events.loc[events["date_start"].isna(), "date_end"].dropna()
        years = sorted(
            {d.year for d in [*events["date_start"].dropna(), *unknown_start_ends]} | {dataset.published.year}
        )
        used = set(dataset.positions["issue_id"]) | set(dataset.claims["issue_id"])
        issues = [("All issues", NO_CHOICE)] + [
            (label, issue) for issue, label in dataset.issues[["issue_id", "label"]].values if issue in used
        ]
        self.issue = widgets.Dropdown(options=issues, description="Links about")
        self.issue.style.description_width = "initial"
        self.first_year = widgets.Dropdown(options=years, value=years[0], description="From")
        self.last_year = widgets.Dropdown(options=years, value=years[-1], description="To")
        self.kinds = widgets.SelectMultiple(
            options=[(words, kind) for kind, (words, _, _) in LINK_KINDS.items()],
            value=tuple(LINK_KINDS),
            description="Link kinds",
            rows=2,
        )
        self.author_links = widgets.Checkbox(value=False, description="Draw the author's own claims", indent=False)
        self.context = widgets.Checkbox(value=True, description="Show context events", indent=False)
        has_context = bool((events["origin"] == "context").any())  # without any, the box would do nothing
        names = sorted(((name, a) for a, name in dataset.actor_names.items()), key=lambda o: o[0].lower())
        self.actor_picker = widgets.Dropdown(options=[("— choose an actor —", NO_CHOICE), *names], description="Actor")
        self.nothing = widgets.HTML()
        for control in (self.issue, self.first_year, self.last_year, self.kinds, self.author_links, self.context):
            control.observe(lambda _: self.render(), names="value")
        self.actor_picker.observe(lambda _: self.render(table=False), names="value")
        self.pick_on_click(self.actor_picker)
        help_text = (
            "<p class='ae-meta'><b>Link kinds</b> keeps the highlighted kinds: click one to keep only it, "
            "Ctrl+click (⌘+click on a Mac) to add or drop one. Click an actor's symbol for its card.</p>"
        )
        self.render()
        self.assemble(
            widgets.HBox([self.issue, self.kinds]),
            widgets.HBox(
                [self.first_year, self.last_year, self.author_links] + ([self.context] if has_context else [])
            ),
            widgets.HTML(help_text),
            self.nothing,
            self.figure_box,
            self.description,
            self.actor_picker,
            self.card,
            self.table,
        )

    @property
    def filters(self) -> NetworkFilters:
        return NetworkFilters(
            issue_id=self.issue.value or None,
            first_year=self.first_year.value,
            last_year=self.last_year.value,
            kinds=frozenset(self.kinds.value),
            author_links=self.author_links.value,
            context=self.context.value,
        )

    def _links_for(self, filters: NetworkFilters) -> pd.DataFrame:
        if filters not in self._links:  # computed once per state: a learner goes back and forth
            self._links[filters] = network_links(self.dataset, filters)
        return self._links[filters]

    def render(self, table: bool = True) -> None:
        filters = self.filters
        links = self._links_for(filters)
        hidden = 0 if filters.author_links else len(self._links_for(replace(filters, author_links=True))) - len(links)
        self.plot.show(build_network_figure(self.dataset, links, self.actor_picker.value or None))
        sentence = describe_network(self.dataset, links, filters, hidden)
        if links.empty:
            self.description.value = ""
        else:
            self.show_description(sentence)
        self.nothing.value = nothing_matches(sentence) if links.empty else ""
        self.figure_box.layout.display = "none" if links.empty else None
        if not self.actor_picker.value:
            self.card.value = nothing_matches(
                "Click an actor on the network, or choose one in the list, to see its card."
            )
        else:
            actor = self.actor_picker.value
            if actor not in self._cards:
                self._cards[actor] = actor_card(self.dataset, actor)
            self.card.value = self._cards[actor]
        if table:
            self.table.value = links_table(self.dataset, links)
