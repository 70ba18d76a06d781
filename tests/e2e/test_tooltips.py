"""Glossary tooltips in a real browser: pointing at a term shows its definition."""

from __future__ import annotations

from typing import Any

import pytest

from opsatlas.abbreviations import tooltip
from opsatlas.content import load_atlas
from opsatlas.glossary import spellings
from tests.conftest import ROOT

ATLAS = load_atlas(ROOT / "content")
BY_SPELLING = {s: term for term in ATLAS.glossary for s in spellings(term)}


@pytest.mark.parametrize("discipline", [d.id for d in ATLAS.disciplines])
def test_hovering_a_term_shows_its_definition(page: Any, base_url: str,
                                              discipline: str) -> None:
    page.goto(f"{base_url}disciplines/{discipline}/")
    term = page.locator("article abbr").first
    term.scroll_into_view_if_needed()
    definition = tooltip(BY_SPELLING[term.inner_text()])
    assert term.get_attribute("title") == definition
    shown = page.locator(".md-tooltip2--active")
    assert shown.count() == 0

    term.hover()
    shown.wait_for(state="visible")
    assert shown.inner_text() == definition

    page.mouse.move(0, 0)
    shown.wait_for(state="hidden")
    assert page.watch.foreign == []


def test_a_term_in_a_heading_keeps_its_tooltip_and_a_plain_toc(page: Any,
                                                                base_url: str) -> None:
    page.goto(f"{base_url}glossary/#ci-cd")
    heading = page.locator("h2#ci-cd")
    assert heading.locator("abbr").first.inner_text() == "CI/CD"
    heading.locator("abbr").first.hover()
    page.locator(".md-tooltip2--active").wait_for(state="visible")
    toc = page.locator(".md-sidebar--secondary a.md-nav__link[href='#ci-cd']")
    assert toc.inner_text() == "CI/CD"
    assert toc.locator("abbr").count() == 0
    assert "abbr" not in page.title()
