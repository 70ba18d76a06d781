"""An HTML fragment: one `<table>` with inline styles, no script, no external CSS."""

from __future__ import annotations

from html import escape

from ..comparison import ComparisonTable
from .attribution import Attribution
from .cells import header
from .markup_cells import cell_html, text_html

# Colours that read on light and dark hosts alike: text colour is inherited.
_TABLE = "border-collapse:collapse;font-size:14px;line-height:1.4"
_CELL = "border:1px solid #8c959f;padding:6px 8px;vertical-align:top;text-align:left"
_HEAD = _CELL + ";background:rgba(127,127,127,0.15)"
_CAPTION = "caption-side:bottom;text-align:left;font-size:12px;padding-top:4px"
_LIST = ' style="margin:0;padding-left:1.2em"'


def to_html(table: ComparisonTable, attribution: Attribution) -> str:
    """The table as a self-contained HTML fragment, credit in its caption."""
    link = f'<a href="{escape(attribution.url)}">{text_html(attribution.site_name)}</a>'
    out = [f'<table style="{_TABLE}">',
           f'<caption style="{_CAPTION}">Source: {link}, {text_html(attribution.edition)}.'
           "</caption>", "<thead>", "<tr>"]
    out += [f'<th scope="col" style="{_HEAD}">{text_html(name)}</th>' for name in header(table)]
    out += ["</tr>", "</thead>", "<tbody>"]
    for row in table.rows:
        out.append(f'<tr><th scope="row" style="{_HEAD}">{text_html(row.dimension.label)}</th>')
        out += [f'<td style="{_CELL}">{cell_html(cell, _LIST)}</td>' for cell in row.cells]
        out.append("</tr>")
    out += ["</tbody>", "</table>", ""]
    return "\n".join(out)
