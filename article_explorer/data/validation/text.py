"""The article's text: its source row, the sentences against it, quotes and cues, coverage.

Rules across tables, registered in :data:`article_explorer.data.validation.rules.RULES`.
"""

from __future__ import annotations

from article_explorer.data.contract import ARTICLE_PATH
from article_explorer.data.edtf import EdtfError, parse_edtf
from article_explorer.data.validation.read import RawDataset, Row, show

#: The tables whose rows cite sentences (``sentence_ids``), with a quote from them.
CITING_TABLES = ("events", "claims", "positions")


def check_sources(raw: RawDataset) -> None:
    """One source is the article; it says when it was published (a day to start from: every time
    view marks it), and its SHA-256 is that of the article file."""
    rows = raw.tables.get("sources")
    if rows is None:
        return
    articles = [row for row in rows if row["kind"] == "article"]
    if len(articles) != 1:
        raw.report("sources", None, "kind", None, f"has {len(articles)} rows of kind 'article'; expected exactly one")
    sha = raw.article_sha256
    for row in articles:
        _check_article_date(raw, row)
        if row["sha256"] and sha and row["sha256"] != sha:
            raw.report(
                "sources",
                row,
                "sha256",
                row["sha256"],
                f"does not match {ARTICLE_PATH} (its SHA-256 is {sha}); the article file has changed",
            )


def _check_article_date(raw: RawDataset, row: Row) -> None:
    """The article's ``published`` is given and has a first day (``2016-03-30``, ``2016``, ``2016/..``);
    a date that cannot be read at all is check_cells' to report."""
    value = row["published"]
    if not value.strip():
        raw.report(
            "sources",
            row,
            "published",
            value,
            "is empty for the article; expected the date it was published (EDTF, such as 2016-03-30): every "
            "time view marks the day the author wrote",
        )
        return
    try:
        first_day = parse_edtf(value).earliest
    except EdtfError:
        return
    if first_day is None:
        raw.report(
            "sources",
            row,
            "published",
            value,
            "has an open or unknown start; expected the day, month or year the article was published, such as "
            "2016-03-30 or 2016",
        )


def check_sentences(raw: RawDataset) -> None:
    """Each sentence is the article's text at its offsets, and its id agrees with its numbers."""
    rows = raw.tables.get("sentences")
    if rows is None or raw.article is None:
        return
    for row in rows:
        try:
            start, end = int(row["char_start"]), int(row["char_end"])
        except ValueError:
            continue
        if start >= end:
            raw.report("sentences", row, "char_end", row["char_end"], f"must be greater than char_start ({start})")
            continue
        if end > len(raw.article):
            raw.report(
                "sentences",
                row,
                "char_end",
                row["char_end"],
                f"is past the end of the article ({len(raw.article)} characters)",
            )
            continue
        if raw.article[start:end] != row["text"]:
            raw.report(
                "sentences",
                row,
                "text",
                row["text"],
                f"does not match the article at characters {start}-{end}, which read {show(raw.article[start:end])}",
            )
        expected_id = f"p{row['paragraph'].zfill(2)}s{row['sentence']}"
        if row["sentence_id"] and row["paragraph"].isdigit() and row["sentence_id"] != expected_id:
            raw.report(
                "sentences",
                row,
                "sentence_id",
                row["sentence_id"],
                f"does not agree with paragraph {row['paragraph']} and sentence {row['sentence']}; "
                f"expected {expected_id}",
            )


def cited_text(sentences: dict[str, str], sentence_ids: list[str]) -> str | None:
    """The text of the cited sentences joined by spaces, or None if one is unknown."""
    if any(sid not in sentences for sid in sentence_ids):
        return None
    return " ".join(sentences[sid] for sid in sentence_ids)


def check_quotes_and_cues(raw: RawDataset) -> None:
    """A row's quote and hedge cues occur verbatim in the sentences it cites."""
    sentences = {row["sentence_id"]: row["text"] for row in raw.tables.get("sentences", [])}
    for table in CITING_TABLES:
        for row in raw.tables.get(table, []):
            text = cited_text(sentences, row.items("sentence_ids"))
            if text is None:
                continue
            if row["quote"] and row["quote"] not in text:
                raw.report(
                    table,
                    row,
                    "quote",
                    row["quote"],
                    f"does not occur verbatim in its sentences ({', '.join(row.items('sentence_ids'))}); "
                    "copy the words exactly, quotation marks and apostrophes included",
                )
            for cue in row.items("hedge_cues"):
                if cue not in text:
                    raw.report(table, row, "hedge_cues", cue, "does not occur verbatim in the claim's sentences")


def sentence_coverage(raw: RawDataset) -> tuple[list[str], list[str]]:
    """Return (cited, uncited) ids of the standfirst and body sentences."""
    cited: set[str] = set()
    for table in CITING_TABLES:
        for row in raw.tables.get(table, []):
            cited.update(row.items("sentence_ids"))
    required = [row["sentence_id"] for row in raw.tables.get("sentences", []) if row["part"] in ("standfirst", "body")]
    return [s for s in required if s in cited], [s for s in required if s not in cited]


def check_coverage(raw: RawDataset) -> None:
    """Every standfirst and body sentence is cited by some event, claim or position."""
    _, uncited = sentence_coverage(raw)
    by_id = {row["sentence_id"]: row for row in raw.tables.get("sentences", [])}
    for sentence_id in uncited:
        row = by_id[sentence_id]
        raw.report(
            "sentences",
            row,
            "sentence_id",
            sentence_id,
            f"is not cited by any event, claim or position (text: {show(row['text'])}); "
            "every standfirst and body sentence must be coded",
        )
