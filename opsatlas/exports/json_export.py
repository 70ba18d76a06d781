"""JSON for programs: the dimensions, one record per discipline, the credit; versioned."""

from __future__ import annotations

import json
from typing import Any

from .. import urls
from ..comparison import Cell, ComparisonTable
from .attribution import Attribution

SCHEMA_VERSION = "1.0"
"""Version of content/schema/comparison-export.schema.json; the major part changes when a
field is removed or changes meaning."""
SCHEMA_PATH = "exports/comparison.schema.json"
"""Site-relative URL of the published JSON Schema."""


def _cell(cell: Cell, page: str) -> dict[str, Any]:
    return {"list": cell.is_list,
            "entries": [{"text": e.text, "label": e.label, "link": f"{page}#{e.anchor}",
                         "url": e.url} for e in cell.entries]}


def build_document(table: ComparisonTable, attribution: Attribution) -> dict[str, Any]:
    """The export as plain data, keys in a fixed order."""
    records = []
    for column, discipline in enumerate(table.disciplines):
        page = attribution.site_url + urls.discipline_url(discipline.id)
        cells = {row.dimension.key: _cell(row.cells[column], page) for row in table.rows}
        records.append({"id": discipline.id, "name": discipline.name, "url": page,
                        "cells": cells})
    return {
        "$schema": attribution.site_url + SCHEMA_PATH,
        "schema_version": SCHEMA_VERSION,
        "title": attribution.caption,
        "attribution": {"site": attribution.site_name, "url": attribution.url,
                        "content_version": attribution.version,
                        "updated": attribution.updated, "credit": attribution.credit},
        "dimensions": [{"key": r.dimension.key, "label": r.dimension.label,
                        "description": r.dimension.description} for r in table.rows],
        "records": records,
    }


def to_json(table: ComparisonTable, attribution: Attribution) -> str:
    """The export as indented UTF-8 JSON with a final newline."""
    return json.dumps(build_document(table, attribution), ensure_ascii=False, indent=2) + "\n"
