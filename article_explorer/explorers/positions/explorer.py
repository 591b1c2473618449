"""The actors' positions on the issues: who wants what, on whose word.

Pure functions first — :func:`position_matrix`, :func:`build_matrix_figure` and the sentences
that describe them, on :mod:`.cells` (a cell's positions, stance and evidence) — then
:class:`PositionMatrixExplorer`, which wires widgets to them. How a stance moved over time is
:mod:`article_explorer.explorers.positions.stances`.

A cell of the matrix sums up the positions an actor holds on an issue among those shown:
all "supports" → supports, all "opposes" → opposes, anything else → mixed, none → no
position in the text. Each stance has a colour *and* a letter (:data:`~article_explorer.ui.theme.STANCE`),
so the matrix reads the same in black and white.
"""

from __future__ import annotations

import textwrap

import ipywidgets as widgets
import pandas as pd

from article_explorer.data.dataset import Dataset
from article_explorer.data.queries import ClaimFilters, filter_claims
from article_explorer.explorers.base import Explorer
from article_explorer.explorers.positions.cells import (
    CELLS,
    PositionFilters,
    cell_evidence,
    evidence_html,
    filter_positions,
    summarise_stances,
)
from article_explorer.ui.controls import NO_CHOICE, choose_several, multi_select, replace_options
from article_explorer.ui.rendering import download_link, esc, folded, html_table, nothing_matches
from article_explorer.ui.theme import BASIS, STANCE, VOICE, words_for


def matrix_actors(dataset: Dataset) -> list[str]:
    """The actors that hold a position in the dataset, most positions first (the matrix's columns)."""
    counts = dataset.positions["actor_id"].value_counts()
    names = dataset.actor_names
    return sorted(counts.index, key=lambda actor: (-counts[actor], names[actor].lower()))


def matrix_issues(dataset: Dataset) -> list[str]:
    """The issues on which someone holds a position, in the dataset's order (the matrix's rows)."""
    used = set(dataset.positions["issue_id"])
    return [issue for issue in dataset.issues["issue_id"] if issue in used]


#: The columns of :func:`position_matrix` (an empty matrix has them too).
MATRIX_COLUMNS = ["actor_id", "actor", "issue_id", "issue", "stance", "positions", "bases", "position_ids", "quotes"]


def position_matrix(dataset: Dataset, filters: PositionFilters) -> pd.DataFrame:
    """One row per actor × issue cell: its stance and the positions behind it.

    The grid is always the same size (every actor with a position × every issue with one), so
    the picture does not jump when a filter changes; cells left empty say "none". A dataset
    without positions has an empty matrix (with its columns).
    """
    shown = filter_positions(dataset, filters)
    names = dataset.actor_names
    labels = dataset.issue_labels
    grouped = {key: group for key, group in shown.groupby(["actor_id", "issue_id"], sort=False)}
    rows = []
    for issue in matrix_issues(dataset):
        for actor in matrix_actors(dataset):
            group = grouped.get((actor, issue))
            rows.append(
                {
                    "actor_id": actor,
                    "actor": names[actor],
                    "issue_id": issue,
                    "issue": labels[issue],
                    "stance": summarise_stances([] if group is None else group["stance"]),
                    "positions": 0 if group is None else len(group),
                    "bases": "" if group is None else ", ".join(sorted(set(group["basis"]))),
                    "position_ids": [] if group is None else list(group["position_id"]),
                    "quotes": [] if group is None else list(group["quote"]),
                }
            )
    return pd.DataFrame(rows, columns=MATRIX_COLUMNS)


def build_matrix_figure(dataset: Dataset, matrix: pd.DataFrame, chosen: tuple[str, str] | None = None) -> dict:
    """The matrix as labelled squares, actors across and issues down, the ``chosen`` cell ringed.
    Click a square to choose it. Returned as a plain plotly figure dict (``go.Figure(spec)``
    makes an object)."""
    figure = _matrix_squares(matrix)
    ring = chosen_cell_ring(figure, chosen)
    return figure if ring is None else {"data": [*figure["data"], ring], "layout": figure["layout"]}


