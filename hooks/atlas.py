"""MkDocs glue: regenerate pages before each build, set the sidebar, watch content/.

All logic lives in the `opsatlas` package; these hooks only connect it to MkDocs, so
`mkdocs serve` rebuilds when a record or template changes.
"""

from __future__ import annotations

import calendar
import os
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402

from opsatlas.cards import HEIGHT, WIDTH, card_path  # noqa: E402
from opsatlas.exports.site_files import serve_raw_markdown  # noqa: E402
from opsatlas.freshness import project_inputs, remembered  # noqa: E402
from opsatlas.generate import generate_stamped  # noqa: E402
from opsatlas.not_found import not_found_links  # noqa: E402
from opsatlas.problems import ContentError  # noqa: E402
from opsatlas.site_config import load_site_config  # noqa: E402
from opsatlas.table_markup import TableMarkupExtension  # noqa: E402

CONTENT = ROOT / "content"
TEMPLATES = ROOT / "templates"


def on_config(config: Any) -> Any:
    """Generate the docs tree (skipped when nothing changed since the last run), use its sidebar."""
    config_file = Path(config.config_file_path)
    inputs = project_inputs(ROOT, Path(config.docs_dir), content=CONTENT, config=config_file)
    result = remembered(inputs)  # same stamp as build_pages.py: `make site` generates once
    if result is None:
        try:
            result = generate_stamped(inputs, load_site_config(config_file)).report
        except ContentError as err:
            raise PluginError(f"content has problems:\n{err.report()}") from None
    config.nav = result.nav
    # Glossary tooltips: the abbr extension marks every spelling on every page.
    config.mdx_configs.setdefault("abbr", {})["glossary"] = result.abbreviations
    # Table captions and header scopes (Python-Markdown's tables have neither).
    config.markdown_extensions.append(TableMarkupExtension())
    if "redirects" in config.plugins:
        config.plugins["redirects"].config["redirect_maps"] = result.redirects
    # The sitemap's <lastmod> is the build date: pin it to the content's date.
    day = time.strptime(result.updated, "%Y-%m-%d")
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(calendar.timegm(day)))
    return config


def on_files(files: Any, config: Any) -> Any:
    """Markdown exports are served raw at /exports/*.md, not rendered as pages."""
    return serve_raw_markdown(files)


def on_page_markdown(markdown: str, page: Any, config: Any, **_: Any) -> str:
    """'Edit this page' opens the YAML record a page is made from, not generated Markdown."""
    edit_path = page.meta.get("edit_path")
    base = config.extra.get("edit_base", "")
    page.edit_url = f"{base}{edit_path}" if edit_path and base else None
    return markdown


def on_env(env: Any, config: Any, files: Any) -> Any:
    """Templates get each page's preview card and the 404 page its links (titles are read)."""
    env.filters["card_path"] = lambda url: _own_card_or_home(url, files)
    env.globals["card_size"] = (WIDTH, HEIGHT)
    env.globals["not_found"] = not_found_links(
        ((f.src_uri, f.url, f.page.title) for f in files.documentation_pages() if f.page),
        root=urlsplit(config.site_url or "/").path or "/")
    return env


def _own_card_or_home(url: str, files: Any) -> str:
    """The page's own card; the home page's where the site is too big for one each (scale.py)."""
    own = card_path(url)
    return own if files.get_file_from_path(own) else card_path("")


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """Rebuild when content or templates change; the rebuild regenerates the pages."""
    server.watch(str(CONTENT))
    server.watch(str(TEMPLATES))
    return server
