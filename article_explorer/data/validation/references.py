"""How rows point at each other: every reference resolves, every row is used, a stance has its issue.

Rules across tables, registered in :data:`article_explorer.data.validation.rules.RULES`.
"""

from __future__ import annotations

from article_explorer.data.contract import TABLES, TABLES_BY_NAME
from article_explorer.data.validation.read import RawDataset, Row


def check_references(raw: RawDataset) -> None:
    """Every id a column refers to (every item of a list column) is a row of the table it names."""
    for table in TABLES:
        if table.name not in raw.tables:
            continue
        for spec in table.fields:
            if not spec.references or spec.name not in raw.columns[table.name]:
                continue
            target = spec.references.split(".")[0]
            if target not in raw.tables:
                continue
            known = raw.ids(target)
            for row in raw.tables[table.name]:
                values = row.items(spec.name) if spec.type == "list" else ([row[spec.name]] if row[spec.name] else [])
                for value in values:
                    if value and value not in known:
                        raw.report(table.name, row, spec.name, value, raw.unknown(target, value))


def check_claim_stances(raw: RawDataset) -> None:
    """A claim on an issue has a stance, and a claim without one has none."""
    for row in raw.tables.get("claims", []):
        if row["issue_id"] and not row["stance"]:
            raw.report(
                "claims",
                row,
                "stance",
                "",
                "is empty; a claim on an issue needs a stance (supports, opposes or neutral)",
            )
        if row["stance"] and not row["issue_id"]:
            raw.report(
                "claims",
                row,
                "stance",
                row["stance"],
                "is given without an issue_id; set the issue or clear the stance",
            )


def check_position_evidence(raw: RawDataset) -> None:
    """A position's evidence is a claim or an event of the dataset."""
    known = raw.ids("claims") | raw.ids("events")
    for row in raw.tables.get("positions", []):
        if row["evidence"] and row["evidence"] not in known:
            raw.report(
                "positions",
                row,
                "evidence",
                row["evidence"],
                "is neither a claim_id in claims.csv nor an event_id in events.csv",
            )


USES = {
    "actors": (
        ("events", "actor_ids"),
        ("claims", "claimant_id"),
        ("claims", "about_actor_ids"),
        ("positions", "actor_id"),
    ),
    "places": (("events", "place_id"), ("claims", "place_ids")),
    "issues": (("claims", "issue_id"), ("positions", "issue_id")),
}


MAX_CITERS_NAMED = 3


def _place_role(row: Row) -> str | None:
    """A place's role (empty means mentioned); None for a value outside the vocabulary."""
    role = row["role"] or "mentioned"
    return role if role in ("mentioned", "landmark") else None


def check_usage(raw: RawDataset) -> None:
    """Every actor, place and issue is used by some row; a landmark place is used by none."""
    for table, uses in USES.items():
        used: dict[str, list[str]] = {}
        for using_table, column in uses:
            using_key = TABLES_BY_NAME[using_table].primary_key
            for row in raw.tables.get(using_table, []):
                for value in row.items(column):
                    used.setdefault(value, []).append(f"{using_table}.{column} on line {row.line} ({row[using_key]})")
        key = TABLES_BY_NAME[table].primary_key
        users = " or ".join(sorted({f"{t}.{c}" for t, c in uses}))
        for row in raw.tables.get(table, []):
            if not row[key]:
                continue
            role = _place_role(row) if table == "places" else "mentioned"
            if role == "landmark" and row[key] in used:
                citers = used[row[key]]
                named = ", ".join(citers[:MAX_CITERS_NAMED])
                more = f" and {len(citers) - MAX_CITERS_NAMED} more" if len(citers) > MAX_CITERS_NAMED else ""
                raw.report(
                    table,
                    row,
                    "role",
                    row["role"],
                    f"is wrong for '{row[key]}', which is cited by {named}{more}; a landmark only orients "
                    "the reader and no row cites it: make it role=mentioned",
                )
            elif role == "mentioned" and row[key] not in used:
                hint = "; or, if it is only there to orient the reader, set role=landmark" if table == "places" else ""
                raw.report(table, row, key, row[key], f"is never used (by {users}); cite it or remove the row{hint}")
