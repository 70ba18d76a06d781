"""The embed view /embed/compare/: one self-contained, accessible, inert HTML file."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import replace

import lxml.html
import pytest

from opsatlas.comparison import ComparisonTable, build_comparison
from opsatlas.content import load_atlas
from opsatlas.embed import render_embed
from opsatlas.model import Atlas
from opsatlas.site_config import SiteConfig, load_site_config
from tests.conftest import ROOT, Project
from tests.site_reading import IDS, text_of

EMBED_TEMPLATES = ROOT / "templates" / "embed"
SITE_URL = "https://ops-atlas.github.io/"
HOSTILE = "</script><img src=x onerror=\"alert(1)\"><!-- a&amp;b ' \u2028 `x` {{ y }}"


@pytest.fixture(scope="module")
def atlas() -> Atlas:
    return load_atlas(ROOT / "content")


@pytest.fixture(scope="module")
def site() -> SiteConfig:
    return load_site_config(ROOT / "mkdocs.yml")


def _page(atlas: Atlas, site: SiteConfig) -> tuple[ComparisonTable, lxml.html.HtmlElement]:
    table = build_comparison(atlas)
    return table, lxml.html.fromstring(render_embed(atlas, table, site, EMBED_TEMPLATES))


def _data(page: lxml.html.HtmlElement) -> object:
    return json.loads(page.get_element_by_id("atlas-data").text)


def test_table_has_a_caption_and_header_scopes(atlas: Atlas, site: SiteConfig) -> None:
    _, page = _page(atlas, site)
    table = page.get_element_by_id("atlas-table")
    assert text_of(table.find("caption")) == \
        "Ops Atlas: DevOps, DataOps, AIOps, MLOps, LLMOps compared"
    columns = table.cssselect("thead th")
    assert [text_of(th) for th in columns] == ["Dimension", "DevOps", "DataOps", "AIOps",
                                              "MLOps", "LLMOps"]
    assert {th.get("scope") for th in columns} == {"col"}
    rows = table.cssselect("tbody tr")
    assert [text_of(r.find("th")) for r in rows] == [d.label for d in atlas.dimensions]
    assert {r.find("th").get("scope") for r in rows} == {"row"}
    assert all(len(r.cssselect("td")) == len(IDS) for r in rows)


def test_every_cell_shows_its_entries(atlas: Atlas, site: SiteConfig) -> None:
    table, page = _page(atlas, site)
    html_rows = page.cssselect("#atlas-table tbody tr")
    for row, html_row in zip(table.rows, html_rows, strict=True):
        for cell, td in zip(row.cells, html_row.cssselect("td"), strict=True):
            shown = [text_of(li) for li in td.cssselect("li")] if cell.is_list \
                else [text_of(td)]
            expected = [e.display for e in cell.entries] or ["\u2014"]
            assert shown == expected, (row.dimension.key, cell.discipline.id)


def test_headers_link_to_canonical_pages_in_the_top_window(atlas: Atlas,
                                                           site: SiteConfig) -> None:
    _, page = _page(atlas, site)
    columns = page.cssselect("#atlas-table thead th a")
    assert [a.get("href") for a in columns] == [f"{SITE_URL}disciplines/{i}/" for i in IDS]
    rows = page.cssselect("#atlas-table tbody th a")
    assert [a.get("href") for a in rows] == [f"{SITE_URL}compare/#{d.anchor}"
                                             for d in atlas.dimensions]
    assert [a.get("title") for a in rows] == [d.description for d in atlas.dimensions]
    assert {a.get("target") for a in page.cssselect("a")} == {"_top"}


def test_attribution_names_site_version_and_date(atlas: Atlas, site: SiteConfig) -> None:
    _, page = _page(atlas, site)
    line = page.cssselect("p.attribution")[0]
    assert text_of(line) == (f"From Ops Atlas, version {atlas.info.version}, "
                             f"updated {atlas.info.updated}.")
    assert line.cssselect("a")[0].get("href") == f"{SITE_URL}compare/"


def test_json_index_lists_the_ids_a_query_may_name(atlas: Atlas, site: SiteConfig) -> None:
    _, page = _page(atlas, site)
    assert _data(page) == {
        "site": "Ops Atlas",
        "disciplines": [{"id": d.id, "name": d.name} for d in atlas.disciplines],
        "dimensions": [{"id": d.key, "name": d.label} for d in atlas.dimensions]}


def test_page_is_self_contained_and_small(atlas: Atlas, site: SiteConfig) -> None:
    table = build_comparison(atlas)
    html = render_embed(atlas, table, site, EMBED_TEMPLATES).encode("utf-8")
    page = lxml.html.fromstring(html)
    assert len(html) < 30_000
    assert page.xpath("//script/@src | //link[@rel='stylesheet'] | //img | //iframe") == []
    assert page.xpath("//link[@rel='icon']/@href") == ["data:,"]  # no /favicon.ico request


def test_content_security_policy_allows_exactly_the_inline_blocks(atlas: Atlas,
                                                                  site: SiteConfig) -> None:
    _, page = _page(atlas, site)
    policy = page.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    script = page.xpath("//script[not(@type)]")[0].text
    style = page.xpath("//style")[0].text
    assert f"script-src '{_hash(script)}'" in policy
    assert f"style-src '{_hash(style)}'" in policy
    assert "default-src 'none'" in policy


def _hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def _hostile(atlas: Atlas) -> Atlas:
    """The atlas with markup-like text in a name, a label, a description and entries."""
    first = atlas.disciplines[0]
    fields = dict(first.fields)
    fields["summary"] = (replace(fields["summary"][0], text=HOSTILE),)
    fields["tools"] = (replace(fields["tools"][0], name=HOSTILE, text=HOSTILE),
                       *fields["tools"][1:])
    dimension = replace(atlas.dimensions[0], label=HOSTILE, description=HOSTILE)
    return replace(atlas, disciplines=(replace(first, name=HOSTILE, fields=fields),
                                       *atlas.disciplines[1:]),
                   dimensions=(dimension, *atlas.dimensions[1:]))


def test_hostile_text_stays_text(atlas: Atlas, site: SiteConfig) -> None:
    _, page = _page(_hostile(atlas), replace(site, site_name=HOSTILE))
    assert page.xpath("//img") == []
    assert len(page.xpath("//script")) == 2
    assert text_of(page.cssselect("#atlas-table thead th")[1]) == " ".join(HOSTILE.split())
    first_row = page.cssselect("#atlas-table tbody th a")[0]
    assert first_row.text == HOSTILE and first_row.get("title") == HOSTILE
    rows = dict(zip([d.key for d in atlas.dimensions], page.cssselect("#atlas-table tbody tr"),
                    strict=True))
    assert rows["summary"].cssselect("td")[0].text_content() == HOSTILE
    tool = rows["tools"].cssselect("td li")[0]
    assert tool.text_content() == f"{HOSTILE}: {HOSTILE}"
    data = _data(page)
    assert isinstance(data, dict)
    assert data["site"] == HOSTILE
    assert data["disciplines"][0]["name"] == HOSTILE
    assert data["dimensions"][0]["name"] == HOSTILE
    assert page.xpath("//title")[0].text == f"{HOSTILE}: compare the disciplines"


def test_mkdocs_publishes_the_file_verbatim(built_site: Project) -> None:
    served = built_site.site / "embed/compare/index.html"
    assert served.read_bytes() == (built_site.docs / "embed/compare/index.html").read_bytes()
    assert b"<caption>Ops Atlas: DevOps" in served.read_bytes()


def test_compare_rows_are_link_targets(built_site: Project) -> None:
    page = lxml.html.fromstring((built_site.site / "compare/index.html").read_bytes())
    rows = page.cssselect("article table")[0].cssselect("tbody tr")
    assert [r[0].cssselect("[id]")[0].get("id") for r in rows] == \
        [d.anchor for d in load_atlas(ROOT / "content").dimensions]
