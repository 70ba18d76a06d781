"""Shared pieces of the export tests: an adversarial table, pandoc, expected cell text.

Named test_exports_*.py so it sits with the tests it serves; it holds a few checks of its
own on the adversarial table.
"""

from __future__ import annotations

import json
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from opsatlas.comparison import Cell, CellEntry, ComparisonTable, Row, build_comparison
from opsatlas.content import load_atlas
from opsatlas.exports.attribution import Attribution, build_attribution
from opsatlas.exports.cells import CORNER
from opsatlas.model import Dimension, Discipline
from opsatlas.site_config import load_site_config

ROOT = Path(__file__).resolve().parent.parent
PANDOC = "/usr/bin/pandoc"

ADVERSARIAL = (
    "pipes a | b || c |",
    "*bold* **strong** _em_ __under__ `code` ``double``",
    "<b>tag</b> <script>alert(1)</script> &amp; & &lt; &#124; &vert; &nbsp;",
    "[[Wiki link]] [text](http://example.com) {{Template}} {| table |} |} |-",
    "! bang !! twice # hash ## two",
    "=1+1",
    "+SUM(A1)",
    "-2+3",
    "@cmd",
    "line one\nline two\r\nline three",
    "emoji 🚀 👩🏽‍💻 🇩🇪, RTL עברית العربية, combining e\u0301 Z\u0335, CJK 漢字",
    "back\\slash \\| \\\\ \\* trailing\\",
    ":smile: www.example.com https://example.com/a_b a@b.com <https://x.y>",
    "~~strike~~ ^sup^ ~sub~ -del- +ins+ ??cite?? {noformat} {code} (y) :) ;) (!) (/)",
    "'''bold''' ''italic'' __TOC__ ~~~~ ISBN 0306406152 <nowiki>raw</nowiki> &#60;",
    "`x`_ |sub| :role:`x` .. comment [1]_ word_ ::",
    "1. one",
    "A. alpha",
    "- dash",
    "* star",
    "#. auto",
    "(a) paren",
    "pass:[x] +x+ {attr} link:x[y] ] ]] [[anchor]] <<xref>> (C) -- ... -> 'q' \"dq\"",
    "|=== a|b",
    "----",
    "====",
    "> quote",
    "# heading",
    "h1. heading",
    "bq. quote {color:red}x{color} [~user] !image.png!",
    "\\",
    "\\\\\\\\",
    "a]b\\]c",
    "% $ ^ ? ; , . / \\ end",
)
"""Cell texts that break naive exporters; every format must show each as it is."""


def _discipline(index: int, name: str) -> Discipline:
    return Discipline(id=f"d{index}", order=index, name=name, aliases=(), fields={},
                      sources=(), source_file="content/disciplines/x.yaml", emerged_year=2000)


def adversarial_table() -> ComparisonTable:
    """Three disciplines (awkward names too) and a row per adversarial text, as a single
    fact, as a labelled list entry and among plain list entries."""
    disciplines = (_discipline(1, "Dev|Ops *x*"), _discipline(2, "<Data>&Ops"),
                   _discipline(3, "Émoji 🚀 =1"))
    rows = []
    for number, text in enumerate(ADVERSARIAL):
        key = f"k{number}"
        dimension = Dimension(key, f"Row {number}: {text}", "", key)
        single = Cell(disciplines[0], dimension, (CellEntry(text, "", key),))
        labelled = Cell(disciplines[1], dimension,
                        (CellEntry(text, "Tool|Name", f"{key}-a", "https://e.com/"),))
        listed = Cell(disciplines[2], dimension,
                      (CellEntry("first", "", f"{key}-b"), CellEntry(text, "", f"{key}-c")))
        rows.append(Row(dimension, (single, labelled, listed)))
    empty = Dimension("empty", "Empty", "", "empty")
    rows.append(Row(empty, tuple(Cell(d, empty, ()) for d in disciplines)))
    return ComparisonTable(disciplines, tuple(rows))


def adversarial_attribution() -> Attribution:
    return Attribution("Ops Atlas", "https://ops-atlas.github.io/",
                       "https://ops-atlas.github.io/compare/", "Adversarial", "1.0", "2026-01-01")


def real_table() -> tuple[ComparisonTable, Attribution]:
    """The real content's full matrix and its attribution."""
    atlas = load_atlas(ROOT / "content")
    table = build_comparison(atlas)
    return table, build_attribution(table, atlas.info, load_site_config(ROOT / "mkdocs.yml"))


TABLES = {"adversarial": lambda: (adversarial_table(), adversarial_attribution()),
          "real": real_table}
"""Both tables every format is checked with, by name (for parametrize)."""


def norm(text: str) -> str:
    """Whitespace folded and NFC (pandoc composes `e` + U+0301 into `é`): every format
    may re-space a line or pick an equivalent encoding, none may change its text."""
    return unicodedata.normalize("NFC", " ".join(text.split()))


