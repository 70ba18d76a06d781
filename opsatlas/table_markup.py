"""Accessible tables from Markdown: a caption and header scopes (a Python-Markdown extension).

Python-Markdown's tables have neither captions nor `scope`. A generated page asks for a caption
by putting a paragraph with the class `atlas-caption` (attr_list) right before its table; this
treeprocessor moves that paragraph into the table as its `<caption>`, marks the header row's
cells `scope="col"` and turns the first cell of each body row into a `scope="row"` header
(every table on the site is keyed by its first column). Cells stay Markdown, so MkDocs still
checks every link in them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markdown import Markdown  # type: ignore[import-untyped]  # no type hints shipped
from markdown.extensions import Extension  # type: ignore[import-untyped]
from markdown.treeprocessors import Treeprocessor  # type: ignore[import-untyped]

from .markdown_text import CAPTION_CLASS


class TableMarkup(Treeprocessor):  # type: ignore[misc]
    """Adds captions and header scopes to every table in a page."""

    def run(self, root: ET.Element) -> None:
        for parent in list(root.iter()):
            previous: ET.Element | None = None
            for child in list(parent):
                if child.tag == "table":
                    mark_up_table(child, previous if _is_caption(previous) else None, parent)
                previous = child


def mark_up_table(table: ET.Element, caption: ET.Element | None, parent: ET.Element) -> None:
    """Caption `table` with the paragraph `caption` (moved from `parent`) and scope its headers."""
    if caption is not None:
        parent.remove(caption)
        caption.tag = "caption"
        rest = [name for name in caption.get("class", "").split() if name != CAPTION_CLASS]
        caption.attrib.pop("class")
        if rest:
            caption.set("class", " ".join(rest))
        table.insert(0, caption)
    for cell in table.iterfind("thead/tr/th"):
        cell.set("scope", "col")
    for row in table.iterfind("tbody/tr"):
        first = row.find("*")
        if first is not None:
            first.tag = "th"
            first.set("scope", "row")


def _is_caption(element: ET.Element | None) -> bool:
    return (element is not None and element.tag == "p"
            and CAPTION_CLASS in element.get("class", "").split())


class TableMarkupExtension(Extension):  # type: ignore[misc]
    """Register with `markdown.Markdown(extensions=[TableMarkupExtension()])`."""

    def extendMarkdown(self, md: Markdown) -> None:
        # After attr_list (priority 8) has set the caption paragraph's class.
        md.treeprocessors.register(TableMarkup(md), "atlas_table_markup", 7)
