"""Publish every export format under /exports/ (filled in by the exports work)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..comparison import ComparisonTable
    from ..model import Atlas
    from ..publish import Published
    from ..site_config import SiteConfig


def publish_exports(atlas: Atlas, table: ComparisonTable, site: SiteConfig,
                    published: Published) -> None:
    """Add /exports/comparison.<ext>, /exports/<a>-vs-<b>.<ext> and the JSON Schema."""
