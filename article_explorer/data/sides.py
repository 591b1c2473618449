"""Which side a country, or an actor, stood on, and when: the dataset's sides as rules.

The sides are data (contract v2): ``sides.csv`` names them and groups them into schemes (the
article's own, and any other way of colouring the same map), and ``country_sides.csv`` says
which side a country stood on from when to when. A place's ``side`` is where it stood on the
article's date. So, for a country in a year:

1. on the article's scheme, a place of the country (country-level places first) gives its
   side for the article's year;
2. otherwise the country's periods in ``country_sides.csv`` on that scheme decide: the side
   whose period holds the year, or none when no period does;
3. a country with no periods keeps its place's side for every year (the dataset tells no change);
4. any other country is on no side (``None``): the map draws it as "other countries".

An actor is on the side of its country in the article's year. Nothing here knows a side by
name: every answer comes from the dataset's tables.

>>> from article_explorer.data.dataset import load_dataset
>>> sides = Sides(load_dataset())
>>> sides.of_country("POL", 2016), sides.of_country("MNE", 2016), sides.of_country("MNE", 2017)
('nato', None, 'nato')
>>> sides.label("nato"), sides.changes_over_time("nato"), sides.changes_over_time("belarus")
('NATO members', True, False)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from article_explorer.data.contract import ARTICLE_SCHEME
from article_explorer.data.dataset import Dataset
from article_explorer.data.edtf import EdtfError, parse_edtf

#: A year after any a map shows: the end of a period that has not ended.
STILL = 9999


@dataclass(frozen=True)
class Period:
    """A country on a side from one year to another (both included)."""

    side: str
    first: int
    last: int

    def holds(self, year: int) -> bool:
        return self.first <= year <= self.last


def period_years(start: str, end: str) -> tuple[int, int]:
    """The first and last year of a ``country_sides`` period: an empty (or open) end is :data:`STILL`;
    a start that is open reaches back to year 1.

    >>> period_years("2004-03-29", ""), period_years("1949", "1966"), period_years("../1990", "")
    ((2004, 9999), (1949, 1966), (1, 1990))
    """
    try:
        since = parse_edtf(start)
    except EdtfError:
        since = None
    first = since.earliest.year if since is not None and since.earliest else 1
    if end.strip() and end.strip() != "..":
        until = parse_edtf(end)
        last = until.latest.year if until.latest else STILL
    elif since is not None and since.is_interval and since.latest is not None:
        last = since.latest.year
    else:
        last = STILL
    return first, last


class Sides:
    """The sides of one dataset: their labels and schemes, and who stood on which, by year."""

    def __init__(self, dataset: Dataset):
        self.dataset = dataset
        self.published_year = dataset.published.year

    @cached_property
    def scheme_of(self) -> dict[str, str]:
        """``side_id -> scheme``, in the order of sides.csv."""
        return {row.side_id: row.scheme or ARTICLE_SCHEME for row in self.dataset.sides.itertuples()}

    @cached_property
    def schemes(self) -> list[str]:
        """The schemes, the article's first, then the others in the order sides.csv first names them."""
        others = [s for s in dict.fromkeys(self.scheme_of.values()) if s != ARTICLE_SCHEME]
        return [ARTICLE_SCHEME, *others]

    def in_scheme(self, scheme: str = ARTICLE_SCHEME) -> list[str]:
        """The side ids of a scheme, in the order of sides.csv."""
        return [side for side, of in self.scheme_of.items() if of == scheme]

    def label(self, side: str) -> str:
        """A side in words (its ``label``; the id itself for a side sides.csv does not have)."""
        return self._labels.get(side, side)

    @cached_property
    def _labels(self) -> dict[str, str]:
        return {row.side_id: row.label or row.side_id for row in self.dataset.sides.itertuples()}

    @cached_property
    def coded(self) -> dict[str, str]:
        """``iso3 -> side`` as the dataset's places code it (country-level places first)."""
        places = self.dataset.places.sort_values("geo_precision", key=lambda s: s != "country", kind="stable")
        sides: dict[str, str] = {}
        for iso3, side in zip(places["country_iso3"], places["side"], strict=True):
            if iso3 and side:
                sides.setdefault(iso3, side)
        return sides

    @cached_property
    def periods(self) -> dict[tuple[str, str], list[Period]]:
        """``(country key, scheme) -> its periods``, from country_sides.csv, earliest first."""
        periods: dict[tuple[str, str], list[Period]] = {}
        for row in self.dataset.country_sides.to_dict("records"):  # "from" is no attribute name
            first, last = period_years(row["from"], row["to"] or "")
            scheme = self.scheme_of.get(row["side_id"], ARTICLE_SCHEME)
            periods.setdefault((row["country_iso3"], scheme), []).append(Period(row["side_id"], first, last))
        return {key: sorted(value, key=lambda p: p.first) for key, value in periods.items()}

    def changes_over_time(self, side: str) -> bool:
        """Whether who stands on a side changes with the year (country_sides.csv has periods of it):
        a legend then names the year it shows."""
        return any(period.side == side for periods in self.periods.values() for period in periods)

    def of_country(self, key: str, year: int, scheme: str = ARTICLE_SCHEME) -> str | None:
        """The side of a country (or of an area the boundaries keep apart) in ``year``; ``None``
        where the dataset places it on no side of that scheme."""
        if scheme == ARTICLE_SCHEME and key in self.coded and year == self.published_year:
            return self.coded[key]
        periods = self.periods.get((key, scheme))
        if periods:
            return next((period.side for period in periods if period.holds(year)), None)
        return self.coded.get(key) if scheme == ARTICLE_SCHEME else None

    @cached_property
    def _actor_iso3(self) -> dict[str, str]:
        return dict(zip(self.dataset.actors["actor_id"], self.dataset.actors["country_iso3"], strict=True))

    def of_actor(self, actor_id: str) -> str | None:
        """The side of an actor's country in the article's year; ``None`` for an actor of no country."""
        iso3 = self._actor_iso3.get(actor_id, "")
        return self.of_country(iso3, self.published_year) if iso3 else None
