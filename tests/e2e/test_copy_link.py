"""The "copy link" buttons in Chromium: beside every permalink, shown on hover and on keyboard
focus, copying the absolute public URL (site_url + path + fragment) and saying so."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from opsatlas.urls import discipline_url, pair_url

SITE_URL = "https://ops-atlas.github.io/"
MLOPS = discipline_url("mlops")
PERMALINKS = ".md-content a.headerlink, .md-content a.atlas-permalink"


def open_with_clipboard(page: Any, base_url: str, path: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"],
                                   origin=base_url.rstrip("/"))
    page.goto(base_url + path)


def clipboard(page: Any) -> str:
    return str(page.evaluate("navigator.clipboard.readText()"))


PAIR = pair_url("devops", "mlops")


@pytest.mark.parametrize("path", ["", "disciplines/", MLOPS, "compare/", PAIR])
def test_every_permalink_has_a_named_copy_button(page: Any, base_url: str, path: str) -> None:
    page.goto(base_url + path)
    permalinks = page.locator(PERMALINKS)
    expect(page.locator(".md-content button.atlas-copy-link")).to_have_count(permalinks.count())
    for index in range(permalinks.count()):
        button = permalinks.nth(index).locator("xpath=following-sibling::*[1]")
        expect(button).to_have_attribute("type", "button")
        expect(button).to_have_accessible_name(
            "Copy link to this item" if "atlas-permalink" in
            (permalinks.nth(index).get_attribute("class") or "") else "Copy link to this section")
    assert page.watch.foreign == []


def test_every_item_of_a_discipline_page_has_a_permalink(page: Any, base_url: str) -> None:
    page.goto(base_url + MLOPS)
    items = page.locator(".md-content li > .atlas-item[id]")
    assert items.count() > 20
    for index in range(items.count()):
        anchor = items.nth(index).get_attribute("id")
        expect(items.nth(index).locator("xpath=..").locator(f"a.atlas-permalink[href='#{anchor}']")
               ).to_have_count(1)


def test_mouse_copies_the_sections_absolute_url(page: Any, base_url: str) -> None:
    open_with_clipboard(page, base_url, MLOPS)
    heading = page.locator("h2#limitations")
    button = heading.get_by_role("button", name="Copy link to this section")
    expect(button).to_have_css("opacity", "0")
    heading.hover()
    expect(button).to_have_css("opacity", "1")
    button.click()
    expect(page.get_by_role("status")).to_have_text("Link copied")
    assert clipboard(page) == f"{SITE_URL}{MLOPS}#limitations"
    assert page.watch.foreign == []


def test_keyboard_reaches_and_presses_an_items_copy_button(page: Any, base_url: str) -> None:
    open_with_clipboard(page, base_url, MLOPS)
    item = page.locator("h2#limitations ~ ul li").first
    anchor = item.locator(".atlas-item").get_attribute("id")
    item.locator("a.atlas-permalink").focus()
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    expect(focused).to_have_accessible_name("Copy link to this item")
    expect(focused).to_have_css("opacity", "1")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text("Link copied")
    assert clipboard(page) == f"{SITE_URL}{MLOPS}#{anchor}"


def test_space_on_a_section_button_copies_it_too(page: Any, base_url: str) -> None:
    open_with_clipboard(page, base_url, PAIR)
    heading = page.locator(".md-content h2[id]").first
    heading.locator("a.headerlink").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(page.get_by_role("status")).to_have_text("Link copied")
    assert clipboard(page) == f"{SITE_URL}{PAIR}#{heading.get_attribute('id')}"


def test_copy_announcement_is_a_polite_live_region(page: Any, base_url: str) -> None:
    open_with_clipboard(page, base_url, MLOPS)
    page.locator("h2#scope").hover()
    page.locator("h2#scope").get_by_role("button").click()
    status = page.get_by_role("status")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_text("Link copied")
    box = status.bounding_box()
    assert box is not None and box["width"] <= 1 and box["height"] <= 1  # heard, not seen
