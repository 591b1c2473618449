"""Claims: the shape of the argument and the certainty ladder.

Pure functions first — :func:`build_argument_figure`, :func:`describe_argument`,
:func:`ladder_html`, :func:`describe_ladder`, :func:`claims_csv` — then :class:`ClaimsExplorer`,
which wires the filters (:func:`article_explorer.data.queries.filter_claims`) to them.

The **shape of the argument** puts each claim at its paragraph (across) and its type (down,
in the order of :data:`~article_explorer.ui.theme.CLAIM_TYPE`): reports and assessments
describe and judge, perceptions say how an actor sees things, predictions forecast and
prescriptions say what should be done. The marker's shape gives how sure the claim sounds
(the theme's one certainty set, ● ◆ ▲ ✕). The **certainty ladder** lists the same claims from certain to
uncertain, with the words that carry the certainty marked inside each quote.
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from article_explorer.data.dataset import Dataset
from article_explorer.data.queries import ClaimFilters, filter_claims
from article_explorer.explorers.base import Explorer
from article_explorer.ui.cards import claim_card
from article_explorer.ui.controls import NO_CHOICE, choose_several, multi_select, replace_options
from article_explorer.ui.rendering import esc, folded, highlight, nothing_matches
from article_explorer.ui.theme import CERTAINTY, CLAIM_TYPE, NEUTRAL, SENTENCE_PART, TIME_FRAME, VOICE, words_for

#: How many claims a rung of the ladder shows before "Show all".
RUNG_SHOWS = 5


def _short_part(part: str) -> str:
    look = SENTENCE_PART.get(part)
    return look.short if look and look.short else part[:4] + "."


def paragraph_labels(dataset: Dataset) -> dict[int, str]:
    """Short tick labels for paragraphs, so that neighbours never run into each other:
    ``¶ 1 SF`` (standfirst), ``¶ 2 cap.`` (caption), ``¶ 3``…"""
    parts = dataset.sentences.groupby("paragraph")["part"].first()
    return {int(p): f"¶ {p}" + (f" {_short_part(part)}" if part != "body" else "") for p, part in parts.items()}


def _parts_key(dataset: Dataset) -> str:
    """The axis title: what the short names of the parts stand for."""
    parts = [p for p in dict.fromkeys(dataset.sentences["part"]) if p != "body"]
    names = ", ".join(f"{_short_part(p)} = {esc(p)}" for p in parts)
    return "paragraph" + (f" ({names})" if names else "")


def build_argument_figure(dataset: Dataset, shown: pd.DataFrame, chosen: str | None = None) -> dict:
    """Claims by paragraph (across) and type (down); shape = certainty, colour repeats the type.
    Sections of the article are shaded and named. A plain plotly figure dict; clicking a claim
    gives its ``claim_id``.

    The legend shows the shapes only, in grey (a click on one hides those claims); the type
    labels on the left carry their colour, so each colour has its truthful key."""
    labels = paragraph_labels(dataset)
    rows = {kind: i for i, kind in enumerate(CLAIM_TYPE)}
    placed = shown.assign(paragraph=shown["paragraphs"].map(min))
    offsets: dict[tuple[int, str], int] = {}
    xs, ys = [], []
    for paragraph, kind in zip(placed["paragraph"], placed["claim_type"], strict=True):
        n = offsets.get((paragraph, kind), 0)
        offsets[paragraph, kind] = n + 1
        xs.append(paragraph + (n % 4 - 1.5) * 0.18)  # up to four side by side, then a second line
        ys.append(rows[kind] + (n // 4) * 0.3 - 0.1)
    placed = placed.assign(x=xs, y=ys)
    traces = []
    for certainty, look in CERTAINTY.items():
        group = placed[placed["certainty"] == certainty]
        if group.empty:
            continue
        traces.append(
            {
                "type": "scatter",
                "name": f"{look.glyph} {certainty}",
                "legendgroup": certainty,
                "showlegend": False,  # coloured by type: the grey entry below stands for the shape
                "x": [round(x, 3) for x in group["x"]],
                "y": [round(y, 3) for y in group["y"]],
                "mode": "markers",
                "marker": {
                    "symbol": look.symbol,
                    "size": 13,
                    "color": [CLAIM_TYPE[k].colour for k in group["claim_type"]],
                    "line": {
                        "color": ["#000000" if c == chosen else "#333333" for c in group["claim_id"]],
                        "width": [3 if c == chosen else 1 for c in group["claim_id"]],
                    },
                },
                "hovertext": [
                    f"<b>{esc(c.claim_type)}</b>, {esc(c.certainty)} (¶ {min(c.paragraphs)}): {esc(c.paraphrase)}"
                    f"<br>{esc(c.claimant_name)}, {esc(words_for(VOICE, c.voice))}"
                    for c in group.itertuples()
                ],
                "hoverinfo": "text",
                "customdata": list(group["claim_id"]),
            }
        )
    for certainty, look in CERTAINTY.items():
        if certainty in set(placed["certainty"]):
            traces.append(
                {
                    "type": "scatter",
                    "name": f"{look.glyph} {certainty}",
                    "legendgroup": certainty,
                    "x": [None],
                    "y": [None],
                    "mode": "markers",
                    "marker": {"symbol": look.symbol, "size": 12, "color": NEUTRAL},
                    "hoverinfo": "skip",
                    "customdata": [],
                }
            )
    sections = dataset.sentences.groupby("paragraph")["section"].first()
    shapes, annotations = [], []
    for section in dict.fromkeys(s for s in sections if s):
        paragraphs = [int(p) for p, s in sections.items() if s == section]
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "paper",
                "x0": min(paragraphs) - 0.5,
                "x1": max(paragraphs) + 0.5,
                "y0": 0,
                "y1": 1,
                "fillcolor": "rgba(0, 0, 0, 0.05)",
                "line": {"width": 0},
                "layer": "below",
            }
        )
        annotations.append(
            {
                "x": (min(paragraphs) + max(paragraphs)) / 2,
                "y": 1,
                "xref": "x",
                "yref": "paper",
                "yanchor": "bottom",
                "showarrow": False,
                "text": f"<i>{esc(section)}</i>",
            }
        )
    layout = {
        "template": "plotly_white",
        "height": 470,
        "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
        "xaxis": {
            "tickvals": list(labels),
            "ticktext": [esc(label) for label in labels.values()],
            "range": [min(labels) - 0.6, max(labels) + 0.6],
            "title": {"text": _parts_key(dataset), "font": {"size": 11}},
            "automargin": True,
            "showgrid": False,
            "zeroline": False,
        },
        "yaxis": {
            "tickvals": list(range(len(CLAIM_TYPE))),
            # the type's colour, as a key: the markers in a row are coloured as its label
            "ticktext": [f'<span style="color:{look.colour}">■</span> {k}' for k, look in CLAIM_TYPE.items()],
            "range": [len(CLAIM_TYPE) - 0.4, -0.6],
            "automargin": True,
            "zeroline": False,
        },
        "legend": {
            "title": {"text": "How sure it sounds (the shape;<br>the colour is the type's)", "side": "top"},
            "orientation": "h",
            "x": 0,
            "xref": "container",
            "y": 0,
            "yref": "container",
            "yanchor": "bottom",
        },
        "shapes": shapes,
        "annotations": annotations,
        "hovermode": "closest",
    }
    return {"data": traces, "layout": layout}


def describe_argument(dataset: Dataset, shown: pd.DataFrame) -> str:
    """Where the argument describes, judges and forecasts, in words."""
    total = len(dataset.claims)
    if shown.empty:
        return f"No claim matches these filters (0 of {total}). Choose more types, voices or time frames."
    placed = shown.assign(paragraph=shown["paragraphs"].map(min))
    parts = []
    for kind in CLAIM_TYPE:
        of_kind = placed[placed["claim_type"] == kind]
        if len(of_kind):
            where = sorted(set(of_kind["paragraph"]))
            span = f"¶ {where[0]}" if len(where) == 1 else f"¶ {where[0]}–{where[-1]}"
            parts.append(f"{len(of_kind)} {kind}{'s' if len(of_kind) != 1 else ''} ({span})")
    busiest = placed["paragraph"].value_counts()
    return (
        f"Showing {len(shown)} of {total} claims: {', '.join(parts)}. "
        f"The paragraph with the most claims shown is ¶ {busiest.index[0]} ({busiest.iloc[0]})."
    )


def ladder_html(shown: pd.DataFrame) -> str:
    """The claims from certain to uncertain, the words that carry the certainty marked in each quote."""
    if shown.empty:
        return ""
    rungs = []
    for certainty, look in CERTAINTY.items():
        rung = shown[shown["certainty"] == certainty]
        if rung.empty:
            continue
        items = [
            f"<li><span class='ae-meta'>¶ {min(c.paragraphs)} · {esc(c.claim_type)} · "
            f"{esc(c.claimant_name)} ({esc(c.voice)})</span><br>“{highlight(c.quote, c.hedge_cues)}”"
            + (f" <span class='ae-meta'>— {esc(', '.join(c.hedge_cues))}</span>" if c.hedge_cues else "")
            + "</li>"
            for c in rung.itertuples()
        ]
        more = ""
        if len(items) > RUNG_SHOWS + 1:  # the rest folded away: no scroll box inside the scrolling page
            more = folded(f"Show all {len(items)} {certainty} claims", f"<ul>{''.join(items[RUNG_SHOWS:])}</ul>")
            items = items[:RUNG_SHOWS]
        rungs.append(
            f"<div class='ae-rung'><h4>{look.glyph} {esc(certainty)} ({len(rung)})</h4>"
            f"<ul>{''.join(items)}</ul>{more}</div>"
        )
    return "<div class='ae-ladder'>" + "".join(rungs) + "</div>"


def describe_ladder(shown: pd.DataFrame) -> str:
    """How the shown claims spread over the ladder, and how many carry explicit hedge words."""
    if shown.empty:
        return "No claim on the ladder: widen the filters."
    counts = shown["certainty"].value_counts()
    spread = ", ".join(f"{counts[c]} {c}" for c in CERTAINTY if c in counts)
    cued = int(shown["hedge_cues"].map(bool).sum())
    return (
        f"From certain to uncertain: {spread}. {cued} of the {len(shown)} claims carry words that set how sure "
        "they sound (marked in the quotes); the others are plain statements."
    )


def claims_csv(shown: pd.DataFrame) -> str:
    """The shown claims as CSV, lists joined with '|' as in the dataset."""
    columns = [
        "claim_id",
        "claimant_id",
        "voice",
        "claim_type",
        "certainty",
        "hedge_cues",
        "time_frame",
        "issue_id",
        "sentence_ids",
        "quote",
        "paraphrase",
    ]
    out = shown[columns].copy()
    for column in ("hedge_cues", "sentence_ids"):
        out[column] = out[column].map("|".join)
    return out.to_csv(index=False, lineterminator="\n")


class ClaimsExplorer(Explorer):
    """Filters, the shape of the argument, the chosen claim's card, the ladder, a table and a download."""

    def __init__(self, dataset: Dataset):
        super().__init__(dataset, {})  # the figure is drawn by render(), below
        claims = dataset.claims
        self.types = multi_select("Type", [t for t in CLAIM_TYPE if t in set(claims["claim_type"])])
        self.voices = multi_select("Voice", [(look.words, v) for v, look in VOICE.items() if v in set(claims["voice"])])
        self.time_frames = multi_select("About the", [t for t in TIME_FRAME if t in set(claims["time_frame"])])
        names = dataset.actor_names
        involved = set(claims["claimant_id"]) | {a for ids in claims["about_actor_ids"] for a in ids}
        self.actor = widgets.Dropdown(
            options=[("any actor", NO_CHOICE), *sorted(((names[a], a) for a in involved), key=lambda o: o[0].lower())],
            description="Actor",
        )
        issues = [(label, issue) for issue, label in dataset.issues[["issue_id", "label"]].values]
        self.issue = widgets.Dropdown(options=[("any issue", NO_CHOICE), *issues], description="Issue")
        self.claim_picker = widgets.Dropdown(
            options=[("", NO_CHOICE)], description="Claim", layout=widgets.Layout(width="100%")
        )
        self.ladder_description = widgets.HTML()
        self.ladder = widgets.HTML()
        for control in (self.types, self.voices, self.time_frames, self.actor, self.issue):
            control.observe(lambda _: self.render(), names="value")
        self.claim_picker.observe(lambda _: self.render(lists=False), names="value")
        self.pick_on_click(self.claim_picker)
        self.render()
        self.assemble(
            widgets.HBox([choose_several(c) for c in (self.types, self.voices, self.time_frames)]),
            widgets.HBox([self.actor, self.issue]),
            self.count,
            self.figure_box,
            self.description,
            self.claim_picker,
            self.card,
            widgets.HTML("<h3>The certainty ladder</h3>"),
            self.ladder_description,
            self.ladder,
            self.table,
            self.download,
        )

    @property
    def filters(self) -> ClaimFilters:
        return ClaimFilters(
            types=frozenset(self.types.value),
            voices=frozenset(self.voices.value),
            time_frames=frozenset(self.time_frames.value),
            actor_id=self.actor.value or None,
            issue_id=self.issue.value or None,
        )

    def render(self, lists: bool = True) -> None:
        """Bring every view in line; ``lists=False`` when only the chosen claim changed."""
        if lists:
            shown = self._shown = filter_claims(self.dataset, self.filters)
            self.show_count(len(shown), len(self.dataset.claims), "claims")
            self.show_description(describe_argument(self.dataset, shown))
            self.show_description(describe_ladder(shown), self.ladder_description)
            self.ladder.value = ladder_html(shown)
            options = [("— choose a claim (or click one) —", NO_CHOICE)] + [
                (f"¶ {min(c.paragraphs)} · {c.claim_type} · {c.paraphrase[:70]}", c.claim_id)
                for c in shown.itertuples()
            ]
            chosen = self.claim_picker.value if self.claim_picker.value in set(shown["claim_id"]) else None
            replace_options(self.claim_picker, options, chosen)
            columns = {"claim_type": "type", "certainty": "certainty", "voice": "voice", "paraphrase": "claim"}
            self.show_table(shown, columns, "claims.csv", claims_csv(shown), "claims")
            self.figure_box.layout.display = "none" if shown.empty else None
        shown = self._shown
        chosen = self.claim_picker.value or None
        self.plot.show(build_argument_figure(self.dataset, shown, chosen))
        if shown.empty:
            self.card.value = nothing_matches(describe_argument(self.dataset, shown))
        elif chosen is None:
            self.card.value = nothing_matches("Click a claim on the chart, or choose one in the list, to see its card.")
        else:
            self.card.value = claim_card(self.dataset, shown[shown["claim_id"] == chosen].iloc[0])
