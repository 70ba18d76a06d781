"""The glossary: it covers what the records say, /glossary/ lists every term, and every
generated page shows a term's definition as a tooltip without leaking markup anywhere."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest

from benchmarks import synth
from opsatlas.abbreviations import abbreviations, tooltip
from opsatlas.content import load_atlas
from opsatlas.glossary import RecordIndex, searchable_text, spelling_pattern, spellings, users
from opsatlas.model import Atlas, Discipline, Term
from tests.conftest import ROOT, Project
from tests.site_reading import html_page, text_of

ATLAS: Atlas = load_atlas(ROOT / "content")
TERMS = {term.id: term for term in ATLAS.glossary}
ALL_SPELLINGS = spelling_pattern(s for term in ATLAS.glossary for s in spellings(term))

# A word with two or more capitals and more capitals than small letters, slashes kept and an
# acronym's plural 's' dropped: 'CI/CD', 'IaC', 'SLOs', 'MLOps' (but not 'DevOps', 'GitHub').
_WORD = re.compile(r"[A-Za-z0-9]+(?:/[A-Za-z0-9]+)*")
_PLURAL = re.compile(r"(?<=[A-Z])s$")
PROPER_NAMES = {"IBM": "a company (in DataOps' history), not a term"}
"""Acronyms the records use that are names rather than terms to define."""


def acronyms(text: str) -> Iterator[str]:
    for word in _WORD.findall(text):
        word = _PLURAL.sub("", word)
        letters = re.sub(r"[^A-Za-z]", "", word)
        upper = sum(c.isupper() for c in letters)
        if upper >= 2 and upper > len(letters) - upper:
            yield word


def record_acronyms() -> Iterator[tuple[str, str, str]]:
    """(record id, acronym, where) for every acronym in a record's facts and tool names."""
    names = {name for d in ATLAS.disciplines
             for name in (d.name, *(tool.name for tool in d.entries("tools")))}
    for discipline in ATLAS.disciplines:
        for key, entries in discipline.fields.items():
            for entry in entries:
                for acronym in acronyms(f"{entry.name} {entry.text}"):
                    if acronym not in names and acronym not in PROPER_NAMES:
                        yield discipline.id, acronym, f"{key}/{entry.id or '-'}"


def test_every_acronym_in_the_records_has_a_glossary_entry() -> None:
    defined = {s for term in ATLAS.glossary for s in spellings(term)}
    missing = sorted({f"{acronym} ({record} {where})"
                      for record, acronym, where in record_acronyms() if acronym not in defined})
    assert not missing, f"add these to content/glossary.yaml: {missing}"


def test_the_acronym_scan_finds_what_it_should() -> None:
    assert list(acronyms("CI/CD for SLOs, IaC, RAG; DevOps on GitHub (K8s), NeurIPS, MLOps")) \
        == ["CI/CD", "SLO", "IaC", "RAG", "NeurIPS", "MLOps"]
    assert {a for _, a, _ in record_acronyms()} >= {"CI/CD", "IaC", "SLA", "LLM", "RAG", "SRE"}


@pytest.mark.parametrize("term_id", ["ci-cd", "iac", "sla", "slo", "sli", "qa", "ml", "ai",
                                     "llm", "dora", "mttr", "drift", "data-drift",
                                     "concept-drift", "root-cause-analysis",
                                     "event-correlation", "anomaly-detection", "a-b-testing",
                                     "canary-release", "rollback", "feature-store",
                                     "model-registry", "rag", "hallucination",
                                     "prompt-engineering", "guardrails", "data-lineage",
                                     "data-quality", "data-governance", "observability",
                                     "etl-elt", "gpu", "bias", "fine-tuning"])
def test_the_glossary_defines_the_terms_the_atlas_relies_on(term_id: str) -> None:
    term = TERMS[term_id]
    assert term.definition.endswith(".") and term.source.url.startswith("https://")


def _entry(site: Path, term_id: str) -> lxml.html.HtmlElement:
    """An entry's heading and the blocks up to the next heading."""
    page = html_page(site, "glossary/")
    heading = page.get_element_by_id(term_id)
    block = lxml.html.fromstring("<div></div>")
    block.append(lxml.html.fromstring(lxml.html.tostring(heading)))
    for sibling in heading.itersiblings():
        if sibling.tag in ("h1", "h2"):
            break
        block.append(lxml.html.fromstring(lxml.html.tostring(sibling)))
    return block


def test_glossary_page_has_one_anchored_entry_per_term(built_site: Project) -> None:
    page = html_page(built_site.site, "glossary/")
    anchors = [h.get("id") for h in page.cssselect("article h2")]
    assert sorted(anchors) == sorted(TERMS)
    headings = [text_of(h) for h in page.cssselect("article h2")]
    assert headings == sorted(headings, key=str.casefold), "entries are alphabetical"
    assert page.cssselect(".md-nav--primary a[href='./']")[0].text_content().strip() == \
        "Glossary"


def test_a_glossary_entry_shows_term_expansion_definition_source_and_users(
        built_site: Project) -> None:
    entry = _entry(built_site.site, "ci-cd")
    text = text_of(entry)
    term = TERMS["ci-cd"]
    assert text.startswith("CI/CD (continuous integration and continuous delivery)")
    assert term.definition in text
    assert "Also written: CICD, CI, CD, continuous integration" in text
    links = {a.text_content(): a.get("href") for a in entry.cssselect("a[href]")}
    assert links[term.source.title] == term.source.url
    # Related (DevOps, MLOps) and mentioned (LLMOps: "runnable in CI") disciplines.
    assert {name: links[name] for name in ("DevOps", "MLOps", "LLMOps")} == {
        "DevOps": "../disciplines/devops/", "MLOps": "../disciplines/mlops/",
        "LLMOps": "../disciplines/llmops/"}
    assert "AIOps" not in links


