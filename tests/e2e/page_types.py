"""The site's page types, one URL each: what the browser quality gates visit."""

from __future__ import annotations

from typing import Any

PAGE_TYPES = {
    "home": "",
    "disciplines": "disciplines/",
    "discipline": "disciplines/mlops/",
    "compare": "compare/",
    "pair": "compare/devops-vs-mlops/",
    "glossary": "glossary/",
    "embed": "embed/compare/",
    "404": "no-such-page/",
}
"""Page type -> site-relative URL. The 404 type is any missing URL (served with 404.html)."""

NOT_FOUND = "404"
EMBED = "embed"
"""The embed view is a bare page for iframes: no Material header, so no palette toggle."""


def open_page(page: Any, base_url: str, page_type: str) -> Any:
    """Go to the page type's URL and check it is served as that type (200, or 404)."""
    response = page.goto(base_url + PAGE_TYPES[page_type], wait_until="load")
    expected = 404 if page_type == NOT_FOUND else 200
    assert response is not None and response.status == expected, (
        f"/{PAGE_TYPES[page_type]} answered {response and response.status}, expected "
        f"{expected}: is the {page_type} page built?")
    return response
