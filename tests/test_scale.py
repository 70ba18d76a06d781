"""The scale policy (opsatlas/scale.py), counted on generated and built synthetic sites.

Counts and bytes only, never time: pages generated, sidebar entries, HTML bytes per page.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import lxml.html
import pytest
import yaml

from benchmarks import synth
from opsatlas import scale
from opsatlas.content import load_atlas
from opsatlas.pages import nav
from tests.conftest import Project, replace_once, synthetic_project
from tests.site_reading import html_page, text_of

PAGE_BUDGET = 50_000


def generated(tmp_path_factory: pytest.TempPathFactory, n: int) -> Project:
    project = synthetic_project(tmp_path_factory, n)
    result = project.generate()
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="module")
def site_50(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = synthetic_project(tmp_path_factory, 50)
    project.build_site()
    return project


@pytest.fixture(scope="module")
def site_200(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = synthetic_project(tmp_path_factory, 200)
    project.build_site()
    return project


def named_pairs(content: Path) -> set[frozenset[str]]:
    """Pairs linked by a `builds_on` relation, read straight from the YAML."""
    pairs = set()
    for path in (content / "disciplines").glob("*.yaml"):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        pairs |= {frozenset((record["id"], r["target"])) for r in record["builds_on"]}
    return pairs


def pair_pages(docs: Path) -> set[frozenset[str]]:
    return {frozenset(p.stem.split("-vs-")) for p in (docs / "compare").glob("*-vs-*.md")}


def sidebar(page: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    return page.cssselect("nav.md-nav--primary")[0]


def sidebar_disciplines(page: lxml.html.HtmlElement) -> list[str]:
    return [a.get("href") for a in sidebar(page).cssselect("a")
            if re.search(r"disciplines/[a-z0-9-]+/$", a.get("href", ""))]


def test_five_disciplines_keep_every_pair_page_and_all_in_the_sidebar(
        built_site: Project) -> None:
    assert len(pair_pages(built_site.docs)) == 10
    compare = html_page(built_site.site, "compare/")
    assert len(sidebar_disciplines(compare)) == 5
    header = compare.cssselect("article table")[0].cssselect("thead th")
    assert len(header) == 1 + 5
    assert "The table shows the first" not in text_of(compare.cssselect("article")[0])
    assert not (built_site.docs / "disciplines/by-letter").exists()


@pytest.mark.parametrize(("n", "every_pair"), [(30, True), (31, False)])
def test_pair_pages_for_every_pair_up_to_the_limit_then_only_named_pairs(
        tmp_path_factory: pytest.TempPathFactory, n: int, every_pair: bool) -> None:
    project = generated(tmp_path_factory, n)
    pages = pair_pages(project.docs)
    if every_pair:
        assert len(pages) == n * (n - 1) // 2 == 435
    else:
        assert pages == named_pairs(project.content)
        assert len(pages) < 2 * n
    assert not list((project.docs / "exports").glob("*-vs-*"))  # pair exports stop at 10


@pytest.mark.parametrize(("n", "listed"), [(30, 30), (31, 0), (1000, 0)])
def test_sidebar_lists_disciplines_only_up_to_the_limit(tmp_path: Path, n: int,
                                                        listed: int) -> None:
    synth.write_content_set(n, tmp_path / "content")
    disciplines = nav(load_atlas(tmp_path / "content"))[1]["Disciplines"]  # type: ignore[index]
    assert disciplines[0] == "disciplines/index.md"
    assert len(disciplines) - 1 == listed


def test_sidebar_does_not_grow_with_the_number_of_records(site_50: Project,
                                                         site_200: Project) -> None:
    small = sidebar(html_page(site_50.site, "compare/"))
    large = sidebar(html_page(site_200.site, "compare/"))
    assert lxml.html.tostring(small) == lxml.html.tostring(large)
    assert sidebar_disciplines(html_page(site_200.site, "compare/")) == []


def test_pages_stay_under_50_kb_at_200_records(site_200: Project) -> None:
    real = {p.stem for p in synth.real_records()}
    sizes = {}
    for page in site_200.site.rglob("index.html"):
        url = page.parent.relative_to(site_200.site).as_posix()
        if url.startswith(("disciplines", "compare/")) and not real & set(
                re.split(r"/|-vs-", url)):
            sizes[url] = page.stat().st_size
    assert len(sizes) > 200 + len(named_pairs(site_200.content))
    assert max(sizes.values()) < PAGE_BUDGET, max(sizes, key=sizes.__getitem__)
    for front in ("index.html", "disciplines/index.html", "404.html"):
        assert (site_200.site / front).stat().st_size < PAGE_BUDGET, front


@pytest.mark.parametrize("front", ["index.html", "compare/index.html",
                                   "glossary/index.html", "404.html"])
def test_front_pages_do_not_grow_with_the_number_of_records(site_50: Project, site_200: Project,
                                                            front: str) -> None:
    """/compare/ holds the real records' full text (over 100 KB at N = 5), so it is held to
    this, not to the budget: 150 more records add a few bytes ("200" for "50"), not a row."""
    grown = (site_200.site / front).stat().st_size - (site_50.site / front).stat().st_size
    assert abs(grown) < 500, grown


def test_the_picker_lists_the_matrix_columns_and_finds_the_rest(site_200: Project,
                                                                built_site: Project) -> None:
    picker = html_page(site_200.site, "compare/").get_element_by_id("atlas-picker")
    boxes = picker.cssselect("input[name=discipline]")
    matrix = [d.id for d in load_atlas(site_200.content).disciplines]
    assert [b.get("value") for b in boxes] == matrix[:scale.MATRIX_COLUMN_LIMIT]
    assert all(b.get("checked") is not None for b in boxes)
    assert picker.get("data-full-ids") == ",".join(matrix[:scale.MATRIX_COLUMN_LIMIT])
    assert picker.get("data-total") == "200"
    assert text_of(picker.cssselect("label[for=atlas-find]")[0]) == \
        "Add another of the 200 disciplines"
    index = site_200.site / "compare" / picker.get("data-index-url")
    listed = json.loads(index.read_text(encoding="utf-8"))["disciplines"]
    assert [d["id"] for d in listed] == matrix
    assert listed[0] == {"id": "devops", "name": "DevOps"}

    small = html_page(built_site.site, "compare/").get_element_by_id("atlas-picker")
    assert len(small.cssselect("input[name=discipline][checked]")) == 5
    assert not small.cssselect("#atlas-find") and small.get("data-index-url") == ""
    assert not (built_site.docs / "compare/disciplines.json").exists()


def test_the_404_page_links_the_index_once_there_are_many(site_200: Project) -> None:
    page = html_page(site_200.site, "404.html")
    after = page.get_element_by_id("disciplines").getnext()
    assert after.tag == "p"
    assert text_of(after) == "The atlas has 200 disciplines: All disciplines lists them by letter."
    assert after.cssselect("a")[0].get("href") == "/disciplines/"


def test_matrix_shows_the_first_columns_with_a_note(site_50: Project,
                                                   site_200: Project) -> None:
    page = html_page(site_200.site, "compare/")
    table = page.cssselect("article table")[0]
    header = [text_of(th) for th in table.cssselect("thead th")]
    assert len(header) == 1 + scale.MATRIX_COLUMN_LIMIT
    smaller = html_page(site_50.site, "compare/").cssselect("article table")[0]
    assert lxml.html.tostring(table) == lxml.html.tostring(smaller)  # the same 12 columns
    article = text_of(page.cssselect("article")[0])
    assert f"The table shows the first {scale.MATRIX_COLUMN_LIMIT} of the 200 disciplines" \
        in article
    pairs = [a.get("href") for a in page.get_element_by_id("pairs").getnext().cssselect("a")]
    assert all((site_200.site / "compare" / href).resolve().is_dir() for href in pairs)


def test_index_is_grouped_by_letter_and_lists_each_discipline_once(site_200: Project) -> None:
    index = html_page(site_200.site, "disciplines/")
    letters = [a.get("href") for a in index.cssselect("article table a")]
    assert letters and all(href.startswith("by-letter/") for href in letters)
    listed: list[str] = []
    for href in letters:
        group = html_page(site_200.site / "disciplines", href)
        rows = group.cssselect("article table tbody tr")
        assert 0 < len(rows) <= scale.INDEX_PAGE_SIZE
        listed += [row.cssselect("a")[0].get("href").strip("./") for row in rows]
    assert sorted(listed) == sorted(p.stem for p in (site_200.content / "disciplines").glob("*"))


def test_a_big_letter_is_split_into_pages(tmp_path: Path) -> None:
    synth.write_content_set(250, tmp_path / "content")
    atlas = load_atlas(tmp_path / "content")
    all_k = dataclasses.replace(atlas, disciplines=tuple(
        dataclasses.replace(d, id=f"k{d.id}") for d in atlas.disciplines))
    groups = scale.index_groups(all_k)
    assert [(g.slug, g.label, len(g.disciplines)) for g in groups] == [
        ("k", "K", 100), ("k-2", "K (2)", 100), ("k-3", "K (3)", 50)]


def test_home_shows_some_cards_and_links_the_rest(site_200: Project) -> None:
    home = html_page(site_200.site, "")
    cards = home.cssselect("article .grid.cards li")
    assert len(cards) == scale.HOME_CARD_LIMIT
    more = [a for a in home.cssselect("article a") if a.text_content() == "all 200 disciplines"]
    assert more and more[0].get("href") == "disciplines/"


@pytest.mark.parametrize("record", ["devops", synth.synthetic_id(7)])
def test_each_discipline_links_the_pair_pages_it_belongs_to(site_200: Project,
                                                            record: str) -> None:
    page = html_page(site_200.site, f"disciplines/{record}/")
    following = page.get_element_by_id("compare").getnext()
    links = [a.get("href") for a in following.cssselect("a")] if following.tag == "ul" else []
    assert len(links) == sum(record in pair for pair in named_pairs(site_200.content)) > 0
    for href in links:
        assert (site_200.site / f"disciplines/{record}" / href / "index.html").is_file()


def test_two_generations_of_the_same_set_are_byte_identical(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    project = generated(tmp_path_factory, 120)
    again = project.generate("--docs", str(project.root / "again"))
    assert again.returncode == 0, again.stderr
    first = {p.relative_to(project.docs): p.read_bytes() for p in project.docs.rglob("*")
             if p.is_file() and not p.name.startswith(".")}
    second = {p.relative_to(project.root / "again"): p.read_bytes()
              for p in (project.root / "again").rglob("*")
              if p.is_file() and not p.name.startswith(".")}
    assert first == second


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
            if p.is_file() and not p.name.startswith(".")}


def test_two_processes_write_the_same_bytes_as_one(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    project = synthetic_project(tmp_path_factory, 250)  # 700 pieces of work: two processes
    one = project.generate("--docs", "one", jobs=1)
    two = project.generate("--docs", "two", jobs=2)
    assert one.returncode == two.returncode == 0, one.stderr + two.stderr
    assert _tree(project.root / "one") == _tree(project.root / "two")


def test_a_failure_in_either_process_leaves_every_file_as_it_was(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    project = synthetic_project(tmp_path_factory, 250)
    assert project.generate(jobs=2).returncode == 0
    before = {p: p.stat().st_mtime_ns for p in project.docs.rglob("*")}
    replace_once(project.content / "disciplines/devops.yaml", "name: DevOps", "name: Dev Ops")
    replace_once(project.root / "templates/disciplines.md.j2", "{{", "{{ no_such_value }}{{")

    failed = project.generate(jobs=2)

    assert failed.returncode == 1 and "no_such_value" in failed.stderr
    assert {p: p.stat().st_mtime_ns for p in project.docs.rglob("*")} == before


def test_a_failed_first_run_leaves_no_docs_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Pages made before the failure were already written (as they arrive): all removed."""
    project = synthetic_project(tmp_path_factory, 250)
    replace_once(project.root / "templates/pair.md.j2", "{{", "{{ no_such_value }}{{")

    failed = project.generate(jobs=2)

    assert failed.returncode == 1 and "no_such_value" in failed.stderr
    assert not project.docs.exists()
