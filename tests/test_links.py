"""Links teammates share: short links, aliases and reversed pairs redirect; the sitemap lists
canonical pages only; the 404 page offers search and the disciplines. Read from the built site."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import urljoin

import lxml.etree
import lxml.html
import pytest

from opsatlas.content import load_atlas
from opsatlas.model import Atlas
from opsatlas.redirects import build_redirects
from opsatlas.urls import discipline_url, ordered_pairs, pair_slug, pair_url
from tests.conftest import ROOT, Project
from tests.site_reading import text_of

SITE_URL = "https://ops-atlas.github.io/"
ATLAS: Atlas = load_atlas(ROOT / "content")
SHORT_LINKS = [(name, d.id) for d in ATLAS.disciplines for name in (d.id, *d.aliases)]
PAIRS = list(ordered_pairs([d.id for d in ATLAS.disciplines]))


def redirect_target(site: Path, url_path: str) -> str:
    """Where the stub at `url_path` sends a browser, as an absolute public URL."""
    stub = lxml.html.fromstring((site / url_path / "index.html").read_bytes())
    refresh = stub.xpath("//meta[@http-equiv='refresh']/@content")
    canonical = stub.xpath("//link[@rel='canonical']/@href")
    assert refresh and canonical, f"/{url_path} is not a redirect page"
    target = re.sub(r"^0;\s*url=", "", refresh[0])
    assert target == canonical[0]
    return urljoin(SITE_URL + url_path, target)


def test_every_discipline_has_its_id_and_aliases_as_short_links() -> None:
    assert ("mlops", "mlops") in SHORT_LINKS
    assert {("ml-ops", "mlops"), ("machine-learning-operations", "mlops")} <= set(SHORT_LINKS)


@pytest.mark.parametrize(("name", "discipline"), SHORT_LINKS)
def test_short_link_redirects_to_the_discipline_page(built_site: Project, name: str,
                                                     discipline: str) -> None:
    assert redirect_target(built_site.site, f"{name}/") == SITE_URL + discipline_url(discipline)
    assert (built_site.site / discipline_url(discipline) / "index.html").is_file()


@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_reversed_pair_redirects_to_the_canonical_pair_page(built_site: Project, first: str,
                                                            second: str) -> None:
    reversed_url = f"compare/{pair_slug(second, first)}/"
    assert redirect_target(built_site.site, reversed_url) == SITE_URL + pair_url(first, second)


def test_redirect_pages_keep_the_fragment(built_site: Project) -> None:
    script = (built_site.site / "mlops" / "index.html").read_text(encoding="utf-8")
    assert "window.location.hash" in script


def self_canonical_pages(site: Path) -> set[str]:
    """Public URL of every HTML file whose canonical link names itself: the site's pages, not
    redirect stubs (canonical: their target) nor the embed view (canonical: /compare/)."""
    pages = set()
    for file in site.rglob("*.html"):
        path = file.relative_to(site).as_posix()
        url = SITE_URL + (path.removesuffix("index.html") if path.endswith("index.html") else path)
        canonical = lxml.html.fromstring(file.read_bytes()).xpath("//link[@rel='canonical']/@href")
        if canonical == [url]:
            pages.add(url)
    return pages


def sitemap_urls(site: Path) -> list[str]:
    tree = lxml.etree.fromstring((site / "sitemap.xml").read_bytes())
    return [str(loc) for loc in tree.xpath("//*[local-name()='loc']/text()")]


def test_sitemap_lists_every_canonical_page_once(built_site: Project) -> None:
    listed = sitemap_urls(built_site.site)
    assert len(listed) == len(set(listed))
    assert set(listed) == self_canonical_pages(built_site.site)
    expected = {"", "disciplines/", "compare/", *(discipline_url(d.id) for d in ATLAS.disciplines),
                *(pair_url(a, b) for a, b in PAIRS)}
    assert {SITE_URL + url for url in expected} <= set(listed)


def test_sitemap_lists_no_redirect_page(built_site: Project) -> None:
    listed = set(sitemap_urls(built_site.site))
    stubs = {SITE_URL + f"{name}/" for name, _ in SHORT_LINKS}
    stubs |= {SITE_URL + f"compare/{pair_slug(b, a)}/" for a, b in PAIRS}
    assert stubs.isdisjoint(listed)
    for url in listed:
        page = built_site.site / url.removeprefix(SITE_URL) / "index.html"
        assert b'http-equiv="refresh"' not in page.read_bytes(), url


@pytest.fixture(scope="module")
def not_found(built_site: Project) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((built_site.site / "404.html").read_bytes())


def test_404_page_says_what_happened(not_found: lxml.html.HtmlElement) -> None:
    assert not_found.findtext(".//title") == "Page not found - Ops Atlas"
    assert text_of(not_found.cssselect("article h1")[0]) == "Page not found"
    assert not_found.xpath("//meta[@name='robots']/@content") == ["noindex"]


def test_404_page_lists_every_discipline_with_a_root_relative_link(
        not_found: lxml.html.HtmlElement) -> None:
    links = {text_of(a): a.get("href") for a in not_found.cssselect("article li a")}
    for discipline in ATLAS.disciplines:
        assert links[discipline.name] == "/" + discipline_url(discipline.id)
    assert links["Home"] == "/"
    assert all(href.startswith("/") for href in links.values())


def test_404_page_offers_search(not_found: lxml.html.HtmlElement) -> None:
    form = not_found.cssselect("article form[role=search]")[0]
    assert form.get("action") == "/"
    assert form.cssselect("input[name=q]")
    assert text_of(form.cssselect("label")[0]) == "Words to look for"
    assert not_found.cssselect("header input.md-search__input")  # Material's own search box


def test_404_page_assets_load_from_any_depth(not_found: lxml.html.HtmlElement) -> None:
    assets = not_found.xpath("//link[@rel='stylesheet']/@href | //script/@src")
    assert assets
    assert all(src.startswith("/") for src in assets)


@pytest.mark.parametrize("name", ["glossary", "compare", "assets"])
def test_a_short_link_never_replaces_a_page_of_the_site(name: str) -> None:
    mlops = replace(ATLAS.discipline("mlops"), aliases=(name,))
    atlas = replace(ATLAS, disciplines=(mlops,))
    with pytest.raises(ValueError, match=f"/{name}/"):
        build_redirects(atlas)
