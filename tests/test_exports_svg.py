"""The SVG export: real text for every cell, wrapped inside its cell, light and dark."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from lxml import etree

from opsatlas.exports.registry import FORMATS
from opsatlas.exports.svg_text import text_width, wrap
from tests.test_exports_support import (
    TABLES,
    expected_grid,
    real_table,
)

SVG = "{http://www.w3.org/2000/svg}"


def _squash(lines: list[str]) -> str:
    """Text without any whitespace: wrapping may cut lines anywhere between clusters."""
    return unicodedata.normalize("NFC", "".join("".join(lines).split()))


def _svg(which: str) -> tuple[Any, Any]:
    table, attribution = TABLES[which]()
    return table, etree.fromstring(FORMATS["svg"].export(table, attribution).encode())


@pytest.mark.parametrize("which", sorted(TABLES))
def test_every_cell_is_real_text(which: str) -> None:
    table, root = _svg(which)
    columns = ["dimension", *(d.id for d in table.disciplines)]
    rows = ["header", *(r.dimension.key for r in table.rows)]
    for row_key, expected_row in zip(rows, expected_grid(table), strict=True):
        for column, expected in zip(columns, expected_row, strict=True):
            group = root.find(f"{SVG}g[@data-row='{row_key}'][@data-column='{column}']")
            texts = [t.text for t in group.iter(f"{SVG}text") if t.text != "\u2022"]
            assert _squash(texts) == _squash(expected), (row_key, column)


@pytest.mark.parametrize("which", sorted(TABLES))
def test_text_stays_inside_its_cell(which: str) -> None:
    _, root = _svg(which)
    for group in root.iter(f"{SVG}g"):
        box = group.find(f"{SVG}rect")
        left = float(box.get("x"))
        right = left + float(box.get("width"))
        bottom = float(box.get("y")) + float(box.get("height"))
        for text in group.iter(f"{SVG}text"):
            x, length = float(text.get("x")), float(text.get("textLength", 0))
            assert left < x and x + length <= right, text.text
            assert float(text.get("y")) < bottom


def test_size_caption_credit_and_both_colour_schemes() -> None:
    table, attribution = real_table()
    root = etree.fromstring(FORMATS["svg"].export(table, attribution).encode())
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    assert root.find(f"{SVG}title").text == attribution.caption
    assert root.find(f"{SVG}a").get("href") == attribution.url
    credit = " ".join(t.text for t in root.find(f"{SVG}a").iter(f"{SVG}text"))
    assert credit == attribution.credit
    style = root.find(f"{SVG}style").text
    assert "@media (prefers-color-scheme:dark)" in style
    assert root.find(f".//{SVG}image") is None and root.find(f".//{SVG}script") is None


@pytest.mark.parametrize(("text", "width"), [
    ("a few short words that must wrap onto several lines", 80),
    ("Supercalifragilisticexpialidocious", 60),
    ("e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301 👩🏽\u200d💻👩🏽\u200d💻👩🏽\u200d💻", 20),
])
def test_wrap_fits_the_width_and_keeps_every_character(text: str, width: float) -> None:
    lines = wrap(text, width, 14)
    assert _squash(lines) == _squash([text])
    assert all(text_width(line, 14) <= width or len(line) <= 2 or
               "\u200d" in line for line in lines)
    assert not any(line and line[0] in "\u0301\u200d\U0001F3FD" for line in lines)
