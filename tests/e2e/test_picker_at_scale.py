"""The picker on /compare/ of a site too big to list every discipline: search, check, export.

Above scale.PICKER_LIST_LIMIT the page lists the matrix's columns only; any other discipline is
found by name from compare/disciplines.json (opsatlas/scale.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from benchmarks import synth
from opsatlas import scale
from tests.conftest import synthetic_project
from tests.e2e.conftest import serve_directory, watched
from tests.e2e.test_a11y import PALETTES, axe_source, axe_violations, new_tab  # noqa: F401

DISCIPLINES = 50
WANTED = synth.synthetic_id(40)
"""A discipline outside the matrix's columns."""
WANTED_NAME = WANTED.removesuffix("ops").capitalize() + "Ops"


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A built site of DISCIPLINES synthetic records, served: its root URL."""
    project = synthetic_project(tmp_path_factory, DISCIPLINES)
    project.build_site()
    url, server = serve_directory(project.site)
    yield url
    server.shutdown()


@pytest.fixture
def compare(browser: Any, big_site: str) -> Iterator[Any]:
    """/compare/ at its picker; `page.watch` records requests and console errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = watched(context.new_page(), big_site)
    page.goto(f"{big_site}compare/#take-it-with-you")
    page.locator("#atlas-picker").wait_for(state="visible")
    yield page
    context.close()


def _wait_for_status(page: Any, condition: str) -> None:
    """Wait until the picker's live region's text `t` meets `condition` (JavaScript)."""
    page.wait_for_function(
        f"() => (t => {condition})(document.querySelector('#atlas-picker [role=status]')"
        ".textContent)")


def test_the_picker_starts_with_the_matrix_columns_and_their_files(compare: Any,
                                                                    big_site: str) -> None:
    boxes = compare.locator("#atlas-picker input[name=discipline]")
    assert boxes.count() == scale.MATRIX_COLUMN_LIMIT
    assert all(boxes.nth(i).is_checked() for i in range(boxes.count()))
    hrefs = compare.locator("a.atlas-download").evaluate_all("a => a.map(l => l.href)")
    assert hrefs[0] == f"{big_site}exports/comparison.md"
    assert compare.locator(".atlas-subset").is_hidden()
    assert not [u for u in compare.watch.requests if u.endswith("disciplines.json")]


def test_a_discipline_found_by_name_joins_the_selection(compare: Any) -> None:
    name = WANTED_NAME
    search = compare.get_by_label(f"Add another of the {DISCIPLINES} disciplines")
    search.focus()
    compare.keyboard.type(name[:-1].lower())  # part of its name, in any case
    match = compare.get_by_role("checkbox", name=name, exact=True)
    match.wait_for()
    _wait_for_status(compare, "t.endsWith('listed.')")
    compare.keyboard.press("Tab")
    assert compare.evaluate("document.activeElement.value") in {
        b.get_attribute("value") for b in compare.locator("#atlas-found input").all()}
    match.check()

    listed = compare.locator("#atlas-picker > fieldset input[name=discipline]")
    assert listed.count() == scale.MATRIX_COLUMN_LIMIT + 1
    assert compare.locator("#atlas-found").get_by_role("checkbox", name=name).count() == 0
    command = compare.locator(".atlas-command").text_content()
    assert command.endswith(f",{WANTED}") and "--disciplines devops," in command
    assert compare.locator(".atlas-subset").is_visible()
    assert f"{WANTED}" in compare.locator("#atlas-snippet").text_content()

    search.fill("")
    compare.wait_for_function("() => !document.querySelector('#atlas-found input')")
    compare.get_by_role("checkbox", name=name, exact=True).uncheck()  # back to the files
    assert compare.locator(".atlas-subset").is_hidden()
    assert [u for u in compare.watch.requests if u.endswith("disciplines.json")]
    assert compare.watch.foreign == [] and compare.watch.failed == []
    assert compare.watch.console_errors == []


def test_a_search_that_finds_nothing_says_so(compare: Any) -> None:
    compare.get_by_label(f"Add another of the {DISCIPLINES} disciplines").fill("zzz")
    _wait_for_status(compare, "t === 'No other discipline matches \u201czzz\u201d.'")
    assert compare.locator("#atlas-found input").count() == 0


@pytest.mark.parametrize("palette", PALETTES)
def test_the_picker_with_matches_has_no_axe_violations(
        new_tab: Callable[[str], Any], big_site: str,  # noqa: F811
        axe_source: str, palette: str) -> None:  # noqa: F811
    page = new_tab(palette)
    page.goto(f"{big_site}compare/#take-it-with-you")
    page.get_by_label(f"Add another of the {DISCIPLINES} disciplines").fill("ba")
    page.locator("#atlas-found input").first.wait_for()
    assert axe_violations(page, axe_source) == []