def chosen_cell_ring(figure: dict, chosen: tuple[str, str] | None) -> dict | None:
    """A black ring around the ``chosen`` (actor, issue) cell of a matrix figure, or ``None``."""
    if chosen is None:
        return None
    key = "|".join(chosen)
    for trace in figure["data"]:
        if key in trace.get("customdata", []):
            index = trace["customdata"].index(key)
            return {
                "type": "scatter",
                "name": "chosen cell",
                "x": [trace["x"][index]],
                "y": [trace["y"][index]],
                "mode": "markers",
                "marker": {"symbol": "square-open", "size": 42, "color": "#000000", "line": {"width": 3}},
                "hoverinfo": "skip",
            }
    return None


def _matrix_squares(matrix: pd.DataFrame) -> dict:
    actors = list(dict.fromkeys(matrix["actor"]))
    issues = list(dict.fromkeys(matrix["issue"]))
    column = {actor: i for i, actor in enumerate(actors)}
    row = {issue: i for i, issue in enumerate(issues)}
    traces = []
    for stance, look in CELLS.items():
        letter, fill, words = look.glyph, look.colour, look.words
        cells = matrix[matrix["stance"] == stance]
        hovers = [
            f"<b>{esc(c.actor)}</b> on {esc(c.issue)}: {esc(words)}"
            + "".join(f"<br>“{esc(q[:90])}{'…' if len(q) > 90 else ''}”" for q in c.quotes[:3])
            + (f"<br>({c.positions} positions; basis: {esc(c.bases)})" if c.positions else "")
            for c in cells.itertuples()
        ]
        traces.append(
            {
                "type": "scatter",
                "name": f"{letter} {words}",
                "x": [column[a] for a in cells["actor"]],
                "y": [row[i] for i in cells["issue"]],
                "mode": "markers+text",
                "text": [letter] * len(cells),
                "textfont": {"color": look.text_colour, "size": 14},
                "marker": {
                    "symbol": "square",
                    "size": 34,
                    "color": fill,
                    "line": {"color": "#777777" if stance == "none" else fill, "width": 1},
                },
                "hovertext": hovers,
                "hoverinfo": "text",
                "customdata": [f"{a}|{i}" for a, i in zip(cells["actor_id"], cells["issue_id"], strict=True)],
            }
        )
    layout = {
        "template": "plotly_white",
        "height": 120 + 46 * len(issues),
        "margin": {"l": 10, "r": 40, "t": 30, "b": 10},
        "modebar": {"orientation": "v"},
        "xaxis": {
            "side": "top",
            "tickvals": list(range(len(actors))),
            # short lines (wrapped before escaping, so "EU's" counts 4 letters); angled when even these would touch
            "ticktext": ["<br>".join(esc(line) for line in _wrap(a, 10).split("<br>")) for a in actors],
            "tickfont": {"size": 11},
            "autotickangles": [0, 45, 90],
            "range": [-0.6, len(actors) - 0.4],
            "automargin": True,
            "showgrid": False,
            "zeroline": False,
        },
        "yaxis": {
            "tickvals": list(range(len(issues))),
            "ticktext": [esc(i) for i in issues],
            "range": [len(issues) - 0.5, -0.5],
            "automargin": True,
            "showgrid": False,
            "zeroline": False,
        },
        "legend": {"orientation": "h", "y": -0.02, "yanchor": "top", "x": 0},
        "clickmode": "event",
        "hovermode": "closest",
    }
    return {"data": traces, "layout": layout}


def _wrap(text: str, width: int = 14) -> str:
    """Break a label into lines of about ``width`` characters, at spaces (plotly's ``<br>``).

    >>> _wrap("Critics of the EU's sanctions relief")
    "Critics of the<br>EU's sanctions<br>relief"
    """
    return "<br>".join(textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False))


