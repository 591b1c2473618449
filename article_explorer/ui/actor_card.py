"""An actor's card: who it is, where the text names it, and what the dataset holds about it.

The card is short when it opens: a line of counts, then the first few sentences and rows of
each kind, the rest folded in a ``<details class="ae-more">`` the learner opens on purpose
(no wall of text, no scroll box inside the page). A context event (the coder's, not reported
by the article) is marked "□ context" in the list of events. Names are marked as whole words only, so
"Russian" is not shown as a mention of "Russia".
"""

from __future__ import annotations

import re

import pandas as pd

from article_explorer.data.dataset import Dataset
from article_explorer.data.edtf import in_words
from article_explorer.ui.cards import context_tag
from article_explorer.ui.rendering import esc, fold
from article_explorer.ui.theme import ACTOR_KIND, BASIS, words_for

#: How many sentences or rows of each kind a card shows before "Show all …".
SHOWN = 3


def kind_in_words(kind: str) -> str:
    """An actor's kind as words.

    >>> kind_in_words("government_body"), kind_in_words("international_org")
    ('government body', 'international organisation')
    """
    return words_for(ACTOR_KIND, kind)


def name_pattern(names) -> re.Pattern | None:
    """A pattern that finds any of ``names`` as whole words (Unicode-aware), longest first."""
    names = sorted({n for n in names if n}, key=len, reverse=True)
    if not names:
        return None
    return re.compile("|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in names))


def mark_names(text: str, names, css_class: str = "ae-quote") -> str:
    """Escape ``text`` and mark each whole-word occurrence of one of ``names``.

    >>> mark_names("Russia’s and Russian aircraft", ["Russia"])
    '<mark class="ae-quote">Russia</mark>’s and Russian aircraft'
    """
    pattern = name_pattern(names)
    if pattern is None:
        return esc(text)
    out, cursor = [], 0
    for match in pattern.finditer(text):
        out += [esc(text[cursor : match.start()]), f'<mark class="{css_class}">{esc(match.group())}</mark>']
        cursor = match.end()
    return "".join(out) + esc(text[cursor:])


def mentions_in_text(dataset: Dataset, actor: pd.Series) -> pd.DataFrame:
    """The article's sentences that name the actor by one of its aliases (whole words)."""
    pattern = name_pattern(actor["aliases"])
    if pattern is None:
        return dataset.sentences.iloc[0:0]
    return dataset.sentences[dataset.sentences["text"].map(lambda text: bool(pattern.search(text)))]


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def actor_card(dataset: Dataset, actor_id: str) -> str:
    """Name, kind, other names, description, a line of counts, then the sentences that name the
    actor and the rows about it, each list folded after its first few items."""
    actor = dataset.actors.set_index("actor_id").loc[actor_id]
    aliases = [a for a in actor["aliases"] if a]
    others = [a for a in aliases if a != actor["name"]]
    names = dataset.actor_names
    member = f" · part of {esc(names.get(actor['member_of'], actor['member_of']))}" if actor["member_of"] else ""
    also = f" · also called {esc(', '.join(others))}" if others else ""
    mentions = mentions_in_text(dataset, actor)
    # a boolean mask: on no events, an empty object Series would pick columns, not rows
    events = dataset.events[dataset.events["actor_ids"].map(lambda ids: actor_id in ids).astype(bool)]
    made = dataset.claims[dataset.claims["claimant_id"] == actor_id]
    about = dataset.claims[dataset.claims["about_actor_ids"].map(lambda ids: actor_id in ids)]
    positions = dataset.positions[dataset.positions["actor_id"] == actor_id]
    context = int((events["origin"] == "context").sum())
    sentences = [
        f"<li><span class='ae-meta'>¶ {s.paragraph}</span> {mark_names(s.text, aliases)}</li>"
        for s in mentions.itertuples()
    ]
    held = [
        f"<li>{esc(p.stance)} “{esc(p.issue_label)}” ({esc(words_for(BASIS, p.basis))}, {esc(in_words(p.as_of))})</li>"
        for p in positions.itertuples()
    ]
    sections = [  # (title, what "Show all N …" counts, items)
        (f"Named in {_plural(len(mentions), 'sentence')}", "sentences", sentences),
        (
            f"In {_plural(len(events), 'event')}" + (f" ({context} of them context)" if context else ""),
            "events",
            [f"<li>{esc(in_words(e.date))}: {esc(context_tag(e))}{esc(e.headline)}</li>" for e in events.itertuples()],
        ),
        (
            f"{_plural(len(made), 'claim')} it makes",
            "claims it makes",
            [f"<li>{esc(c.paraphrase)}</li>" for c in made.itertuples()],
        ),
        (
            f"{_plural(len(about), 'claim')} about it",
            "claims about it",
            [f"<li>{esc(c.paraphrase)}</li>" for c in about.itertuples()],
        ),
        (f"{_plural(len(positions), 'position')} it holds", "positions", held),
    ]
    counts = (
        f"named in {_plural(len(mentions), 'sentence')} · in {_plural(len(events), 'event')} · "
        f"makes {_plural(len(made), 'claim')} · {_plural(len(about), 'claim')} about it · "
        f"holds {_plural(len(positions), 'position')}"
    )
    spelling = (
        "<div class='ae-meta'>The text names this actor in more than one way; the dataset resolves them all "
        "to one actor (entity resolution).</div>"
        if len(aliases) > 1
        else ""
    )
    body = "".join(f"<p><b>{esc(title)}:</b></p>{fold(items, noun, SHOWN)}" for title, noun, items in sections if items)
    if mentions.empty:
        body = "<p><b>Not named in the text</b> by any of its names; it is implied.</p>" + body
    return (
        f'<div class="ae-card ae-actor"><h4>{esc(actor["name"])}</h4>'
        f"<div class='ae-meta'>{esc(kind_in_words(actor['kind']))}{member}{also}</div>{spelling}"
        f"<div>{esc(actor['description'])}</div><p class='ae-description'><b>In short:</b> {esc(counts)}.</p>"
        f"{body}</div>"
    )
