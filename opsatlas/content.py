"""Load every content file, validate it, and build the model: load -> validate -> model."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from .cross_check import check_atlas
from .glossary import build_terms
from .glossary_check import check_glossary
from .model import Atlas, AtlasInfo, Dimension, Discipline, Entry, Source
from .problems import ContentError, Problem
from .schema_check import check_document
from .workers import job_count, map_parts, split
from .yaml_source import YamlDocument, load_yaml_file

FILES_PER_JOB = 150
"""Records a process must have to load before another is forked for the rest (a fork and
the transfer of its results cost about as much as loading ~40 records)."""


@dataclass(frozen=True)
class ContentPaths:
    """Where each kind of content file lives under a content directory."""

    root: Path

    @property
    def disciplines(self) -> Path:
        return self.root / "disciplines"

    @property
    def dimensions(self) -> Path:
        return self.root / "dimensions.yaml"

    @property
    def atlas(self) -> Path:
        return self.root / "atlas.yaml"

    @property
    def glossary(self) -> Path:
        return self.root / "glossary.yaml"

    def schema(self, name: str) -> Path:
        return self.root / "schema" / f"{name}.schema.json"

    def discipline_files(self) -> list[Path]:
        return sorted(self.disciplines.glob("*.yaml"))

    def all_inputs(self) -> list[Path]:
        """Every file whose change can change the output."""
        return sorted(p for p in self.root.rglob("*") if p.is_file())


def load_atlas(content_dir: Path) -> Atlas:
    """The validated model of `content_dir`; raises ContentError listing every problem."""
    paths = ContentPaths(content_dir)
    if not content_dir.is_dir():
        raise ContentError([Problem(display(content_dir), 1, 1, "-",
                                    "content directory not found (see --content)")])
    problems: list[Problem] = []
    atlas_doc = _load_checked(paths.atlas, paths.schema("atlas"), problems)
    dims_doc = _load_checked(paths.dimensions, paths.schema("dimensions"), problems)
    glossary_doc = _load_checked(paths.glossary, paths.schema("glossary"), problems)
    files = paths.discipline_files()
    records = _load_records(files, paths.schema("discipline"), problems)
    if not records and not problems:
        problems.append(Problem(display(paths.disciplines), 1, 1, "-",
                                "no discipline records (*.yaml) found"))
    # Ids of every record that parsed, valid or not, so one broken record does not make
    # every reference to it an "unknown discipline" as well.
    known_ids = {p.stem for p in files} | {_record_id(doc) for doc in records if doc}
    valid = [doc for doc in records if doc is not None and doc.valid]
    if atlas_doc and dims_doc and atlas_doc.valid and dims_doc.valid:
        problems += check_atlas(atlas_doc, dims_doc, valid, known_ids,
                                paths.schema("discipline"))
    if glossary_doc and glossary_doc.valid:
        problems += check_glossary(glossary_doc, valid, known_ids)
    if problems:
        raise ContentError(problems)
    assert atlas_doc and dims_doc and glossary_doc  # no problems means all loaded
    atlas = build_model(atlas_doc.data, dims_doc.data, valid, content_dir)
    return replace(atlas, glossary=build_terms(glossary_doc.data["terms"]))


def build_model(atlas: dict[str, Any], dimensions: dict[str, Any],
                records: list[YamlDocument], content_dir: Path) -> Atlas:
    """Turn validated raw data into the frozen model, disciplines in content order."""
    project_root = content_dir.resolve().parent
    folders: dict[str, Path] = {}
    disciplines = sorted((_discipline(doc, _source_file(doc.path, project_root, folders))
                          for doc in records), key=lambda d: (d.order, d.id))
    info = AtlasInfo(version=atlas["version"], updated=atlas["updated"], tagline=_fold(
        atlas["tagline"]), start_here=tuple((_fold(s["if"]), s["read"]) for s in
                                            atlas["start_here"]))
    dims = tuple(Dimension(d["key"], d["label"], _fold(d["description"]), d["anchor"])
                 for d in dimensions["dimensions"])
    return Atlas(info=info, disciplines=tuple(disciplines), dimensions=dims)


def display(path: Path) -> str:
    """A path as short as it can be said from the working directory."""
    try:
        return os.path.relpath(path)
    except ValueError:  # pragma: no cover - another drive on Windows
        return str(path)


def _record_id(doc: YamlDocument) -> str:
    record_id = doc.data.get("id")
    return record_id if isinstance(record_id, str) else Path(doc.path).stem


def _load_records(files: list[Path], schema: Path,
                  problems: list[Problem]) -> list[YamlDocument | None]:
    """_load_checked for each file, in file order, the files split over the cores."""
    parts = split(files, job_count(len(files), FILES_PER_JOB))
    records: list[YamlDocument | None] = []
    for docs, found in map_parts(partial(_load_part, schema=schema), parts):
        records += docs
        problems += found
    return records


def _load_part(files: Sequence[Path], schema: Path) -> tuple[list[YamlDocument | None],
                                                               list[Problem]]:
    problems: list[Problem] = []
    return [_load_checked(path, schema, problems) for path in files], problems


def _load_checked(path: Path, schema: Path, problems: list[Problem]) -> YamlDocument | None:
    """The parsed mapping (marked valid when it passed its schema), or None."""
    shown = display(path)
    if not path.is_file():
        problems.append(Problem(shown, 1, 1, "-", "file is missing"))
        return None
    try:
        doc = load_yaml_file(path, shown)
    except ContentError as err:
        problems.extend(err.problems)
        return None
    if not isinstance(doc.data, dict):
        kind = "empty" if doc.data is None else f"a {type(doc.data).__name__}"
        problems.append(doc.problem((), f"expected a mapping of fields, but the file is {kind}"))
        return None
    found = check_document(doc, schema)
    problems.extend(found)
    doc.valid = not found
    return doc


def _discipline(doc: YamlDocument, source_file: str) -> Discipline:
    raw = doc.data
    fields = {key: _entries(key, value) for key, value in raw.items()
              if isinstance(value, (dict, list)) and key not in ("aliases", "sources")}
    return Discipline(
        id=raw["id"], order=raw["order"], name=_fold(raw["name"]),
        aliases=tuple(raw.get("aliases", ())), fields=fields,
        sources=tuple([Source(s["id"], _fold(s["title"]), s["url"], _fold(s.get("publisher", "")),
                              str(s.get("published", ""))) for s in raw["sources"]]),
        source_file=source_file, emerged_year=raw["emerged"]["year"])


def _source_file(path: str, project_root: Path, folders: dict[str, Path]) -> str:
    """`path`, resolved, relative to the project root: what Path(path).resolve() finds, but
    with each folder in `folders` resolved once rather than once per record."""
    if os.path.islink(path):
        return Path(path).resolve().relative_to(project_root).as_posix()
    folder, name = os.path.split(path)
    if folder not in folders:
        folders[folder] = Path(folder).resolve()
    return (folders[folder] / name).relative_to(project_root).as_posix()


def _entries(key: str, value: dict[str, Any] | list[dict[str, Any]]) -> tuple[Entry, ...]:
    if isinstance(value, dict):  # a single fact: no id, one entry
        name = str(value["year"]) if "year" in value else ""
        return (Entry(id="", text=_fold(value["text"]), sources=tuple(value["sources"]),
                      name=name),)
    return tuple([Entry(id=item["id"], text=_fold(item["text"]), sources=tuple(item["sources"]),
                        name=_fold(item.get("name", "")), url=item.get("url", ""),
                        open_source=item.get("open_source"), target=item.get("target", ""),
                        relation=item.get("relation", ""))
                  for item in value])


def _fold(text: str) -> str:
    """Collapse runs of whitespace (YAML folding, stray newlines) into single spaces."""
    return " ".join(str(text).split())
