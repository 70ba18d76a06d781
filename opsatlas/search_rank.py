"""How pages rank in the site search (Material's lunr index): boosts and keywords per page.

Material scores a match in a heading 1000 times a match in body text, then favours a page's
top section over its subsections. These settings are tuned so the page a person means ranks
first for what they type (tests/e2e/test_search.py holds the query set):

- a discipline page carries its name, full name and alias spellings as `tags`, which the
  search indexes like a heading (mkdocs.yml `fields`), so "ML Ops" or "machine learning
  operations" finds MLOps although the page's heading says only "MLOps";
- glossary entries are subsections of one page, so that page is boosted to let a term's
  entry outrank a discipline page that merely mentions the term;
- the comparison pages repeat every record, so they are damped and win only on their titles
  ("DevOps vs MLOps"); the home and index pages repeat summaries and are damped too.
"""

from __future__ import annotations

import json

from . import urls
from .markdown_text import Md
from .model import Atlas, Discipline
from .views import Page

BOOSTS = {"discipline.md.j2": 1.0, "glossary.md.j2": 3.0, "pair.md.j2": 0.5,
          "compare.md.j2": 0.1, "home.md.j2": 0.2, "disciplines.md.j2": 0.2}
"""Search boost by page template; a template not listed keeps Material's default (1)."""


def keywords(discipline: Discipline) -> list[str]:
    """What people type for a discipline: 'MLOps', 'Machine Learning Operations', 'ml ops'."""
    spelled = [discipline.name, discipline.text("full_name"),
               *(alias.replace("-", " ") for alias in discipline.aliases)]
    unique: dict[str, str] = {}
    for phrase in spelled:
        unique.setdefault(phrase.casefold(), phrase)
    return list(unique.values())


def search_meta(template: str, tags: list[str]) -> Md:
    """Front matter lines for the search: the page's boost, and its keywords if any."""
    lines = [f"search: {json.dumps({'boost': BOOSTS.get(template, 1.0)})}"]
    if tags:
        lines.append(f"tags: {json.dumps(tags)}")
    return Md("\n".join(lines))


def search_tags(atlas: Atlas) -> dict[str, list[str]]:
    """Docs path -> the keywords of the discipline page there (`keywords`)."""
    return {urls.discipline_doc(d.id): keywords(d) for d in atlas.disciplines}


def with_search(page: Page, tags: list[str]) -> Page:
    """The page with its search front matter (`search_meta`) added."""
    return Page(page.path, page.template,
                {**page.values, "search_meta": search_meta(page.template, tags)})
