"""The embeddable comparison view at /embed/compare/ (filled in by the embed work)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .comparison import ComparisonTable
    from .model import Atlas
    from .publish import Published
    from .site_config import SiteConfig


def publish_embed(atlas: Atlas, table: ComparisonTable, site: SiteConfig, templates_dir: Path,
                  published: Published) -> None:
    """Add embed/compare/index.html and its assets."""
