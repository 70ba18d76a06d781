"""The glossary's words: the model of each term, the spellings it is matched by, and which
disciplines use it.

A term is matched exactly as the abbr extension matches it on every page (whole words,
case-sensitively), so "the disciplines that mention a term" are the pages showing its tooltip.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from .model import Discipline, Source, Term

_ACRONYM = re.compile(r"[A-Z]{2,}")


def build_terms(raw_terms: list[dict[str, Any]]) -> tuple[Term, ...]:
    """Validated glossary entries as the frozen model, in file order."""
    return tuple(Term(id=raw["id"], term=raw["term"], definition=_fold(raw["definition"]),
                      aliases=tuple(raw["aliases"]), related=tuple(raw["related"]),
                      source=Source("", _fold(raw["source"]["title"]), raw["source"]["url"]),
                      expansion=_fold(raw.get("expansion", "")))
                 for raw in raw_terms)


def spellings(term: Term) -> tuple[str, ...]:
    """Every form the term is matched by, without repeats.

    Its term and aliases as written; the same with the first letter's case swapped when no
    other letter is a capital ('drift' and 'Drift' at a sentence start); an acronym's plural
    ('SLOs').
    """
    forms: dict[str, None] = {}
    for written in (term.term, *term.aliases):
        forms[written] = None
        if written[0].isalpha() and written[1:] == written[1:].lower():
            forms[written[0].swapcase() + written[1:]] = None
        if _ACRONYM.fullmatch(written):
            forms[f"{written}s"] = None
    return tuple(forms)


def spelling_pattern(forms: Iterable[str]) -> re.Pattern[str]:
    """Whole-word alternation, longest first: the regex Python-Markdown's abbr builds."""
    ordered = sorted(set(forms), key=len, reverse=True)
    return re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, ordered)))


def record_text(discipline: Discipline) -> Iterator[str]:
    """The text a discipline's page shows from its record: every entry and tool name."""
    yield discipline.name
    for entries in discipline.fields.values():
        for entry in entries:
            yield entry.name
            yield entry.text


def searchable_text(discipline: Discipline) -> str:
    """A record's text as one string: a line break keeps every spelling inside one text."""
    return "\n".join(record_text(discipline))


def users(term: Term, disciplines: Iterable[Discipline],
          texts: Mapping[str, str] | None = None) -> tuple[Discipline, ...]:
    """Disciplines the term belongs to or whose record mentions it, in the given order.

    `texts` (id -> searchable_text) saves joining every record again for every term.
    """
    pattern = spelling_pattern(spellings(term))
    return tuple(d for d in disciplines if d.id in term.related or pattern.search(
        texts[d.id] if texts is not None else searchable_text(d)))


def _fold(text: str) -> str:
    return " ".join(str(text).split())
