"""Split data/source/article.txt into data/sentences.csv (run once; the CSV is the record).

The layout of the stored article is: a date line, the standfirst, the byline (two lines),
the photo caption (printed twice), body paragraphs under two headings, and page furniture
("Join the conversation..."). Only the standfirst, the first copy of the caption (without
its photo credit) and the body paragraphs become sentences. Offsets are Python string
(code point) offsets into the article, end exclusive.

Usage: python scripts/split_sentences.py > data/sentences.csv
"""

import csv
import re
import sys
from pathlib import Path

ARTICLE = Path(__file__).resolve().parents[1] / "data" / "source" / "article.txt"
HEADINGS = {"The view from Minsk", "Russian reactions"}
SKIP = {"30 March 2016", "Keir Giles", "Senior Consulting Fellow, Russia and Eurasia Programme"}
FURNITURE_START = "Join the conversation"
PHOTO_CREDIT = " Photo by Getty Images."
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z‘'\"])")


def main() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["sentence_id", "paragraph", "sentence", "part", "section", "text", "char_start", "char_end"])
    paragraph, section, seen_caption, offset = 0, "", False, 0
    for line in text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        if not line.strip() or line in SKIP:
            continue
        if line.startswith(FURNITURE_START):
            break
        if line in HEADINGS:
            section = line
            continue
        if line.endswith(PHOTO_CREDIT):
            if seen_caption:
                continue
            seen_caption, part = True, "caption"
            line = line[: -len(PHOTO_CREDIT)]
        else:
            part = "standfirst" if paragraph == 0 else "body"
        paragraph += 1
        pieces = SENTENCE_END.split(line)
        cursor = 0
        for number, piece in enumerate(pieces, start=1):
            cursor = line.index(piece, cursor)
            begin = start + cursor
            assert text[begin : begin + len(piece)] == piece
            writer.writerow(
                [f"p{paragraph:02d}s{number}", paragraph, number, part, section, piece, begin, begin + len(piece)]
            )
            cursor += len(piece)


if __name__ == "__main__":
    main()
