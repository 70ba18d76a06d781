"""The generator's recipe: load -> validate -> model -> view -> render -> write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .comparison import build_comparison
from .content import load_atlas
from .output import TreeChanges, plan_tree, write_tree
from .pages import build_pages, nav
from .publish import publish_files
from .render import render_pages
from .site_config import SiteConfig


@dataclass(frozen=True)
class Generated:
    """What a run produced: the docs tree's changes and what MkDocs needs from it."""

    changes: TreeChanges
    nav: list[object]
    updated: str
    """The content's date (YYYY-MM-DD): stamps the sitemap so builds are reproducible."""
    redirects: dict[str, str]
    """mkdocs-redirects map: old docs path -> docs path it now lives at."""


def generate(content_dir: Path, docs_dir: Path, templates_dir: Path, site: SiteConfig, *,
             check: bool = False) -> Generated:
    """Build every page and file from `content_dir` into `docs_dir` (or only compare)."""
    atlas = load_atlas(content_dir)  # raises ContentError before anything is written
    table = build_comparison(atlas)
    pages = build_pages(atlas, table)
    rendered = render_pages(pages, templates_dir)
    outputs = {path: text.encode("utf-8") for path, text in rendered.items()}
    published = publish_files(atlas, table, site, templates_dir)
    outputs.update(published.files)  # exports, embed view, cards: never a page's path
    changes = plan_tree(docs_dir, outputs) if check else write_tree(docs_dir, outputs)
    return Generated(changes, nav(atlas), atlas.info.updated, published.redirects)
