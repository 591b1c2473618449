"""Split a plain-text article into the rows of ``sentences.csv``, by general rules of page layout.

The text has one paragraph per line; blank lines do not matter. Each line is *prose* (it ends
with ``.``, ``!``, ``?`` or ``…``, perhaps followed by closing quotes or brackets) or not. Only
prose becomes sentences; the rest is a heading or page furniture. The rules, in reading order
(:class:`Layout` holds what can be changed):

1. A *date line* (a whole line that is a date, :attr:`Layout.date_pattern`) is furniture anywhere.
2. Lines before the first prose line are furniture: the headline, a kicker, a byline.
3. The first prose line is the *standfirst* when the line right after it is a *byline*
   (:attr:`Layout.byline_pattern`: "By …", or two to four capitalised words such as a name).
   Non-prose lines between the byline and the next prose line (an affiliation, a desk) are furniture.
4. A line repeated on the next line is a photo *caption* (a web page's alt text and caption, copied
   as text): the first copy is kept as ``part = caption``, the repeat is furniture. A caption
   sentence that is a photo credit (:attr:`Layout.credit_pattern`) is furniture too.
5. Every other prose line is a *body* paragraph. A non-prose line of at most
   :attr:`Layout.heading_max_words` words followed by a prose line is a *heading*: it names the
   ``section`` of the sentences below it. Any other non-prose line is furniture ("Join the
   conversation…"), and so is every line from one matching :attr:`Layout.end_pattern` on.

Paragraphs are numbered in reading order (standfirst, captions and body alike); within one,
:func:`split_sentences` finds the sentences. Offsets are Python string offsets into the text as
the validator reads it (UTF-8, a byte-order mark dropped), end exclusive.

>>> split = split_article("12 May 2021\\nA deal was signed. It may hold.\\nBy Ana Ribeiro\\n\\nMr. Silva spoke.\\n")
>>> [(s.sentence_id, s.part, s.text) for s in split.sentences]  # doctest: +NORMALIZE_WHITESPACE
[('p01s1', 'standfirst', 'A deal was signed.'), ('p01s2', 'standfirst', 'It may hold.'),
 ('p02s1', 'body', 'Mr. Silva spoke.')]
>>> [(f.line, f.kind) for f in split.furniture]
[(1, 'date line'), (3, 'byline')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: Words after which a sentence never ends: titles, and abbreviations that a number or a name follows.
ABBREVIATIONS = frozenset({
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "Rev", "Fr", "Hon", "Gen", "Col", "Lt", "Maj",
    "Capt", "Cmdr", "Adm", "Sgt", "Cpl", "Pte", "Gov", "Sen", "Rep", "Pres", "Amb", "Insp", "Supt", "Det", "Messrs",
    "Mme", "Mlle", "No", "Nos", "Vol", "Vols", "pp", "p", "cf", "ca", "approx", "Fig", "Figs", "Art", "Sec", "Ch",
    "Ed", "Eds", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Inc", "Ltd",
    "Co", "Corp", "Bros", "Dept", "Univ", "Ave", "Rd", "vs", "v",
})  # fmt: skip
#: Words that often begin a sentence: after "U.S." or "etc." one of them starts a new sentence.
SENTENCE_STARTERS = frozenset({
    "A", "An", "And", "As", "At", "But", "By", "For", "He", "Her", "His", "However", "I", "If", "In", "It", "Its",
    "Meanwhile", "Most", "Much", "Many", "No", "Nor", "Now", "On", "One", "Only", "Or", "Our", "She", "Since", "So",
    "Some", "Such", "That", "The", "Their", "Then", "There", "These", "They", "This", "Those", "Though", "Thus", "To",
    "Today", "We", "What", "When", "Where", "Whether", "Which", "While", "Who", "Why", "With", "Yet", "You",
})  # fmt: skip
DEFAULT_DATE_PATTERN = (
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})"
)
DEFAULT_BYLINE_PATTERN = r"[Bb]y\s+\S.*|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}"
DEFAULT_CREDIT_PATTERN = r"(?:Photo(?:graph)?s?|Picture|Image)(?:\s+by|:|\s+courtesy\s+of)\s.+|Credit:\s.+"
DEFAULT_HEADING_MAX_WORDS = 10

_FINAL = ".!?…"
_CLOSING = "\"'”’)]»"
_OPENING = "\"'“‘([«"
_PROSE_END = re.compile(f"[{re.escape(_FINAL)}][{re.escape(_CLOSING)}]*$")
_BOUNDARY = re.compile(f"[{re.escape(_FINAL)}]+[{re.escape(_CLOSING)}]*(?=\\s+)")
_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}")  # U.S., e.g., a.m.


@dataclass(frozen=True)
class Layout:
    """The rules that tell sentences from headings and furniture; every field is a command-line option."""

    heading_max_words: int = DEFAULT_HEADING_MAX_WORDS
    byline_pattern: str = DEFAULT_BYLINE_PATTERN  # a whole line, matched as Python ``re.fullmatch``
    date_pattern: str = DEFAULT_DATE_PATTERN
    credit_pattern: str = DEFAULT_CREDIT_PATTERN
    end_pattern: str = ""  # empty: no line ends the article early
    abbreviations: tuple[str, ...] = ()  # more words after which a sentence never ends ("Gov.", "Cllr")
    standfirst: bool = True  # False: the first prose line is body even when a byline follows it


@dataclass(frozen=True)
class Sentence:
    """One row of ``sentences.csv``."""

    paragraph: int
    sentence: int
    part: str
    section: str
    text: str
    char_start: int
    char_end: int

    @property
    def sentence_id(self) -> str:
        return f"p{self.paragraph:02d}s{self.sentence}"

    def row(self) -> list[str | int]:
        """The CSV cells, in the contract's column order."""
        return [self.sentence_id, self.paragraph, self.sentence, self.part, self.section, self.text, *self.span]

    @property
    def span(self) -> tuple[int, int]:
        return self.char_start, self.char_end


