"""The Frictionless Data Package v2 descriptor (``datapackage.json``), written from the contract."""

from __future__ import annotations

from article_explorer.data.contract.schema import LIST_SEPARATOR, Field
from article_explorer.data.contract.tables import TABLES

_FRICTIONLESS_TYPES = {"string": "string", "integer": "integer", "number": "number", "date": "date", "edtf": "string"}


def _frictionless_field(spec: Field) -> dict:
    out: dict = {"name": spec.name, "description": spec.description}
    if spec.type == "list":
        out.update(type="list", delimiter=LIST_SEPARATOR, itemType="string")
    else:
        out["type"] = _FRICTIONLESS_TYPES[spec.type]
    constraints: dict = {}
    if spec.required:
        constraints["required"] = True
    if spec.enum:
        constraints["enum"] = list(spec.enum)
    if spec.minimum is not None:
        constraints["minimum"] = spec.minimum
    if spec.maximum is not None:
        constraints["maximum"] = spec.maximum
    if spec.pattern and spec.type != "list":
        constraints["pattern"] = spec.pattern
    if constraints:
        out["constraints"] = constraints
    return out


def build_datapackage(columns: dict[str, list[str]] | None = None) -> dict:
    """Return the Frictionless Data Package v2 descriptor for a dataset.

    ``columns`` maps a table name to the columns its CSV actually has, so that optional
    extension columns a dataset leaves out are left out of its schema too, and so are the
    optional tables (``reliability/``) it does not have. Without ``columns``, the descriptor
    has every required table with every column.
    """
    resources = []
    for table in TABLES:
        if table.optional and (not columns or table.name not in columns):
            continue
        present = columns.get(table.name) if columns else None
        fields = [f for f in table.fields if present is None or f.name in present]
        foreign_keys = []
        for spec in fields:
            if spec.references and spec.type != "list":
                ref_table, ref_column = spec.references.split(".")
                foreign_keys.append(
                    {
                        "fields": [spec.name],
                        "reference": {"resource": "" if ref_table == table.name else ref_table, "fields": [ref_column]},
                    }
                )
        schema: dict = {
            "fields": [_frictionless_field(f) for f in fields],
            "primaryKey": list(table.key_columns),
            "missingValues": [""],
        }
        if foreign_keys:
            schema["foreignKeys"] = foreign_keys
        resources.append(
            {
                "name": table.name,
                "type": "table",
                "path": table.filename,
                "scheme": "file",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": table.description,
                "schema": schema,
            }
        )
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "article-dataset",
        "title": "An article coded as events, claims, actors, positions and places",
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "resources": resources,
    }
