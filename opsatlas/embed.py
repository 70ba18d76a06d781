"""The embeddable comparison view at /embed/compare/: the table alone, made for an <iframe>.

One self-contained HTML file: the full table rendered server-side (it works without script),
inline CSS and JS allowed by a hash-pinned Content-Security-Policy, and a small JSON index of
the discipline and dimension ids that the script uses to filter by query string. Cell text lives
only in the table, so the page stays small (every byte counts inside someone else's wiki).
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from . import urls

if TYPE_CHECKING:
    from .comparison import ComparisonTable
    from .model import Atlas
    from .publish import Published
    from .site_config import SiteConfig

TEMPLATE = "compare.html.j2"
HEIGHT_MESSAGE = "ops-atlas:height"
"""`type` of the postMessage the view sends its parent: `{type, height}` in CSS pixels."""
SNIPPET_HEIGHT = 640
"""The iframe's height before the first message arrives (or where scripts are stripped)."""


class Link(NamedTuple):
    """A header cell's text and target (attributes, not keys: Jinja reads them faster)."""

    name: str
    url: str


def publish_embed(atlas: Atlas, table: ComparisonTable, site: SiteConfig, templates_dir: Path,
                  published: Published) -> None:
    """Add embed/compare/index.html (MkDocs copies .html files under docs/ verbatim)."""
    page = render_embed(atlas, table, site, templates_dir / "embed")
    published.add(urls.EMBED_COMPARE_FILE, page.encode("utf-8"))


def render_embed(atlas: Atlas, table: ComparisonTable, site: SiteConfig,
                 embed_templates: Path) -> str:
    """The embed page's HTML for `table`."""
    environment = html_environment(embed_templates)
    style = _asset(embed_templates / "embed.css")
    script = _asset(embed_templates / "embed.js")
    # Hash-pinned: nothing but these two inline blocks may run or style, nothing is fetched.
    csp = Markup(f"default-src 'none'; style-src '{_sha256(style)}'; "
                 f"script-src '{_sha256(script)}'; img-src data:; base-uri 'none'; "
                 "form-action 'none'")
    return environment.get_template(TEMPLATE).render(
        title=f"{site.site_name}: compare the disciplines", caption=caption(site, table),
        csp=csp, style=Markup(style), script=Markup(script), site_name=site.site_name,
        compare_url=site.site_url + urls.COMPARE_URL, version=atlas.info.version,
        updated=atlas.info.updated, data=script_json(embed_index(site, table)),
        columns=[Link(d.name, site.site_url + urls.discipline_url(d.id))
                 for d in table.disciplines],
        rows=[{"label": row.dimension.label, "description": row.dimension.description,
               "url": f"{site.site_url}{urls.COMPARE_URL}#{row.dimension.anchor}",
               "cells": row.cells} for row in table.rows])  # model cells: no copy per cell


def html_environment(templates_dir: Path) -> jinja2.Environment:
    """Jinja for HTML output: undefined names fail and every printed value is escaped."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir), undefined=jinja2.StrictUndefined,
        autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def caption(site: SiteConfig, table: ComparisonTable) -> str:
    """`Ops Atlas: DevOps, MLOps compared` (the script rewrites it the same way when filtering)."""
    return f"{site.site_name}: {', '.join(d.name for d in table.disciplines)} compared"


def embed_index(site: SiteConfig, table: ComparisonTable) -> dict[str, object]:
    """What the script needs: the ids a query string may name, in content order."""
    return {"site": site.site_name,
            "disciplines": [{"id": d.id, "name": d.name} for d in table.disciplines],
            "dimensions": [{"id": r.dimension.key, "name": r.dimension.label}
                           for r in table.rows]}


def script_json(value: object) -> Markup:
    """JSON for a `<script type="application/json">`: no `<`, `>` or `&` can end the element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return Markup(text)


def iframe_snippet(site: SiteConfig, query: str = "") -> str:
    """The HTML a host page pastes: the iframe, and a script that fits it to its content."""
    parts = urlsplit(site.site_url)
    return (f'<iframe src="{site.site_url}{urls.EMBED_COMPARE_URL}{query}" '
            f'title="{site.site_name}: the Ops disciplines compared" width="100%" '
            f'height="{SNIPPET_HEIGHT}" style="border:0" loading="lazy"></iframe>\n'
            "<script>\n"
            'addEventListener("message", function (event) {\n'
            f'  if (event.origin !== "{parts.scheme}://{parts.netloc}" || !event.data || '
            f'event.data.type !== "{HEIGHT_MESSAGE}") return;\n'
            '  document.querySelectorAll("iframe").forEach(function (frame) {\n'
            "    if (frame.contentWindow === event.source) frame.height = event.data.height;\n"
            "  });\n"
            "});\n"
            "</script>\n")


def _asset(path: Path) -> str:
    """CSS or JS without indentation or blank lines (neither language needs them)."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return "\n".join(line for line in lines if line)


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")
