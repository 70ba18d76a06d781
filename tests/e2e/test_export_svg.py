"""The SVG exports in Chromium: load as an <img> at their size, text inside its cells,
colours following the viewer's light or dark preference."""

from __future__ import annotations

import io
from typing import Any

import pytest
from PIL import Image

from tests.conftest import Project

SVGS = ["comparison.svg", "devops-vs-mlops.svg", "mlops-vs-llmops.svg"]

CLIPPED = """() => {
  const out = [];
  const view = document.documentElement.viewBox.baseVal;
  for (const group of document.querySelectorAll('g[data-row]')) {
    const cell = group.querySelector('rect').getBBox();
    for (const text of group.querySelectorAll('text')) {
      const box = text.getBBox();
      if (box.x < cell.x || box.x + box.width > cell.x + cell.width + 0.5 ||
          box.y + box.height > cell.y + cell.height || box.x + box.width > view.width)
        out.push(text.textContent);
    }
  }
  return out;
}"""


def _show(page: Any, base_url: str, name: str) -> dict[str, int]:
    page.goto(base_url)
    # Like GitHub's pages, the host declares both schemes; an <img> then follows the
    # viewer's preference (Chromium evaluates the SVG's media query by the host's scheme).
    page.set_content('<meta name="color-scheme" content="light dark">'
                     f'<img id="table" src="{base_url}exports/{name}">')
    page.wait_for_function("document.getElementById('table').complete")
    size: dict[str, int] = page.evaluate(
        "(() => { const img = document.getElementById('table');"
        " return {width: img.naturalWidth, height: img.naturalHeight}; })()")
    return size


@pytest.mark.parametrize("name", SVGS)
def test_svg_loads_as_an_image_at_its_natural_size(page: Any, base_url: str,
                                                   built_site: Project, name: str) -> None:
    root = (built_site.site / "exports" / name).read_text(encoding="utf-8")
    width = int(root.split('width="', 1)[1].split('"', 1)[0])
    height = int(root.split('height="', 1)[1].split('"', 1)[0])
    assert _show(page, base_url, name) == {"width": width, "height": height}
    assert page.watch.foreign == [] and page.watch.failed == []


@pytest.mark.parametrize("name", SVGS)
def test_no_text_is_clipped(page: Any, base_url: str, name: str) -> None:
    page.goto(f"{base_url}exports/{name}")
    assert page.evaluate("document.querySelectorAll('text').length") > 10
    assert page.evaluate(CLIPPED) == []


def test_dark_preference_gives_the_dark_variant(page: Any, base_url: str) -> None:
    corners = {}
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        _show(page, base_url, f"devops-vs-mlops.svg?{scheme}")  # one image cache entry each
        shot = Image.open(io.BytesIO(page.locator("#table").screenshot()))
        corners[scheme] = shot.convert("RGB").getpixel((3, 3))
    assert corners == {"light": (255, 255, 255), "dark": (13, 17, 23)}
