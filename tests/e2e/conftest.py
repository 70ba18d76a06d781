"""Browser fixtures: the built site served on localhost, driven in Debian's Chromium."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.conftest import Project

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium phones home, which this sandbox refuses.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything under tests/e2e is a browser test (`make e2e`)."""
    for item in items:
        if "tests/e2e/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.e2e)


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static hosting like GitHub Pages: directory index pages and the site's own 404."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve_directory(directory: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve `directory` on a free localhost port; returns (base URL, server)."""
    handler = functools.partial(_SiteHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@pytest.fixture(scope="session")
def base_url(built_site: Project) -> Iterator[str]:
    """Root URL of the real site, served from its build."""
    url, server = serve_directory(built_site.site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, driven by Playwright (its own browser download is unavailable)."""
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's package "
                    "(`apt-get install chromium`); Playwright's download is not used.",
                    pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class PageWatch:
    """What a page did besides rendering: requests, failures, console errors."""

    origin: str
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    @property
    def foreign(self) -> list[str]:
        """Requests to any host but the site's own."""
        return [u for u in self.requests if _origin(u) != self.origin
                and not u.startswith(("data:", "blob:", "about:"))]


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    """A fresh browser page; `page.watch` records requests and console errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield watched(context.new_page(), base_url)
    context.close()


def watched(tab: Any, site_url: str) -> Any:
    """`tab`, with `tab.watch` recording its requests, failures and console errors."""
    watch = PageWatch(_origin(site_url))
    tab.on("request", lambda r: watch.requests.append(r.url))
    tab.on("requestfailed", lambda r: watch.failed.append(f"{r.url} {r.failure}"))
    tab.on("console", lambda m: m.type == "error" and watch.console_errors.append(m.text))
    tab.watch = watch
    return tab
