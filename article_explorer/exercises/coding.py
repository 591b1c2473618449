"""Code it yourself, and judge the predictions with hindsight.

:class:`CodingWorkbench` shows a handful of claims; the learner gives each a type and a certainty,
then compares their coding with the dataset's: percent agreement and Cohen's kappa
(:mod:`article_explorer.data.agreement`), and every disagreement side by side with the quote.
Disagreeing is not wrong — coding is judgement, and the point is to see where two readers part.

:class:`PredictionReview` lists the article's predictions; the learner gives a verdict on each,
and then sees what the dataset records about what happened later, with its source.
"""

from __future__ import annotations

import csv
import io

import ipywidgets as widgets
import pandas as pd
from IPython.display import display

from article_explorer.data.agreement import Agreement
from article_explorer.data.dataset import Dataset
from article_explorer.exercises.base import AnswerBook
from article_explorer.ui import session
from article_explorer.ui.cards import source_link
from article_explorer.ui.controls import NO_CHOICE
from article_explorer.ui.rendering import download_link, esc, nothing_matches
from article_explorer.ui.style import page_style
from article_explorer.ui.theme import CERTAINTY, CLAIM_TYPE
from article_explorer.ui.unavailable import NeedsDataset

VERDICTS = ("borne out", "not borne out", "partly", "too early to say")


def coding_sample(dataset: Dataset, size: int = 6) -> pd.DataFrame:
    """A fixed set of claims to code, chosen to cover the types and the certainties.

    In the article's order: for each type, its first claim that carries hedge words (else its
    first claim); then a claim for each certainty not yet covered (so the sample may be larger
    than ``size``); then more claims with hedge words, up to ``size``. The same dataset always
    gives the same sample.
    """
    claims = dataset.claims_in_order
    chosen: list[str] = []

    def take(candidates: pd.DataFrame) -> None:
        for claim_id in candidates["claim_id"]:
            if claim_id not in chosen:
                chosen.append(claim_id)
                return

    for kind in CLAIM_TYPE:
        of_kind = claims[claims["claim_type"] == kind]
        take(of_kind[of_kind["hedge_cues"].map(bool)] if of_kind["hedge_cues"].map(bool).any() else of_kind)
    for certainty in CERTAINTY:
        if certainty not in set(claims.loc[claims["claim_id"].isin(chosen), "certainty"]):
            take(claims[claims["certainty"] == certainty])
    for claim_id in claims.loc[claims["hedge_cues"].map(bool), "claim_id"]:
        if len(chosen) >= size:
            break
        if claim_id not in chosen:
            chosen.append(claim_id)
    return claims[claims["claim_id"].isin(chosen)]


def compare_coding(sample: pd.DataFrame, mine: dict[str, tuple[str | None, str | None]]) -> dict[str, Agreement]:
    """Agreement on type and on certainty, over the claims the learner has coded for each."""
    result = {}
    for index, (variable, column) in enumerate((("Type", "claim_type"), ("Certainty", "certainty"))):
        coded = [
            (m[index], theirs)
            for claim_id, theirs in zip(sample["claim_id"], sample[column], strict=True)
            if (m := mine.get(claim_id, (None, None)))[index] is not None
        ]
        result[variable] = Agreement.between(variable, [a for a, _ in coded], [b for _, b in coded])
    return result


