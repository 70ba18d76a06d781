"""Jira wiki markup and AsciiDoc read back by small parsers of their table syntax.

pandoc cannot read AsciiDoc, and its Jira reader (2.17) ignores `\\|` in cells, so these
parsers follow the formats' own rules: Atlassian's wiki renderer (backslash escapes,
`\\\\` line break, `||` header cells, `*` list lines, character references) and
Asciidoctor's (`|===` tables, `\\|` in cells, cell styles, the `pass:c[]` macro with its
`\\]` escape, `{backslash}`, ` +` hard breaks, `*` list items in `a` cells). Text outside
an escape or passthrough that the renderer would read as markup is reported.
"""

from __future__ import annotations

import html
import re

import pytest

from opsatlas.exports.registry import FORMATS
from tests.test_exports_support import (
    TABLES,
    expected_grid,
    norm,
    real_table,
)

Grid = list[list[list[str]]]

# --- Jira / Confluence wiki markup ------------------------------------------------------

JIRA_MARKUP = set("*_-+^~?{}[]!#|():&\\")
"""Characters the renderer may read as markup (effects, links, macros, emoticons, lists,
entities); they must reach a cell's text only escaped."""


def parse_jira_table(text: str) -> tuple[list[list[tuple[bool, list[str]]]], list[str]]:
    """Rows of (is header, lines) cells, and every unescaped markup character found."""
    block = text.split("\n\n", 1)[0]
    rows: list[list[tuple[bool, list[str]]]] = []
    raw_markup: list[str] = []
    for row_text in re.split(r"\n(?=\|)", block):
        rows.append(_jira_row(row_text, raw_markup))
    return rows, raw_markup


def _jira_row(row: str, raw_markup: list[str]) -> list[tuple[bool, list[str]]]:
    cells: list[tuple[bool, str]] = []
    current, header, i = "", False, 0
    while i < len(row):
        char = row[i]
        if row.startswith("\\\\", i):
            current, i = current + "\n", i + 2
        elif char == "\\":
            current, i = current + "\x00" + row[i + 1], i + 2  # \x00 marks "escaped"
        elif char == "&":
            entity = re.match(r"&(#\d+|#x[0-9a-f]+|[a-z]+);", row[i:], re.IGNORECASE)
            assert entity, f"bare & in {row!r}"
            current, i = current + "\x00" + html.unescape(entity.group(0)), i + len(
                entity.group(0))
        elif char == "|":
            if i:
                cells.append((header, current))
            header = row.startswith("||", i)
            current, i = "", i + (2 if header else 1)
        else:
            current, i = current + char, i + 1
    assert current.strip() == "", f"row does not end with a cell separator: {row!r}"
    return [(is_header, _jira_lines(body, raw_markup)) for is_header, body in cells]


def _jira_lines(body: str, raw_markup: list[str]) -> list[str]:
    out = []
    for line in body.split("\n"):
        if line.startswith("* "):
            line = line[2:]
        raw_markup += [c for i, c in enumerate(line) if c in JIRA_MARKUP
                       and (i == 0 or line[i - 1] != "\x00")]
        out.append(norm(line.replace("\x00", "")))
    return [line for line in out if line]


@pytest.mark.parametrize("which", sorted(TABLES))
def test_jira_cells_round_trip(which: str) -> None:
    table, attribution = TABLES[which]()
    rows, raw_markup = parse_jira_table(FORMATS["jira"].export(table, attribution))
    assert [[lines for _, lines in row] for row in rows] == expected_grid(table)
    assert raw_markup == []
    assert all(header for header, _ in rows[0])
    assert all(row[0][0] and not any(h for h, _ in row[1:]) for row in rows[1:])


def test_jira_credit_links_to_the_canonical_page() -> None:
    table, attribution = real_table()
    text = FORMATS["jira"].export(table, attribution)
    assert f"[Ops Atlas|{attribution.url}]" in text.split("\n\n")[1]


# --- AsciiDoc ----------------------------------------------------------------------------

PASS_MACRO = re.compile(r"pass:c\[(|.*?[^\\])\]", re.DOTALL)
"""Asciidoctor's inline pass macro (InlinePassMacroRx), limited to the `c` substitution."""


def parse_adoc_table(text: str) -> tuple[Grid, list[str], dict[str, str]]:
    """The table's rows of cells as lines, text left outside passthroughs, and attributes."""
    head, body, _ = text.split("|===\n")
    attributes = dict(re.findall(r'(\w+)="([^"]*)"', head.splitlines()[-1]))
    columns = 1 + int(attributes["cols"].split(",")[1].split("*")[0])  # "1h,N*2"
    cells = re.split(r"(?<!\\)\|", body)[1:]
    grid: Grid = []
    stray: list[str] = []
    for index, raw in enumerate(cells):
        if index % columns == 0:
            grid.append([])
        grid[-1].append(_adoc_cell(raw, stray))
    return grid, stray, attributes


def _adoc_cell(raw: str, stray: list[str]) -> list[str]:
    raw = re.sub(r"\na$", "", raw).replace("\\|", "|")
    placeholders: list[str] = []

    def hold(match: re.Match[str]) -> str:
        placeholders.append(match.group(1).replace("\\]", "]"))
        return f"\x00{len(placeholders) - 1}\x00"

    held = PASS_MACRO.sub(hold, raw).replace("{backslash}", "\x00b\x00")
    held = re.sub(r" \+\n", "\x00n\x00", held)
    lines = []
    for line in held.split("\n"):
        line = line.removeprefix("* ")
        outside = re.sub(r"\x00(\d+|b|n)\x00", "", line).strip()
        if outside:
            stray.append(outside)
        line = re.sub(r"\x00(\d+)\x00", lambda m: placeholders[int(m.group(1))], line)
        lines += line.replace("\x00b\x00", "\\").split("\x00n\x00")
    return [norm(x) for x in lines if norm(x)]


@pytest.mark.parametrize("which", sorted(TABLES))
def test_asciidoc_cells_round_trip(which: str) -> None:
    table, attribution = TABLES[which]()
    grid, stray, attributes = parse_adoc_table(FORMATS["adoc"].export(table, attribution))
    assert grid == expected_grid(table)
    assert stray == []
    assert attributes["options"] == "header" and attributes["cols"].startswith("1h,")


def test_asciidoc_list_cells_are_asciidoc_cells() -> None:
    table, attribution = real_table()
    text = FORMATS["adoc"].export(table, attribution)
    assert "\na|\n* pass:c[" in text
    assert text.startswith(".pass:c[Ops Atlas: ")
