"""The glossary's tooltips: every spelling of every term, with the definition it shows.

MkDocs' hook hands this map to Python-Markdown's `abbr` extension as its `glossary`, which
turns each matching word of every page into `<abbr title="...">`, and Material's
`content.tooltips` shows the title as a tooltip. (Appending the same definitions to every page
as `*[term]: ...` lines, as a snippet, made each page parse ~550 more lines: 40% of the build.)
"""

from __future__ import annotations

from .glossary import spellings
from .model import Term


def tooltip(term: Term) -> str:
    """What hovering the term shows: 'CI/CD (continuous integration ...): The practice ...'.

    The abbr extension puts it in an attribute as plain text (escaped on output), so the
    definition is written as it is, not as Markdown."""
    name = f"{term.term} ({term.expansion})" if term.expansion else term.term
    return f"{name}: {term.definition}"


def abbreviations(terms: tuple[Term, ...]) -> dict[str, str]:
    """Spelling -> tooltip, for every spelling of every term (terms sorted by id)."""
    return {spelling: tooltip(term) for term in sorted(terms, key=lambda t: t.id)
            for spelling in spellings(term)}
