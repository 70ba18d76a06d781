"""Search in a real browser: what people type lands on the page they mean, first.

The queries come from the content itself: every discipline's name, full name and alias, every
pair of disciplines, every glossary term with its expansion and aliases, and phrases from the
records' use cases and limitations. Each is typed into Material's search box and the first
result is read: the page it links to and, for a glossary term, the entry it opens.

What counts as "the page they mean" (encoded in `expected_for_term`):
- a discipline's names lead to the discipline ('ML Ops', 'machine learning operations');
- a glossary term, expansion or alias leads to its glossary entry ('CI/CD', 'infrastructure as
  code', 'drift'), which links every discipline that uses it; the exception is a lone acronym
  that begins one discipline's name ('ML', 'LLM', 'AI'), which leads to that discipline;
- a phrase from a record's use cases or limitations leads to that discipline's page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from opsatlas import urls
from opsatlas.content import load_atlas
from opsatlas.glossary import record_text
from opsatlas.model import Atlas, Term
from tests.conftest import ROOT

ATLAS: Atlas = load_atlas(ROOT / "content")

LUNR_STOP_WORDS = {"a", "an", "and", "as", "at", "be", "by", "for", "in", "is", "it", "of",
                   "on", "or", "the", "to"}
"""lunr leaves these out of its index, so a query made only of them finds nothing ('IT')."""

USE_CASE_PHRASES = {
    "predictive maintenance": "aiops", "automatic remediation": "aiops",
    "computing power": "llmops", "industry standards": "llmops",
    "organizational culture": "devops", "specialist know-how": "dataops",
    "data engineering": "dataops", "ground truth": "mlops",
}
"""Phrases from the records' use cases, limitations and metrics, and whose record says them."""

ISSUE_PHRASES = ("drift", "root cause", "bias", "rollback", "data quality",
                 "infrastructure as code")
"""Words the issue names: each is a glossary term or expansion, so its entry comes first, and
a discipline whose record uses the words follows among the first results."""


@dataclass(frozen=True)
class Query:
    text: str
    page: str
    """Site-relative path of the first result: 'disciplines/mlops/', 'glossary/'."""
    anchor: str = ""
    """The entry the first result opens within that page ('' when the page is enough)."""

    def __str__(self) -> str:
        return self.text


def discipline_queries() -> Iterator[Query]:
    for d in ATLAS.disciplines:
        page = urls.discipline_url(d.id)
        names = {d.name, d.name.lower(), d.text("full_name"),
                 *(alias.replace("-", " ") for alias in d.aliases)}
        yield from (Query(name, page) for name in sorted(names))


def pair_queries() -> Iterator[Query]:
    for first, second in urls.ordered_pairs([d.id for d in ATLAS.disciplines]):
        a, b = ATLAS.discipline(first).name, ATLAS.discipline(second).name
        yield Query(f"{a} vs {b}", urls.pair_url(first, second))
        yield Query(f"{b} vs {a}", urls.pair_url(first, second))


def expected_for_term(spelling: str, term: Term) -> Query:
    starts = [d for d in ATLAS.disciplines
              if " " not in spelling and d.name.casefold().startswith(spelling.casefold())]
    if len(starts) == 1:
        return Query(spelling, urls.discipline_url(starts[0].id))
    return Query(spelling, urls.GLOSSARY_URL, urls.term_anchor(term.id))


def glossary_queries() -> Iterator[Query]:
    for term in ATLAS.glossary:
        for spelling in (term.term, term.expansion, *term.aliases):
            if spelling and spelling.casefold() not in LUNR_STOP_WORDS:
                yield expected_for_term(spelling, term)


def use_case_queries() -> Iterator[Query]:
    for phrase, discipline_id in USE_CASE_PHRASES.items():
        yield Query(phrase, urls.discipline_url(discipline_id))


QUERIES = list({q.text.casefold(): q for q in [
    *discipline_queries(), *pair_queries(), *glossary_queries(), *use_case_queries(),
    Query("99.9", urls.GLOSSARY_URL, "slo"),  # digits and a dot: the SLO example target
]}.values())


def test_the_query_set_is_derived_from_the_content() -> None:
    texts = {q.text.casefold() for q in QUERIES}
    assert {"ci/cd", "a/b testing", "k8s", "llmops", "ml ops", "infrastructure as code",
            "machine learning operations", "mlops vs devops", *ISSUE_PHRASES} <= texts
    assert len(QUERIES) >= 30
    for phrase, discipline_id in USE_CASE_PHRASES.items():
        said = " ".join(record_text(ATLAS.discipline(discipline_id))).casefold()
        assert phrase in said, f"{phrase!r} is not in the {discipline_id} record"


