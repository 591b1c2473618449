"""The optional lessons/ folder: the dataset's own reading exercises, checked.

One rule across tables, :func:`check_lessons`, registered in
:data:`article_explorer.data.validation.rules.RULES` (ids across the three files are checked by
:func:`~article_explorer.data.validation.references.check_references`, like every reference of
the contract). It checks what would make an item mislead or fail in a notebook:

* a passage from the article is the article's words: verbatim in the sentences it cites (an
  ellipsis, ``…``, may stand between fragments, each verbatim, in order); a passage from
  elsewhere names its source;
* a choice item can be answered (two options at least, one of them right, no two alike) and
  explains itself; a think item has no options;
* each wrong option names the misconception it stands for and has feedback; each defensible
  option says why it holds.
"""

from __future__ import annotations

from collections import defaultdict

from article_explorer.data.validation.read import RawDataset, Row
from article_explorer.data.validation.text import cited_text

ELLIPSIS = "…"


def passage_is_verbatim(passage: str, text: str) -> bool:
    """Whether ``passage`` occurs in ``text``: whole, or as fragments joined by an ellipsis, in order.

    >>> text = "Russia may react calmly in public. It could equally be preparing a response."
    >>> passage_is_verbatim("Russia may react calmly … preparing a response.", text)
    True
    >>> passage_is_verbatim("preparing a response … Russia may react", text)
    False
    """
    at = 0
    for fragment in (part.strip() for part in passage.split(ELLIPSIS)):
        if not fragment:
            continue
        found = text.find(fragment, at)
        if found < 0:
            return False
        at = found + len(fragment)
    return True


def check_lessons(raw: RawDataset) -> None:
    """Each item's passage is the article's words (or cites its source); each choice item has two
    options or more, one right, and an explanation; each wrong option names a misconception and
    each wrong or defensible one has feedback; a think item has no options."""
    items = raw.tables.get("items", [])
    if not items and not raw.tables.get("options"):
        return
    sentences = {row["sentence_id"]: row["text"] for row in raw.tables.get("sentences", [])}
    options: dict[str, list[Row]] = defaultdict(list)
    for option in raw.tables.get("options", []):
        options[option["item_id"]].append(option)
        _check_option(raw, option)
    for item in items:
        _check_passage(raw, item, sentences)
        _check_item_options(raw, item, options.get(item["item_id"], []))


def _check_passage(raw: RawDataset, item: Row, sentences: dict[str, str]) -> None:
    cited = item.items("sentence_ids")
    passage = item["passage"]
    if cited:
        if not passage:
            raw.report(
                "items",
                item,
                "passage",
                "",
                "is empty, but sentence_ids cites sentences: copy the words the learner reads",
            )
            return
        text = cited_text(sentences, cited)
        if text is not None and not passage_is_verbatim(passage, text):
            raw.report(
                "items",
                item,
                "passage",
                passage,
                f"does not occur verbatim in its sentences ({', '.join(cited)}); copy the words exactly (an ellipsis, "
                f"{ELLIPSIS}, may join fragments in their order)",
            )
    elif passage and not item["source_id"]:
        raw.report(
            "items",
            item,
            "source_id",
            "",
            "is empty for a passage that cites no sentence of the article; name the source it comes from "
            "(sources.csv), or cite the article's sentences",
        )


def _check_item_options(raw: RawDataset, item: Row, rows: list[Row]) -> None:
    if item["kind"] == "think":
        for option in rows:
            raw.report(
                "options",
                option,
                "item_id",
                option["item_id"],
                f"is a think item (items.csv line {item.line}), which takes a free-text answer and no options",
            )
        return
    if item["kind"] != "choice":
        return  # an unknown kind is reported cell by cell
    if not item["explanation"]:
        raw.report("items", item, "explanation", "", "is empty; a choice item explains its answer once it is given")
    seen: set[str] = set()
    for option in rows:  # the second of two alike is reported
        if option["text"] in seen:
            raw.report(
                "options", option, "text", option["text"], f"is the text of another option of item '{item['item_id']}'"
            )
        seen.add(option["text"])
    verdicts = [option["verdict"] for option in rows]
    if len(rows) < 2 or "right" not in verdicts:
        have = f"{len(rows)} option{'s' if len(rows) != 1 else ''}, {verdicts.count('right')} of them right"
        raw.report(
            "items",
            item,
            "item_id",
            item["item_id"],
            f"has {have}; a choice item needs two options or more in options.csv, one of them right",
        )


def _check_option(raw: RawDataset, option: Row) -> None:
    verdict = option["verdict"]
    if verdict == "wrong" and not option["misconception_id"]:
        raw.report(
            "options",
            option,
            "misconception_id",
            "",
            "is empty for a wrong option; name the misconception it stands for (misconceptions.csv)",
        )
    if verdict in ("wrong", "defensible") and not option["feedback"]:
        why = (
            "a nudge that names its misconception without giving the answer"
            if verdict == "wrong"
            else "why the reading holds, and how the dataset's coding differs"
        )
        raw.report("options", option, "feedback", "", f"is empty for a {verdict} option; write {why}")
