"""Cells as (X)HTML elements, shared by the HTML fragment and Confluence storage format."""

from __future__ import annotations

from html import escape

from ..comparison import Cell
from .cells import lines


def text_html(text: str) -> str:
    """Plain text as escaped (X)HTML, `<br />` at its line breaks."""
    return "<br />".join(escape(line, quote=False) for line in lines(text))


def cell_html(cell: Cell, list_attrs: str = "", paragraph: bool = False) -> str:
    """A cell's content: a `<ul>` for list fields, else its text (in `<p>` when asked)."""
    texts = [text_html(entry.display) for entry in cell.entries]
    if cell.is_list:
        return f"<ul{list_attrs}>" + "".join(f"<li>{t}</li>" for t in texts) + "</ul>"
    body = "<br />".join(texts)
    return f"<p>{body}</p>" if paragraph and body else body
