"""Glossary checks a JSON Schema cannot express: each term defined once, known disciplines,
and discipline aliases that would be mistaken for a glossary anchor."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .problems import FieldPath, Problem, did_you_mean
from .yaml_source import YamlDocument

GLOSSARY_PAGE_ANCHORS = ("glossary",)
"""Ids the glossary page already uses (its title): no term may take one."""

_ACRONYM = re.compile(r"\b[A-Z][A-Za-z]*[A-Z]\b")
"""A word of two or more letters that starts and ends in a capital: 'SLO', 'IaC'."""


def check_glossary(glossary: YamlDocument, records: list[YamlDocument],
                   ids: set[str]) -> list[Problem]:
    """Every problem of a schema-valid glossary against the valid records, located."""
    terms = glossary.data["terms"]
    problems = list(_duplicate_ids(glossary))
    problems += _duplicate_spellings(glossary)
    for index, term in enumerate(terms):
        problems += _term_problems(glossary, index, term, ids)
    anchors = {term["id"]: term["term"] for term in terms}
    problems += [p for doc in records for p in _alias_anchors(doc, anchors)]
    return problems


def _duplicate_ids(glossary: YamlDocument) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for index, term in enumerate(glossary.data["terms"]):
        first = seen.setdefault(term["id"], index)
        if first != index:
            yield glossary.problem(("terms", index, "id"), f"duplicate term id '{term['id']}' "
                                                           f"(already used by terms[{first}])")
        elif term["id"] in GLOSSARY_PAGE_ANCHORS:
            yield glossary.problem(("terms", index, "id"), f"'{term['id']}' is already an "
                                                           "anchor of the glossary page")


def _spellings(term: dict[str, object], index: int) -> Iterator[tuple[FieldPath, str]]:
    yield ("terms", index, "term"), str(term["term"])
    aliases = term["aliases"]
    assert isinstance(aliases, list)
    for number, alias in enumerate(aliases):
        yield ("terms", index, "aliases", number), str(alias)


def _duplicate_spellings(glossary: YamlDocument) -> Iterator[Problem]:
    """A spelling names one term only, whatever its case: tooltips and search need that."""
    owners: dict[str, int] = {}
    for index, term in enumerate(glossary.data["terms"]):
        for where, spelling in _spellings(term, index):
            key = " ".join(spelling.casefold().split())
            if key in owners:
                owner = glossary.data["terms"][owners[key]]["term"]
                yield glossary.problem(where, f"'{spelling}' is already defined by "
                                              f"terms[{owners[key]}] ('{owner}')")
            else:
                owners[key] = index


def _term_problems(glossary: YamlDocument, index: int, term: dict[str, object],
                   ids: set[str]) -> Iterator[Problem]:
    related = term["related"]
    assert isinstance(related, list)
    for number, target in enumerate(related):
        if target not in ids:
            yield glossary.problem(("terms", index, "related", number),
                                   f"unknown discipline '{target}'{did_you_mean(target, ids)}")
    name = str(term["term"])
    if _ACRONYM.search(name) and "expansion" not in term:
        yield glossary.problem(("terms", index, "term"), f"'{name}' looks like an acronym: "
                                                         "add its 'expansion'")


def _alias_anchors(doc: YamlDocument, anchors: dict[str, str]) -> Iterator[Problem]:
    for index, alias in enumerate(doc.data.get("aliases", [])):
        if alias in anchors:
            yield doc.problem(("aliases", index), f"alias '{alias}' is already the glossary "
                                                  f"anchor of '{anchors[alias]}' "
                                                  f"(/glossary/#{alias}); pick another alias")
