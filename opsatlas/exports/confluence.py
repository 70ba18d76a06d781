"""Confluence storage format: one XHTML `<table>`, the credit in a footnote row."""

from __future__ import annotations

from html import escape

from ..comparison import ComparisonTable
from .attribution import Attribution
from .cells import header
from .markup_cells import cell_html, text_html

NAMESPACES = {"ac": "http://atlassian.com/content",
              "ri": "http://atlassian.com/resource/identifier"}
"""The prefixes of storage format, declared so the file is namespace-well-formed XML."""


def to_confluence(table: ComparisonTable, attribution: Attribution) -> str:
    """The table as storage-format XHTML (paste into the source editor or send by REST)."""
    declared = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES.items())
    out = [f'<table {declared} data-layout="default">', "<tbody>"]
    out.append("<tr>" + "".join(f"<th><p>{text_html(n)}</p></th>" for n in header(table))
               + "</tr>")
    for row in table.rows:
        cells = "".join(f"<td>{cell_html(cell, paragraph=True)}</td>" for cell in row.cells)
        out.append(f"<tr><th><p>{text_html(row.dimension.label)}</p></th>{cells}</tr>")
    link = f'<a href="{escape(attribution.url)}">{text_html(attribution.site_name)}</a>'
    out.append(f'<tr><td colspan="{len(table.disciplines) + 1}"><p><em>Source: {link}, '
               f"{text_html(attribution.edition)}.</em></p></td></tr>")
    out += ["</tbody>", "</table>", ""]
    return "\n".join(out)