def cell_lines(cell: Cell) -> list[str]:
    """What a reader must find in a cell: each entry's lines, in order."""
    out = []
    for entry in cell.entries:
        out += [norm(line) for line in entry.display.replace("\r\n", "\n").replace(
            "\r", "\n").split("\n")]
    return [line for line in out if line]


def text_lines(text: str) -> list[str]:
    return [norm(line) for line in text.replace("\r\n", "\n").replace("\r", "\n")
            .split("\n") if norm(line)]


def expected_grid(table: ComparisonTable) -> list[list[list[str]]]:
    """Header row and body rows, each cell as its list of lines."""
    grid = [[text_lines(CORNER), *(text_lines(d.name) for d in table.disciplines)]]
    for row in table.rows:
        grid.append([text_lines(row.dimension.label), *map(cell_lines, row.cells)])
    return grid


# --- pandoc ------------------------------------------------------------------------------

ALLOWED_INLINES = {"Str", "Space", "SoftBreak", "LineBreak"}
"""Inline nodes plain text may become; anything else (Emph, Link, Code...) is injected."""


def pandoc_json(text: str, reader: str) -> dict[str, Any]:
    done = subprocess.run([PANDOC, "-f", reader, "-t", "json"], input=text.encode(),
                          capture_output=True, check=True, timeout=60)
    parsed: dict[str, Any] = json.loads(done.stdout)
    return parsed


def pandoc_tables(doc: dict[str, Any]) -> list[list[Any]]:
    return [block["c"] for block in doc["blocks"] if block["t"] == "Table"]


def table_cells(table: list[Any]) -> list[list[list[Any]]]:
    """Rows of the pandoc Table (head then bodies), each cell as its list of blocks."""
    _attr, _caption, _cols, head, bodies, _foot = table
    rows = list(head[1])
    for body in bodies:
        rows += body[2] + body[3]
    return [[cell[4] for cell in row[1]] for row in rows]


def block_lines(blocks: list[Any], strays: list[str]) -> list[str]:
    """Plain lines of a cell's blocks; node types that are not plain text go to `strays`."""
    out: list[str] = []
    for block in blocks:
        kind, content = block["t"], block.get("c")
        if kind in ("Plain", "Para"):
            out += _inline_lines(content, strays)
        elif kind == "BulletList":
            for item in content:
                out += block_lines(item, strays)
        elif kind == "Div":  # a wrapper (Asciidoctor's HTML puts one in list cells)
            out += block_lines(content[1], strays)
        elif kind == "LineBlock":
            for line in content:
                out += _inline_lines(line, strays)
        else:
            strays.append(kind)
    return [line for line in (norm(x) for x in out) if line]


def _inline_lines(inlines: list[Any], strays: list[str]) -> list[str]:
    text = "".join(_inline_text(node, strays) for node in inlines)
    return text.split("\n")


def _inline_text(node: dict[str, Any], strays: list[str]) -> str:
    kind, content = node["t"], node.get("c")
    if kind == "Str":
        return str(content)
    if kind in ("Space", "SoftBreak"):
        return " "
    if kind == "LineBreak":
        return "\n"
    if kind == "RawInline" and content[0] == "html" and norm(content[1]) in ("<br>", "<br />"):
        return "\n"
    if kind == "Strong":  # formats without header cells embolden the first column
        strays.append("Strong")
        return "".join(_inline_text(child, strays) for child in content)
    strays.append(kind)
    return ""


def parsed_grid(text: str, reader: str) -> tuple[list[list[list[str]]], list[str]]:
    """The one table pandoc finds in `text`, cells as lines, and any non-text nodes."""
    tables = pandoc_tables(pandoc_json(text, reader))
    assert len(tables) == 1, f"pandoc found {len(tables)} tables"
    strays: list[str] = []
    grid = [[block_lines(cell, strays) for cell in row] for row in table_cells(tables[0])]
    return grid, strays


def strip_bullets(grid: list[list[list[str]]]) -> list[list[list[str]]]:
    """Drop the '• ' that Markdown list cells start each entry with."""
    return [[[line.removeprefix("• ") for line in cell] for cell in row] for row in grid]


def walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def test_adversarial_table_covers_every_character_class() -> None:
    joined = "".join(ADVERSARIAL)
    for needle in ["|", "||", "*", "_", "`", "<", ">", "&", "[[", "]]", "{{", "}}", "{|",
                   "|}", "!", "#", "\n", "🚀", "\u0301", "ע"]:
        assert needle in joined
    assert {text[0] for text in ADVERSARIAL} >= {"=", "+", "-", "@"}


def test_adversarial_table_has_list_and_single_cells() -> None:
    table = adversarial_table()
    kinds = {(cell.is_list, len(cell.entries)) for row in table.rows for cell in row.cells}
    assert {(False, 1), (True, 2), (False, 0)} <= kinds
