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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402

from opsatlas.generate import generate  # noqa: E402
from opsatlas.problems import ContentError  # noqa: E402
from opsatlas.site_config import load_site_config  # noqa: E402

CONTENT = ROOT / "content"
TEMPLATES = ROOT / "templates"


def on_config(config: Any) -> Any:
    """Generate the docs tree (a no-op when nothing changed) and use its sidebar."""
    try:
        site = load_site_config(Path(config.config_file_path))
        result = generate(CONTENT, Path(config.docs_dir), TEMPLATES, site)
    except ContentError as err:
        raise PluginError(f"content has problems:\n{err.report()}") from None
    config.nav = result.nav
    if "redirects" in config.plugins:
        config.plugins["redirects"].config["redirect_maps"] = result.redirects
    # The sitemap's <lastmod> is the build date: pin it to the content's date.
    day = time.strptime(result.updated, "%Y-%m-%d")
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(calendar.timegm(day)))
    return config


def on_page_markdown(markdown: str, page: Any, config: Any, **_: Any) -> str:
    """'Edit this page' opens the YAML record a page is made from, not generated Markdown."""
    edit_path = page.meta.get("edit_path")
    base = config.extra.get("edit_base", "")
    page.edit_url = f"{base}{edit_path}" if edit_path and base else None
    return markdown


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """Rebuild when content or templates change; the rebuild regenerates the pages."""
    server.watch(str(CONTENT))
    server.watch(str(TEMPLATES))
    return server
