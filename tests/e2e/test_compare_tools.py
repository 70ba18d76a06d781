"""The export and embed tools on /compare/, used the way a reader would, in Chromium."""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

EXTENSIONS = [".md", ".mediawiki", ".confluence.xml", ".jira.txt", ".html", ".adoc", ".rst",
              ".csv", ".json", ".svg"]
EMBED = "https://ops-atlas.github.io/embed/compare/"
OTHERS = ["dataops", "aiops", "llmops"]
"""Unchecking these leaves the pair DevOps and MLOps."""


@pytest.fixture
def tools(browser: Any, base_url: str) -> Iterator[Any]:
    """/compare/ scrolled to its tools, in a context allowed to use the clipboard."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{base_url}compare/#take-it-with-you")
    page.requests = requests
    yield page
    context.close()


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url) as response:  # the local test server
        return response.status, response.read().decode("utf-8")


def _rows(page: Any) -> Any:
    return page.locator(".atlas-formats tbody tr")


def _pick_pair(page: Any) -> None:
    for discipline in OTHERS:
        page.get_by_role("checkbox", name={"dataops": "DataOps", "aiops": "AIOps",
                                           "llmops": "LLMOps"}[discipline]).uncheck()


def test_every_format_has_a_download_link_to_a_file(tools: Any, base_url: str) -> None:
    links = tools.locator("a.atlas-download")
    hrefs = links.evaluate_all("links => links.map(a => a.href)")
    assert hrefs == [f"{base_url}exports/comparison{ext}" for ext in EXTENSIONS]
    assert links.evaluate_all("links => links.every(a => a.hasAttribute('download'))")
    for href in hrefs:
        assert _get(href)[0] == 200, href
    schema = tools.get_by_role("link", name="comparison.schema.json")
    assert _get(schema.evaluate("a => a.href"))[0] == 200
    assert [u for u in tools.requests if not u.startswith(base_url)] == []


@pytest.mark.parametrize("extension", EXTENSIONS)
def test_copy_button_puts_the_export_on_the_clipboard(tools: Any, base_url: str,
                                                      extension: str) -> None:
    row = _rows(tools).nth(EXTENSIONS.index(extension))
    format_name = row.locator("th").evaluate("th => th.firstChild.textContent.trim()")
    button = row.get_by_role("button", name=f"Copy {format_name}", exact=True)
    button.focus()  # a keyboard user's way in
    tools.keyboard.press("Enter")
    status = tools.locator("#atlas-export [role=status]")
    expected = f"Copied {format_name} (comparison{extension}) to the clipboard."
    tools.wait_for_function("text => document.querySelector('#atlas-export [role=status]')"
                            ".textContent === text", arg=expected)
    assert status.get_attribute("aria-live") == "polite"
    copied = tools.evaluate("navigator.clipboard.readText()")
    assert copied == _get(f"{base_url}exports/comparison{extension}")[1]


def test_picking_a_pair_switches_to_the_pair_files(tools: Any, base_url: str) -> None:
    _pick_pair(tools)
    hrefs = tools.locator("a.atlas-download").evaluate_all("links => links.map(a => a.href)")
    assert hrefs == [f"{base_url}exports/devops-vs-mlops{ext}" for ext in EXTENSIONS]
    for href in hrefs:
        assert _get(href)[0] == 200, href
    _rows(tools).first.get_by_role("button").click()
    tools.wait_for_function("document.querySelector('#atlas-export [role=status]')"
                            ".textContent.includes('devops-vs-mlops.md')")
    assert tools.evaluate("navigator.clipboard.readText()") == \
        _get(f"{base_url}exports/devops-vs-mlops.md")[1]


def test_picker_changes_the_embed_code_and_preview(tools: Any) -> None:
    snippet = tools.locator("#atlas-snippet")
    assert f'<iframe src="{EMBED}" ' in snippet.inner_text()
    _pick_pair(tools)
    tools.get_by_role("checkbox", name="Representative tools").uncheck()
    code = snippet.inner_text()
    dimensions = ("full_name,summary,primary_asset,emerged,builds_on,scope,use_cases,"
                  "limitations,practices,metrics,roles")
    assert f'<iframe src="{EMBED}?disciplines=devops,mlops&dimensions={dimensions}" ' in code
    tools.get_by_text("Preview the embedded view").click()
    preview = tools.frame_locator(".atlas-preview iframe")
    headers = preview.locator("thead th >> visible=true")
    headers.first.wait_for()
    assert headers.all_inner_texts() == ["Dimension", "DevOps", "MLOps"]
    assert preview.locator("tbody th >> visible=true").count() == 11
    tools.wait_for_function("document.querySelector('.atlas-preview iframe').height > 1000")


def test_subset_without_a_file_explains_the_command(tools: Any) -> None:
    tools.get_by_role("checkbox", name="AIOps").uncheck()
    note = tools.locator(".atlas-subset")
    assert note.is_visible()
    assert "python build_pages.py export --format FORMAT --disciplines " \
        "devops,dataops,mlops,llmops" in note.inner_text()
    assert _rows(tools).get_by_role("button").evaluate_all(
        "buttons => buttons.every(b => b.disabled)")
    assert tools.locator("a.atlas-download >> visible=true").count() == 0
    tools.get_by_role("button", name="Select all").first.click()
    assert not note.is_visible()
    assert tools.locator("a.atlas-download >> visible=true").count() == len(EXTENSIONS)


def test_last_checkbox_of_a_group_stays_checked(tools: Any) -> None:
    _pick_pair(tools)
    tools.get_by_role("checkbox", name="DevOps").uncheck()
    mlops = tools.get_by_role("checkbox", name="MLOps")
    mlops.click()
    assert mlops.is_checked()
    tools.wait_for_function("document.querySelector('#atlas-picker [role=status]')"
                            ".textContent === 'Keep at least one discipline.'")


def test_copy_embed_code(tools: Any) -> None:
    _pick_pair(tools)
    tools.get_by_role("button", name="Copy embed code").click()
    tools.wait_for_function("document.querySelector('#atlas-embed [role=status]')"
                            ".textContent === 'Copied the embed code to the clipboard.'")
    copied = tools.evaluate("navigator.clipboard.readText()")
    assert copied == tools.locator("#atlas-snippet").inner_text()
    assert copied.startswith(f'<iframe src="{EMBED}?disciplines=devops,mlops" ')
