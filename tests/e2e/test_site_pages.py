"""The built site in a real browser: pages render, navigate, and stay on their own origin."""

from __future__ import annotations

from typing import Any

import pytest

DISCIPLINES = ["devops", "dataops", "aiops", "mlops", "llmops"]


def test_home_lists_every_discipline_in_the_sidebar(page: Any, base_url: str) -> None:
    page.goto(base_url)
    sidebar = page.locator("nav.md-nav--primary")
    for name in ("DevOps", "DataOps", "AIOps", "MLOps", "LLMOps"):
        assert sidebar.get_by_role("link", name=name, exact=True).count() >= 1
    assert page.watch.foreign == []


@pytest.mark.parametrize("discipline", DISCIPLINES)
def test_item_anchor_scrolls_into_view(page: Any, base_url: str, discipline: str) -> None:
    page.goto(f"{base_url}disciplines/{discipline}/#limitations")
    heading = page.locator("h2#limitations")
    assert heading.is_visible()
    first_item = page.locator("#limitations ~ ul .atlas-item").first
    item_id = first_item.get_attribute("id")
    page.goto(f"{base_url}disciplines/{discipline}/#{item_id}")
    assert page.evaluate("location.hash") == f"#{item_id}"
    box = page.locator(f"#{item_id}").bounding_box()
    assert box is not None and 0 <= box["y"] < 900


def test_palette_toggle_switches_to_dark(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}compare/")
    before = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("label[title='Switch to dark mode']").locator("visible=true").click()
    after = page.locator("body").get_attribute("data-md-color-scheme")
    assert (before, after) == ("default", "slate")
