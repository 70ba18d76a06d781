"""Files published beside the pages: exports, the embed view, social cards, redirects."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .cards import publish_cards
from .comparison import ComparisonTable
from .embed import publish_embed
from .exports.publish import publish_exports
from .model import Atlas
from .redirects import build_redirects
from .site_config import SiteConfig


@dataclass
class Published:
    """Docs-relative path -> bytes, plus the redirect map for mkdocs-redirects."""

    files: dict[str, bytes] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)

    def add(self, path: str, data: bytes) -> None:
        """Add one file; the same path twice is a bug, not a silent overwrite."""
        if path in self.files:
            raise ValueError(f"two outputs claim {path}")
        self.files[path] = data


def publish_files(atlas: Atlas, table: ComparisonTable, site: SiteConfig,
                  templates_dir: Path) -> Published:
    """Every non-page output of the site."""
    published = Published()
    publish_exports(atlas, table, site, published)
    publish_embed(atlas, table, site, templates_dir, published)
    publish_cards(atlas, site, published)
    published.redirects.update(build_redirects(atlas))
    return published
