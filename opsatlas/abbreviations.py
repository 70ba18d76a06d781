"""The abbreviations snippet: every glossary spelling with its definition, for tooltips.

pymdownx.snippets appends this file to every page (`auto_append` in mkdocs.yml), the abbr
extension turns each matching word into `<abbr title="...">`, and Material's
`content.tooltips` shows the title as a tooltip. The file sits in docs/ but is excluded from
the site (`exclude_docs`), so it is never a page of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .glossary import spellings
from .model import Term

if TYPE_CHECKING:
    from .model import Atlas
    from .publish import Published

ABBREVIATIONS_DOC = "includes/abbreviations.md"
"""Docs-relative path; mkdocs.yml names it in `auto_append` and `exclude_docs`."""


def tooltip(term: Term) -> str:
    """What hovering the term shows: 'CI/CD (continuous integration ...): The practice ...'."""
    name = f"{term.term} ({term.expansion})" if term.expansion else term.term
    return f"{name}: {term.definition}"


def to_abbreviations(terms: tuple[Term, ...]) -> str:
    """One `*[spelling]: tooltip` line per spelling, terms sorted by id.

    The abbr extension reads the title as plain text (it becomes an attribute, escaped on
    output), so the definition is written as it is, not as Markdown.
    """
    lines = [f"*[{spelling}]: {tooltip(term)}"
             for term in sorted(terms, key=lambda t: t.id) for spelling in spellings(term)]
    # A blank line between definitions: each is a block of its own. As one block, every block
    # processor re-tests the whole rest of it after each definition: ~1 s a page, quadratic.
    return "\n\n".join(["", *lines, ""])


def publish_abbreviations(atlas: Atlas, published: Published) -> None:
    """Add the snippet file to the generated docs tree."""
    published.add(ABBREVIATIONS_DOC, to_abbreviations(atlas.glossary).encode("utf-8"))
