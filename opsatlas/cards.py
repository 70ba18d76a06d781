"""Per-page social cards (1200x630 PNG) for link previews (filled in by the links work)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Atlas
    from .publish import Published
    from .site_config import SiteConfig


def publish_cards(atlas: Atlas, site: SiteConfig, published: Published) -> None:
    """Add one PNG card per page."""
