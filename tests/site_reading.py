"""Reading a built site the way a visitor's browser would: pages, text, links."""

from __future__ import annotations

import copy
from pathlib import Path

import lxml.html
import yaml

from tests.conftest import ROOT

IDS = ("devops", "dataops", "aiops", "mlops", "llmops")


def html_page(site: Path, url_path: str) -> lxml.html.HtmlElement:
    """The parsed page served at `url_path` (e.g. 'disciplines/mlops/')."""
    file = site / url_path / "index.html" if url_path.endswith("/") or not url_path \
        else site / url_path
    return lxml.html.fromstring(file.read_bytes())


def text_of(element: lxml.html.HtmlElement) -> str:
    """Text with whitespace folded, as a reader sees it (permalink marks left out)."""
    element = copy.deepcopy(element)
    for mark in element.cssselect("a.headerlink, a.atlas-permalink, button"):
        mark.drop_tree()
    return " ".join(element.text_content().split())


def record(discipline_id: str, content: Path = ROOT / "content") -> dict[str, object]:
    """A discipline record as plain data."""
    path = content / "disciplines" / f"{discipline_id}.yaml"
    data: dict[str, object] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data
