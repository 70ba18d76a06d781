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
    """Every record's searchable text, and which records hold each word of a spelling.

    A whole-word match of a spelling holds each of its words (runs of letters, digits and _)
    as a whole word of the text, so only the records holding all of them need the regex: a
    handful, instead of every record for every term (60 x 1,000 searches at N = 1,000).
    A one-word spelling needs no regex at all: holding the word is the match. Only the words
    of the terms' spellings are indexed.
    """

    def __init__(self, disciplines: Iterable[Discipline], terms: Iterable[Term]) -> None:
        self.disciplines = tuple(disciplines)
        self.position = {d.id: index for index, d in enumerate(self.disciplines)}
        self.texts = {d.id: searchable_text(d) for d in self.disciplines}
        vocabulary = {word for term in terms for form in spellings(term)
                      for word in _WORD.findall(form)}
        self.words: dict[str, set[str]] = {word: set() for word in vocabulary}
        for record_id, text in self.texts.items():
            for word in vocabulary.intersection(_WORD.findall(text)):
                self.words[word].add(record_id)

    def candidates(self, forms: Iterable[str]) -> tuple[set[str], set[str]]:
        """Ids of the records that surely match one of `forms`, and of those that may.

        A one-word form matches exactly the records holding that word; any other form may
        match the records holding all its words (or any record, if a word is not indexed).
        """
        sure: set[str] = set()
        maybe: set[str] = set()
        for form in forms:
            words = _WORD.findall(form)
            if not words or any(word not in self.words for word in words):
                maybe.update(self.texts)  # not a spelling of an indexed term: rules none out
                continue
            holding = set.intersection(*(self.words[word] for word in words))
            (sure if words == [form] else maybe).update(holding)
        return sure, maybe - sure

    def in_order(self, ids: Iterable[str]) -> tuple[Discipline, ...]:
        """The disciplines of these ids, once each and in index order (unknown ids skipped)."""
        positions = sorted({self.position[i] for i in ids if i in self.position})
        return tuple(self.disciplines[position] for position in positions)


def users(term: Term, index: RecordIndex) -> tuple[Discipline, ...]:
    """Disciplines of `index` the term belongs to or whose record mentions it, in index order."""
    forms = spellings(term)
    sure, maybe = index.candidates(forms)
    pattern = spelling_pattern(forms)
    return index.in_order([*term.related, *sure,
                           *(i for i in maybe if pattern.search(index.texts[i]))])


def _fold(text: str) -> str:
    return " ".join(str(text).split())
