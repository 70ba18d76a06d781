"""Accessibility: axe-core finds nothing on any page type, in either palette; keyboard works.

axe-core comes from npm (`npm ci` installs node_modules/axe-core); it is injected into each
page, so the rules run in Debian's Chromium against the real, scripted page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.e2e.page_types import EMBED, PAGE_TYPES, open_page

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PALETTES = {"light": "default", "dark": "slate"}
"""Emulated colour scheme -> Material palette (body[data-md-color-scheme]) it must select."""

# Every focusable thing, and the subset a pointer user can see and operate: a label counts
# when it is clickable (Material's toggles are labels for visually hidden inputs).
_WATCH_FOCUS = """() => {
  window.__focused = new Set();
  document.addEventListener('focusin', event => window.__focused.add(event.target));
  return document.querySelectorAll(
    'a[href], button, input, select, textarea, summary, [tabindex]').length;
}"""
_UNREACHED = """() => {
  const shown = el => {
    const box = el.getBoundingClientRect();
    return box.width * box.height > 0 && getComputedStyle(el).pointerEvents !== 'none'
      && el.checkVisibility({opacityProperty: true, visibilityProperty: true});
  };
  const reached = el => {
    const target = el.tagName === 'LABEL' ? el.control : el;
    if (!target) return false;
    if (target.type === 'radio')  // a radio group is one tab stop; arrows and Enter switch
      return [...window.__focused].some(f => f.type === 'radio' && f.name === target.name);
    return window.__focused.has(target) || window.__focused.has(el);
  };
  const controls = [...document.querySelectorAll(
      'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
    .filter(el => !(el.tagName === 'INPUT' && el.labels.length))
    .concat([...document.querySelectorAll('label[for]')]
      .filter(el => getComputedStyle(el).cursor === 'pointer'));
  return controls.filter(el => shown(el) && !reached(el)).map(el =>
    `<${el.tagName.toLowerCase()}> ${(el.getAttribute('aria-label') || el.title
      || el.textContent || el.getAttribute('href') || '').trim().slice(0, 60)}`);
}"""
_TABLES = """() => [...document.querySelectorAll('table')].map(table => ({
  caption: table.caption ? table.caption.textContent.trim() : '',
  header_scopes: [...table.querySelectorAll('thead th')].map(th => th.getAttribute('scope')),
  row_headers: [...table.tBodies].flatMap(body => [...body.rows]).map(row => row.cells[0])
    .map(cell => cell ? `${cell.tagName.toLowerCase()}[scope=${cell.getAttribute('scope')}]` : ''),
}))"""


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `npm ci` in the project root",
                    pytrace=False)
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def new_tab(browser: Any) -> Iterator[Callable[[str], Any]]:
    """Open pages in a given colour scheme. CSP is bypassed only so axe can be injected."""
    contexts: list[Any] = []

    def new(scheme: str = "light") -> Any:
        context = browser.new_context(viewport={"width": 1280, "height": 900},
                                      color_scheme=scheme, bypass_csp=True)
        contexts.append(context)
        return context.new_page()

    yield new
    for context in contexts:
        context.close()


def axe_violations(page: Any, axe_source: str) -> list[str]:
    """Every axe-core violation on the page as it is now, one line per rule."""
    page.add_script_tag(content=axe_source)
    found = page.evaluate("async () => (await axe.run(document, "
                          "{resultTypes: ['violations']})).violations")
    return [f"{v['id']} ({v['impact']}): {v['help']} at "
            f"{'; '.join(str(node['target']) for node in v['nodes'][:5])}" for v in found]


def scheme_of(page: Any) -> str | None:
    """The Material palette the page shows."""
    value: str | None = page.locator("body").get_attribute("data-md-color-scheme")
    return value


@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_no_axe_violations(new_tab: Callable[[str], Any], base_url: str, axe_source: str,
                           page_type: str, palette: str) -> None:
    page = new_tab(palette)
    open_page(page, base_url, page_type)
    if page_type != EMBED:
        assert scheme_of(page) == PALETTES[palette]
    assert axe_violations(page, axe_source) == []


def test_palette_toggle_works_from_the_keyboard_and_sticks(
        new_tab: Callable[[str], Any], base_url: str, axe_source: str) -> None:
    page = new_tab("light")
    open_page(page, base_url, "compare")
    for _ in range(30):  # the toggle sits early in the header
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "__palette":
            break
    page.keyboard.press("Enter")
    assert scheme_of(page) == "slate"
    open_page(page, base_url, "discipline")  # the choice is remembered across pages
    assert scheme_of(page) == "slate"
    assert axe_violations(page, axe_source) == []


@pytest.mark.parametrize("palette", PALETTES)
def test_open_search_with_results_has_no_violations(
        new_tab: Callable[[str], Any], base_url: str, axe_source: str, palette: str) -> None:
    page = new_tab(palette)
    open_page(page, base_url, "discipline")
    page.keyboard.press("/")  # Material's shortcut; the query box takes focus
    page.keyboard.type("drift")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible")
    assert page.get_by_role("dialog", name="Search").count() == 1
    assert axe_violations(page, axe_source) == []


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_control_is_keyboard_reachable(new_tab: Callable[[str], Any], base_url: str,
                                             page_type: str) -> None:
    page = new_tab("light")
    open_page(page, base_url, page_type)
    focusable = page.evaluate(_WATCH_FOCUS)
    for _ in range(focusable + 5):
        page.keyboard.press("Tab")
    assert page.evaluate(_UNREACHED) == []


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_tables_have_captions_and_header_scopes(new_tab: Callable[[str], Any], base_url: str,
                                                page_type: str) -> None:
    page = new_tab("light")
    open_page(page, base_url, page_type)
    for table in page.evaluate(_TABLES):
        assert table["caption"], f"a table without a caption: {table}"
        assert set(table["header_scopes"]) == {"col"}, table
        assert set(table["row_headers"]) == {"th[scope=row]"}, table


@pytest.mark.parametrize("page_type", ["compare", "pair"])
def test_comparison_table_is_captioned_with_its_disciplines(
        new_tab: Callable[[str], Any], base_url: str, page_type: str) -> None:
    page = new_tab("light")
    open_page(page, base_url, page_type)
    captions = [table["caption"] for table in page.evaluate(_TABLES)]
    expected = {"compare": "DevOps, DataOps, AIOps, MLOps and LLMOps compared, dimension by "
                           "dimension",
                "pair": "DevOps and MLOps compared, dimension by dimension"}[page_type]
    assert expected in captions