def describe_matrix(dataset: Dataset, shown: pd.DataFrame, matrix: pd.DataFrame) -> str:
    """One sentence on what the matrix shows, and how much of it is the author's attribution."""
    total = len(dataset.positions)
    if not total:
        return "This dataset codes no actor's position on an issue, so the matrix is empty."
    if shown.empty:
        return f"No position matches these filters (0 of {total}). Keep at least one basis."
    filled = matrix[matrix["stance"] != "none"]
    counts = filled["stance"].value_counts()
    stances = ", ".join(f"{counts.get(s, 0)} {look.words}" for s, look in STANCE.items())
    by_basis = shown["basis"].value_counts()
    bases = ", ".join(f"{by_basis.get(b, 0)} {look.words}" for b, look in BASIS.items() if b in by_basis)
    attributed = int(by_basis.get("attributed", 0))
    return (
        f"Showing {len(shown)} of {total} positions in {len(filled)} of {len(matrix)} cells ({stances}). "
        f"Of the positions shown, {bases}: {attributed / len(shown):.0%} rest on the author's attribution "
        "rather than on the actors' own words or deeds."
    )


def describe_voices(dataset: Dataset, claims: pd.DataFrame) -> str:
    """One sentence on the voices of the claims kept."""
    total = len(dataset.claims)
    if claims.empty:
        return f"No claim is kept (0 of {total}): choose at least one voice."
    counts = claims["voice"].value_counts()
    parts = ", ".join(f"{counts[v]} {look.words}" for v, look in VOICE.items() if v in counts)
    return f"Claims kept: {len(claims)} of {total} ({parts})."


def positions_csv(shown: pd.DataFrame) -> str:
    """The shown positions as CSV, lists joined with '|' as in the dataset."""
    columns = ["position_id", "actor_id", "issue_id", "stance", "basis", "as_of", "evidence", "sentence_ids", "quote"]
    out = shown[columns].copy()
    out["sentence_ids"] = out["sentence_ids"].map("|".join)
    return out.to_csv(index=False, lineterminator="\n")


