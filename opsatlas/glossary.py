"""The glossary's words: the model of each term, the spellings it is matched by, and which
disciplines use it.

A term is matched exactly as the abbr extension matches it on every page (whole words,
case-sensitively), so "the disciplines that mention a term" are the pages showing its tooltip.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from .model import Discipline, Source, Term

_ACRONYM = re.compile(r"[A-Z]{2,}")
_WORD = re.compile(r"\w+")


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
    alternatives = "|".join(map(re.escape, ordered))
    return re.compile(rf"\b(?:{alternatives})\b")


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


class RecordIndex:
    """Every record's searchable text, and which records hold each word of it.

    A whole-word match of a spelling holds each of its words (runs of letters, digits and _)
    as a whole word of the text, so only the records holding all of them need the regex: a
    handful, instead of every record for every term (60 x 1,000 searches at N = 1,000).
    """

    def __init__(self, disciplines: Iterable[Discipline]) -> None:
        self.texts = {d.id: searchable_text(d) for d in disciplines}
        self.words: dict[str, set[str]] = {}
        for record_id, text in self.texts.items():
            for word in set(_WORD.findall(text)):
                self.words.setdefault(word, set()).add(record_id)

    def candidates(self, forms: Iterable[str]) -> set[str] | None:
        """Ids of the records that may match one of `forms` (None: any record may)."""
        found: set[str] = set()
        for form in forms:
            words = _WORD.findall(form)
            if not words:
                return None
            found |= set.intersection(*(self.words.get(word, set()) for word in words))
        return found


def users(term: Term, disciplines: Iterable[Discipline],
          index: RecordIndex | None = None) -> tuple[Discipline, ...]:
    """Disciplines the term belongs to or whose record mentions it, in the given order.

    `index` (of these disciplines) saves joining every record again for every term, and
    searching the records that cannot match.
    """
    forms = spellings(term)
    pattern = spelling_pattern(forms)
    if index is None:
        return tuple(d for d in disciplines
                     if d.id in term.related or pattern.search(searchable_text(d)))
    maybe = index.candidates(forms)
    return tuple(d for d in disciplines if d.id in term.related or (
        (maybe is None or d.id in maybe) and pattern.search(index.texts[d.id])))


def _fold(text: str) -> str:
    return " ".join(str(text).split())