# One browser tab serves every query: opening the search box once keeps the run short.
@pytest.fixture(scope="module")
def search_box(browser: Any, base_url: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    foreign: list[str] = []

    def note_foreign(request: Any) -> None:
        if not request.url.startswith((base_url, "data:", "blob:")):
            foreign.append(request.url)

    tab.on("request", note_foreign)
    tab.goto(f"{base_url}disciplines/")
    tab.keyboard.press("/")  # Material's shortcut: focus the search box
    box = tab.locator("input[data-md-component=search-query]")
    assert box.evaluate("input => input === document.activeElement")
    yield tab
    assert foreign == [], f"search requested another host: {foreign}"
    context.close()


_QUIET = """() => new Promise(resolve => {
  const meta = document.querySelector(".md-search-result__meta");
  const pending = () => /^(Initializing|Type to start)/.test(meta.textContent.trim());
  const results = document.querySelector(".md-search-result");
  let timer;
  const settle = () => { clearTimeout(timer); timer = setTimeout(done, 120); };
  const observer = new MutationObserver(settle);
  observer.observe(results, {childList: true, subtree: true, characterData: true});
  function done() {
    if (pending()) { settle(); return; }
    observer.disconnect(); resolve(true);
  }
  settle();
})"""
"""Resolves once the result list has stopped changing for 120 ms after the index is ready."""


def search(tab: Any, text: str) -> list[list[str]]:
    """Type `text` into the search box; each result item's links (page first, then sections)."""
    box = tab.locator("input[data-md-component=search-query]")
    box.fill("")
    box.press_sequentially(text)
    assert box.input_value() == text
    for _ in range(20):  # results of a half-typed query may still be on their way
        tab.evaluate(_QUIET)
        results = [item.locator("a.md-search-result__link").evaluate_all(
            "links => links.map(a => a.href)")
            for item in tab.locator("li.md-search-result__item").all()]
        if _answers(results, text):
            break
    return results


def _answers(results: list[list[str]], text: str) -> bool:
    """Whether the words Material highlights in the first result are words of `text`."""
    words = set(re.split(r"[\s\-]+", text.casefold())) | set(re.findall(r"[\w/.']+",
                                                                       text.casefold()))
    marked = {word for href in results[0] for word in parse_qs(urlsplit(href).query)
              .get("h", [""])[0].split()} if results else set()
    return marked <= words


def _path(href: str, base_url: str) -> str:
    return urlsplit(href).path.removeprefix(urlsplit(base_url).path)


@pytest.mark.parametrize("query", QUERIES, ids=str)
def test_query_lands_on_the_expected_page_first(search_box: Any, base_url: str,
                                                query: Query) -> None:
    results = search(search_box, query.text)
    assert results, f"{query.text!r} found nothing"
    first = results[0]
    got = _path(first[0], base_url)
    assert got == query.page, f"{query.text!r}: first result /{got}, wanted /{query.page}"
    if query.anchor:
        sections = [urlsplit(href).fragment for href in first[1:]]
        assert sections[:1] == [query.anchor], \
            f"{query.text!r}: first entry #{sections[:1]}, wanted #{query.anchor}"


@pytest.mark.parametrize("phrase", ISSUE_PHRASES)
def test_use_case_words_find_the_entry_then_the_disciplines_using_them(
        search_box: Any, base_url: str, phrase: str) -> None:
    results = search(search_box, phrase)
    first = results[0]
    assert _path(first[0], base_url) == urls.GLOSSARY_URL
    word = re.compile(rf"\b{re.escape(phrase)}", re.IGNORECASE)
    users = {urls.discipline_url(d.id) for d in ATLAS.disciplines
             if any(word.search(text) for text in record_text(d))}
    following = {_path(item[0], base_url) for item in results[1:4]}
    assert users & following, f"{phrase!r}: none of {sorted(users)} in {sorted(following)}"


def test_a_page_shows_its_keywords_once_among_its_results(search_box: Any,
                                                          base_url: str) -> None:
    results = search(search_box, "CI/CD")
    devops = next(i for i, item in enumerate(results)
                  if _path(item[0], base_url) == urls.discipline_url("devops"))
    item = search_box.locator("li.md-search-result__item").nth(devops)
    assert item.locator("a.md-search-result__link").count() > 1
    chips = item.locator(".md-tags").filter(visible=True)
    assert chips.count() == 1
    assert chips.first.inner_text().split("\n")[:2] == ["DevOps", "Software Development and IT "
                                                                  "Operations"]