class PositionMatrixExplorer(Explorer):
    """The matrix with its filters on whose word counts, the chosen cell's evidence, a table and a download."""

    def __init__(self, dataset: Dataset):
        # the figure is drawn by render(), below; the table is folded under one line: no scroll box inside the page
        super().__init__(dataset, {}, scroll_table=False)
        self._matrices: dict[frozenset[str] | None, pd.DataFrame] = {}  # by bases: voices do not change it
        self._squares: dict[frozenset[str] | None, dict] = {}
        bases, voices = set(dataset.positions["basis"]), set(dataset.claims["voice"])
        self.bases = multi_select("Positions", [(look.words, b) for b, look in BASIS.items() if b in bases])
        self.voices = multi_select("Claims", [(look.words, v) for v, look in VOICE.items() if v in voices])
        self.cell_picker = widgets.Dropdown(options=[("", NO_CHOICE)], description="Cell", layout={"width": "100%"})
        self.voice_summary = widgets.HTML()
        self.evidence = widgets.HTML()
        for control in (self.bases, self.voices):
            control.observe(lambda _: self.render(), names="value")
        self.cell_picker.observe(lambda _: self.render(table=False), names="value")
        self.pick_on_click(self.cell_picker)
        self.plot.observe(self._on_empty_cell_click, names="clicked")
        choose = (
            "<p><b>Whose word is it?</b> Each list keeps the highlighted kinds of evidence: click one "
            "to keep only it, Ctrl+click (⌘+click on a Mac) to add or drop one.</p>"
        )
        top = [
            widgets.HTML(choose),
            widgets.HBox([choose_several(c, howto=False) for c in (self.bases, self.voices)]),
            self.count,
        ]
        views = [self.figure_box, self.description, self.voice_summary, self.cell_picker, self.evidence]
        self.render()
        self.assemble(*top, *views, self.table, self.download)

    @property
    def filters(self) -> PositionFilters:
        return PositionFilters(bases=frozenset(self.bases.value), voices=frozenset(self.voices.value))

    def _figure(self, filters: PositionFilters, chosen: tuple[str, str] | None) -> dict:
        self._matrix(filters)
        squares = self._squares[filters.bases]
        ring = chosen_cell_ring(squares, chosen)
        return squares if ring is None else {"data": [*squares["data"], ring], "layout": squares["layout"]}

    def _matrix(self, filters: PositionFilters) -> pd.DataFrame:
        """The matrix (and its squares) for these bases, computed once: a learner goes back and forth."""
        if filters.bases not in self._matrices:
            self._matrices[filters.bases] = position_matrix(self.dataset, filters)
            self._squares[filters.bases] = build_matrix_figure(self.dataset, self._matrices[filters.bases])
        return self._matrices[filters.bases]

    @property
    def chosen(self) -> tuple[str, str] | None:
        value = self.cell_picker.value
        return tuple(value.split("|", 1)) if value else None

    def render(self, table: bool = True) -> None:
        """Bring every view in line; ``table=False`` when only the chosen cell changed."""
        filters = self.filters
        matrix = self._matrix(filters)
        if table:
            self._render_filtered(filters, matrix)
        chosen = self.chosen
        self.plot.show(self._figure(filters, chosen))
        if self._shown.empty:
            self.evidence.value = nothing_matches(describe_matrix(self.dataset, self._shown, matrix))
        elif chosen is None:
            self.evidence.value = nothing_matches(
                "Click a lettered square, or choose a cell in the list, to see its evidence."
            )
        else:
            cell = matrix[(matrix["actor_id"] == chosen[0]) & (matrix["issue_id"] == chosen[1])].iloc[0]
            evidence = cell_evidence(self.dataset, filters, *chosen)
            self.evidence.value = evidence_html(self.dataset, evidence, cell["actor"], cell["issue"])

    def _render_filtered(self, filters: PositionFilters, matrix: pd.DataFrame) -> None:
        """The views that depend on the filters only: count, sentences, cell list, table, download."""
        shown = self._shown = filter_positions(self.dataset, filters)
        filled = matrix[matrix["stance"] != "none"]
        self.show_count(len(shown), len(self.dataset.positions), "positions")
        self.show_description(describe_matrix(self.dataset, shown, matrix))
        kept_claims = filter_claims(self.dataset, ClaimFilters(voices=filters.voices))
        self.show_description(describe_voices(self.dataset, kept_claims), self.voice_summary)
        keys = [f"{a}|{i}" for a, i in zip(filled["actor_id"], filled["issue_id"], strict=True)]
        options = [("— choose a cell (or click one) —", NO_CHOICE)] + [
            (f"{c.actor} — {c.issue}: {CELLS[c.stance].words}", key)
            for c, key in zip(filled.itertuples(), keys, strict=True)
        ]
        chosen = self.cell_picker.value if self.cell_picker.value in keys else None
        replace_options(self.cell_picker, options, chosen)
        self.figure_box.layout.display = "none" if shown.empty else None
        columns = {"actor": "actor", "issue": "issue", "stance": "stance", "positions": "positions", "bases": "basis"}
        in_words_ = filled.assign(
            bases=filled["bases"].map(lambda b: ", ".join(words_for(BASIS, x) for x in b.split(", ")))
        )
        self.table.value = folded(f"Show the {len(filled)} cells as a table", html_table(in_words_, columns))
        self.download.value = download_link(
            "positions.csv", positions_csv(shown), f"Download these {len(shown)} positions as CSV"
        )

    def _on_empty_cell_click(self, change) -> None:
        """A click on a cell the list does not hold (no position, with these filters) says so."""
        key = (change["new"] or {}).get("customdata")
        if key and key not in {value for _, value in self.cell_picker.options}:
            self.evidence.value = nothing_matches("No position in the text for that cell (with these filters).")
