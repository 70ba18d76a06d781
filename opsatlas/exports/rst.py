"""reStructuredText `list-table`: `:header-rows: 1`, `:stub-columns: 1`, lists as lists."""

from __future__ import annotations

import re

from ..comparison import Cell, ComparisonTable
from .attribution import Attribution
from .cells import cell_lines, header, lines

# Inline markup (emphasis, literals, roles, references, substitutions, footnotes,
# standalone URIs and e-mail addresses): backslash-escaped wherever they stand.
_INLINE = re.compile(r"[\\*`_|\[\]:<>@]")
# At the start of a line most punctuation (and the Unicode bullets) can open a block:
# a list, a field list, a comment, an option list, a section adornment, a doctest.
_BLOCK_START = re.compile(r"^[^\w\s\\]")
# Enumerated list markers: `1.`, `A)`, `iv.`, `#.`.
_ENUMERATOR = re.compile(r"^(\w+|#)([.)])(?=\s|$)")
_INDENT = "   "
_MISREAD = re.compile(r"::\s*$|^\\+$")


def rst_text(text: str) -> str:
    """One line of plain text as inert reStructuredText inline content."""
    escaped = _INLINE.sub(lambda m: "\\" + m.group(0), text)
    escaped = _ENUMERATOR.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", escaped)
    return _BLOCK_START.sub(lambda m: "\\" + m.group(0), escaped)


def _block(text_lines: list[str]) -> list[str]:
    """Lines of text: a paragraph when one, else a line block (`| ` per line). A line block
    also holds text a paragraph would misread: ending in `::` (a literal block follows,
    says pandoc even when escaped) or only backslashes (escaped, a section adornment)."""
    if len(text_lines) == 1 and not _MISREAD.search(text_lines[0]):
        return [rst_text(text_lines[0])]
    return ["| " + rst_text(line) for line in text_lines]


def _item(body: list[str], marker: str = "-") -> list[str]:
    """A list item holding `body`, continuation lines indented under its first."""
    if not body:
        return [marker]
    pad = " " * (len(marker) + 1)
    return [f"{marker} {body[0]}", *(pad + line for line in body[1:])]


def _cell(cell: Cell) -> list[str]:
    entries = cell_lines(cell)
    if cell.is_list:
        return [line for entry in entries for line in _item(_block(entry))]
    return _block([line for entry in entries for line in entry]) if entries else []


def _row(cells: list[list[str]]) -> list[str]:
    """One list-table row: `* ` opens it, each cell is a `- ` item."""
    items = [line for cell in cells for line in _item(cell)]
    return [(_INDENT + line).rstrip() for line in _item(items, "*")]


def to_rst(table: ComparisonTable, attribution: Attribution) -> str:
    """The table as a list-table directive, then the credit as a paragraph."""
    out = [f".. list-table:: {rst_text(attribution.caption)}", _INDENT + ":header-rows: 1",
           _INDENT + ":stub-columns: 1", ""]
    out += _row([_block(lines(name)) for name in header(table)])
    for row in table.rows:
        out += _row([_block(lines(row.dimension.label)), *map(_cell, row.cells)])
    out += ["", f"Source: `{rst_text(attribution.site_name)} <{attribution.url}>`__, "
                f"{rst_text(attribution.edition)}.", ""]
    return "\n".join(out)
