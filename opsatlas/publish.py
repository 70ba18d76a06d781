"""Files published beside the pages: exports, the embed view, social cards, redirects."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .abbreviations import publish_abbreviations
from .cards import publish_cards
from .comparison import ComparisonTable
from .embed import publish_embed
from .exports.publish import publish_exports
from .model import Atlas
from .redirects import build_redirects
from .scale import own_card
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
                  templates_dir: Path, *, pages: Mapping[str, str]) -> Published:
    """Every non-page output of the site; `pages` is the rendered Markdown by docs path."""
    published = Published()
    publish_exports(atlas, table, site, published)
    publish_embed(atlas, table, site, templates_dir, published)
    publish_cards({doc: text for doc, text in pages.items() if own_card(doc, len(pages))},
                  site, published)  # many pages: only section fronts (see scale.py)
    publish_abbreviations(atlas, published)
    published.redirects.update(build_redirects(atlas))
    return published
