"""Who acts on whom, who speaks about whom: a network of the article's actors, and actor cards.

Links come from two places. An **event** links its initiator (the first of its actors) to each
other actor in it: they act together, or one acts on the other. A **claim** links its claimant
to each actor it is about: one speaks about the other. Both can be filtered by issue (an
event's issues are those of the positions and claims that cite it) and by years (a claim is
dated by the article it is made in). A context event (the coder's, not reported by the
article) is marked "□ context" in its link's label, and "Show context events" leaves its links out.

The layout is a circle with the actors in a fixed order (by kind, then name), so every learner
in a class sees the same picture, and an actor keeps its place when filters change. The author,
in the centre, is the claimant of every claim in the article's own voice: those links say only
"the author writes about X" and would bury the rest, so they are left out unless asked for
(``author_links``).
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass, replace

import ipywidgets as widgets
import pandas as pd
from IPython.display import display

from article_explorer.data.dataset import Dataset
from article_explorer.data.edtf import in_words
from article_explorer.data.queries import TimelineFilters, filter_events
from article_explorer.ui import session
from article_explorer.ui.actor_card import actor_card, kind_in_words, mentions_in_text  # noqa: F401 (both public here, as before)
from article_explorer.ui.cards import context_tag
from article_explorer.ui.controls import NO_CHOICE
from article_explorer.ui.plotview import plot_view
from article_explorer.ui.rendering import esc, html_table, nothing_matches
from article_explorer.ui.style import STYLE

LINK_KINDS = {
    "event": ("acts with or on (event)", "#0072B2", "solid"),
    "claim": ("speaks about (claim)", "#D55E00", "dash"),
}
KIND_SYMBOLS = {
    "state": "circle",
    "government_body": "pentagon",
    "international_org": "square",
    "person": "diamond",
    "group": "triangle-up",
}


@dataclass(frozen=True)
class NetworkFilters:
    issue_id: str | None = None
    first_year: int | None = None
    last_year: int | None = None
    kinds: frozenset[str] = frozenset(LINK_KINDS)
    author_links: bool = False  # the author's own claims' links (see the module's docstring)
    context: bool = True  # links from context events (events.origin = context)


def event_issues(dataset: Dataset) -> dict[str, set[str]]:
    """The issues each event bears on: those of the positions and claims that cite it."""
    issues: dict[str, set[str]] = {}
    for evidence, issue in zip(dataset.positions["evidence"], dataset.positions["issue_id"], strict=True):
        issues.setdefault(evidence, set()).add(issue)
    for event_ids, issue in zip(dataset.claims["event_ids"], dataset.claims["issue_id"], strict=True):
        for event_id in event_ids:
            if issue:
                issues.setdefault(event_id, set()).add(issue)
    return issues


def network_links(dataset: Dataset, filters: NetworkFilters) -> pd.DataFrame:
    """One row per link: ``source``, ``target``, ``kind`` (event | claim), ``item_id``, ``label``."""
    rows = []
    if "event" in filters.kinds:
        years = TimelineFilters(first_year=filters.first_year, last_year=filters.last_year, context=filters.context)
        events = filter_events(dataset, years)
        issues = event_issues(dataset)
        for event in events.itertuples():
            if filters.issue_id is not None and filters.issue_id not in issues.get(event.event_id, set()):
                continue
            initiator, *others = event.actor_ids or [None]
            for other in others:
                if other != initiator:
                    label = f"{in_words(event.date)}: {context_tag(event)}{event.headline}"
                    rows.append((initiator, other, "event", event.event_id, label))
    year = dataset.published.year
    in_years = (filters.first_year is None or filters.first_year <= year) and (
        filters.last_year is None or year <= filters.last_year
    )
    if "claim" in filters.kinds and in_years:
        claims = dataset.claims
        if filters.issue_id is not None:
            claims = claims[claims["issue_id"] == filters.issue_id]
        for claim in claims.itertuples():
            for about in claim.about_actor_ids:
                if about != claim.claimant_id:
                    rows.append((claim.claimant_id, about, "claim", claim.claim_id, claim.paraphrase))
    links = pd.DataFrame(rows, columns=["source", "target", "kind", "item_id", "label"])
    author = None if filters.author_links else author_id(dataset)
    return links[(links["source"] != author) & (links["target"] != author)] if author else links


def author_id(dataset: Dataset) -> str | None:
    """The actor whose own voice the analysis is: the claimant of most claims in the ``own`` voice."""
    own = dataset.claims.loc[dataset.claims["voice"] == "own", "claimant_id"]
    return own.value_counts().index[0] if len(own) else None


def circle_layout(dataset: Dataset) -> dict[str, tuple[float, float]]:
    """Every actor's fixed place: the author in the centre, the others on a unit circle,
    grouped by kind, then by name."""
    author = author_id(dataset)
    others = dataset.actors[dataset.actors["actor_id"] != author]
    order = others.assign(_name=others["name"].str.lower()).sort_values(["kind", "_name"])
    count = max(len(order), 1)
    where = {
        actor: (math.cos(math.pi / 2 - 2 * math.pi * i / count), math.sin(math.pi / 2 - 2 * math.pi * i / count))
        for i, actor in enumerate(order["actor_id"])
    }
    if author is not None:
        where[author] = (0.0, 0.0)
    return where


def build_network_figure(dataset: Dataset, links: pd.DataFrame, chosen: str | None = None) -> dict:
    """Actors on a circle; a line per linked pair and kind (wider for more events or claims), with
    an arrow at its middle pointing from the actor who acts or speaks to the one acted on or
    spoken of. Returned as a plain plotly figure dict (``go.Figure(spec)`` makes an object)."""
    where = circle_layout(dataset)
    names = dict(zip(dataset.actors["actor_id"], dataset.actors["name"], strict=True))
    labels_by_pair: dict[tuple[str, str, str], list[str]] = {}
    for source, target, kind, label in zip(
        links["source"], links["target"], links["kind"], links["label"], strict=True
    ):
        labels_by_pair.setdefault((kind, source, target), []).append(label)
    traces = []
    for kind, (words, colour, dash) in LINK_KINDS.items():
        lines_by_width: dict[int, tuple[list, list]] = {}
        arrows = {near: {"x": [], "y": [], "angle": [], "text": [], "size": []} for near in (False, True)}
        for (of_kind, source, target), labels in sorted(labels_by_pair.items()):
            if of_kind != kind:
                continue
            (x0, y0), (x1, y1) = _offset(where[source], where[target], 0.012 if kind == "claim" else -0.012)
            xs, ys = lines_by_width.setdefault(1 + min(len(labels), 4), ([], []))  # capped: 2 to 5 px
            xs += [x0, x1, None]
            ys += [y0, y1, None]
            x, y = x0 + (x1 - x0) * 0.55, y0 + (y1 - y0) * 0.55
            # an arrow close to an actor (a link between neighbours) gets no hover: it would take the actor's click
            arrow = arrows[min(math.hypot(x - a, y - b) for a, b in where.values()) < 0.25]
            arrow["x"].append(x)
            arrow["y"].append(y)
            arrow["angle"].append(math.degrees(math.atan2(x1 - x0, y1 - y0)))
            items = "<br>".join(f"• {esc(label[:90])}" for label in labels[:6])
            more = f"<br>… and {len(labels) - 6} more" if len(labels) > 6 else ""
            arrow["text"].append(f"<b>{esc(names[source])} → {esc(names[target])}</b>: {esc(words)}<br>{items}{more}")
            arrow["size"].append(8 + min(len(labels), 3))  # small: a click near an actor finds the actor
        line = {"type": "scatter", "mode": "lines", "opacity": 0.55, "hoverinfo": "skip", "showlegend": False}
        traces += [
            {**line, "x": xs, "y": ys, "line": {"color": colour, "dash": dash, "width": width}, "legendgroup": kind}
            for width, (xs, ys) in sorted(lines_by_width.items())
        ]
        traces += [
            {
                "type": "scatter",
                "name": f"{'—' if dash == 'solid' else '- -'} {words}",
                "legendgroup": kind,
                "showlegend": near == (not arrows[False]["x"]),  # one legend entry per kind
                "x": arrow["x"],
                "y": arrow["y"],
                "mode": "markers",
                "marker": {"symbol": "arrow", "angle": arrow["angle"], "size": arrow["size"], "color": colour},
                "hovertext": arrow["text"],
                "hoverinfo": "skip" if near else "text",
            }
            for near, arrow in arrows.items()
            if lines_by_width
        ]
    linked = set(links["source"]) | set(links["target"])
    author = author_id(dataset)
    for kind in sorted(set(dataset.actors["kind"]), key=list(KIND_SYMBOLS).index):
        symbol = KIND_SYMBOLS[kind]
        actors = dataset.actors[dataset.actors["kind"] == kind]
        if actors.empty:
            continue
        ids = list(actors["actor_id"])
        traces.append(
            {
                "type": "scatter",
                "name": kind_in_words(kind),
                "legendgroup": f"kind-{kind}",
                "showlegend": False,
                "x": [where[a][0] for a in ids],
                "y": [where[a][1] for a in ids],
                "mode": "markers+text",
                "text": [_node_label(names[a]) + ("<br>(the author)" if a == author else "") for a in ids],
                "textposition": [_label_side(where[a]) for a in ids],
                "textfont": {"size": 12},
                "cliponaxis": False,  # a label may reach into the margin rather than be cut
                "marker": {  # large, and drawn above the links: the click target
                    "symbol": symbol,
                    "size": [24 if a in linked else 16 for a in ids],
                    "color": ["#333333" if a in linked else "#bbbbbb" for a in ids],
                    "line": {"color": ["#000000" if a == chosen else "#ffffff" for a in ids], "width": 3},
                },
                "hovertext": [
                    f"{esc(names[a])} ({esc(kind_in_words(kind))}) — click for the actor's card" for a in ids
                ],
                "hoverinfo": "text",
                "customdata": ids,
            }
        )
        traces.append(  # the legend's entry: the shape in the colour of a linked actor
            {
                "type": "scatter",
                "name": kind_in_words(kind),
                "legendgroup": f"kind-{kind}",
                "x": [None],
                "y": [None],
                "mode": "markers",
                "marker": {"symbol": symbol, "size": 12, "color": "#333333"},
            }
        )
    # an ellipse, as wide as the figure allows: labels need room sideways, and neighbours room apart;
    # fixed, so that a drag or a quick second click never zooms the actors out of the picture
    axis = {"visible": False, "range": [-1.75, 1.75], "fixedrange": True}
    layout = {
        "template": "plotly_white",
        "height": 640,
        "margin": {"l": 4, "r": 4, "t": 30, "b": 10},
        "xaxis": axis,
        "yaxis": {**axis, "range": [-1.3, 1.35]},
        "legend": {"orientation": "h", "y": 0, "yanchor": "top", "x": 0, "itemsizing": "constant"},
        "hovermode": "closest",
    }
    return {"data": traces, "layout": layout}


def _offset(start, end, by: float):
    """The segment moved sideways by ``by``, so that an event link and a claim link between the
    same two actors are both visible."""
    (x0, y0), (x1, y1) = start, end
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    dx, dy = -(y1 - y0) / length * by, (x1 - x0) / length * by
    return (x0 + dx, y0 + dy), (x1 + dx, y1 + dy)


def _node_label(name: str, width: int = 22) -> str:
    """An actor's name, escaped and broken into short lines so that it stays inside the figure.

    >>> _node_label("Supreme State Council of Russia and Belarus")
    'Supreme State Council<br>of Russia and Belarus'
    """
    return "<br>".join(esc(line) for line in textwrap.wrap(name, width)) or esc(name)


def _label_side(point: tuple[float, float]) -> str:
    """Labels point away from the centre: sideways, and upwards near the top."""
    x, y = point
    if y > 0.75 and abs(x) > 0.05:
        return f"top {'right' if x > 0 else 'left'}"
    if x > 0.05:
        return "middle right"
    if x < -0.05:
        return "middle left"
    return "bottom center" if y < -0.05 else "top center"


def describe_network(dataset: Dataset, links: pd.DataFrame, filters: NetworkFilters, hidden: int = 0) -> str:
    """One sentence on the network shown; ``hidden`` is how many of the author's links are left out."""
    if filters.first_year is not None and filters.last_year is not None and filters.first_year > filters.last_year:
        return (
            f"No link matches these filters: “From” ({filters.first_year}) is after “To” ({filters.last_year}). "
            "Choose a From year no later than the To year."
        )
    left_out = (
        f" The author's own claims give {hidden} more links, from the centre; tick “Draw the author's own "
        "claims” to see them."
        if hidden
        else ""
    )
    if links.empty:
        return (
            "No link matches these filters. Choose all issues, widen the years or keep both kinds of link." + left_out
        )
    names = dict(zip(dataset.actors["actor_id"], dataset.actors["name"], strict=True))
    counts = links["kind"].value_counts()
    kinds = " and ".join(f"{counts[k]} from {k}s" for k in LINK_KINDS if k in counts)
    busiest = pd.concat([links["source"], links["target"]]).value_counts()
    top = ", ".join(f"{names[a]} ({n})" for a, n in busiest.head(3).items())
    return (
        f"{len(links)} links ({kinds}) between {busiest.size} of {len(dataset.actors)} actors. Most connected: {top}."
        + left_out
    )


