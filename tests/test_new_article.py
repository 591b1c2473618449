"""``article-explorer new``: a dataset folder from a plain-text article, and ``validate`` saying what to fill next.

The expected rows are written out by hand; the command runs as an instructor runs it
(:func:`article_explorer.tools.cli.main`).
"""

from __future__ import annotations

import csv
import hashlib
import json
import shutil

import pytest

from article_explorer.data.config import DEFAULT_DATA_DIR, PROJECT_ROOT
from article_explorer.data.contract import SENTENCES, TABLES
from article_explorer.data.sentences_split import split_sentences
from article_explorer.data.validation import read_dataset
from article_explorer.tools.cli import main
from article_explorer.tools.new_article import columns_markdown, next_steps

OTHER_ARTICLE = PROJECT_ROOT / "tests" / "data" / "other_article"

#: A made-up page: date line, standfirst, byline and desk, a caption printed twice with its photo
#: credit, two body paragraphs under no heading and one, abbreviations, and page furniture at the end.
HAND_MADE = """14 June 2023
A new limit on river water. It may not hold.
By Jane Q. Doe
Water Desk

A photo of the dam at dusk. Photo by A. Lens.
A photo of the dam at dusk. Photo by A. Lens.

The U.S. Geological Survey says the river is low. Mr. Smith, of the St. Johns board, disagrees.

What the board decided

The board met on Monday with officials from e.g. Spain and the U.K. The vote was close. Was it fair? Nobody knows.

Share this article
"""
HAND_MADE_ROWS = [
    ["p01s1", "1", "1", "standfirst", "", "A new limit on river water.", "13", "40"],
    ["p01s2", "1", "2", "standfirst", "", "It may not hold.", "41", "57"],
    ["p02s1", "2", "1", "caption", "", "A photo of the dam at dusk.", "85", "112"],
    ["p03s1", "3", "1", "body", "", "The U.S. Geological Survey says the river is low.", "178", "227"],
    ["p03s2", "3", "2", "body", "", "Mr. Smith, of the St. Johns board, disagrees.", "228", "273"],
    [
        "p04s1",
        "4",
        "1",
        "body",
        "What the board decided",
        "The board met on Monday with officials from e.g. Spain and the U.K.",
        "299",
        "366",
    ],
    ["p04s2", "4", "2", "body", "What the board decided", "The vote was close.", "367", "386"],
    ["p04s3", "4", "3", "body", "What the board decided", "Was it fair?", "387", "399"],
    ["p04s4", "4", "4", "body", "What the board decided", "Nobody knows.", "400", "413"],
]


