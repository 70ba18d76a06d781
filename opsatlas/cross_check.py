"""Checks a JSON Schema cannot express: ids across files, references, cycles."""

from __future__ import annotations

import json
from collections.abc import Iterator
from graphlib import CycleError, TopologicalSorter
from pathlib import Path
from typing import Any

from .problems import Problem, did_you_mean
from .urls import PAGE_ANCHORS, RESERVED_SEGMENTS
from .yaml_source import YamlDocument

_NOT_LISTS = ("aliases", "sources")


def check_atlas(atlas: YamlDocument, dimensions: YamlDocument, records: list[YamlDocument],
                ids: set[str], discipline_schema: Path) -> list[Problem]:
    """Every cross-file problem among valid documents; `ids` names every record that parsed."""
    problems = [p for doc in records for p in _check_record(doc, ids)]
    problems += _duplicate_ids(records)
    problems += _alias_collisions(records)
    problems += _cycles(records)
    problems += _dimension_fields(dimensions, discipline_schema)
    problems += _start_here(atlas, ids)
    return problems


def _check_record(doc: YamlDocument, ids: set[str]) -> Iterator[Problem]:
    data = doc.data
    stem = Path(doc.path).stem
    if data["id"] != stem:
        yield doc.problem(("id",), f"id '{data['id']}' does not match the file name "
                                   f"'{stem}.yaml'; rename one so they agree")
    if data["id"] in RESERVED_SEGMENTS:  # its short link /<id>/ would replace a real page
        yield doc.problem(("id",), f"id '{data['id']}' is a path the site already uses; "
                                   "choose another id")
    yield from _item_ids(doc)
    yield from _source_refs(doc)
    for index, relation in enumerate(data.get("builds_on", [])):
        target = relation["target"]
        where = ("builds_on", index, "target")
        if target == data["id"]:
            yield doc.problem(where, "a discipline cannot build on itself")
        elif target not in ids:
            yield doc.problem(where, f"unknown discipline '{target}'"
                                     f"{did_you_mean(target, ids)}")


def _lists(data: dict[str, Any]) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    for key, value in data.items():
        if isinstance(value, list) and key not in _NOT_LISTS:
            yield key, value


def _item_ids(doc: YamlDocument) -> Iterator[Problem]:
    seen: dict[str, tuple[str, int]] = {}
    for key, items in _lists(doc.data):
        for index, item in enumerate(items):
            first = seen.setdefault(item["id"], (key, index))
            if first != (key, index):
                yield doc.problem((key, index, "id"), f"duplicate item id '{item['id']}' "
                                                      f"(already used by {first[0]}[{first[1]}])")
    sources: set[str] = set()
    for index, source in enumerate(doc.data["sources"]):
        if source["id"] in sources:
            yield doc.problem(("sources", index, "id"), f"duplicate source id '{source['id']}'")
        sources.add(source["id"])


def _cited_ids(data: dict[str, Any]) -> set[str]:
    """Every source id the record's facts cite (_cited says where)."""
    cited: set[str] = set()
    for key, value in data.items():
        if isinstance(value, dict) and "sources" in value:
            cited.update(value["sources"])
        elif isinstance(value, list) and key not in _NOT_LISTS:
            for item in value:
                cited.update(item["sources"])
    return cited


