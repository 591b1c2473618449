"""The article reader: every sentence, what was coded from it, and back again.

Pure builders first (dataset + selection -> HTML or figure), then :class:`ArticleReader`,
which wires two pickers to them. Choosing a sentence shows the rows that cite it; choosing
an event or a claim jumps to the sentence it comes from, with its quote marked.
"""

from __future__ import annotations

from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from article_explorer.data.dataset import Dataset
from article_explorer.explorers.base import Explorer
from article_explorer.ui.cards import claim_card, event_card, is_context, paragraph_label, position_card, sentence_label
from article_explorer.ui.controls import NO_CHOICE
from article_explorer.ui.rendering import esc, highlight, nothing_matches
from article_explorer.ui.scroll import ScrollTarget
from article_explorer.ui.theme import CERTAINTY, CLAIM_TYPE, CONTEXT, EVENT, POSITION

#: The reader's marks after each sentence: (glyph, colour, words), one per kind of row it counts.
MARKS = {
    "event": (EVENT.glyph, EVENT.colour, "event"),
    "context": (CONTEXT.glyph, CONTEXT.colour, "context event: the coder added it; the article does not report it"),
    **{c: (look.glyph, look.colour, f"claim stated as {look.words}") for c, look in CERTAINTY.items()},
    "position": (POSITION.glyph, POSITION.colour, "position"),
}


@dataclass(frozen=True)
class Selection:
    """What the reader shows: a sentence, and optionally one row ("events", id) within it."""

    sentence_id: str | None = None
    row: tuple[str, str] | None = None


def marks_by_sentence(dataset: Dataset) -> dict[str, Counter]:
    """For each sentence: how many events (context events apart), positions and claims (by
    certainty) cite it."""
    marks: dict[str, Counter] = {sid: Counter() for sid in dataset.sentences["sentence_id"]}
    for sentence_ids, origin in zip(dataset.events["sentence_ids"], dataset.events["origin"], strict=True):
        for sid in sentence_ids:
            marks[sid]["context" if origin == "context" else "event"] += 1
    for sentence_ids, certainty in zip(dataset.claims["sentence_ids"], dataset.claims["certainty"], strict=True):
        for sid in sentence_ids:
            marks[sid][certainty] += 1
    for sentence_ids in dataset.positions["sentence_ids"]:
        for sid in sentence_ids:
            marks[sid]["position"] += 1
    return marks


def legend_html() -> str:
    """What each of the reader's marks means, in one line over the article."""
    items = " &nbsp; ".join(
        f'<span style="color:{colour}">{symbol}</span> {esc(label)}' for symbol, colour, label in MARKS.values()
    )
    return f'<div class="ae-legend" aria-label="legend">{items}; the number after a mark counts the rows.</div>'


def _marks_html(counter: Counter) -> str:
    parts = []
    for kind, (symbol, colour, label) in MARKS.items():
        if counter[kind]:
            parts.append(
                f'<span style="color:{colour}" title="{counter[kind]} × {esc(label)}">{symbol}{counter[kind]}</span>'
            )
    return f'<span class="ae-marks">{" ".join(parts)}</span>' if parts else ""


def _shorten(text: str, length: int) -> str:
    return text if len(text) <= length else text[:length] + "…"


def _numbered(sentences: pd.DataFrame) -> pd.DataFrame:
    """The sentences with their number within their paragraph (1, 2, …)."""
    return sentences.assign(number=sentences.groupby("paragraph").cumcount() + 1)


def build_paragraph_html(
    sentences: pd.DataFrame, marks: dict[str, Counter], selection: Selection, quote: str | None = None
) -> str:
    """One paragraph (the rows of ``sentences``), each sentence followed by its marks.

    The selected sentence is highlighted, and ``quote`` (the chosen row's words) is marked in it.
    """
    first = sentences.iloc[0]
    out = [f'<p><span class="ae-pnum">{esc(paragraph_label(first["part"], first["paragraph"]))}</span>']
    for row in sentences.itertuples(index=False):
        selected = row.sentence_id == selection.sentence_id
        text = highlight(row.text, [quote] if selected and quote else [], "ae-quote")
        css = "ae-sentence ae-selected" if selected else "ae-sentence"
        pointer = '<span aria-hidden="true">▶ </span>' if selected else ""
        out.append(
            f'<span class="{css}" data-sentence="{esc(row.sentence_id)}">'
            f"{pointer}{text}</span>{_marks_html(marks.get(row.sentence_id, Counter()))} "
        )
    out.append("</p>")
    return "".join(out)


