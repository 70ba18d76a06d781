"""Every point of the source article is on its discipline's page, in our own words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, Project
from tests.site_reading import IDS, html_page, record

ARTICLE = ROOT.parent / "shared/seed/comparing-devops-dataops-aiops-mlops-llmops.md"
COVERAGE = yaml.safe_load((ROOT / "tests/data/article_coverage.yaml").read_text())
SECTIONS = {"Scope": "scope", "Use Cases": "use_cases", "Limitations": "limitations"}
SHINGLE = 8

needs_article = pytest.mark.skipif(not ARTICLE.is_file(),
                                   reason=f"source article not found at {ARTICLE}")


def article_bullets(path: Path) -> dict[str, dict[str, list[str]]]:
    """{discipline id: {section: [bullet text, ...]}} from the article's Markdown."""
    bullets: dict[str, dict[str, list[str]]] = {}
    discipline = section = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            discipline, section = line[3:].strip().lower(), ""
        elif line.startswith("### "):
            section = SECTIONS.get(line[4:].strip(" *"), "")
        elif discipline and section and re.match(r"^[*-] ", line):
            bullets.setdefault(discipline, {}).setdefault(section, []).append(line[2:].strip())
    return bullets


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def _record_texts(value: object) -> list[str]:
    if isinstance(value, dict):
        return [t for v in value.values() for t in _record_texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _record_texts(v)]
    return [value] if isinstance(value, str) else []


@needs_article
def test_coverage_map_has_one_entry_per_article_bullet() -> None:
    bullets = article_bullets(ARTICLE)
    assert sorted(bullets) == sorted(IDS)
    for discipline_id, sections in bullets.items():
        for section, texts in sections.items():
            assert len(COVERAGE[discipline_id][section]) == len(texts), (discipline_id, section)


@pytest.mark.parametrize("discipline_id", IDS)
def test_each_article_point_is_on_the_page_citing_the_article(
        built_site: Project, discipline_id: str) -> None:
    page = html_page(built_site.site, f"disciplines/{discipline_id}/")
    anchors = [anchor for bullets in COVERAGE[discipline_id].values()
               for bullet in bullets for anchor in bullet]
    anchors += COVERAGE["closing"].get(discipline_id, [])
    for anchor in anchors:
        element = page.get_element_by_id(anchor)
        scope = element if anchor != "emerged" else element.getnext()
        cited = [a.get("href") for a in scope.cssselect("sup a")]
        assert "#sources-article" in cited, anchor


@needs_article
@pytest.mark.parametrize("discipline_id", IDS)
def test_records_do_not_copy_the_article(discipline_id: str) -> None:
    article = _shingles(ARTICLE.read_text(encoding="utf-8"))
    data = {k: v for k, v in record(discipline_id).items() if k != "sources"}
    copied = [text for text in _record_texts(data) if _shingles(text) & article]
    assert copied == []


@pytest.mark.parametrize("discipline_id", IDS)
def test_every_record_cites_the_article(discipline_id: str) -> None:
    sources = record(discipline_id)["sources"]
    assert any(s["url"].endswith("comparing-devops-dataops-aiops-mlops-and-llmops-key-differences")
               for s in sources)  # type: ignore[union-attr]