def read_csv(path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def read_rows(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_rows(path, rows: list[dict[str, str]], header: list[str] | None = None) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header or list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def hand_made(tmp_path):
    article = tmp_path / "dam.txt"
    article.write_text(HAND_MADE, encoding="utf-8")
    return article


def new(*args) -> int:
    return main(["new", *map(str, args)])


def test_the_sentence_table_of_a_hand_made_article(hand_made, tmp_path, capsys):
    assert new(hand_made, tmp_path / "dam") == 0
    header, *rows = read_csv(tmp_path / "dam" / "sentences.csv")
    assert header == ["sentence_id", "paragraph", "sentence", "part", "section", "text", "char_start", "char_end"]
    assert rows == HAND_MADE_ROWS
    out = capsys.readouterr().out
    for line, kind, text in [
        (1, "date line", "14 June 2023"),
        (3, "byline", "By Jane Q. Doe"),
        (4, "furniture", "Water Desk"),
        (6, "photo credit", "Photo by A. Lens."),
        (7, "repeated caption", "A photo of the dam at dusk. Photo by A. Lens."),
        (11, "heading", "What the board decided"),
        (15, "furniture", "Share this article"),
    ]:
        assert f"line {line:>3}  {kind:<16} {text}" in out


def test_offsets_point_into_the_copied_text_byte_for_byte(tmp_path):
    article = tmp_path / "crlf.txt"
    data = ("\ufeff" + HAND_MADE.replace("\n", "\r\n").replace("low.", "low…  ‘Not so,’ he says.")).encode("utf-8")
    article.write_bytes(data)
    assert new(article, tmp_path / "crlf") == 0
    copied = tmp_path / "crlf" / "source" / "article.txt"
    assert copied.read_bytes() == data
    text = data.decode("utf-8-sig")  # as the validator reads it
    rows = read_csv(tmp_path / "crlf" / "sentences.csv")[1:]
    assert len(rows) == len(HAND_MADE_ROWS) + 1
    for row in rows:
        assert text[int(row[6]) : int(row[7])] == row[5]
    assert "‘Not so,’ he says." in [row[5] for row in rows]
    problems = read_dataset(tmp_path / "crlf").problems
    assert not [p for p in problems if p.file == "sentences.csv" and p.column != "sentence_id"]


def test_every_table_of_the_contract_is_there_with_its_header(hand_made, tmp_path):
    target = tmp_path / "dam"
    assert new(hand_made, target) == 0
    for table in TABLES:
        if table.folder:  # an empty reliability/ would claim a second coding; an empty lessons/, exercises
            assert not (target / table.folder).exists(), f"the optional {table.folder}/ folder is written"
            continue
        rows = read_csv(target / table.filename)
        expected = [f.name for f in table.fields if table is not SENTENCES or not f.optional]
        assert rows[0] == expected, table.filename
        if table.name not in ("sources", "sentences"):
            assert rows[1:] == [], table.filename
    names = {resource["name"] for resource in json.loads((target / "datapackage.json").read_text())["resources"]}
    assert names == {t.name for t in TABLES if not t.folder}


def test_sources_has_a_stub_row_with_the_hash_and_empty_fields(hand_made, tmp_path):
    assert new(hand_made, tmp_path / "dam", "--source-id", "doe_2023") == 0
    (row,) = read_rows(tmp_path / "dam" / "sources.csv")
    assert row["source_id"] == "doe_2023" and row["kind"] == "article"
    assert row["sha256"] == hashlib.sha256(HAND_MADE.encode("utf-8")).hexdigest()
    assert [row[name] for name in ("title", "author", "publisher", "published", "url")] == [""] * 5
    assert "byline 'By Jane Q. Doe'" in row["note"] and "date line '14 June 2023'" in row["note"]


def test_the_codebook_template_documents_every_column_as_the_codebook_does(hand_made, tmp_path):
    assert new(hand_made, tmp_path / "dam") == 0
    template = (tmp_path / "dam" / "README.md").read_text(encoding="utf-8")
    assert columns_markdown() in template
    assert "| 6 | photo credit | Photo by A. Lens. |" in template
    assert [f"{t.filename}:{f.name}" for t in TABLES for f in t.fields if f"| `{f.name}` |" not in template] == []
    # the same rows as the hand-written codebook of data/, for a table whose rows it writes the same way
    codebook = (DEFAULT_DATA_DIR / "README.md").read_text(encoding="utf-8")
    assert columns_markdown((SENTENCES,)) in codebook


def test_a_folder_that_is_not_empty_is_left_alone_without_force(hand_made, tmp_path, capsys):
    target = tmp_path / "dam"
    target.mkdir()
    (target / "mine.txt").write_text("keep me", encoding="utf-8")
    assert new(hand_made, target) == 2
    err = capsys.readouterr().err
    assert err == (
        f"article-explorer new: error: {target} is not empty; "
        "choose a new folder, or pass --force to overwrite the files new writes\n"
    )
    assert sorted(p.name for p in target.iterdir()) == ["mine.txt"]
    assert new(hand_made, target, "--force") == 0
    assert (target / "mine.txt").read_text(encoding="utf-8") == "keep me"
    assert (target / "sentences.csv").is_file()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "{path}: no such file"),
        (b"\n  \n", "{path} is empty; expected the article's text, one paragraph per line"),
        (b"Caf\xe9 society.\n", "{path} is not UTF-8 text: byte 0xe9 on line 1 cannot be read; save the file as UTF-8"),
        (b"A headline\nand no sentence\n", "{path} has no sentences: no line ends with '.', '!', '?' or '\u2026'"),
    ],
    ids=["missing", "empty", "not-utf8", "no-sentence"],
)
def test_a_bad_article_is_one_line_on_stderr_and_exit_code_2(tmp_path, capsys, content, message):
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    assert new(path, tmp_path / "out") == 2
    captured = capsys.readouterr()
    assert captured.err == f"article-explorer new: error: {message.format(path=path)}\n"
    assert captured.out == ""
    assert not (tmp_path / "out").exists()