def coding_csv(sample: pd.DataFrame, mine: dict[str, tuple[str | None, str | None]]) -> str:
    """The learner's coding next to the dataset's, one row per claim."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["claim_id", "quote", "my_type", "dataset_type", "my_certainty", "dataset_certainty"])
    for claim in sample.itertuples():
        my_type, my_certainty = mine.get(claim.claim_id, (None, None))
        writer.writerow(
            [claim.claim_id, claim.quote, my_type or "", claim.claim_type, my_certainty or "", claim.certainty]
        )
    return buffer.getvalue()


def disagreements_html(sample: pd.DataFrame, mine: dict[str, tuple[str | None, str | None]]) -> str:
    """Each coded claim where the learner and the dataset differ, side by side with the quote."""
    rows = []
    for claim in sample.itertuples():
        my_type, my_certainty = mine.get(claim.claim_id, (None, None))
        differs = (my_type is not None and my_type != claim.claim_type) or (
            my_certainty is not None and my_certainty != claim.certainty
        )
        if differs:
            rows.append(
                f"<tr><td>“{esc(claim.quote)}”</td><td>{esc(my_type or '—')}, {esc(my_certainty or '—')}</td>"
                f"<td>{esc(claim.claim_type)}, {esc(claim.certainty)}"
                + (
                    f" <span class='ae-meta'>(cues: {esc(', '.join(claim.hedge_cues))})</span>"
                    if claim.hedge_cues
                    else ""
                )
                + "</td></tr>"
            )
    if not rows:
        return "<p>No disagreement on the claims you coded.</p>"
    return (
        "<table class='ae-table'><thead><tr><th>quote</th><th>your coding</th>"
        f"<th>the dataset's coding</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


class CodingWorkbench(NeedsDataset):
    """The learner codes a few claims, then compares with the dataset."""

    def __init__(self, dataset: Dataset, book: AnswerBook | None = None, size: int = 6):
        self.dataset = dataset
        self.book = book
        self.sample = coding_sample(dataset, size)
        self.compared_with: dict | None = None  # the coding last compared with the dataset
        self.pickers: dict[str, tuple[widgets.Dropdown, widgets.Dropdown]] = {}
        rows = []
        for number, claim in enumerate(self.sample.itertuples(), start=1):
            kind = widgets.Dropdown(
                options=[("—", NO_CHOICE), *((k, k) for k in CLAIM_TYPE)], description=f"Claim {number} type"
            )
            certainty = widgets.Dropdown(
                options=[("—", NO_CHOICE), *((c, c) for c in CERTAINTY)], description=f"Claim {number} certainty"
            )
            for picker in (kind, certainty):
                picker.style.description_width = "initial"
            self.pickers[claim.claim_id] = (kind, certainty)
            rows.append(
                widgets.VBox(
                    [
                        widgets.HTML(f"<p><b>Claim {number}</b> (¶ {min(claim.paragraphs)}): “{esc(claim.quote)}”</p>"),
                        widgets.HBox([kind, certainty]),
                    ],
                    layout=widgets.Layout(border_bottom="1px solid #ddd", padding="4px 0"),
                )
            )
        self.compare_button = widgets.Button(
            description="Compare with the dataset", button_style="primary", layout=widgets.Layout(width="auto")
        )
        self.compare_button.on_click(lambda _: self.compare())
        self.result = widgets.HTML()
        self.download = widgets.HTML()
        self.widget = widgets.VBox([page_style(), *rows, self.compare_button, self.result, self.download])
        self._refresh_download()
        for kind, certainty in self.pickers.values():
            kind.observe(lambda _: self._refresh_download(), names="value")
            certainty.observe(lambda _: self._refresh_download(), names="value")
        self.widget.add_class("ae-explorer")
        session.register(self)

    @property
    def mine(self) -> dict[str, tuple[str | None, str | None]]:
        return {
            claim_id: (kind.value or None, certainty.value or None)
            for claim_id, (kind, certainty) in self.pickers.items()
        }

    def compare(self) -> dict[str, Agreement]:
        mine = self.mine
        self.compared_with = mine
        agreement = compare_coding(self.sample, mine)
        coded = sum(1 for kind, certainty in mine.values() if kind or certainty)
        if not coded:
            self.result.value = nothing_matches("Code at least one claim (its type or its certainty), then compare.")
            return agreement
        summary = "".join(f"<p>{esc(a.in_words())}</p>" for a in agreement.values())
        self.result.value = (
            f"<div class='ae-agreement' role='status'><p><b>You coded {coded} of {len(self.sample)} claims.</b></p>"
            f"{summary}<p>Where you differ from the dataset, read the quote again: is the difference in the text, "
            "or in how the two of you read it? Either reading may be defensible: say why in class.</p>"
            f"{disagreements_html(self.sample, mine)}</div>"
        )
        if self.book is not None:  # its own key: the coding exercise records under "coding"
            answer = "; ".join(a.summary() for a in agreement.values())
            self.book.record("coding_summary", "Code the claims and compare with the dataset", answer, None)
        return agreement

    def _refresh_download(self) -> None:
        self.download.value = download_link(
            "my-coding.csv", coding_csv(self.sample, self.mine), "Download my coding as CSV"
        )

    def _ipython_display_(self) -> None:
        display(self.widget)


def verdicts_in_words(given: dict[str, str], predictions: pd.DataFrame) -> str:
    """The learner's verdicts in words, e.g. ``2 of 9 predictions judged: 1 partly, 1 too early to say
    (¶ 8 “…”: partly; …)``, for the record of answers."""
    counts = pd.Series(list(given.values()), dtype=object).value_counts()
    spread = ", ".join(f"{counts[v]} {v}" for v in VERDICTS if v in counts)
    each = "; ".join(
        f"¶ {min(c.paragraphs)} “{c.paraphrase}”: {given[c.claim_id]}"
        for c in predictions.itertuples()
        if c.claim_id in given
    )
    return f"{len(given)} of {len(predictions)} predictions judged: {spread} ({each})"


class PredictionReview(NeedsDataset):
    """Give a verdict on each prediction, then see what the dataset records about what happened."""

    def __init__(self, dataset: Dataset, book: AnswerBook | None = None):
        self.dataset = dataset
        self.book = book
        claims = dataset.claims_in_order
        self.predictions = claims[claims["claim_type"] == "prediction"]
        self.verdicts: dict[str, widgets.Dropdown] = {}
        self.reveals: dict[str, widgets.HTML] = {}
        rows = []
        for number, claim in enumerate(self.predictions.itertuples(), start=1):
            verdict = widgets.Dropdown(
                options=[("—", NO_CHOICE), *((v, v) for v in VERDICTS)],
                description=f"Prediction {number}: your verdict",
            )
            verdict.style.description_width = "initial"
            reveal = widgets.HTML()
            self.verdicts[claim.claim_id] = verdict
            self.reveals[claim.claim_id] = reveal
            verdict.observe(lambda change, c=claim: self._reveal(c), names="value")
            rows.append(
                widgets.VBox(
                    [
                        widgets.HTML(
                            f"<p><b>Prediction {number}</b> (¶ {min(claim.paragraphs)}, {esc(claim.certainty)}): "
                            f"“{esc(claim.quote)}”<br><span class='ae-meta'>{esc(claim.paraphrase)}</span></p>"
                        ),
                        verdict,
                        reveal,
                    ],
                    layout=widgets.Layout(border_bottom="1px solid #ddd", padding="4px 0"),
                )
            )
        self.summary = widgets.HTML()
        self.download = widgets.HTML()
        self.widget = widgets.VBox([page_style(), *rows, self.summary, self.download])
        self._refresh()
        self.widget.add_class("ae-explorer")
        session.register(self)

    def _reveal(self, claim) -> None:
        reveal = self.reveals[claim.claim_id]
        if not self.verdicts[claim.claim_id].value:
            reveal.value = ""
        elif claim.outcome:
            cited = source_link(self.dataset, claim.outcome_source_id)
            reveal.value = (
                f"<div class='ae-card'><b>What the dataset records later</b> ({esc(claim.outcome_date)}): "
                f"{esc(claim.outcome)} <span class='ae-meta'>{cited}</span></div>"
            )
        else:
            reveal.value = (
                "<div class='ae-card'>The dataset records no checked outcome for this prediction: it has not been "
                "checked against later sources, or nothing decisive was found. What would you look for?</div>"
            )
        self._refresh()

    def _refresh(self) -> None:
        given = {c: v.value for c, v in self.verdicts.items() if v.value}
        counts = pd.Series(list(given.values()), dtype=object).value_counts()
        spread = ", ".join(f"{counts[v]} {v}" for v in VERDICTS if v in counts)
        with_outcome = int((self.predictions["outcome"] != "").sum())
        self.summary.value = (
            f"<p class='ae-description'>You have judged {len(given)} of {len(self.predictions)} predictions"
            + (f" ({esc(spread)})" if spread else "")
            + f". The dataset has a checked outcome for {with_outcome} of them.</p>"
        )
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["claim_id", "quote", "my_verdict", "dataset_outcome", "outcome_date", "outcome_source_id"])
        for claim in self.predictions.itertuples():
            writer.writerow(
                [
                    claim.claim_id,
                    claim.quote,
                    given.get(claim.claim_id, ""),
                    claim.outcome,
                    claim.outcome_date,
                    claim.outcome_source_id,
                ]
            )
        self.download.value = download_link("my-verdicts.csv", buffer.getvalue(), "Download my verdicts as CSV")
        if self.book is not None and given:
            self.book.record(
                "verdicts", "Your verdicts on the predictions", verdicts_in_words(given, self.predictions), None
            )

    def _ipython_display_(self) -> None:
        display(self.widget)
