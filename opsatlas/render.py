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


class PageRenderer:
    """Renders pages with the templates of `templates_dir`. Its own templates (not those of
    its subfolders) are compiled up front into Jinja's cache, so forked processes inherit them."""

    def __init__(self, templates_dir: Path) -> None:
        self._environment = markdown_environment(templates_dir)
        for name in self._environment.list_templates(extensions=["j2"]):
            if "/" not in name:
                self._environment.get_template(name)

    def render(self, page: Page) -> str:
        """The page's Markdown text."""
        return self._environment.get_template(page.template).render(page.values)
