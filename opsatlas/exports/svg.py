"""SVG image of the table: real `<text>`, wrapped by measure, light and dark colours."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..comparison import Cell, ComparisonTable
from .attribution import Attribution
from .cells import entry_lines, header, lines
from .svg_text import FONT_FAMILY, text_width, wrap

SIZE = 14
"""Font size of cells and headings, px (the caption and credit use their own)."""
LINE = 20
"""Line height, px; a baseline sits BASELINE below the top of its line."""
BASELINE = 14
PAD = 8
FIRST_WIDTH = 180
COLUMN_WIDTH = 260
INDENT = 14
"""Hanging indent of list entries: the bullet stands in it."""
BULLET = "\u2022"
EDGE = 0.5
"""Cells sit this far in from the image's sides so their borders are drawn whole."""
TITLE_SIZE = 16
NOTE_SIZE = 12

STYLE = (
    ".bg{fill:#ffffff}.cell{fill:#ffffff;stroke:#d0d7de}.head{fill:#f0f3f6;stroke:#d0d7de}"
    "text{fill:#1f2328}.note{fill:#57606a}"
    "@media (prefers-color-scheme:dark){.bg{fill:#0d1117}.cell{fill:#0d1117;stroke:#3d444d}"
    ".head{fill:#161b22;stroke:#3d444d}text{fill:#e6edf3}.note{fill:#9198a1}}")
"""Light colours, and dark ones when the viewer prefers a dark colour scheme."""


@dataclass(frozen=True)
class Run:
    """One line of text: its offset in its box, the line slot it sits on, its style."""

    x: float
    slot: int
    text: str
    bold: bool = False


@dataclass(frozen=True)
class Box:
    """One cell at its place: rectangle, heading or not, table coordinates, lines."""

    x: float
    y: float
    width: float
    height: float
    head: bool
    row: str
    column: str
    runs: tuple[Run, ...]


def _paragraph(texts: list[str], width: float, bold: bool, x: float = 0, slot: int = 0
               ) -> list[Run]:
    wrapped = [line for text in texts for line in wrap(text, width, SIZE, bold)]
    return [Run(x, slot + i, line, bold) for i, line in enumerate(wrapped)]


def _cell_runs(cell: Cell, width: float) -> list[Run]:
    entries = [entry_lines(entry) for entry in cell.entries]
    if not cell.is_list:
        return _paragraph([line for entry in entries for line in entry], width, False)
    runs: list[Run] = []
    for entry in entries:
        slot = max((run.slot for run in runs), default=-1) + 1
        runs += [Run(0, slot, BULLET), *_paragraph(entry, width - INDENT, False, INDENT, slot)]
    return runs


def _columns(table: ComparisonTable) -> list[tuple[str, float, float]]:
    """(column key, left edge, width) of every column."""
    return [("dimension", 0.0, FIRST_WIDTH),
            *((d.id, FIRST_WIDTH + i * COLUMN_WIDTH, COLUMN_WIDTH)
              for i, d in enumerate(table.disciplines))]


def layout(table: ComparisonTable, top: float) -> list[Box]:
    """Every cell of the table, rows stacked downwards from `top`."""
    columns = _columns(table)
    rows = [("header", [_paragraph(lines(name), width - 2 * PAD, True)
                        for name, (_, _, width) in zip(header(table), columns, strict=True)])]
    for row in table.rows:
        label = _paragraph(lines(row.dimension.label), FIRST_WIDTH - 2 * PAD, True)
        rows.append((row.dimension.key, [label, *(_cell_runs(cell, COLUMN_WIDTH - 2 * PAD)
                                                 for cell in row.cells)]))
    boxes: list[Box] = []
    for key, contents in rows:
        slots = max((run.slot + 1 for runs in contents for run in runs), default=1)
        height = slots * LINE + 2 * PAD
        boxes += [Box(x, top, width, height, key == "header" or column == "dimension", key,
                      column, tuple(runs))
                  for (column, x, width), runs in zip(columns, contents, strict=True)]
        top += height
    return boxes


def _text(x: float, y: float, text: str, size: int, bold: bool = False,
          css: str = "") -> str:
    """One `<text>`, its measured width as `textLength` so any font fits it exactly."""
    width = text_width(text, size, bold)
    attrs = f' class="{css}"' if css else ""
    attrs += ' font-weight="bold"' if bold else ""
    attrs += f' font-size="{size}"' if size != SIZE else ""
    fit = f' textLength="{width:.1f}" lengthAdjust="spacingAndGlyphs"' if width else ""
    return f'<text x="{x:.1f}" y="{y:.1f}"{attrs}{fit}>{escape(text, quote=False)}</text>'


def _box(box: Box) -> list[str]:
    css = "head" if box.head else "cell"
    out = [f'<g data-row="{escape(box.row)}" data-column="{escape(box.column)}">',
           f'<rect class="{css}" x="{box.x + EDGE:.1f}" y="{box.y:.1f}" width="{box.width:.1f}" '
           f'height="{box.height:.1f}"/>']
    out += [_text(box.x + PAD + run.x, box.y + PAD + run.slot * LINE + BASELINE, run.text,
                  SIZE, run.bold) for run in box.runs if run.text]
    return [*out, "</g>"]


def to_svg(table: ComparisonTable, attribution: Attribution) -> str:
    """The table as a standalone SVG image: caption above, credit below."""
    width = FIRST_WIDTH + COLUMN_WIDTH * len(table.disciplines) + int(2 * EDGE)
    title = wrap(attribution.caption, width - 2 * PAD, TITLE_SIZE, True)
    top = PAD + len(title) * (TITLE_SIZE + 8)
    boxes = layout(table, top)
    bottom = boxes[-1].y + boxes[-1].height
    credit = wrap(attribution.credit, width - 2 * PAD, NOTE_SIZE)
    height = bottom + PAD + len(credit) * (NOTE_SIZE + 6) + PAD
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height:.0f}" '
           f'viewBox="0 0 {width} {height:.0f}" role="img" aria-labelledby="title desc" '
           f'font-family="{escape(FONT_FAMILY)}" font-size="{SIZE}">',
           f'<title id="title">{escape(attribution.caption, quote=False)}</title>',
           f'<desc id="desc">{escape(attribution.credit, quote=False)}</desc>',
           f"<style>{STYLE}</style>",
           f'<rect class="bg" width="{width}" height="{height:.0f}"/>']
    out += [_text(PAD, PAD + (i + 1) * (TITLE_SIZE + 8) - 8, line, TITLE_SIZE, True)
            for i, line in enumerate(title)]
    for box in boxes:
        out += _box(box)
    out.append(f'<a href="{escape(attribution.url)}">')
    out += [_text(PAD, bottom + PAD + (i + 1) * (NOTE_SIZE + 6) - 4, line, NOTE_SIZE,
                  css="note") for i, line in enumerate(credit)]
    out += ["</a>", "</svg>", ""]
    return "\n".join(out)
