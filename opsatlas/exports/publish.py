"""Publish every export format under /exports/: the full matrix, each pair, the schema."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .. import urls
from ..content import ContentPaths
from ..scale import export_pairs, matrix_disciplines
from .attribution import build_attribution
from .registry import FORMATS

if TYPE_CHECKING:
    from ..comparison import ComparisonTable
    from ..model import Atlas
    from ..publish import Published
    from ..site_config import SiteConfig

FULL_STEM = "comparison"
"""/exports/comparison.<ext> holds the matrix of /compare/ (all of it, or its first columns)."""
SCHEMA_NAME = "comparison-export"
"""content/schema/comparison-export.schema.json, published as the file below."""
SCHEMA_FILE = f"{urls.EXPORTS_DIR}comparison.schema.json"
RAW_SUFFIX = ".txt"
"""Appended to Markdown exports in docs/ so MkDocs does not render them as pages; the
hook (`serve_raw_markdown`) publishes them under their real name."""


def export_path(stem: str, extension: str) -> str:
    """Docs-relative path of one export file (Markdown ones carry RAW_SUFFIX)."""
    path = f"{urls.EXPORTS_DIR}{stem}.{extension}"
    return path + RAW_SUFFIX if extension == FORMATS["md"].extension else path


def publish_exports(atlas: Atlas, table: ComparisonTable, site: SiteConfig,
                    published: Published) -> None:
    """Add /exports/comparison.<ext>, /exports/<a>-vs-<b>.<ext> and the JSON Schema."""
    shown = matrix_disciplines(atlas)  # many disciplines: the columns /compare/ shows
    full = table if len(shown) == len(table.disciplines) else table.subset([d.id for d in shown])
    tables = {FULL_STEM: full, **{urls.pair_slug(a, b): table.subset([a, b])
                                  for a, b in export_pairs(atlas)}}  # see scale.py
    for stem, part in tables.items():
        attribution = build_attribution(part, atlas.info, site)
        if part is full and full is not table:
            attribution = replace(attribution, scope=full_scope(len(shown), len(table.disciplines)))
        for export in FORMATS.values():
            published.add(export_path(stem, export.extension),
                          export.export(part, attribution).encode("utf-8"))
    schema = ContentPaths(site.root / "content").schema(SCHEMA_NAME)
    published.add(SCHEMA_FILE, schema.read_bytes())


def full_scope(shown: int, total: int) -> str:
    """What the published full-table export of a cut matrix says it leaves out."""
    return f"only the first {shown} of the {total:,} disciplines (the page has the rest)"
