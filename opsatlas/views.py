"""Page views: everything a template prints, already formatted as inert Markdown."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from . import urls
from .comparison import RELATION_LABELS, Cell, CellEntry, ComparisonTable
from .markdown_text import Md, caption_lines, md_attr, md_link, md_text
from .model import Atlas, Dimension, Discipline

NO_CITES = Md("")
CELL_LINK = "{ .atlas-cell-link }"
"""attr_list class on links inside comparison cells (styled quieter than body links)."""


@dataclass(frozen=True)
class Page:
    """One generated Markdown page: its docs-relative path, template and values."""

    path: str
    template: str
    values: dict[str, object]


WIDE = ("navigation", "toc")
"""Material's `hide` front matter for table pages: the matrix gets the whole width."""


def front_matter(title: str, description: str, edit_path: str,
                 hide: tuple[str, ...] = ()) -> dict[str, Md]:
    """Front matter values, YAML-quoted (JSON is valid YAML)."""
    return {"title_yaml": Md(json.dumps(title)), "description_yaml": Md(json.dumps(description)),
            "edit_path_yaml": Md(json.dumps(edit_path)), "hide_yaml": Md(json.dumps(list(hide)))}


def relative(from_doc: str, to_doc: str, anchor: str = "") -> Md:
    """Link from one docs-relative Markdown file to another (MkDocs checks both ends)."""
    target = "../" * from_doc.count("/") + to_doc
    return Md(f"{target}#{anchor}" if anchor else target)


def entry_md(entry: CellEntry, cites: Md = NO_CITES) -> Md:
    """One entry as a Markdown line: bold label (linked for tools), text, citations."""
    text = md_text(entry.text)
    if entry.url:
        return Md(f"**{md_link(md_text(entry.label), entry.url)}**: {text}{cites}")
    if entry.label:
        return Md(f"**{md_text(entry.label)}**: {text}{cites}")
    return Md(f"{text}{cites}")


def cell_md(cell: Cell, from_doc: str) -> Md:
    """A table cell: each entry links to its anchor on the discipline page; `<br>` between."""
    # Every page of one folder links a cell alike: a cell in many pair tables is made once.
    return _cell_md(cell.discipline.id, cell.entries, cell.is_list, from_doc.count("/"))


@lru_cache(maxsize=1 << 18)
def _cell_md(discipline_id: str, entries: tuple[CellEntry, ...], is_list: bool,
             depth: int) -> Md:
    page, up = urls.discipline_doc(discipline_id), "../" * depth
    parts = [Md(md_link(md_text(e.display), up + relative("", page, e.anchor)) + CELL_LINK)
             for e in entries]
    if not parts:
        return Md("&mdash;")
    bullet = "&bull;&nbsp;" if is_list else ""
    return Md("<br>".join(bullet + part for part in parts))


def table_lines(table: ComparisonTable, from_doc: str) -> list[Md]:
    """A comparison table as Markdown lines: caption, header, rule, one line per dimension."""
    header = [md_link(md_text(d.name), relative(from_doc, urls.discipline_doc(d.id)))
              for d in table.disciplines]
    caption = md_text(f"{_names(table)} compared, dimension by dimension")
    lines = [*caption_lines(caption),
             _table_line([Md("Dimension"), *header]), _table_line([Md("---")] * (len(header) + 1))]
    for row in table.rows:
        lines.append(_table_line([_row_label(row.dimension),
                                  *(cell_md(cell, from_doc) for cell in row.cells)]))
    return lines


@lru_cache(maxsize=64)
def _row_label(dimension: Dimension) -> Md:
    return Md(f'<span id="{dimension.anchor}" '  # rows are linkable: /compare/#scope
              f'title="{md_attr(dimension.description)}">**{md_text(dimension.label)}**</span>')


def _names(table: ComparisonTable) -> str:
    """'DevOps, DataOps and MLOps'."""
    names = [d.name for d in table.disciplines]
    return f"{', '.join(names[:-1])} and {names[-1]}" if len(names) > 1 else "".join(names)


def _table_line(cells: list[Md]) -> Md:
    return Md("| " + " | ".join(cells) + " |")


def relation_md(atlas: Atlas, discipline: Discipline, from_doc: str,
                only_target: str = "") -> Iterator[Md]:
    """'MLOps applies DevOps: ...' lines for a discipline's `builds_on` (or one target's)."""
    for entry in discipline.builds_on:
        if only_target and entry.target != only_target:
            continue
        target = atlas.discipline(entry.target)
        verb = RELATION_LABELS[entry.relation].lower()
        link = md_link(md_text(target.name), relative(from_doc, urls.discipline_doc(target.id)))
        yield Md(f"**{md_text(discipline.name)}** {verb} {link}: {md_text(entry.text)}")