def build_rows_html(dataset: Dataset, selection: Selection) -> str:
    """Cards for every event, claim and position that cites the selected sentence."""
    if selection.sentence_id is None:
        return nothing_matches("Choose a sentence to see what was coded from it.")
    cited = dataset.rows_citing(selection.sentence_id)
    cards = [event_card(dataset, row) for _, row in cited["events"].iterrows()]
    cards += [claim_card(dataset, row) for _, row in cited["claims"].iterrows()]
    cards += [position_card(dataset, row) for _, row in cited["positions"].iterrows()]
    if not cards:
        return nothing_matches("Nothing in the dataset cites this sentence.")
    singular = {"events": "event", "claims": "claim", "positions": "position"}
    context = int((cited["events"]["origin"] == "context").sum())
    summary = ", ".join(
        f"{len(frame)} {name if len(frame) != 1 else singular[name]}"
        + (f" ({context} of them context, {CONTEXT.glyph})" if name == "events" and context else "")
        for name, frame in cited.items()
        if len(frame)
    )
    where = _numbered(dataset.sentences).set_index("sentence_id").loc[selection.sentence_id]
    label = sentence_label(where["part"], where["paragraph"], where["number"])
    return f"<p><b>This sentence ({esc(label)})</b> is cited by {esc(summary)}.</p>" + "".join(cards)


def coding_by_paragraph(dataset: Dataset) -> pd.DataFrame:
    """Counts of events (context events apart) and claims (by claim type) per paragraph, in long form."""
    rows = []
    for frame, kind_of in (
        (dataset.events, lambda r: "context" if is_context(r) else "event"),
        (dataset.claims, lambda r: r["claim_type"]),
    ):
        for _, row in frame.iterrows():
            for paragraph in row["paragraphs"]:
                rows.append({"paragraph": paragraph, "kind": kind_of(row)})
    if not rows:
        return pd.DataFrame({"paragraph": pd.Series(dtype="int64"), "kind": [], "rows": pd.Series(dtype="int64")})
    return pd.DataFrame(rows).value_counts(["paragraph", "kind"]).rename("rows").reset_index()


def highlight_shapes(paragraph: int | None) -> list[dict]:
    """The outline that marks the selected paragraph in the coding figure."""
    if paragraph is None:
        return []
    return [
        {
            "type": "rect",
            "xref": "x",
            "yref": "paper",
            "x0": paragraph - 0.5,
            "x1": paragraph + 0.5,
            "y0": 0,
            "y1": 1,
            "line": {"color": "#8a6d00", "width": 2},
            "fillcolor": "rgba(255, 243, 176, 0.35)",
            "layer": "below",
        }
    ]


def build_coding_figure(dataset: Dataset, highlight_paragraph: int | None = None) -> go.Figure:
    """Stacked bars: what was coded from each paragraph; the selected paragraph is outlined."""
    counts = coding_by_paragraph(dataset)
    paragraphs = sorted(dataset.sentences["paragraph"].unique())
    figure = go.Figure()
    kinds = ["event", "context", *CLAIM_TYPE]
    names = {"event": "event", "context": f"context event ({CONTEXT.glyph})"}
    for kind in kinds:
        subset = counts[counts["kind"] == kind].set_index("paragraph")["rows"]
        values = [int(subset.get(p, 0)) for p in paragraphs]
        if not any(values):
            continue
        colour, pattern = (MARKS[kind][1], "") if kind in names else (CLAIM_TYPE[kind].colour, CLAIM_TYPE[kind].pattern)
        name = names.get(kind, f"claim: {kind}")
        figure.add_bar(
            x=paragraphs,
            y=values,
            customdata=paragraphs,
            name=name,
            marker={"color": colour, "pattern": {"shape": pattern}},
            hovertemplate="¶ %{x}: %{y} " + esc(name) + "<extra></extra>",
        )
    shapes = highlight_shapes(highlight_paragraph)
    figure.update_layout(
        title={"text": "What was coded from each paragraph"},
        barmode="stack",
        xaxis={"title": {"text": "paragraph"}, "tickmode": "array", "tickvals": paragraphs},
        yaxis={"title": {"text": "rows citing it"}},
        legend={"title": {"text": "coded as"}},
        shapes=shapes,
        template="none",
        height=320,
        margin={"l": 50, "r": 10, "t": 40, "b": 40},
    )
    return figure


