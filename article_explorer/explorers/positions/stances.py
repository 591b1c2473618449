"""How the actors' stances on one issue moved over time: :func:`build_stance_figure`,
:func:`describe_stances`, and :class:`StanceOverTime`, which shows them for the issue chosen.

Each dated position is a point (a day) or a bar with a point at its middle (a period). Its
stance is told three ways, as in the position matrix: the marker's shape, its letter and its
colour (:data:`~article_explorer.ui.theme.STANCE`); the label beside it gives the basis.
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from article_explorer.data.dataset import Dataset
from article_explorer.data.edtf import in_words
from article_explorer.data.queries import most_contested_issue
from article_explorer.explorers.base import Explorer
from article_explorer.ui.rendering import date_line, esc, html_table, nothing_matches
from article_explorer.ui.theme import BASIS, STANCE, words_for


def marker_days(positions: pd.DataFrame) -> pd.Series:
    """Where each position's marker stands: the middle of its period, or, for a period with an
    open or unknown start or end (``../2016``, ``2014/..``), the one day it gives."""
    start, end = positions["as_of_start"], positions["as_of_end"]
    return (start + (end - start) / 2).fillna(start).fillna(end)


def build_stance_figure(dataset: Dataset, positions: pd.DataFrame, issue_id: str) -> dict:
    """Each actor's stance on one issue at each dated position: a point for a day, a bar for a
    period; the symbol and the letter give the stance, the label the basis."""
    label = dataset.issues.set_index("issue_id").loc[issue_id, "label"]
    on_issue = positions[positions["issue_id"] == issue_id]
    actors = list(dict.fromkeys(on_issue.sort_values("actor_name")["actor_name"]))
    traces = []
    for stance, look in STANCE.items():
        rows = on_issue[on_issue["stance"] == stance]
        if rows.empty:
            continue
        letter, colour, symbol, words = look.glyph, look.colour, look.symbol, look.words
        bar_x, bar_y = [], []
        for start, end, actor in zip(rows["as_of_start"], rows["as_of_end"], rows["actor_name"], strict=True):
            if pd.notna(start) and pd.notna(end) and end > start:
                bar_x += [start.isoformat(), end.isoformat(), None]
                bar_y += [actor, actor, None]
        if bar_x:
            traces.append(
                {
                    "type": "scatter",
                    "x": bar_x,
                    "y": bar_y,
                    "mode": "lines",
                    "line": {"color": colour, "width": 8},
                    "opacity": 0.45,
                    "hoverinfo": "skip",
                    "showlegend": False,
                }
            )
        middle = marker_days(rows)
        traces.append(
            {
                "type": "scatter",
                "name": f"{letter} {words}",
                "x": [m.isoformat() for m in middle],
                "y": list(rows["actor_name"]),
                "mode": "markers+text",
                "marker": {"symbol": symbol, "size": 16, "color": colour, "line": {"color": "#000000", "width": 1}},
                "text": [f"{letter} · {b}" for b in rows["basis"]],
                "textposition": "top center",
                "hovertext": [
                    f"<b>{esc(p.actor_name)}</b> {esc(p.stance)} ({esc(words_for(BASIS, p.basis))}), "
                    f"as of {esc(in_words(p.as_of))}<br>“{esc(p.quote)}”"
                    for p in rows.itertuples()
                ],
                "hoverinfo": "text",
                "customdata": list(rows["position_id"]),
            }
        )
    published = dataset.published.isoformat()
    line, line_label = date_line(published, "the article", label_inside=False)
    top = len(actors) - 0.3  # room above the top actor for its "S · stated" labels
    line_label["xanchor"] = "right"  # to the line's left, clear of the modebar on the right
    layout = {  # title on the left, modebar standing at the right edge: they never meet
        "template": "plotly_white",
        "title": {"text": f"Stances on “{esc(label)}” over time", "x": 0, "xanchor": "left", "xref": "paper"},
        "height": 160 + 60 * max(1, len(actors)),
        "margin": {"l": 10, "r": 40, "t": 60, "b": 40},
        "modebar": {"orientation": "v"},
        "yaxis": {"categoryorder": "array", "categoryarray": actors, "automargin": True, "range": [-0.5, top]},
        "xaxis": {"type": "date"},
        "legend": {"orientation": "h", "y": -0.15},
        "hovermode": "closest",
        "shapes": [line],
        "annotations": [line_label],
    }
    return {"data": traces, "layout": layout}


def describe_stances(dataset: Dataset, positions: pd.DataFrame, issue_id: str) -> str:
    """One sentence per actor: its stances on the issue, in date order."""
    label = dataset.issues.set_index("issue_id").loc[issue_id, "label"]
    on_issue = positions[positions["issue_id"] == issue_id]
    if on_issue.empty:
        return f"No position on “{label}” matches these filters."
    sentences = []
    for actor, rows in on_issue.groupby("actor_name", sort=True):
        steps = "; then ".join(
            f"{r.stance} ({words_for(BASIS, r.basis)}, {in_words(r.as_of)})" for r in rows.itertuples()
        )
        sentences.append(f"{actor}: {steps}.")
    return f"On “{label}” — " + " ".join(sentences)


class StanceOverTime(Explorer):
    """Choose an issue; see each actor's stance at each dated position."""

    def __init__(self, dataset: Dataset):
        # the figure is drawn by render(), below; the table is an issue's few positions: no scroll box inside the page
        super().__init__(dataset, {}, scroll_table=False)
        self._views: dict[str, tuple[dict, str, str]] = {}  # issue -> figure, description, table
        counts = dataset.positions["issue_id"].value_counts()
        issues = dataset.issues[dataset.issues["issue_id"].isin(counts.index)]
        options = [
            (f"{label} ({counts[issue]} positions)", issue) for issue, label in issues[["issue_id", "label"]].values
        ]
        contested = most_contested_issue(dataset) if options else None  # a dataset may code no position
        self.issue = widgets.Dropdown(options=options, value=contested, description="Issue", layout={"width": "100%"})
        self.issue.observe(lambda _: self.render(), names="value")
        self.render()
        self.assemble(self.issue, self.figure_box, self.description, self.table)

    def render(self) -> None:
        issue = self.issue.value
        self.figure_box.layout.display = "none" if issue is None else None
        if issue is None:
            self.description.value = nothing_matches("This dataset codes no actor's position on an issue.")
            return
        if issue not in self._views:  # each issue's views are computed once
            positions = self.dataset.positions
            on_issue = positions[positions["issue_id"] == issue].sort_values(["as_of_start", "actor_name"])
            columns = {"actor_name": "actor", "stance": "stance", "basis": "basis", "as_of": "as of", "quote": "quote"}
            on_issue = on_issue.assign(
                as_of=on_issue["as_of"].map(in_words), basis=on_issue["basis"].map(lambda b: words_for(BASIS, b))
            )
            self._views[issue] = (
                build_stance_figure(self.dataset, positions, issue),
                describe_stances(self.dataset, positions, issue),
                html_table(on_issue, columns),
            )
        figure, description, self.table.value = self._views[issue]
        self.show_description(description)
        self.plot.show(figure)
