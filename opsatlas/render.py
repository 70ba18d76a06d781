"""Render pages through the Jinja templates in templates/: strict, and Markdown-safe."""

from __future__ import annotations

from pathlib import Path

import jinja2

from .markdown_text import require_md
from .views import Page


def markdown_environment(templates_dir: Path) -> jinja2.Environment:
    """Jinja for Markdown output: undefined names fail, and raw text cannot be printed."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir), undefined=jinja2.StrictUndefined,
        finalize=require_md, autoescape=False, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True, auto_reload=False)  # one run: no stat per page rendered


def render_pages(pages: list[Page], templates_dir: Path) -> dict[str, str]:
    """Docs-relative path -> Markdown text, for every page."""
    environment = markdown_environment(templates_dir)
    templates = {name: environment.get_template(name) for name in {p.template for p in pages}}
    return {page.path: templates[page.template].render(page.values) for page in pages}
