"""GitHub-flavoured Markdown: a pipe table with `<br>` between a cell's lines."""

from __future__ import annotations

import re

from ..comparison import Cell, ComparisonTable
from .attribution import Attribution
from .cells import cell_lines, header, lines

# Inline syntax of GFM (emphasis, code, links, raw HTML, strikethrough, entities, cell
# separators, backslash). Backslash escapes work for every ASCII punctuation character,
# including `\|`, which the table parser honours before inline parsing.
_SYNTAX = re.compile(r"[\\`*_\[\]<>|~&!]")
# Autolinks and emoji shortcodes: `https://`, `www.`, `a@b`, `:smile:`.
_AUTOLINK = re.compile(r":(?=\S)|(?<=www)\.|@", re.IGNORECASE)
_BULLET = "&bull;&nbsp;"
_BREAK = "<br>"


def gfm_text(text: str) -> str:
    """One line of plain text as inert GFM inline content."""
    escaped = _SYNTAX.sub(lambda m: "\\" + m.group(0), text)
    return _AUTOLINK.sub(lambda m: "\\" + m.group(0), escaped)


def _multiline(text: str) -> str:
    return _BREAK.join(gfm_text(line) for line in lines(text))


def _cell(cell: Cell) -> str:
    bullet = _BULLET if cell.is_list else ""
    return _BREAK.join(bullet + _BREAK.join(map(gfm_text, entry))
                       for entry in cell_lines(cell))


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def to_markdown(table: ComparisonTable, attribution: Attribution) -> str:
    """The table as GFM, then the credit as a paragraph."""
    out = [_row([_multiline(name) for name in header(table)]),
           _row(["---"] * (len(table.disciplines) + 1))]
    for row in table.rows:
        label = f"**{_multiline(row.dimension.label)}**"
        out.append(_row([label, *map(_cell, row.cells)]))
    link = f"[{gfm_text(attribution.site_name)}](<{attribution.url}>)"
    out += ["", f"Source: {link}, {gfm_text(attribution.edition)}.", ""]
    return "\n".join(out)
