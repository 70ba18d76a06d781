"""Plain text of the comparison's cells, shared by every export format."""

from __future__ import annotations

import re

from ..comparison import Cell, CellEntry, ComparisonTable

CORNER = "Dimension"
"""Text of the header row's first cell (above the dimension labels)."""

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def lines(text: str) -> list[str]:
    """Text split at its line breaks; record text is folded, so usually one line."""
    return _LINE_BREAK.split(text)


def entry_lines(entry: CellEntry) -> list[str]:
    """One entry as plain lines: `label: text`, split at line breaks."""
    return lines(entry.display)


def cell_lines(cell: Cell) -> list[list[str]]:
    """Every entry of a cell as its plain lines."""
    return [entry_lines(entry) for entry in cell.entries]


def header(table: ComparisonTable) -> list[str]:
    """The header row: the corner, then each discipline's name."""
    return [CORNER, *(d.name for d in table.disciplines)]
