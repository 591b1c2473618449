"""The network's figure: the actors on a circle, and a line with an arrow for each linked pair.

The layout is a circle with the actors in a fixed order (by kind, then name), so every learner
in a class sees the same picture, and an actor keeps its place when filters change. The author
is in the centre. An actor's shape is its kind's (:data:`article_explorer.ui.theme.ACTOR_KIND`).
"""

from __future__ import annotations

import math
import textwrap

import pandas as pd

from article_explorer.data.dataset import Dataset
from article_explorer.explorers.network.links import LINK_KINDS, author_id
from article_explorer.ui.actor_card import kind_in_words
from article_explorer.ui.rendering import esc
from article_explorer.ui.theme import ACTOR_KIND


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
    names = dataset.actor_names
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
    for kind in sorted(set(dataset.actors["kind"]), key=list(ACTOR_KIND).index):
        symbol = ACTOR_KIND[kind].symbol
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
