"""Private and quiet: every page type talks only to its own origin, logs no error, fails nothing.

Each page is used the way a visitor would use it (hover the links, search, switch the palette)
so that lazily loaded things (the search index and worker, prefetches) are exercised too.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.page_types import EMBED, NOT_FOUND, PAGE_TYPES, open_page


def use_like_a_visitor(page: Any, page_type: str) -> None:
    """Hover links, and on Material pages search and switch the palette."""
    for link in page.locator("article a[href]").all()[:10]:
        if link.is_visible():
            link.hover()
    if page_type == EMBED:
        return
    page.keyboard.press("/")
    page.keyboard.type("drift")
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    page.keyboard.press("Escape")
    page.locator("label[title^='Switch to']").locator("visible=true").click()
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_is_private_and_quiet(page: Any, base_url: str, page_type: str) -> None:
    errors: list[str] = []  # with where they come from, to tell the 404 page's own status
    bad: list[str] = []

    def on_console(message: Any) -> None:
        if message.type == "error":
            errors.append(f"{message.text} @ {message.location.get('url', '')}")

    def on_response(response: Any) -> None:
        if response.status >= 400:
            bad.append(f"{response.status} {response.url}")

    page.on("console", on_console)
    page.on("response", on_response)
    open_page(page, base_url, page_type)
    page.wait_for_load_state("networkidle")
    use_like_a_visitor(page, page_type)

    assert page.watch.foreign == []
    assert page.watch.failed == []
    own = [page.url] if page_type == NOT_FOUND else []  # the 404 document itself
    assert bad == [f"404 {url}" for url in own]
    assert errors == [f"Failed to load resource: the server responded with a status of 404 "
                      f"(Not Found) @ {url}" for url in own]
    assert page.watch.requests, "the page made no request at all: nothing was checked"
