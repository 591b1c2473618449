"""The cards every view shows for one row of the dataset: an event, a claim, a position.

A card names the row's kind by its glyph from :mod:`article_explorer.ui.theme` (■ event,
□ context event, ● ◆ ▲ ✕ a claim by its certainty, ✦ position), says what the row holds in
words, quotes the sentence it comes from, and shows the coder's note on the row, if any
(:func:`coder_note`: the caveats behind a coding are for learners to question). A context
event (``events.origin = context``, added by the coder from outside sources) says so instead
of presenting its quote as a report.
"""

from __future__ import annotations

import pandas as pd

from article_explorer.data.dataset import Dataset
from article_explorer.data.edtf import in_words
from article_explorer.ui.rendering import esc, highlight, link
from article_explorer.ui.theme import (
    BASIS,
    CATEGORY,
    CERTAINTY,
    CONTEXT,
    DATE_BASIS,
    EVENT,
    POSITION,
    PRECISION,
    SENTENCE_PART,
    words_for,
)


def is_context(event) -> bool:
    """Whether an event (a row, a dict or a named tuple) is context: added by the coder from
    outside sources to explain the article's words, not reported by the article."""
    origin = event.get("origin") if hasattr(event, "get") else getattr(event, "origin", "")
    return origin == "context"


def context_tag(event) -> str:
    """``"□ context: "`` before a context event's headline in a list; nothing for the others.
    The headline itself follows whole (its hedge, "Possible: …", included)."""
    return f"{CONTEXT.glyph} context: " if is_context(event) else ""


def context_note(quote: str) -> str:
    """What a context event's card says about it, in plain text."""
    return f"Context: the article does not report this event; the coder added it to explain “{quote}”."


def coder_note(row) -> str:
    """The coder's note on a row (its ``notes``: a caveat, a reading weighed, a source that
    disagrees), as a card line; nothing for a row without one.

    >>> coder_note({"notes": "Date inferred from 'tomorrow'."})
    "<div class='ae-meta ae-note'><b>Coder's note:</b> Date inferred from &#x27;tomorrow&#x27;.</div>"
    >>> coder_note({"notes": ""}), coder_note({})
    ('', '')
    """
    note = row.get("notes", "") if hasattr(row, "get") else ""
    note = note if isinstance(note, str) else ""
    return f"<div class='ae-meta ae-note'><b>Coder's note:</b> {esc(note)}</div>" if note.strip() else ""


def paragraph_label(part: str, paragraph: int) -> str:
    """A paragraph in words: "¶ 11" for body text, the part's name ("photo caption") for the others."""
    return f"¶ {paragraph}" if part == "body" else words_for(SENTENCE_PART, part)


def sentence_label(part: str, paragraph: int, number: int) -> str:
    """Where a sentence is, in words: "¶ 11, sentence 2" (never its id, ``p11s2``).

    >>> sentence_label("body", 11, 2)
    '¶ 11, sentence 2'
    """
    return f"{paragraph_label(part, paragraph)}, sentence {number}"


def source_link(dataset: Dataset, source_id: str) -> str:
    """A link to a source by its id (its title, to its address); nothing for no id, or one that
    sources.csv does not hold (a validated dataset has none)."""
    source = dataset.sources_by_id.get(source_id)
    return link(source["url"], source["title"]) if source else ""


def date_line(dataset: Dataset, event: pd.Series) -> str:
    """An event's date in words, how precise it is, and where it comes from (with the source's link)."""
    basis = words_for(DATE_BASIS, event["date_basis"])
    precision = words_for(PRECISION, event["precision"])
    text = f"{esc(in_words(event['date']))} ({esc(precision)}; date from {basis}"
    if event["date_source_id"]:
        text += f": {source_link(dataset, event['date_source_id'])}"
    return text + ")"


def event_card(dataset: Dataset, event: pd.Series, detailed: bool = False, hindsight: bool = True) -> str:
    """An event's card; ``detailed`` adds the summary, the actors and the place; the outcome
    (what happened later) is shown only with ``hindsight``."""
    paragraphs = ", ".join(f"¶ {p}" for p in event["paragraphs"])
    context = is_context(event)
    outcome = ""
    if event["outcome"] and hindsight:
        outcome = (
            f"<div class='ae-later'>Later: {esc(event['outcome'])} ({esc(in_words(event['outcome_date']))}; "
            f"{source_link(dataset, event['outcome_source_id'])})</div>"
        )
    details = ""
    if detailed:
        place = f" · place: {esc(event['place_name'])}" if event["place_name"] else ""
        details = (
            f"<div>{esc(event['summary'])}</div>"
            f"<div class='ae-meta'>actors: {esc(', '.join(event['actor_names']))}{place}</div>"
        )
    where = f" <span class='ae-meta'>({paragraphs})</span>"
    if context:  # its quote is not a report of it: say what it is instead
        quote = f"<div class='ae-context-note'>{esc(context_note(event['quote']))}{where}</div>"
    else:
        quote = f"<div>“{esc(event['quote'])}”{where}</div>"
    title = f"{CONTEXT.glyph} Event (context)" if context else f"{EVENT.glyph} Event"
    return (
        f'<div class="ae-card ae-event{" ae-context" if context else ""}"><b>{title}:</b> {esc(event["headline"])}'
        f"<div class='ae-meta'>{esc(words_for(CATEGORY, event['category']))} · {esc(event['status'])} · "
        f"{date_line(dataset, event)}</div>"
        f"{details}{quote}{outcome}{coder_note(event)}</div>"
    )


def claim_card(dataset: Dataset, claim: pd.Series) -> str:
    symbol = CERTAINTY[claim["certainty"]].glyph
    cues = ", ".join(f"“{esc(c)}”" for c in claim["hedge_cues"]) or "none (a plain statement)"
    paragraphs = ", ".join(f"¶ {p}" for p in claim["paragraphs"])
    return (
        f'<div class="ae-card ae-claim"><b>{symbol} Claim ({esc(claim["claim_type"])}):</b> {esc(claim["paraphrase"])}'
        f"<div class='ae-meta'>claimant: {esc(claim['claimant_name'])} ({esc(claim['voice'])} voice) · "
        f"certainty: <b>{esc(claim['certainty'])}</b> · hedge words: {cues} · "
        f"about the {esc(claim['time_frame'])}</div>"
        f"<div>“{highlight(claim['quote'], claim['hedge_cues'])}” "
        f"<span class='ae-meta'>({paragraphs})</span></div>{coder_note(claim)}</div>"
    )


def position_card(dataset: Dataset, position: pd.Series) -> str:
    return (
        f'<div class="ae-card ae-position"><b>{POSITION.glyph} Position:</b> {esc(position["actor_name"])} '
        f"<b>{esc(position['stance'])}</b> — {esc(position['issue_label'])}"
        f"<div class='ae-meta'>basis: {esc(words_for(BASIS, position['basis']))} · "
        f"as of {esc(in_words(position['as_of']))}</div>"
        f"<div>“{esc(position['quote'])}”</div>{coder_note(position)}</div>"
    )
