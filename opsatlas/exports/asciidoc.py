"""AsciiDoc table: header row, first column `h` style, list cells in `a` (AsciiDoc) style."""

from __future__ import annotations

from ..comparison import Cell, ComparisonTable
from .attribution import Attribution
from .cells import cell_lines, header, lines

_HARD_BREAK = " +\n"


def adoc_text(text: str) -> str:
    """One line of plain text as inert AsciiDoc: a `pass:c[]` macro (special characters
    escaped, no other substitution). `]` and the cell separator `|` are backslash-escaped;
    trailing backslashes, which would escape the closing `]`, become `{backslash}`."""
    body = text.rstrip("\\")
    trailing = "{backslash}" * (len(text) - len(body))
    if not body:
        return trailing
    escaped = body.replace("]", "\\]").replace("|", "\\|")
    return f"pass:c[{escaped}]{trailing}"


def _multiline(text: str) -> str:
    return _HARD_BREAK.join(adoc_text(line) for line in lines(text))


def _cell(cell: Cell) -> str:
    entries = [_HARD_BREAK.join(map(adoc_text, entry)) for entry in cell_lines(cell)]
    if cell.is_list and entries:
        return "a|" + "".join(f"\n* {entry}" for entry in entries)
    return "|" + "\n\n".join(entries)


def to_asciidoc(table: ComparisonTable, attribution: Attribution) -> str:
    """The table with its caption as block title, then the credit as a paragraph."""
    columns = len(table.disciplines)
    out = [f".{adoc_text(attribution.caption)}",
           f'[cols="1h,{columns}*2",options="header"]', "|==="]
    out.append(" ".join(f"|{_multiline(name)}" for name in header(table)))
    for row in table.rows:
        out += ["", f"|{_multiline(row.dimension.label)}", *map(_cell, row.cells)]
    out += ["|===", "",
            f"Source: {attribution.url}[{adoc_text(attribution.site_name)}], "
            f"{adoc_text(attribution.edition)}.", ""]
    return "\n".join(out)