def _cited(data: dict[str, Any]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for key, value in data.items():
        if isinstance(value, dict) and "sources" in value:
            yield from (((key, "sources", i), ref) for i, ref in enumerate(value["sources"]))
    for key, items in _lists(data):
        for index, item in enumerate(items):
            yield from (((key, index, "sources", i), ref)
                        for i, ref in enumerate(item["sources"]))


def _source_refs(doc: YamlDocument) -> Iterator[Problem]:
    declared = [s["id"] for s in doc.data["sources"]]
    used = _cited_ids(doc.data)
    if not used.issubset(declared):  # rare: only then is each citation located
        for where, ref in _cited(doc.data):
            if ref not in declared:
                yield doc.problem(where, f"unknown source '{ref}'"
                                         f"{did_you_mean(ref, declared)}; add it under 'sources'")
    for index, source_id in enumerate(declared):
        if source_id not in used:
            yield doc.problem(("sources", index, "id"), f"source '{source_id}' is not cited "
                                                        "by any fact; cite it or remove it")


def _duplicate_ids(records: list[YamlDocument]) -> Iterator[Problem]:
    owners: dict[str, str] = {}
    for doc in records:
        first = owners.setdefault(doc.data["id"], doc.path)
        if first != doc.path:
            yield doc.problem(("id",), f"duplicate discipline id '{doc.data['id']}' "
                                       f"(also in {first})")


def _alias_collisions(records: list[YamlDocument]) -> Iterator[Problem]:
    taken = {doc.data["id"]: f"the id of {doc.path}" for doc in records}
    for doc in records:
        for index, alias in enumerate(doc.data.get("aliases", [])):
            where = ("aliases", index)
            if alias in RESERVED_SEGMENTS:
                yield doc.problem(where, f"alias '{alias}' is a path the site already uses")
            elif alias in taken:
                yield doc.problem(where, f"alias '{alias}' is already {taken[alias]}")
            else:
                taken[alias] = f"an alias in {doc.path}"


def _cycles(records: list[YamlDocument]) -> Iterator[Problem]:
    graph = {doc.data["id"]: [r["target"] for r in doc.data.get("builds_on", [])]
             for doc in records}
    if _acyclic(graph):  # the usual case, known in one pass rather than a search per id
        return
    by_id = {doc.data["id"]: doc for doc in records}
    reported: set[frozenset[str]] = set()
    for start in sorted(graph):
        cycle = _find_cycle(start, graph)
        if cycle and frozenset(cycle) not in reported:
            reported.add(frozenset(cycle))
            doc = by_id[start]
            index = next(i for i, r in enumerate(doc.data["builds_on"])
                         if r["target"] == cycle[1])
            yield doc.problem(("builds_on", index, "target"),
                              f"'builds on' goes round in a circle: {' -> '.join(cycle)}")


def _acyclic(graph: dict[str, list[str]]) -> bool:
    """Whether no id builds on itself, directly or through others."""
    try:
        TopologicalSorter(graph).prepare()
    except CycleError:
        return False
    return True


def _find_cycle(start: str, graph: dict[str, list[str]]) -> list[str] | None:
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    visited: set[str] = set()
    while stack:
        node, trail = stack.pop()
        for target in graph.get(node, []):
            if target == start:
                return [*trail, start]
            if target not in visited:
                visited.add(target)
                stack.append((target, [*trail, target]))
    return None


def _dimension_fields(dimensions: YamlDocument, discipline_schema: Path) -> Iterator[Problem]:
    fields = json.loads(discipline_schema.read_text(encoding="utf-8"))["properties"]
    comparable = {k for k in fields if k not in ("id", "order", "name", *_NOT_LISTS)}
    seen: dict[str, set[str]] = {"key": set(), "anchor": set()}
    for index, dim in enumerate(dimensions.data["dimensions"]):
        for name, used in seen.items():
            if dim[name] in used:
                yield dimensions.problem(("dimensions", index, name),
                                         f"'{dim[name]}' is already used by another dimension")
            elif name == "anchor" and dim[name] in PAGE_ANCHORS:
                yield dimensions.problem(("dimensions", index, name),
                                         f"'{dim[name]}' is a section anchor the pages already "
                                         "have; choose another")
            used.add(dim[name])
        if dim["key"] not in comparable:
            yield dimensions.problem(("dimensions", index, "key"),
                                     f"'{dim['key']}' is not a comparable record field"
                                     f"{did_you_mean(dim['key'], comparable)}")


def _start_here(atlas: YamlDocument, ids: set[str]) -> Iterator[Problem]:
    for index, tip in enumerate(atlas.data["start_here"]):
        if tip["read"] not in ids:
            read = tip["read"]
            yield atlas.problem(("start_here", index, "read"),
                                f"unknown discipline '{read}'{did_you_mean(read, ids)}")
