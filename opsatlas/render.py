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
    """Renders pages with the page templates of `templates_dir`, compiled once, up front (so
    forked processes inherit them compiled)."""

    def __init__(self, templates_dir: Path) -> None:
        self._environment = markdown_environment(templates_dir)
        self._templates = {name: self._environment.get_template(name)
                           for name in self._environment.list_templates(extensions=["j2"])
                           if "/" not in name and not name.startswith("_")}

    def render(self, page: Page) -> str:
        """The page's Markdown text."""
        template = self._templates.get(page.template)
        if template is None:
            template = self._templates[page.template] = \
                self._environment.get_template(page.template)
        return template.render(page.values)


def render_pages(pages: list[Page], templates_dir: Path) -> dict[str, str]:
    """Docs-relative path -> Markdown text, for every page."""
    renderer = PageRenderer(templates_dir)
    return {page.path: renderer.render(page) for page in pages}