def describe_coding(dataset: Dataset) -> str:
    """One sentence that says what the coding figure shows (for screen readers and handouts)."""
    counts = coding_by_paragraph(dataset)
    if counts.empty:
        return "No events or claims are coded in this dataset yet."
    per_paragraph = counts.groupby("paragraph")["rows"].sum()
    busiest = int(per_paragraph.idxmax())
    predictions = counts[counts["kind"] == "prediction"].groupby("paragraph")["rows"].sum()
    context = int((dataset.events["origin"] == "context").sum())
    of_them = f" ({context} of them context events, which the article does not report)" if context else ""
    text = (
        f"{len(dataset.events)} events{of_them} and {len(dataset.claims)} claims are coded from "
        f"{per_paragraph.size} paragraphs; paragraph {busiest} has the most rows ({int(per_paragraph.max())})"
    )
    if not predictions.empty:
        text += f", and predictions appear in paragraphs {', '.join(str(p) for p in predictions.index)}"
    return text + "."


class ArticleReader(Explorer):
    """Read the article sentence by sentence and see what was coded from each.

    Choose a sentence, or an event or claim (which jumps to its sentence), or click a
    paragraph's bar in the figure (which jumps to the paragraph's first sentence).

    Each paragraph is its own HTML view, so a change of sentence redraws only the paragraphs
    it touches; the figure is redrawn only when the paragraph changes. Of the explorers' frame
    it uses the figure and the description: the cards of the chosen sentence (:attr:`rows_view`)
    appear right under its paragraph, and it has no count or table (the article is its list).
    """

    def __init__(self, dataset: Dataset):
        self._figure = build_coding_figure(dataset)
        super().__init__(dataset, self._figure)
        sentences = dataset.sentences
        self._marks = marks_by_sentence(dataset)
        self._paragraph_of = dict(zip(sentences["sentence_id"], sentences["paragraph"], strict=True))
        self._sentences_of = {int(p): frame for p, frame in sentences.groupby("paragraph", sort=True)}
        self._first_sentence_and_quote: dict[tuple[str, str], tuple[str | None, str]] = {}
        texts = dict(zip(sentences["sentence_id"], sentences["text"], strict=True))
        sentence_options = [
            (f"{sentence_label(row.part, row.paragraph, row.number)} · {_shorten(row.text, 70)}", row.sentence_id)
            for row in _numbered(sentences).itertuples(index=False)
        ]
        row_options: list[tuple[str, tuple[str, str] | str]] = [("— none —", NO_CHOICE)]
        for table, label_column, kind in (("events", "headline", "Event"), ("claims", "paraphrase", "Claim")):
            frame = dataset.table(table)
            for row_id, label, sentence_ids, quote, context in zip(
                frame[f"{table[:-1]}_id"],
                frame[label_column],
                frame["sentence_ids"],
                frame["quote"],
                frame["origin"] == "context" if table == "events" else [False] * len(frame),
                strict=True,
            ):
                row_options.append((f"{kind}{' (context)' if context else ''}: {label[:80]}", (table, row_id)))
                # the sentence to jump to: the first cited one that holds the quote (a standfirst
                # may be cited before the body sentence that the quote is from)
                holding = [sid for sid in sentence_ids if quote and quote in texts.get(sid, "")]
                first = (holding or sentence_ids or [None])[0]
                self._first_sentence_and_quote[(table, row_id)] = (first, quote)
        self.sentence_picker = widgets.Dropdown(
            options=sentence_options,
            value=sentence_options[0][1] if sentence_options else None,
            description="Sentence",
            layout=widgets.Layout(width="100%"),
        )
        self.row_picker = widgets.Dropdown(
            options=row_options, description="Event or claim", layout=widgets.Layout(width="100%")
        )
        self.row_picker.style.description_width = "initial"
        self.paragraph_views: dict[int, widgets.HTML] = {}
        self._headings: dict[int, widgets.HTML] = {}
        section = ""
        for paragraph, frame in self._sentences_of.items():
            if frame.iloc[0]["section"] != section:
                section = frame.iloc[0]["section"]
                self._headings[paragraph] = widgets.HTML(f"<h4>{esc(section)}</h4>")
            self.paragraph_views[paragraph] = widgets.HTML(build_paragraph_html(frame, self._marks, Selection()))
        # The article is part of the page, not a box that scrolls inside it: the chosen sentence's
        # cards appear right under its paragraph, and choosing a sentence scrolls the page to it.
        self.article_view = widgets.VBox(layout=widgets.Layout(display="block"))
        self.article_view.add_class("ae-article")
        self.scroll = ScrollTarget()
        self.rows_view = widgets.HTML()
        self.show_description(describe_coding(dataset))
        self._updating = False
        self._shown = Selection()
        self._figure_paragraph: int | None = -1
        self.sentence_picker.observe(self._on_sentence, names="value")
        self.row_picker.observe(self._on_row, names="value")
        self.plot.observe(self._on_bar_clicked, names="clicked")
        self._rows_after: int | None = -1
        self.render()
        self.assemble(
            widgets.HTML(legend_html()),
            self.sentence_picker,
            self.row_picker,
            self.article_view,
            self.figure_box,
            self.description,
            self.scroll,
        )

    @property
    def selection(self) -> Selection:
        return Selection(self.sentence_picker.value, self.row_picker.value or None)

    def render(self) -> None:
        """Bring every view in line with the pickers, redrawing only what changed."""
        selection = self.selection
        quote = self._first_sentence_and_quote[selection.row][1] if selection.row else None
        touched = {self._paragraph_of.get(self._shown.sentence_id), self._paragraph_of.get(selection.sentence_id)}
        for paragraph in touched - {None}:
            self.paragraph_views[paragraph].value = build_paragraph_html(
                self._sentences_of[paragraph], self._marks, selection, quote
            )
        moved = selection.sentence_id != self._shown.sentence_id or selection.row != self._shown.row
        self._shown = selection
        self.rows_view.value = build_rows_html(self.dataset, selection)
        paragraph = self._paragraph_of.get(selection.sentence_id)
        if paragraph != self._rows_after:
            self._rows_after = paragraph
            self.article_view.children = self._article_children(paragraph)
        if moved and selection.sentence_id is not None:
            self.scroll.scroll_to(f'.ae-article .ae-selected[data-sentence="{selection.sentence_id}"]')
        if paragraph != self._figure_paragraph:
            self._figure_paragraph = paragraph
            self._figure.layout.shapes = highlight_shapes(paragraph)
            self.plot.show(self._figure)

    def _article_children(self, paragraph: int | None) -> tuple[widgets.Widget, ...]:
        """The article's headings and paragraphs, with the cards right after ``paragraph``."""
        parts: list[widgets.Widget] = []
        for number, view in self.paragraph_views.items():
            if number in self._headings:
                parts.append(self._headings[number])
            parts.append(view)
            if number == paragraph:
                parts.append(self.rows_view)
        if paragraph is None:
            parts.insert(0, self.rows_view)
        return tuple(parts)

    @contextmanager
    def _quietly(self):
        """Set one picker from the other's handler without the two calling each other back."""
        self._updating = True
        try:
            yield
        finally:
            self._updating = False

    def _on_sentence(self, change) -> None:
        if self._updating:
            return
        row = self.row_picker.value or None
        if row is not None and self._first_sentence_and_quote[row][0] != change["new"]:
            with self._quietly():
                self.row_picker.value = NO_CHOICE
        self.render()

    def _on_row(self, change) -> None:
        if self._updating:
            return
        sentence_id = self._first_sentence_and_quote[change["new"]][0] if change["new"] else None
        if sentence_id is not None and sentence_id != self.sentence_picker.value:
            with self._quietly():
                self.sentence_picker.value = sentence_id
        self.render()

    def _on_bar_clicked(self, change) -> None:
        """A click on a paragraph's bar jumps to that paragraph's first sentence."""
        paragraph = (change["new"] or {}).get("customdata")
        if paragraph in self._sentences_of:
            self.sentence_picker.value = self._sentences_of[paragraph].iloc[0]["sentence_id"]
