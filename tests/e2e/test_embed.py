"""The embed view in Chromium, inside an <iframe> on a page served from another origin."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.conftest import serve_directory

SITE_URL = "https://ops-atlas.github.io/"
NAMES = ["DevOps", "DataOps", "AIOps", "MLOps", "LLMOps"]
HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A team wiki</title>
<link rel="icon" href="data:,">
<script>
window.received = [];
addEventListener("message", function (event) {
  window.received.push({origin: event.origin, data: event.data});
});
</script></head>
<body><h1>Our wiki</h1>
<iframe id="embed" title="Ops Atlas comparison" width="1000" height="300"></iframe>
<script>document.getElementById("embed").src = "EMBED" + location.search;</script>
</body></html>
"""


@pytest.fixture(scope="module")
def host_url(base_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A wiki page on a second origin that embeds /embed/compare/ with its own query string."""
    folder = tmp_path_factory.mktemp("host")
    page = HOST_PAGE.replace("EMBED", f"{base_url}embed/compare/")
    (folder / "wiki.html").write_text(page, encoding="utf-8")
    url, server = serve_directory(folder)
    assert url != base_url
    yield f"{url}wiki.html"
    server.shutdown()


def _open(page: Any, host_url: str, query: str = "") -> Any:
    """Load the host page; returns the embed's frame once its script has run."""
    page.goto(host_url + query)
    frame = page.frame_locator("#embed")
    frame.locator("#atlas-table caption").wait_for(state="attached")
    page.wait_for_function("window.received.length > 0")
    return frame


def _visible(frame: Any, selector: str) -> list[str]:
    return [" ".join(t.split()) for t in frame.locator(f"{selector} >> visible=true")
            .all_inner_texts()]


def test_renders_the_full_table(page: Any, host_url: str) -> None:
    frame = _open(page, host_url)
    assert _visible(frame, "thead th") == ["Dimension", *NAMES]
    assert len(_visible(frame, "tbody th")) == 12
    assert _visible(frame, "caption") == [f"Ops Atlas: {', '.join(NAMES)} compared"]
    assert "version 2026.11" in _visible(frame, ".attribution")[0]
    assert page.watch.console_errors == []  # includes Content-Security-Policy violations


@pytest.mark.parametrize(("query", "columns", "rows"), [
    ("?disciplines=mlops,devops", ["DevOps", "MLOps"], None),
    ("?dimensions=tools,scope", NAMES, ["Scope", "Representative tools"]),
    ("?disciplines=llmops&dimensions=emerged", ["LLMOps"], ["Emerged"]),
    ("?disciplines=DevOps,%20AIOps,&dimensions=", ["DevOps", "AIOps"], None),
])
def test_query_string_filters_in_content_order(page: Any, host_url: str, query: str,
                                               columns: list[str],
                                               rows: list[str] | None) -> None:
    frame = _open(page, host_url, query)
    assert _visible(frame, "thead th") == ["Dimension", *columns]
    visible_rows = _visible(frame, "tbody th")
    assert visible_rows == rows if rows else len(visible_rows) == 12
    for row in range(len(visible_rows)):
        cells = frame.locator("tbody tr >> visible=true").nth(row).locator("td >> visible=true")
        assert cells.count() == len(columns)
    assert _visible(frame, "caption") == [f"Ops Atlas: {', '.join(columns)} compared"]


@pytest.mark.parametrize(("query", "unknown", "valid"), [
    ("?disciplines=devops,finops", '"finops"',
     "devops (DevOps), dataops (DataOps), aiops (AIOps), mlops (MLOps), llmops (LLMOps)"),
    ("?dimensions=scope,price", '"price"', "full_name (Stands for), summary (In one sentence)"),
])
def test_unknown_id_shows_the_valid_ids(page: Any, host_url: str, query: str, unknown: str,
                                        valid: str) -> None:
    frame = _open(page, host_url, query)
    message = frame.get_by_role("alert")
    assert message.is_visible()
    text = message.inner_text()
    assert f"id {unknown} in {query}." in text
    assert valid in text
    assert not frame.locator("#atlas-table").is_visible()


def test_posts_its_height_on_load_and_on_resize(page: Any, host_url: str,
                                                base_url: str) -> None:
    frame = _open(page, host_url, "?disciplines=devops,mlops")
    first = page.evaluate("window.received[0]")
    assert first["origin"] == base_url.rstrip("/")
    assert first["data"]["type"] == "ops-atlas:height"
    height = frame.locator("html").evaluate("e => e.getBoundingClientRect().height")
    assert abs(first["data"]["height"] - height) <= 1 and height > 1000
    page.evaluate("document.getElementById('embed').width = 500")
    page.wait_for_function("window.received.length > 1")
    narrower = page.evaluate("window.received[window.received.length - 1].data.height")
    assert narrower > first["data"]["height"]  # the table wraps, so it grows


@pytest.mark.parametrize(("scheme", "background"), [("light", "rgb(255, 255, 255)"),
                                                    ("dark", "rgb(30, 33, 41)")])
def test_follows_the_color_scheme(page: Any, host_url: str, scheme: str,
                                  background: str) -> None:
    page.emulate_media(color_scheme=scheme)
    frame = _open(page, host_url)
    color = frame.locator("html").evaluate("e => getComputedStyle(e).backgroundColor")
    assert color == background


def test_links_open_canonical_pages_in_the_top_window(page: Any, host_url: str) -> None:
    frame = _open(page, host_url)
    links = frame.locator("a")
    targets = links.evaluate_all("links => links.map(a => [a.target, a.href])")
    assert {target for target, _ in targets} == {"_top"}
    assert all(href.startswith(SITE_URL) for _, href in targets)
    page.route(f"{SITE_URL}**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<title>MLOps page</title>"))
    frame.get_by_role("link", name="MLOps", exact=True).click()
    page.wait_for_url(f"{SITE_URL}disciplines/mlops/")
    assert page.title() == "MLOps page"


def test_loads_only_its_own_origin_and_under_30_kb(page: Any, host_url: str,
                                                   base_url: str) -> None:
    sizes: dict[str, int] = {}

    def record(request: Any) -> None:
        transferred = request.sizes()
        sizes[request.url] = transferred["responseHeadersSize"] + \
            transferred["responseBodySize"]

    page.on("requestfinished", record)
    _open(page, host_url, "?disciplines=devops,mlops")
    page.wait_for_load_state("networkidle")
    embed = [u for u in page.watch.requests if u.startswith(base_url)]
    others = [u for u in page.watch.requests if not u.startswith(base_url)]
    # The host page itself; then the embed, which fetches nothing else.
    assert others == [f"{host_url}?disciplines=devops,mlops"]
    assert embed == [f"{base_url}embed/compare/?disciplines=devops,mlops"]
    total = sum(sizes[u] for u in embed)
    assert 10_000 < total < 30_000, f"{total} bytes transferred"


def test_works_without_javascript(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{base_url}embed/compare/?disciplines=devops")
        assert page.locator("thead th >> visible=true").count() == 6  # no filter, full table
        assert page.locator("tbody tr >> visible=true").count() == 12
    finally:
        context.close()
