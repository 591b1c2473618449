"""How reliable the coding is: Krippendorff's alpha between the first and a second coder.

A second coder codes the judgement fields of some claims and positions again, blind to the
first coding (``reliability/second_coding.csv``); every disagreement is then settled and
recorded (``reliability/adjudication.csv``). Percent agreement says how often the coders
chose the same value. Krippendorff's alpha, like Cohen's kappa (:mod:`.agreement`), takes
away the agreement that chance alone would give, but it allows any number of coders, units
that some coders left out, and an ordered scale (certainty) where ``probable`` against
``possible`` is a smaller slip than ``certain`` against ``uncertain``.

Alpha is computed from the *coincidence matrix* (Krippendorff 2011, "Computing
Krippendorff's Alpha-Reliability"). In each unit, every value is paired with every other
coder's value of that unit; a unit with ``m`` values adds ``1 / (m - 1)`` to ``o[c][k]`` for
each ordered pair of values ``c`` and ``k``, so that each unit counts ``m`` pairable values in
all. A unit with fewer than two values cannot be paired and is left out. With ``n_c`` the
row totals of the matrix and ``n`` their sum (the number of pairable values),

    alpha = 1 - D_o / D_e = 1 - (n - 1) * sum o[c][k] * d2(c, k) / sum n_c * n_k * d2(c, k)

where ``d2`` is the squared difference between two values: for a *nominal* field 0 for the
same value and 1 for any other; for an *ordinal* field, with the categories in their order,

    d2(c, k) = (n_c + ... + n_k - (n_c + n_k) / 2) ** 2

(the sum over every category from ``c`` to ``k``, both included), so two values lie further
apart the more of the coded values fall between them.

Alpha is 1 for perfect agreement, 0 for agreement no better than chance, and negative when
the coders disagree more than chance would make them. It is *not defined* (and
:func:`krippendorff_alpha` returns ``None``) when no unit has two values, or when every value
is one and the same category: then ``D_e`` is 0 and there is no variation to agree on.

Krippendorff's rule of thumb: rely on a variable with alpha of 0.80 or more; draw only
tentative conclusions from one between 0.667 and 0.80. :data:`TARGETS` sets this project's
targets per field.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from article_explorer.data.config import data_dir
from article_explorer.data.contract import RELIABILITY_FIELDS, RELIABILITY_FOLDER, TABLES_BY_NAME
from article_explorer.data.validation import RawDataset, read_dataset

Level = Literal["nominal", "ordinal"]

#: The level of measurement of each judgement field: certainty is an ordered scale, the others are kinds.
LEVELS: dict[str, Level] = {"certainty": "ordinal"}
#: The alpha each (table, field) should reach; any other field's target is :data:`DEFAULT_TARGET`.
TARGETS: dict[tuple[str, str], float] = {("claims", "voice"): 0.80, ("claims", "claim_type"): 0.80}
DEFAULT_TARGET = 0.67


def _pairable(units: Iterable[Sequence[Hashable | None]]) -> list[list[Hashable]]:
    """Each unit's values without the missing ones; units with fewer than two values dropped."""
    kept = [[value for value in unit if value is not None] for unit in units]
    return [values for values in kept if len(values) >= 2]


def coincidence_matrix(units: Iterable[Sequence[Hashable | None]]) -> dict[tuple[Hashable, Hashable], Fraction]:
    """The coincidences ``o[(c, k)]`` of the pairable values, as exact fractions (zero cells left out).

    >>> matrix = coincidence_matrix([["a", "a"], ["a", "b"], ["b", None]])
    >>> {pair: str(count) for pair, count in sorted(matrix.items())}
    {('a', 'a'): '2', ('a', 'b'): '1', ('b', 'a'): '1'}
    """
    matrix: Counter = Counter()
    for values in _pairable(units):
        weight = Fraction(1, len(values) - 1)
        for i, first in enumerate(values):
            for j, second in enumerate(values):
                if i != j:
                    matrix[(first, second)] += weight
    return dict(matrix)


