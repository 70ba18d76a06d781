"""Link previews: every page's <head> carries complete, unique preview tags early enough for
crawlers that read only the first 16 KB, and its og:image is a 1200x630 PNG in the site."""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
from PIL import Image

from opsatlas.content import load_atlas
from opsatlas.urls import discipline_url
from tests.conftest import ROOT, Project

SITE_URL = "https://ops-atlas.github.io/"
CRAWLER_BYTES = 16 * 1024
PROPERTIES = ("og:title", "og:description", "og:url", "og:type", "og:site_name", "og:image",
              "og:image:width", "og:image:height", "og:image:alt")
NAMES = ("description", "twitter:card", "twitter:title", "twitter:description", "twitter:image",
         "twitter:image:alt")


@dataclass(frozen=True)
class Preview:
    """What a link unfurler reads from the first 16 KB of one page."""

    url: str
    title: str
    canonical: str
    tags: dict[str, str]


def read_preview(site: Path, url: str) -> Preview:
    data = (site / url.removeprefix(SITE_URL) / "index.html").read_bytes()
    head = lxml.html.fromstring(data[:CRAWLER_BYTES]).find("head")
    assert head is not None, url
    tags = {m.get("property") or m.get("name"): m.get("content") for m in head.iter("meta")
            if m.get("property") or m.get("name")}
    canonical = head.xpath("link[@rel='canonical']/@href")
    return Preview(url, head.findtext("title") or "", canonical[0] if canonical else "", tags)


@pytest.fixture(scope="module")
def previews(built_site: Project) -> list[Preview]:
    sitemap = lxml.etree.fromstring((built_site.site / "sitemap.xml").read_bytes())
    urls = sitemap.xpath("//*[local-name()='loc']/text()")
    assert len(urls) >= 18
    return [read_preview(built_site.site, str(url)) for url in urls]


def test_every_page_has_every_preview_tag_in_its_first_16_kb(previews: list[Preview]) -> None:
    for preview in previews:
        missing = [key for key in (*PROPERTIES, *NAMES) if not preview.tags.get(key)]
        assert not missing, f"{preview.url} lacks {missing} in its first 16 KB"
        assert preview.title and preview.canonical == preview.url == preview.tags["og:url"]


@pytest.mark.parametrize("key", ["title", "description", "og:title", "og:image", "og:url"])
def test_preview_values_are_unique_per_page(previews: list[Preview], key: str) -> None:
    values = Counter(p.title if key == "title" else p.tags[key] for p in previews)
    assert [v for v, n in values.items() if n > 1] == []


def test_previews_use_site_name_and_large_image_cards(previews: list[Preview]) -> None:
    for preview in previews:
        assert preview.tags["og:site_name"] == "Ops Atlas"
        assert preview.tags["twitter:card"] == "summary_large_image"
        assert preview.tags["og:image"].startswith(SITE_URL)
        assert preview.tags["twitter:image"] == preview.tags["og:image"]


def test_discipline_preview_describes_it_with_its_summary(built_site: Project) -> None:
    for discipline in load_atlas(ROOT / "content").disciplines:
        preview = read_preview(built_site.site, SITE_URL + discipline_url(discipline.id))
        summary = discipline.text("summary")
        assert preview.title == f"{discipline.name}: {discipline.text('full_name')} - Ops Atlas"
        assert preview.tags["description"] == preview.tags["og:description"] == summary
        assert preview.tags["twitter:description"] == summary
        assert preview.tags["og:type"] == "article"


def test_home_preview(built_site: Project) -> None:
    preview = read_preview(built_site.site, SITE_URL)
    assert preview.title == "Ops Atlas"
    assert preview.tags["og:type"] == "website"


def test_every_preview_image_is_a_1200_by_630_png_in_the_site(built_site: Project,
                                                             previews: list[Preview]) -> None:
    for preview in previews:
        path = built_site.site / preview.tags["og:image"].removeprefix(SITE_URL)
        assert path.is_file(), f"{preview.url}: {path} missing"
        with Image.open(io.BytesIO(path.read_bytes())) as image:
            assert image.format == "PNG"
            assert image.size == (1200, 630)
        assert (preview.tags["og:image:width"], preview.tags["og:image:height"]) == ("1200", "630")
