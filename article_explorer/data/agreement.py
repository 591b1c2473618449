"""How far two coders agree: percent agreement and Cohen's kappa, in numbers and in words.

Percent agreement is the share of items both coders put in the same category. It flatters:
two coders who guess at random agree by chance on some items. Cohen's kappa corrects for
that. With ``p_o`` the observed agreement and ``p_e`` the agreement expected by chance —
for each category, the share of items the first coder put there times the share the second
coder put there, summed over the categories —

    kappa = (p_o - p_e) / (1 - p_e)

Kappa is 1 for perfect agreement, 0 for agreement no better than chance, and negative for
less. When both coders put every item in one and the same category, ``p_e`` is 1 and kappa
is not defined (:func:`cohen_kappa` returns ``None``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

#: Landis and Koch's (1977) rule of thumb for reading kappa: (lower bound, words).
KAPPA_WORDS = (
    (0.81, "almost perfect"),
    (0.61, "substantial"),
    (0.41, "moderate"),
    (0.21, "fair"),
    (0.0, "slight"),
)


#: Below this many coded items, kappa is given as a number only: on so few items it says little.
FEW_ITEMS = 10


def _check(first: Sequence, second: Sequence) -> None:
    if len(first) != len(second):
        raise ValueError(f"the two codings must cover the same items: {len(first)} and {len(second)} codes given")


def percent_agreement(first: Sequence, second: Sequence) -> float | None:
    """The share of items on which the two codings agree, from 0 to 1 (``None`` for no items).

    >>> percent_agreement(["a", "b", "b", "c"], ["a", "b", "c", "c"])
    0.75
    """
    _check(first, second)
    if not first:
        return None
    return sum(a == b for a, b in zip(first, second, strict=True)) / len(first)


def cohen_kappa(first: Sequence, second: Sequence) -> float | None:
    """Cohen's kappa for two codings of the same items; ``None`` when it is not defined.

    >>> round(cohen_kappa(["yes", "yes", "no", "no"], ["yes", "no", "no", "no"]), 3)
    0.5
    >>> cohen_kappa(["a", "a"], ["a", "a"]) is None  # one category for everything: undefined
    True
    """
    _check(first, second)
    if not first:
        return None
    n = len(first)
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    first_counts, second_counts = Counter(first), Counter(second)
    expected = sum(first_counts[c] * second_counts[c] for c in first_counts) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def kappa_in_words(kappa: float | None) -> str:
    """Kappa read with Landis and Koch's rule of thumb.

    >>> kappa_in_words(0.5), kappa_in_words(None)
    ('moderate agreement', 'not defined')
    >>> kappa_in_words(0.0), kappa_in_words(-0.2)
    ('no more agreement than chance would give', 'less agreement than chance would give')
    """
    if kappa is None:
        return "not defined"
    if kappa < 0:
        return "less agreement than chance would give"
    if kappa < 0.01:
        return "no more agreement than chance would give"
    return next(f"{words} agreement" for bound, words in KAPPA_WORDS if kappa >= bound)


@dataclass(frozen=True)
class Agreement:
    """Agreement between a learner's coding and the dataset's on one variable."""

    variable: str
    items: int
    agreed: int
    percent: float | None
    kappa: float | None

    @classmethod
    def between(cls, variable: str, mine: Sequence, theirs: Sequence) -> Agreement:
        _check(mine, theirs)
        return cls(
            variable,
            len(mine),
            sum(a == b for a, b in zip(mine, theirs, strict=True)),
            percent_agreement(mine, theirs),
            cohen_kappa(mine, theirs),
        )

    def in_words(self) -> str:
        """A plain-words summary a learner can read without knowing the formula. On fewer than
        :data:`FEW_ITEMS` items, kappa is given without a verdict: one more claim could swing it."""
        if not self.items:
            return f"{self.variable}: nothing coded yet."
        kappa = "not defined (one category for everything)" if self.kappa is None else f"{self.kappa:.2f}"
        agree = (
            f"{self.variable}: you agree with the dataset on {self.agreed} of {self.items} claims ({self.percent:.0%})."
        )
        if self.items < FEW_ITEMS:
            return (
                f"{agree} Cohen's kappa is {kappa}, but on only {self.items} claim{'s' if self.items != 1 else ''} "
                f"kappa says little: one claim more or less can swing it, so no rule of thumb applies. "
                f"Code at least {FEW_ITEMS} claims before reading it as a verdict."
            )
        return (
            f"{agree} Cohen's kappa is {kappa}: {kappa_in_words(self.kappa)}, once the "
            "agreement you would get by chance is taken away."
        )

    def summary(self) -> str:
        """One short line for a record of answers, e.g. ``type: 2 of 3 agree (67%), kappa 0.57``."""
        if not self.items:
            return f"{self.variable.lower()}: nothing coded"
        kappa = "not defined" if self.kappa is None else f"{self.kappa:.2f}"
        few = " (too few claims to read kappa)" if self.items < FEW_ITEMS else ""
        return f"{self.variable.lower()}: {self.agreed} of {self.items} agree ({self.percent:.0%}), kappa {kappa}{few}"