def test_bad_options_are_refused_with_exit_code_2(hand_made, tmp_path, capsys):
    assert new(hand_made, tmp_path / "a", "--date-pattern", "([") == 2
    assert "--date-pattern is not a regular expression" in capsys.readouterr().err
    assert new(hand_made, tmp_path / "b", "--source-id", "Not A Slug") == 2
    assert "is not a slug" in capsys.readouterr().err
    assert new(hand_made, tmp_path / "c", "--heading-max-words", "-1") == 2


def test_the_layout_options_change_the_rules(hand_made, tmp_path):
    def sentences(*options) -> list[list[str]]:
        target = tmp_path / str(len(list(tmp_path.iterdir())))
        assert new(hand_made, target, *options) == 0
        return read_csv(target / "sentences.csv")[1:]

    short = sentences("--heading-max-words", "3")
    assert {row[4] for row in short} == {""}, "a heading of four words is furniture when headings have three"
    assert [row[3] for row in sentences("--no-standfirst")][:2] == ["body", "body"]
    # without a byline there is no standfirst either
    assert sentences("--byline-pattern", "Byline: .+")[0][3] == "body"
    ended = sentences("--end-pattern", "What the board decided")
    assert ended[-1][5] == "Mr. Smith, of the St. Johns board, disagrees."


def test_the_splitter_knows_abbreviations_initials_and_quotes():
    text = "He met Dr. A. B. Silva in the U.S. on Monday. The U.S. It was ‘over.’ Then Cllr. Reis spoke."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "He met Dr. A. B. Silva in the U.S. on Monday.",
        "The U.S.",
        "It was ‘over.’",
        "Then Cllr.",
        "Reis spoke.",
    ]
    with_cllr = split_sentences(text, frozenset({"Dr", "Cllr"}))
    assert [text[a:b] for a, b in with_cllr][-1] == "Then Cllr. Reis spoke."


@pytest.mark.parametrize("folder", [OTHER_ARTICLE, DEFAULT_DATA_DIR], ids=["other_article", "data"])
def test_new_reproduces_the_sentence_table_of_a_shipped_dataset(folder, tmp_path):
    """Both shipped tables were split before this command existed; the general rules give them byte for byte."""
    assert new(folder / "source" / "article.txt", tmp_path / "again") == 0
    expected = (folder / "sentences.csv").read_text(encoding="utf-8")
    assert (tmp_path / "again" / "sentences.csv").read_text(encoding="utf-8") == expected
    (shipped,) = [row for row in read_rows(folder / "sources.csv") if row["kind"] == "article"]
    (stub,) = read_rows(tmp_path / "again" / "sources.csv")
    assert stub["sha256"] == shipped["sha256"]