class ActorNetworkExplorer:
    """The network with its issue, year and link filters; click an actor (or choose one) for its card."""

    def __init__(self, dataset: Dataset):
        self.dataset = dataset
        self._links: dict[NetworkFilters, pd.DataFrame] = {}
        self._cards: dict[str, str] = {}
        events = dataset.events
        years = sorted({d.year for d in events["date_start"].dropna()} | {dataset.published.year})
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
        names = sorted(zip(dataset.actors["name"], dataset.actors["actor_id"], strict=True), key=lambda o: o[0].lower())
        self.actor_picker = widgets.Dropdown(options=[("— choose an actor —", NO_CHOICE), *names], description="Actor")
        self.nothing = widgets.HTML()
        self.description = widgets.HTML()
        self.card = widgets.HTML()
        self.table = widgets.HTML()
        self.plot, self._figure_box = plot_view({})  # drawn by render(), below
        for control in (self.issue, self.first_year, self.last_year, self.kinds, self.author_links, self.context):
            control.observe(lambda _: self.render(), names="value")
        self.actor_picker.observe(lambda _: self.render(table=False), names="value")
        self.plot.observe(self._on_click, names="clicked")
        help_text = (
            "<p class='ae-meta'><b>Link kinds</b> keeps the highlighted kinds: click one to keep only it, "
            "Ctrl+click (⌘+click on a Mac) to add or drop one. Click an actor's symbol for its card.</p>"
        )
        self.widget = widgets.VBox(
            [
                widgets.HTML(STYLE),
                widgets.HBox([self.issue, self.kinds]),
                widgets.HBox(
                    [self.first_year, self.last_year, self.author_links] + ([self.context] if has_context else [])
                ),
                widgets.HTML(help_text),
                self.nothing,
                self._figure_box,
                self.description,
                self.actor_picker,
                self.card,
                self.table,
            ]
        )
        self.render()
        self.widget.add_class("ae-explorer")
        session.register(self)

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
        self.description.value = "" if links.empty else f"<p class='ae-description'>{esc(sentence)}</p>"
        self.nothing.value = nothing_matches(sentence) if links.empty else ""
        self._figure_box.layout.display = "none" if links.empty else None
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

    def _on_click(self, change) -> None:
        actor_id = (change["new"] or {}).get("customdata")
        if actor_id in set(self.dataset.actors["actor_id"]):
            self.actor_picker.value = actor_id

    def _ipython_display_(self) -> None:
        display(self.widget)


def links_table(dataset: Dataset, links: pd.DataFrame) -> str:
    """The links shown, as a table folded under one line (no scroll box inside the page)."""
    if links.empty:
        return ""
    names = dict(zip(dataset.actors["actor_id"], dataset.actors["name"], strict=True))
    shown = links.assign(
        source=links["source"].map(names),
        target=links["target"].map(names),
        kind=links["kind"].map(lambda k: LINK_KINDS[k][0]),
    )
    table = html_table(shown, {"source": "from", "kind": "link", "target": "to", "label": "event or claim"})
    return f'<details class="ae-more"><summary>Show the {len(links)} links as a table</summary>{table}</details>'