def krippendorff_alpha(
    units: Iterable[Sequence[Hashable | None]],
    level: Level = "nominal",
    categories: Sequence[Hashable] | None = None,
) -> float | None:
    """Krippendorff's alpha of ``units``, one list of values per unit (one per coder; ``None`` = not coded).

    ``level`` is ``"nominal"`` (categories are kinds: any two different values are equally far
    apart) or ``"ordinal"`` (categories are ranked, in the order of ``categories``; without
    ``categories`` the values' sorted order). ``categories``, when given, is the field's whole
    vocabulary, and a value outside it is an error. Returns ``None`` where alpha is not
    defined: no unit has two values, or every value is the same category.

    >>> round(krippendorff_alpha([["yes", "yes"], ["no", "no"], ["yes", "no"], ["no", None]]), 3)
    0.444
    >>> krippendorff_alpha([["a", "a"], ["a", "a"]]) is None  # one category for everything: undefined
    True
    >>> order = ["certain", "probable", "possible", "uncertain"]
    >>> agreed = [["possible", "possible"], ["uncertain", "uncertain"], ["certain", "certain"], ["probable"] * 2]
    >>> near_miss, far_miss = [["certain", "probable"], *agreed], [["certain", "uncertain"], *agreed]
    >>> [round(krippendorff_alpha(units, "nominal", order), 3) for units in (near_miss, far_miss)]
    [0.757, 0.757]
    >>> [round(krippendorff_alpha(units, "ordinal", order), 3) for units in (near_miss, far_miss)]
    [0.895, 0.431]
    """
    if level not in ("nominal", "ordinal"):
        raise ValueError(f"level must be 'nominal' or 'ordinal', not {level!r}")
    units = [list(unit) for unit in units]
    used = {value for unit in units for value in unit if value is not None}
    if categories is not None:
        unknown = used - set(categories)
        if unknown:
            shown = ", ".join(sorted(map(repr, unknown)))
            raise ValueError(f"values outside the categories given: {shown}; expected one of: {list(categories)}")
        order = list(categories)
    else:
        order = sorted(used)
    matrix = coincidence_matrix(units)
    totals: Counter = Counter()
    for (value, _), count in matrix.items():
        totals[value] += count
    n = sum(totals.values())
    if n < 2:
        return None
    rank = {value: position for position, value in enumerate(order)}

    def squared_difference(c: Hashable, k: Hashable) -> Fraction:
        if c == k:
            return Fraction(0)
        if level == "nominal":
            return Fraction(1)
        low, high = sorted((rank[c], rank[k]))
        between = sum((totals[order[g]] for g in range(low, high + 1)), Fraction(0))
        return (between - (totals[c] + totals[k]) / 2) ** 2

    observed = sum((count * squared_difference(c, k) for (c, k), count in matrix.items()), Fraction(0))
    expected = sum(
        (totals[c] * totals[k] * squared_difference(c, k) for c in totals for k in totals),
        Fraction(0),
    )
    if expected == 0:
        return None
    return float(1 - (n - 1) * observed / expected)


def unit_agreement(units: Iterable[Sequence[Hashable | None]]) -> tuple[int, int]:
    """``(agreed, units)``: of the units with at least two values, how many have one value only.

    With two coders, ``agreed / units`` is the plain percent agreement.

    >>> unit_agreement([["a", "a"], ["a", "b"], ["b", None]])
    (1, 2)
    """
    pairable = _pairable(units)
    return sum(len(set(values)) == 1 for values in pairable), len(pairable)


# --- the dataset's second coding -------------------------------------------------------


def level_of(field_name: str) -> Level:
    """The level of measurement of a judgement field (see :data:`LEVELS`)."""
    return LEVELS.get(field_name, "nominal")


def target_of(table: str, field_name: str) -> float:
    """The alpha a judgement field should reach (see :data:`TARGETS`)."""
    return TARGETS.get((table, field_name), DEFAULT_TARGET)


def second_coders(raw: RawDataset) -> list[str]:
    """The second coders' names, sorted."""
    return sorted({row["coder"] for row in raw.tables.get("second_coding", [])})


def _vocabulary(table: str, field_name: str) -> tuple[str, ...]:
    spec = TABLES_BY_NAME[table].field(field_name)
    assert spec is not None, f"{table}.{field_name} is not in the contract"
    return spec.enum


def _known(value: str | None, vocabulary: tuple[str, ...]) -> str | None:
    return value if value in vocabulary else None


def reliability_units(raw: RawDataset) -> dict[tuple[str, str], dict[str, list[str | None]]]:
    """The units of each judgement field: ``{(table, field): {row_id: [first, *seconds]}}``.

    A unit is a row that some second coder coded in ``second_coding.csv``. Its first value is
    the first coder's: ``adjudication.csv``'s ``first`` where the unit was adjudicated, else
    the dataset's own value (the dataset holds the adjudicated coding, and a unit with no
    adjudication row was agreed). Then comes one value per second coder, in the order of
    :func:`second_coders`. A value that is empty, or not in the field's vocabulary (the
    validator reports it), or of a row the table does not have, is ``None``: so a claim's
    stance counts only where both coders coded one. Every (table, field) of
    :data:`~.contract.RELIABILITY_FIELDS` is a key, in order, even with no unit.
    """
    coders = second_coders(raw)
    firsts = {(row["table"], row["row_id"], row["field"]): row["first"] for row in raw.tables.get("adjudication", [])}
    coded_rows = {
        table: {row[TABLES_BY_NAME[table].primary_key]: row for row in raw.tables.get(table, [])}
        for table in RELIABILITY_FIELDS
    }
    units: dict[tuple[str, str], dict[str, list[str | None]]] = {
        (table, name): {} for table, names in RELIABILITY_FIELDS.items() for name in names
    }
    for row in raw.tables.get("second_coding", []):
        table, row_id, field_name = row["table"], row["row_id"], row["field"]
        if (table, field_name) not in units:
            continue  # not a judgement field of that table: the validator reports it
        vocabulary = _vocabulary(table, field_name)
        unit = units[(table, field_name)].get(row_id)
        if unit is None:
            coded = coded_rows[table].get(row_id)
            first = firsts.get((table, row_id, field_name), coded[field_name] if coded else None)
            unit = units[(table, field_name)][row_id] = [_known(first, vocabulary), *([None] * len(coders))]
        unit[1 + coders.index(row["coder"])] = _known(row["value"], vocabulary)
    return units