def test_glossary_anchor_is_stable(built_site: Project) -> None:
    assert html_page(built_site.site, "glossary/").get_element_by_id("ci-cd").tag == "h2"


def _searched_users(term: Term, atlas: Atlas) -> tuple[Discipline, ...]:
    """What `users` must find: the related records, and a search of every record's text."""
    pattern = spelling_pattern(spellings(term))
    return tuple(d for d in atlas.disciplines
                 if d.id in term.related or pattern.search(searchable_text(d)))


@pytest.mark.parametrize("indexed", [True, False], ids=["terms indexed", "terms not indexed"])
def test_users_are_what_a_search_of_every_record_finds(tmp_path: Path, indexed: bool) -> None:
    synth.write_content_set(60, tmp_path / "content")
    atlas = load_atlas(tmp_path / "content")
    index = RecordIndex(atlas.disciplines, atlas.glossary if indexed else ())
    found = {term.id: users(term, index) for term in atlas.glossary}
    assert found == {term.id: _searched_users(term, atlas) for term in atlas.glossary}
    assert sum(map(len, found.values())) > len(atlas.glossary)  # the check is not vacuous


def _article(site: Path, url: str) -> lxml.html.HtmlElement:
    return html_page(site, url).cssselect("article.md-content__inner")[0]


TOOLTIP_PAGES = ["", "disciplines/", "glossary/", *(f"disciplines/{d.id}/"
                                                     for d in ATLAS.disciplines),
                 "compare/devops-vs-mlops/"]


@pytest.mark.parametrize("url", TOOLTIP_PAGES)
def test_every_term_on_a_page_carries_its_definition(built_site: Project, url: str) -> None:
    article = _article(built_site.site, url)
    titles = {abbr.text_content(): abbr.get("title") for abbr in article.iter("abbr")}
    by_spelling = {s: term for term in ATLAS.glossary for s in spellings(term)}
    assert titles, f"no tooltips on /{url}"
    for spelling, title in titles.items():
        assert title == tooltip(by_spelling[spelling])
    bare = [m.group(0) for text in _plain_text(article) for m in ALL_SPELLINGS.finditer(text)]
    assert not bare, f"/{url}: terms without a tooltip: {bare}"


def test_the_comparison_table_carries_tooltips_too(built_site: Project) -> None:
    """(The export panel below it is raw HTML, which Markdown extensions never touch.)"""
    cells = html_page(built_site.site, "compare/").cssselect("article table")[0]
    terms = {abbr.text_content() for abbr in cells.iter("abbr")}
    assert {"CI/CD", "IaC", "RAG", "MTTR", "LLMs"} <= terms


def _plain_text(element: lxml.html.HtmlElement) -> Iterator[str]:
    """Text outside <abbr>, code and scripts: where a term would lack its tooltip."""
    for node in element.iter():
        if node.tag not in ("abbr", "code", "script", "style"):
            yield node.text or ""
        yield node.tail or ""


def test_terms_inside_escaped_punctuation_still_get_tooltips(built_site: Project) -> None:
    """md_text writes '(' and ':' as character references; tooltips must survive them."""
    markdown = (built_site.docs / "disciplines/aiops.md").read_text(encoding="utf-8")
    assert "&#40;MTTR&#41;&#58;" in markdown
    article = _article(built_site.site, "disciplines/aiops/")
    assert "MTTR" in [abbr.text_content() for abbr in article.iter("abbr")]


def test_no_page_shows_the_raw_abbreviation_list(built_site: Project) -> None:
    for html in built_site.site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "*[CI/CD]" not in text and "*[IaC]" not in text, html


@pytest.mark.parametrize("url", ["glossary/", "disciplines/devops/", "disciplines/aiops/"])
def test_tooltips_stay_out_of_titles_and_table_of_contents(built_site: Project,
                                                             url: str) -> None:
    page = html_page(built_site.site, url)
    title = page.findtext(".//title")
    toc = [text_of(a) for a in page.cssselect(".md-sidebar--secondary a.md-nav__link")]
    assert toc and "abbr" not in title
    assert not [label for label in toc if "abbr" in label or "<" in label]
    if url == "glossary/":
        assert sorted(toc, key=str.casefold) == sorted((t.term for t in ATLAS.glossary),
                                                       key=str.casefold)


def test_search_index_titles_carry_no_markup(built_site: Project) -> None:
    index = json.loads((built_site.site / "search/search_index.json").read_text("utf-8"))
    assert not [doc["title"] for doc in index["docs"] if "<" in doc["title"]]


def test_every_spelling_of_every_term_has_its_tooltip() -> None:
    tooltips = abbreviations(ATLAS.glossary)
    assert tooltips["CI/CD"].startswith("CI/CD (continuous integration and continuous "
                                        "delivery): ")
    assert set(tooltips) == {s for term in ATLAS.glossary for s in spellings(term)}


def test_the_tooltips_are_no_file_of_the_docs_or_the_site(built_site: Project) -> None:
    """The hook hands them to the abbr extension: nothing is appended to pages."""
    assert not (built_site.docs / "includes").exists()
    assert not (built_site.site / "includes").exists()
