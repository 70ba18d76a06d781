"""End to end: the real content built by MkDocs, read like a visitor reads it."""

from __future__ import annotations

import re
from itertools import combinations
from pathlib import Path

import pytest
import yaml

from opsatlas.output import STAMP
from tests.conftest import ROOT, Project, copy_project
from tests.site_reading import IDS, html_page, record, text_of

DIMENSIONS = yaml.safe_load((ROOT / "content/dimensions.yaml").read_text())["dimensions"]
LIST_FIELDS = [d for d in DIMENSIONS if isinstance(record("devops")[d["key"]], list)]


def test_url_scheme(built_site: Project) -> None:
    site = built_site.site
    assert (site / "index.html").is_file()
    assert (site / "compare/index.html").is_file()
    assert (site / "disciplines/index.html").is_file()
    for discipline_id in IDS:
        assert (site / f"disciplines/{discipline_id}/index.html").is_file()
    pairs = sorted(p.name for p in (site / "compare").iterdir() if p.is_dir()
                   and not _is_redirect(p / "index.html"))
    assert pairs == sorted(f"{a}-vs-{b}" for a, b in combinations(IDS, 2))
    assert len(pairs) == 10


@pytest.mark.parametrize("discipline_id", IDS)
def test_discipline_page_shows_its_record(built_site: Project, discipline_id: str) -> None:
    page = html_page(built_site.site, f"disciplines/{discipline_id}/")
    data = record(discipline_id)
    assert text_of(page.cssselect("h1")[0]) == data["name"]
    for dimension in DIMENSIONS:
        heading = page.get_element_by_id(dimension["anchor"])
        assert text_of(heading).startswith(dimension["label"])
    for dimension in LIST_FIELDS:
        for item in data[dimension["key"]]:
            element = page.get_element_by_id(f"{dimension['anchor']}-{item['id']}")
            assert " ".join(item["text"].split()) in text_of(element)
    for source in data["sources"]:
        assert page.cssselect(f'a[href="{source["url"]}"]'), source["url"]


@pytest.mark.parametrize("discipline_id", IDS)
def test_tools_link_to_their_homepages(built_site: Project, discipline_id: str) -> None:
    page = html_page(built_site.site, f"disciplines/{discipline_id}/")
    for tool in record(discipline_id)["tools"]:
        item = page.get_element_by_id(f"tools-{tool['id']}")
        assert item.cssselect("a")[0].get("href") == tool["url"]
        assert tool["name"] in text_of(item)


@pytest.mark.parametrize("discipline_id", IDS)
def test_edit_link_opens_the_yaml_record(built_site: Project, discipline_id: str) -> None:
    page = html_page(built_site.site, f"disciplines/{discipline_id}/")
    edits = [a.get("href") for a in page.cssselect("a.md-content__button")]
    assert edits == ["https://github.com/ops-atlas/ops-atlas/edit/main/"
                     f"content/disciplines/{discipline_id}.yaml"]


def test_compare_matrix_has_every_cell(built_site: Project) -> None:
    page = html_page(built_site.site, "compare/")
    table = page.cssselect("article table")[0]
    header = [text_of(th) for th in table.cssselect("thead th")]
    assert header == ["Dimension", "DevOps", "DataOps", "AIOps", "MLOps", "LLMOps"]
    rows = table.cssselect("tbody tr")
    assert [text_of(r.cssselect("th")[0]) for r in rows] == [d["label"] for d in DIMENSIONS]
    use_cases = rows[[d["key"] for d in DIMENSIONS].index("use_cases")]
    for cell, discipline_id in zip(use_cases.cssselect("td"), IDS, strict=True):
        links = cell.cssselect("a")
        items = record(discipline_id)["use_cases"]
        assert [text_of(a) for a in links] == [" ".join(i["text"].split()) for i in items]
        assert [a.get("href") for a in links] == [
            f"../disciplines/{discipline_id}/#use-cases-{i['id']}" for i in items]


def test_pair_page_compares_two_in_content_order(built_site: Project) -> None:
    page = html_page(built_site.site, "compare/devops-vs-mlops/")
    assert text_of(page.cssselect("h1")[0]) == "DevOps vs MLOps"
    header = [text_of(th) for th in page.cssselect("article table thead th")]
    assert header == ["Dimension", "DevOps", "MLOps"]
    relation = text_of(page.get_element_by_id("how-they-relate").getnext())
    assert relation.startswith("MLOps applies DevOps")


def test_home_page_guides_newcomers(built_site: Project) -> None:
    page = html_page(built_site.site, "")
    text = text_of(page.cssselect("article")[0])
    for discipline_id in IDS:
        data = record(discipline_id)
        assert data["summary"]["text"] in text  # type: ignore[index]
    assert "LLMOps specializes MLOps" in text
    assert page.get_element_by_id("where-to-start") is not None


def test_built_html_loads_nothing_from_other_hosts(built_site: Project) -> None:
    for file in built_site.site.rglob("*.html"):
        page = html_page(built_site.site, file.relative_to(built_site.site).as_posix())
        loaded = [*page.xpath("//script/@src"), *page.xpath("//img/@src"),
                  *page.xpath("//link[@rel!='canonical' and not(starts-with(@rel, 'alt'))]"
                              "/@href"), *page.xpath("//iframe/@src")]
        foreign = [u for u in loaded if re.match(r"^(https?:)?//", u)
                   and not u.startswith("https://ops-atlas.github.io/")]
        assert foreign == [], file


def test_builds_are_byte_identical(built_site: Project, tmp_path: Path) -> None:
    again = copy_project(tmp_path / "again")
    again.build_site()
    for tree in ("docs", "site"):
        first, second = _tree(built_site.root / tree), _tree(again.root / tree)
        assert sorted(first) == sorted(second)
        differing = [path for path in first if first[path] != second[path]]
        assert differing == [], f"{tree}: {differing[:5]}"


def test_sitemap_dates_are_the_content_date(built_site: Project) -> None:
    sitemap = (built_site.site / "sitemap.xml").read_text(encoding="utf-8")
    updated = yaml.safe_load((ROOT / "content/atlas.yaml").read_text())["updated"]
    assert set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap)) == {updated}


def _is_redirect(page: Path) -> bool:
    return b'http-equiv="refresh"' in page.read_bytes()


def _tree(root: Path) -> dict[str, bytes]:
    # The no-op stamp records file times and absolute paths: bookkeeping, not output.
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in root.rglob("*") if p.is_file() and p.name != STAMP}
