"""Confluence/Jira wiki markup: `||` header cells, `*` lists, backslash escapes."""

from __future__ import annotations

from ..comparison import Cell, ComparisonTable
from .attribution import Attribution
from .cells import cell_lines, header, lines

# Characters the wiki renderer reads as markup (effects, tables, links, images, macros,
# lists, emoticons such as `(y)` and `:)`): each is escaped with a backslash.
_SYNTAX = "*_-+^~?{}[]|!#():"
# A backslash cannot escape itself (`\\` is a line break) and `&` starts an entity:
# both are written as character references.
_REFERENCES = {"\\": "&#92;", "&": "&amp;"}
_ESCAPES = str.maketrans({**{char: "\\" + char for char in _SYNTAX}, **_REFERENCES})
_BREAK = "\\\\"


def jira_text(text: str) -> str:
    """One line of plain text as inert wiki markup."""
    return text.translate(_ESCAPES)


def _multiline(text: str) -> str:
    return _BREAK.join(jira_text(line) for line in lines(text)) or " "


def _cell(cell: Cell) -> str:
    entries = [_BREAK.join(map(jira_text, entry)) for entry in cell_lines(cell)]
    if not entries:
        return " "  # `||` would start a header cell
    if cell.is_list:
        return "\n".join(f"* {entry}" for entry in entries)
    return _BREAK.join(entries)


def to_jira(table: ComparisonTable, attribution: Attribution) -> str:
    """The table in wiki markup, then the credit as a paragraph."""
    out = ["||" + "||".join(_multiline(name) for name in header(table)) + "||"]
    for row in table.rows:
        cells = "|".join(_cell(cell) for cell in row.cells)
        out.append(f"||{_multiline(row.dimension.label)}|{cells}|")
    out += ["", f"Source: [{jira_text(attribution.site_name)}|{attribution.url}], "
                f"{jira_text(attribution.edition)}.", ""]
    return "\n".join(out)
