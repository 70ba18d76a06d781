"""The generator's recipe: load -> validate -> model -> view -> render -> write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .comparison import build_comparison
from .content import load_atlas
from .freshness import BuildInputs, Remembered, fingerprint_inputs, write_stamp
from .output import TreeChanges, plan_tree, write_tree
from .pages import build_pages, nav
from .publish import publish_files
from .render import render_pages
from .site_config import SiteConfig


@dataclass(frozen=True)
class Generated:
    """What a run produced: the docs tree's changes and what MkDocs needs from it."""

    changes: TreeChanges
    report: Remembered
    """Sidebar, content date and redirects for MkDocs (kept in the stamp for no-op runs)."""


def generate(content_dir: Path, docs_dir: Path, templates_dir: Path, site: SiteConfig, *,
             check: bool = False) -> Generated:
    """Build every page and file from `content_dir` into `docs_dir` (or only compare)."""
    atlas = load_atlas(content_dir)  # raises ContentError before anything is written
    table = build_comparison(atlas)
    pages = build_pages(atlas, table, site)
    rendered = render_pages(pages, templates_dir)
    outputs = {path: text.encode("utf-8") for path, text in rendered.items()}
    published = publish_files(atlas, table, site, templates_dir, pages=rendered)
    outputs.update(published.files)  # exports, embed view, cards: never a page's path
    changes = plan_tree(docs_dir, outputs) if check else write_tree(docs_dir, outputs)
    return Generated(changes, Remembered(changes.total, nav(atlas), atlas.info.updated,
                                         published.redirects))


def generate_stamped(inputs: BuildInputs, site: SiteConfig) -> Generated:
    """generate(), then stamp the docs directory so that the same run again is a no-op."""
    before = fingerprint_inputs(inputs)  # before reading: an edit during the run is seen next
    result = generate(inputs.content, inputs.docs, inputs.templates, site)
    write_stamp(inputs, before, result.report)
    return result