def test_validate_on_the_scaffold_says_what_to_fill_next(tmp_path, capsys):
    target = tmp_path / "river"
    assert new(OTHER_ARTICLE / "source" / "article.txt", target) == 0
    capsys.readouterr()
    assert main(["validate", str(target)]) == 1
    out = capsys.readouterr().out
    problems, _, steps = out.partition("\n\n")
    assert "column 'published': '' is empty for the article" in problems
    assert problems.endswith(f"11 problems in {target.resolve()}")
    assert steps.splitlines()[:4] == [
        "sentences.csv is filled (9 sentences in 5 paragraphs); next, in this order:",
        "  1. sources.csv: fill the article row's title, author, publisher, published, url "
        "(title and url are required; published dates the article in every time view)",
        "  2. actors.csv: states, bodies, people and groups the article names or speaks of, the author included.",
        "  3. sides.csv: the sides of the article's geography, with the labels the map and the cards use.",
    ]
    assert [line.split(".")[1].split(":")[0].strip() for line in steps.splitlines()[4:9]] == [
        "places",
        "issues",
        "events",
        "claims",
        "positions",
    ]
    assert (
        "  9. cite every standfirst and body sentence from an event, claim or position (0 of 8 cited so far)" in steps
    )


def fill_from_other_article(target) -> None:
    """Copy the made-up dataset's rows into the scaffold's headers, as an instructor fills them in."""
    for table in ("sources", "actors", "places", "issues", "events", "claims", "positions"):
        header = read_csv(target / f"{table}.csv")[0]
        rows = read_rows(OTHER_ARTICLE / f"{table}.csv")
        write_rows(
            target / f"{table}.csv",
            [{**row, "origin": "article"} if table == "events" else row for row in rows],
            header,
        )
    with open(target / "sides.csv", "a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(
            ["other", "Places the article names", "Every place of the article: it takes no sides.", "", "", "", ""]
        )


def test_the_scaffold_filled_with_the_other_articles_rows_is_valid_and_has_no_next_step(tmp_path, capsys):
    target = tmp_path / "river"
    assert new(OTHER_ARTICLE / "source" / "article.txt", target, "--source-id", "ribeiro_2021") == 0
    raw = read_dataset(target)
    assert next_steps(raw)[0].startswith("sources.csv: fill the article row's title")
    fill_from_other_article(target)
    raw = read_dataset(target)
    assert raw.problems == []
    assert next_steps(raw) == []
    capsys.readouterr()
    assert main(["validate", str(target)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{target.resolve()} is valid: 2 sources, 9 sentences, 6 actors, 1 sides, 3 places, 2 issues, 5 events, "
        "7 claims, 3 positions, 0 country_sides; sentence coverage 100% (8/8)"
    ]


def test_next_steps_follow_the_order_rows_point_at_each_other(tmp_path):
    target = tmp_path / "river"
    assert new(OTHER_ARTICLE / "source" / "article.txt", target, "--source-id", "ribeiro_2021") == 0
    fill_from_other_article(target)
    for table in ("positions", "claims"):
        (target / f"{table}.csv").write_text(",".join(read_csv(target / f"{table}.csv")[0]) + "\n", encoding="utf-8")
    steps = next_steps(read_dataset(target))
    assert [step.split(":")[0] for step in steps[:2]] == ["claims.csv", "positions.csv"]
    assert steps[2].startswith("cite every standfirst and body sentence")
    shutil.rmtree(target / "source")
    assert next_steps(read_dataset(target))[:2] == steps[:2]


def test_a_finished_dataset_without_an_author_has_no_next_step(tmp_path):
    """An author and a publisher are recorded "where known"; leaving them empty is no step left to do."""
    target = tmp_path / "river"
    shutil.copytree(OTHER_ARTICLE, target)
    rows = read_rows(target / "sources.csv")
    rows[0].update(author="", publisher="")
    write_rows(target / "sources.csv", rows)
    assert next_steps(read_dataset(target)) == []
    rows[0].update(published="")
    write_rows(target / "sources.csv", rows)
    assert next_steps(read_dataset(target)) == [
        "sources.csv: fill the article row's author, publisher, published "
        "(published dates the article in every time view)"
    ]
