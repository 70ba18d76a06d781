"""CSV (RFC 4180, UTF-8): one row per dimension, the credit in a footnote row."""

from __future__ import annotations

import csv
import io

from ..comparison import Cell, ComparisonTable
from .attribution import Attribution
from .cells import header

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these is a formula to spreadsheets (OWASP CSV injection)."""


def neutralise(text: str) -> str:
    """Prefix a single quote to text a spreadsheet would evaluate as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _cell(cell: Cell) -> str:
    return "\n".join(entry.display for entry in cell.entries)


def to_csv(table: ComparisonTable, attribution: Attribution) -> str:
    """The table as CSV; a list cell holds one entry per line."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    width = len(table.disciplines) + 1
    rows = [header(table), *([row.dimension.label, *map(_cell, row.cells)]
                             for row in table.rows)]
    for values in rows:
        writer.writerow([neutralise(value) for value in values])
    writer.writerow([attribution.credit, *[""] * (width - 1)])
    return stream.getvalue()
