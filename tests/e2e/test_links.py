"""Shared links in Chromium: short links, aliases and reversed pairs land on the canonical page
with the fragment kept; a missing address shows the 404 page, whose search and links work."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from opsatlas.content import load_atlas
from opsatlas.model import Discipline
from opsatlas.urls import discipline_url, ordered_pairs, pair_slug, pair_url
from tests.conftest import ROOT

ATLAS = load_atlas(ROOT / "content")
MLOPS = ATLAS.discipline("mlops")


def title_of(discipline: Discipline) -> str:
    return f"{discipline.name}: {discipline.text('full_name')} - Ops Atlas"


def land(page: Any, base_url: str, path: str, expected: str) -> None:
    """Open `path` and wait until the browser has been redirected to `expected`."""
    page.goto(base_url + path)
    page.wait_for_url(base_url + expected)
    assert page.watch.foreign == []


@pytest.mark.parametrize("name", [MLOPS.id, *MLOPS.aliases])
def test_mlops_short_links_land_on_the_section_they_name(page: Any, base_url: str,
                                                         name: str) -> None:
    land(page, base_url, f"{name}/#limitations", f"{discipline_url('mlops')}#limitations")
    expect(page).to_have_title(title_of(MLOPS))
    box = page.locator("h2#limitations").bounding_box()
    assert box is not None and 0 <= box["y"] < 300  # scrolled to the section, not the top


@pytest.mark.parametrize("name", [n for d in ATLAS.disciplines for n in (d.id, *d.aliases)
                                  if d.id != "mlops"])
def test_every_other_short_link_lands_on_its_discipline(page: Any, base_url: str,
                                                        name: str) -> None:
    discipline = next(d for d in ATLAS.disciplines if name in (d.id, *d.aliases))
    land(page, base_url, f"{name}/", discipline_url(discipline.id))
    expect(page).to_have_title(title_of(discipline))


def test_reversed_pair_lands_on_the_canonical_pair_page_with_its_fragment(
        page: Any, base_url: str) -> None:
    first, second = next(ordered_pairs([d.id for d in ATLAS.disciplines]))
    land(page, base_url, f"compare/{pair_slug(second, first)}/#side-by-side",
         f"{pair_url(first, second)}#side-by-side")


@pytest.mark.parametrize("depth", ["nothing-here/", "compare/nothing/here/deep/"])
def test_404_page_links_to_each_discipline_from_any_depth(page: Any, base_url: str,
                                                          depth: str) -> None:
    response = page.goto(base_url + depth)
    assert response is not None and response.status == 404
    expect(page.locator("article h1")).to_have_text("Page not found")
    page.locator("article").get_by_role("link", name="MLOps", exact=True).click()
    page.wait_for_url(base_url + discipline_url("mlops"))
    expect(page).to_have_title(title_of(MLOPS))
    assert page.watch.foreign == []


def test_404_search_form_opens_the_search_with_results(page: Any, base_url: str) -> None:
    page.goto(base_url + "no/such/page/")
    page.get_by_label("Words to look for").fill("drift")
    page.get_by_label("Words to look for").press("Enter")
    expect(page.locator("input.md-search__input")).to_have_value("drift")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert page.watch.foreign == []


def test_material_search_box_works_on_the_404_page(page: Any, base_url: str) -> None:
    page.goto(base_url + "compare/no-such-pair/")
    page.locator("input.md-search__input").click()
    page.keyboard.type("MLOps")  # Material searches on key events, as a person types
    first = page.locator(".md-search-result__item a").first
    expect(first).to_be_visible()
    first.click()
    expect(page).not_to_have_url(base_url + "compare/no-such-pair/")
    expect(page).not_to_have_title("Page not found - Ops Atlas")  # a real page of the site
    assert page.watch.foreign == []
