"""The tables of the optional ``lessons/`` folder: the dataset's own reading exercises.

The notebooks' computed exercises are made from any dataset's rows; what only a reader of this
article could write lives here, with the dataset, so that another article brings its own:

* ``items.csv``: a reading exercise (a passage, a question) or a free-text "Think" prompt, for
  one notebook, aligned to one skill of :data:`SKILLS`;
* ``options.csv``: the options of each multiple-choice item: the right one(s), the wrong ones
  (each the mark of a named misconception, with feedback that names it without giving the
  answer) and the *defensible* ones (a reading the coding does not take but a careful reader
  may: its feedback says so, and the answer is kept "not marked");
* ``misconceptions.csv``: the catalogue of misconceptions the wrong options stand for (the
  article's are general ones of reading analysis, which another dataset may copy).

A dataset without the folder is valid: the notebooks then say they have no reading exercise
for it. A dataset with it must hold all three files. The codebook (``data/README.md``) says
how to write an item; the validator (:mod:`article_explorer.data.validation.lessons`) checks
that each passage is the article's own words, that each item can be answered, and that every
wrong option names a misconception.
"""

from __future__ import annotations

from dataclasses import dataclass

from article_explorer.data.contract.schema import LIST_SEPARATOR, NOTES, SLUG_PATTERN, Field, Table

LESSONS_FOLDER = "lessons"

#: The notebooks of the set, by id (the notebook's file name without ``.ipynb``), in order.
NOTEBOOKS: tuple[str, ...] = (
    "00_start_here",
    "01_timeline",
    "02_actors_and_positions",
    "03_geography_of_militarisation",
    "04_claims_and_evidence",
)


@dataclass(frozen=True)
class Skill:
    """One skill the set teaches: its short name and the objective a teacher can observe."""

    name: str
    objective: str


#: The skills the set teaches, by id. Every exercise (computed or from ``items.csv``) is aligned
#: to one of them; the instructor guide lists them as the learning objectives.
SKILLS: dict[str, Skill] = {
    "trace": Skill(
        "Trace",
        "Trace a claim or an event back to the sentence it comes from, and tell the article's words from outside "
        "facts.",
    ),
    "whose_word": Skill(
        "Whose word",
        "Tell whose word a statement is: the author's own, a speaker the author reports, or a view the author "
        "attributes to someone.",
    ),
    "certainty": Skill(
        "Certainty",
        "Find the words that carry certainty and place a claim on the scale certain, probable, possible, "
        "uncertain; tell a hedge from a marker of where a claim comes from.",
    ),
    "could_know": Skill(
        "Then and now",
        "Separate what the author could know on the day of writing from what happened later, and judge a forecast "
        "by what was knowable then.",
    ),
    "map_argument": Skill(
        "A map as an argument",
        "Say what a map claims by what it shows, colours and leaves out, and test the claim against distances and "
        "borders.",
    ),
    "code_compare": Skill(
        "Code and compare",
        "Code claims with the codebook, compare the coding with another reader's, and say where a disagreement "
        "lies: in the text or in the reading.",
    ),
    "other_voices": Skill(
        "Other voices",
        "Find whose voice is missing, read a source laterally, and weigh another account of the same event against "
        "the article's.",
    ),
}

#: The kinds of item: a multiple-choice reading exercise, or a free-text prompt (kept, never marked).
ITEM_KINDS = ("choice", "think")
#: When an item comes: ``cold``, before the notebook's explorer shows the dataset's coding of what it
#: asks about; ``after``, once the learner has the explorer to read from.
ITEM_STAGES = ("cold", "after")
#: How an option is marked: ``defensible`` is kept "not marked", with feedback that says why.
OPTION_VERDICTS = ("right", "wrong", "defensible")

ITEMS = Table(
    "items",
    "The dataset's own reading exercises and Think prompts, one per row, in the order each notebook shows them.",
    (
        Field("item_id", "string", "Unique id of the item: a short lowercase slug.", True, pattern=SLUG_PATTERN),
        Field("notebook", "string", "The notebook that shows it.", True, NOTEBOOKS),
        Field("kind", "string", "`choice` (options in options.csv) or `think` (a free-text answer).", True, ITEM_KINDS),
        Field("skill", "string", "The skill it exercises (the objectives' ids).", True, tuple(SKILLS)),
        Field(
            "stage",
            "string",
            "`cold`: before the notebook's explorer shows the coding it asks about; `after`: with the explorer.",
            True,
            ITEM_STAGES,
        ),
        Field(
            "sentence_ids",
            "list",
            f"The article's sentences the passage comes from (`{LIST_SEPARATOR}`-separated); empty for a passage "
            "from another source, or a question on no passage.",
            references="sentences.sentence_id",
        ),
        Field(
            "passage",
            "string",
            "The words the learner reads: verbatim from the cited sentences, or from `source_id`.",
        ),
        Field(
            "source_id",
            "string",
            "Where a passage that is not the article's comes from.",
            references="sources.source_id",
        ),
        Field("question", "string", "The question, in the project's words.", True),
        Field(
            "explanation",
            "string",
            "Shown once the item is answered (right, or defensibly): why, from the words of the passage. "
            "Required for a choice item.",
        ),
        NOTES,
    ),
    "item_id",
    folder=LESSONS_FOLDER,
    optional=True,
)

OPTIONS = Table(
    "options",
    "The options of each choice item, in the order shown.",
    (
        Field("item_id", "string", "The item.", True, pattern=SLUG_PATTERN, references="items.item_id"),
        Field("option_id", "string", "The option's id within its item: a slug.", True, pattern=SLUG_PATTERN),
        Field("text", "string", "The option as the learner reads it.", True),
        Field("verdict", "string", "`right`, `wrong` or `defensible`.", True, OPTION_VERDICTS),
        Field(
            "misconception_id",
            "string",
            "The misconception a wrong option stands for; required for `wrong`.",
            references="misconceptions.misconception_id",
        ),
        Field(
            "feedback",
            "string",
            "What the learner reads on choosing it: for `wrong`, a nudge that names the misconception without "
            "giving the answer; for `defensible`, why the reading holds and how the coding differs. Required for "
            "both.",
        ),
        NOTES,
    ),
    composite_key=("item_id", "option_id"),
    folder=LESSONS_FOLDER,
    optional=True,
)

MISCONCEPTIONS = Table(
    "misconceptions",
    "The misconceptions the wrong options stand for: the catalogue the instructor guide prints.",
    (
        Field(
            "misconception_id",
            "string",
            "Unique id of the misconception: a short lowercase slug.",
            True,
            pattern=SLUG_PATTERN,
        ),
        Field("name", "string", "Its short name, as feedback names it (e.g. “certain means true”).", True),
        Field("description", "string", "What the learner who holds it believes, and why it misleads.", True),
        NOTES,
    ),
    "misconception_id",
    folder=LESSONS_FOLDER,
    optional=True,
)
