"""The sides (contract v2): every side is used and told apart, and the periods of country_sides.csv agree.

Rules across tables, registered in :data:`article_explorer.data.validation.rules.RULES`. That
every ``side`` names a row of sides.csv is :func:`.references.check_references`'s (when the
dataset has sides.csv; a v1 dataset's sides are the values of ``places.side``).
"""

from __future__ import annotations

from article_explorer.data.contract import ARTICLE_SCHEME
from article_explorer.data.edtf import EdtfError, parse_edtf
from article_explorer.data.validation.read import RawDataset, Row


def _scheme(row: Row) -> str:
    return row["scheme"] or ARTICLE_SCHEME


def check_sides(raw: RawDataset) -> None:
    """country_sides.csv has sides.csv to point at; each side is used; places name sides of the
    article's scheme; no two sides of a scheme look alike."""
    if "country_sides" in raw.tables and "sides" not in raw.tables:
        raw.report_file("country_sides.csv", "needs sides.csv, which names the sides its side_id column points at")
        return
    sides = raw.tables.get("sides", [])
    used = {row["side"] for row in raw.tables.get("places", [])}
    used |= {row["side_id"] for row in raw.tables.get("country_sides", [])}
    looks: dict[tuple[str, str, str], str] = {}
    for row in sides:
        side = row["side_id"]
        if side and side not in used:
            raw.report(
                "sides",
                row,
                "side_id",
                side,
                "is never used (by places.side or country_sides.side_id); use it or remove the row",
            )
        if row["colour"]:
            look = (_scheme(row), row["colour"].lower(), row["pattern"])
            if look in looks:
                raw.report(
                    "sides",
                    row,
                    "colour",
                    row["colour"],
                    f"draws this side exactly like '{looks[look]}' (same colour and pattern in the same scheme); "
                    "change its colour or give it a pattern",
                )
            looks.setdefault(look, side)
    scheme_of = {row["side_id"]: _scheme(row) for row in sides}
    for row in raw.tables.get("places", []):
        scheme = scheme_of.get(row["side"], ARTICLE_SCHEME)
        if scheme != ARTICLE_SCHEME:
            raw.report(
                "places",
                row,
                "side",
                row["side"],
                f"is a side of the scheme '{scheme}'; a place's side is one of the article's own "
                f"(scheme '{ARTICLE_SCHEME}'): give the other scheme in country_sides.csv",
            )


def _years(row: Row) -> tuple[int, int] | None:
    """The first and last day of a period, as ordinals; None where a date cannot be read (reported already)."""
    try:
        start = parse_edtf(row["from"])
        end = parse_edtf(row["to"]) if row["to"] else None
    except EdtfError:
        return None
    first = start.earliest.toordinal() if start.earliest else 1
    if end is None and start.is_interval and start.latest:
        end = start  # a whole interval in 'from' is the period, as data.sides.period_years reads it
    last = end.latest.toordinal() if end is not None and end.latest else 10**7
    return first, last


def check_country_sides(raw: RawDataset) -> None:
    """A period ends after it starts; a country's periods on one scheme do not overlap; and a
    period that holds the article's date agrees with the side a place of the country gives."""
    scheme_of = {row["side_id"]: _scheme(row) for row in raw.tables.get("sides", [])}
    published = None
    for row in raw.tables.get("sources", []):
        if row["kind"] == "article" and row["published"]:
            try:
                published = parse_edtf(row["published"]).earliest
            except EdtfError:
                published = None
    place_side = {}
    for row in sorted(raw.tables.get("places", []), key=lambda r: r["geo_precision"] != "country"):
        if row["country_iso3"] and row["side"]:
            place_side.setdefault(row["country_iso3"], row)
    seen: dict[tuple[str, str], list[tuple[int, int, Row]]] = {}
    for row in raw.tables.get("country_sides", []):
        years = _years(row)
        if years is None:
            continue
        first, last = years
        if last < first:
            raw.report(
                "country_sides",
                row,
                "to",
                row["to"],
                f"is before 'from' ({row['from']}); a period ends after it starts",
            )
            continue
        scheme = scheme_of.get(row["side_id"], ARTICLE_SCHEME)
        key = (row["country_iso3"], scheme)
        for other_first, other_last, other in seen.get(key, []):
            if first <= other_last and other_first <= last:
                raw.report(
                    "country_sides",
                    row,
                    "from",
                    row["from"],
                    f"overlaps the period of line {other.line} ({other['side_id']}, from {other['from']}) for "
                    f"{row['country_iso3']} on the scheme '{scheme}'; a country is on one side of a scheme at a time",
                )
        seen.setdefault(key, []).append((first, last, row))
        place = place_side.get(row["country_iso3"])
        if (
            scheme == ARTICLE_SCHEME
            and published is not None
            and place is not None
            and first <= published.toordinal() <= last
            and place["side"] != row["side_id"]
        ):
            raw.report(
                "country_sides",
                row,
                "side_id",
                row["side_id"],
                f"disagrees with places.csv line {place.line} ({place['place_id']}), which puts "
                f"{row['country_iso3']} on '{place['side']}' on the article's date; make the two agree",
            )