@dataclass(frozen=True)
class FieldReliability:
    """How reliably one judgement field was coded, first coding against the second."""

    table: str
    field: str
    level: Level
    units: int  # units with at least two values
    agreed: int  # units on which every coder gave the same value
    alpha: float | None
    target: float

    @property
    def percent(self) -> float | None:
        """Percent agreement, from 0 to 1 (``None`` for no units)."""
        return self.agreed / self.units if self.units else None

    @property
    def meets_target(self) -> bool:
        """Whether alpha is defined and reaches the target."""
        return self.alpha is not None and self.alpha >= self.target

    def shortfall(self) -> str | None:
        """A sentence saying how the field falls short of its target; ``None`` if it meets it."""
        if self.meets_target:
            return None
        name = f"{self.table}.{self.field}"
        if self.alpha is not None:
            return (
                f"{name}: alpha {self.alpha:.3f} is below its target of {self.target:.2f} "
                f"({self.level}, {self.units} unit{'s' if self.units != 1 else ''}, "
                f"{self.agreed} agreed)."
            )
        if not self.units:
            why = "no unit was coded by two coders"
        else:
            why = f"every value of its {self.units} unit{'s' if self.units != 1 else ''} is the same category"
        return f"{name}: alpha is not defined ({why}), so it cannot meet its target of {self.target:.2f}."


def reliability_table(raw: RawDataset) -> list[FieldReliability]:
    """One :class:`FieldReliability` per (table, field) of :data:`~.contract.RELIABILITY_FIELDS`, in order."""
    rows = []
    for (table, field_name), by_row in reliability_units(raw).items():
        units = list(by_row.values())
        level = level_of(field_name)
        agreed, count = unit_agreement(units)
        alpha = krippendorff_alpha(units, level, _vocabulary(table, field_name))
        rows.append(FieldReliability(table, field_name, level, count, agreed, alpha, target_of(table, field_name)))
    return rows


def has_reliability(path: str | os.PathLike[str] | None = None) -> bool:
    """Whether the dataset at ``path`` (default: the current dataset) has a ``reliability/`` folder."""
    return (data_dir(path) / RELIABILITY_FOLDER).is_dir()


def alpha_table(path: str | os.PathLike[str] | None = None) -> list[FieldReliability]:
    """Read the dataset at ``path`` and return its alpha table (see :func:`reliability_table`).

    Raises :class:`FileNotFoundError` when the dataset has no ``reliability/`` folder. The
    dataset is not required to be valid (``read_dataset(path).problems`` lists what is wrong);
    values the validator rejects count as missing.
    """
    if not has_reliability(path):
        raise FileNotFoundError(f"{data_dir(path)} has no {RELIABILITY_FOLDER}/ folder: there is no second coding")
    return reliability_table(read_dataset(path))


def _cell(value: float | None, spec: str) -> str:
    return "not defined" if value is None else format(value, spec)


def markdown_table(rows: Sequence[FieldReliability]) -> str:
    """The alpha table as Markdown, to paste into the codebook.

    >>> print(markdown_table([FieldReliability("claims", "voice", "nominal", 4, 3, 0.5833333, 0.8)]))
    | Table | Field | Level | Units | Agreement | Krippendorff's alpha | Target | Meets target |
    |---|---|---|---:|---:|---:|---:|---|
    | claims | voice | nominal | 4 | 75% | 0.583 | 0.80 | no |
    """
    lines = [
        "| Table | Field | Level | Units | Agreement | Krippendorff's alpha | Target | Meets target |",
        "|---|---|---|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row.table} | {row.field} | {row.level} | {row.units} | {_cell(row.percent, '.0%')} | "
            f"{_cell(row.alpha, '.3f')} | {row.target:.2f} | {'yes' if row.meets_target else 'no'} |"
        )
    return "\n".join(lines)