@dataclass(frozen=True)
class Furniture:
    """A line (or a caption's credit) that is not a sentence, and which rule said so."""

    line: int  # 1-based line of the text
    kind: str  # date line, headline, byline, furniture, heading, repeated caption, photo credit
    text: str


@dataclass
class ArticleSplit:
    """What :func:`split_article` found: the sentences, and every line that is not one."""

    sentences: list[Sentence] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)

    @property
    def headings(self) -> list[str]:
        return [item.text for item in self.furniture if item.kind == "heading"]


@dataclass(frozen=True)
class _Line:
    number: int
    start: int
    text: str

    @property
    def prose(self) -> bool:
        return bool(_PROSE_END.search(self.text))


def split_sentences(paragraph: str, abbreviations: frozenset[str] | set[str] = ABBREVIATIONS) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of each sentence of one paragraph, end exclusive.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes and brackets) before
    a space and a capital letter or a digit, except after a title or abbreviation
    (:data:`ABBREVIATIONS`), an initial ("J."), or a dotted abbreviation such as "U.S." or
    "e.g." unless a common sentence opener follows it (:data:`SENTENCE_STARTERS`).

    >>> text = "Mr. Silva met J. R. Costa in the U.S. on Monday. The U.S. Senate agreed, e.g. on water. It held."
    >>> [text[start:end] for start, end in split_sentences(text)]
    ['Mr. Silva met J. R. Costa in the U.S. on Monday.', 'The U.S. Senate agreed, e.g. on water.', 'It held.']
    """
    spans: list[tuple[int, int]] = []
    start = len(paragraph) - len(paragraph.lstrip())
    for match in _BOUNDARY.finditer(paragraph):
        end = match.end()
        rest = paragraph[end:].lstrip()
        following = rest.lstrip(_OPENING)
        if not following or not (following[0].isupper() or following[0].isdigit()):
            continue
        if match.group().startswith(".") and len(match.group().rstrip(_CLOSING)) == 1:
            word = paragraph[start : match.start() + 1].split()[-1].lstrip(_OPENING)
            next_word = re.split(r"[\s,;:]", following, maxsplit=1)[0]
            if _never_ends(word, abbreviations) or (_dotted(word) and next_word not in SENTENCE_STARTERS):
                continue
        spans.append((start, end))
        start = len(paragraph) - len(rest)
    tail = paragraph.rstrip()
    if start < len(tail):
        spans.append((start, len(tail)))
    return spans


def _never_ends(word: str, abbreviations: frozenset[str] | set[str]) -> bool:
    bare = word[:-1]
    return bare in abbreviations or word in abbreviations or (len(bare) == 1 and bare.isupper())


def _dotted(word: str) -> bool:
    return bool(_DOTTED.fullmatch(word)) or word == "etc."


def _lines(text: str) -> list[_Line]:
    """Every non-blank line, stripped, with its 1-based number and the offset of its first character."""
    lines, offset = [], 0
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if stripped:
            lines.append(_Line(number, offset + len(raw) - len(raw.lstrip()), stripped))
        offset += len(raw) + 1
    return lines


def split_article(text: str, layout: Layout = Layout()) -> ArticleSplit:
    """Split a whole article (one paragraph per line) into sentences, by the rules of the module."""
    split = ArticleSplit()
    abbreviations = ABBREVIATIONS | {word.rstrip(".") for word in layout.abbreviations}
    lines = _lines(text)
    if layout.end_pattern:
        ending = next((i for i, line in enumerate(lines) if re.fullmatch(layout.end_pattern, line.text)), None)
        if ending is not None:
            split.furniture += [Furniture(line.number, "furniture", line.text) for line in lines[ending:]]
            lines = lines[:ending]

    def is_date(line: _Line) -> bool:
        return bool(re.fullmatch(layout.date_pattern, line.text))

    def is_byline(line: _Line) -> bool:
        return not line.prose and not is_date(line) and bool(re.fullmatch(layout.byline_pattern, line.text))

    kinds: dict[int, str] = {}  # index of a line -> what it is, for the lines that are not body
    first_prose = next((i for i, line in enumerate(lines) if line.prose and not is_date(line)), len(lines))
    for i in range(first_prose):
        if is_date(lines[i]):
            kinds[i] = "date line"
        elif "headline" not in kinds.values():
            kinds[i] = "headline"
        else:
            kinds[i] = "byline" if is_byline(lines[i]) else "furniture"
    body_from = first_prose
    after = first_prose + 1
    if layout.standfirst and after < len(lines) and is_byline(lines[after]):
        kinds[first_prose], kinds[after] = "standfirst", "byline"
        body_from = after + 1
        while body_from < len(lines) and not lines[body_from].prose:
            kinds[body_from] = "date line" if is_date(lines[body_from]) else "furniture"
            body_from += 1
    for i in range(body_from, len(lines)):
        line = lines[i]
        if is_date(line):
            kinds[i] = "date line"
        elif i > 0 and line.text == lines[i - 1].text:
            kinds[i] = "repeated caption"
            if lines[i - 1].prose:
                kinds[i - 1] = "caption"
        elif not line.prose:
            following = next((j for j in range(i + 1, len(lines)) if not is_date(lines[j])), None)
            short = len(line.text.split()) <= layout.heading_max_words
            kinds[i] = "heading" if short and following is not None and lines[following].prose else "furniture"

    paragraph, section = 0, ""
    for i, line in enumerate(lines):
        kind = kinds.get(i, "body")
        if kind == "heading":
            section = line.text
        if kind not in ("standfirst", "caption", "body"):
            split.furniture.append(Furniture(line.number, kind, line.text))
            continue
        kept = []
        for start, end in split_sentences(line.text, abbreviations):
            piece = line.text[start:end]
            if kind == "caption" and re.fullmatch(layout.credit_pattern, piece):
                split.furniture.append(Furniture(line.number, "photo credit", piece))
            else:
                kept.append((start, end))
        if not kept:
            continue
        paragraph += 1
        for number, (start, end) in enumerate(kept, start=1):
            piece = line.text[start:end]
            where = "" if kind == "standfirst" else section
            split.sentences.append(
                Sentence(paragraph, number, kind, where, piece, line.start + start, line.start + end)
            )
    split.furniture.sort(key=lambda item: item.line)
    return split
