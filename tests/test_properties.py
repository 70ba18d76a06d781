"""Property-based: any valid content set generates; any broken one gets located errors only.

Valid sets are drawn from scratch (ids, texts, URLs, sources and citations, relations, aliases)
and run through the generator in this process (load -> ... -> write, no MkDocs). Invalid sets
are the real content with one file damaged the ways editors damage files; build_pages.py must
then exit 1 with `path:line:column: field: message` lines and never a traceback.
Examples are derandomized and no example database is kept, so every run (and CI) is the same.
"""

from __future__ import annotations

import contextlib
import copy
import io
import itertools
import re
import shutil
from pathlib import Path
from typing import Any

import lxml.html
import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opsatlas.cli import main
from opsatlas.generate import generate
from opsatlas.site_config import load_site_config
from opsatlas.table_markup import TableMarkupExtension
from opsatlas.urls import RESERVED_SEGMENTS
from tests.conftest import ROOT

SETTINGS = settings(derandomize=True, database=None, deadline=None, max_examples=20,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
LISTS = ("scope", "use_cases", "limitations", "practices", "metrics", "roles")
FACTS = ("full_name", "summary", "primary_asset")
REAL = {path.relative_to(ROOT / "content").as_posix(): path.read_text(encoding="utf-8")
        for path in sorted((ROOT / "content").rglob("*")) if path.is_file()}
LOCATED = re.compile(r"(?P<path>[^:\n]+):(?P<line>\d+):(?P<column>\d+): (?P<field>\S+): \S.*")
SUMMARY = re.compile(r"\d+ problems? in \d+ files?\.")
_counter = itertools.count()

# Text as editors (or attackers) write it: any printable characters, runs of the characters
# Markdown, HTML, Jinja and our extensions read as syntax, and whole pieces of such syntax.
SYNTAX = ["<script>", "</div>", "<!--", "-->", "&amp;", "&#60;", "*a*", "**b**", "_c_", "`d`",
          "[e](f)", "[g](javascript:h)", "# i", "- j", "1. k", "> l", "| m |", "{: .n }",
          "{ #o }", "{{ p }}", "{% q %}", "--8<--", "*[R]: s", "~~t~~", "==u==", "^^v^^",
          "<br>", "https://w.example", "\\", "\n", "\t", "¶", "\u202e", "😀"]
text = st.one_of(
    st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=30),
    st.text(st.sampled_from(list("*_`[](){}<>&#|:!~^=\\-+.\"' aZ1\t")), min_size=1, max_size=30),
    st.lists(st.sampled_from(SYNTAX), min_size=1, max_size=6).map(" ".join),
).filter(lambda s: s.strip() != "")
slug = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}", fullmatch=True)
url = st.builds(lambda scheme, host, rest: f"{scheme}://{host}.example/{rest}",
                st.sampled_from(["http", "https"]), st.from_regex(r"[a-z0-9]{1,8}", fullmatch=True),
                st.text(st.characters(codec="ascii", exclude_categories=("Cc", "Zs")),
                        max_size=20))


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("properties")


def fresh_dir(base: Path) -> Path:
    """A new empty directory for one example (function-scoped fixtures do not reset)."""
    path = base / f"example-{next(_counter)}"
    path.mkdir()
    return path


@st.composite
def records(draw: st.DrawFn, discipline_id: str, earlier: list[str]) -> dict[str, Any]:
    """One valid discipline record; it may build on disciplines that come before it."""
    source_ids = draw(st.lists(slug, min_size=1, max_size=3, unique=True))
    cite = st.lists(st.sampled_from(source_ids), min_size=1, max_size=2, unique=True)
    lists = {key: draw(st.integers(1, 3)) for key in LISTS}
    tools, relations = draw(st.integers(1, 2)), draw(st.lists(st.sampled_from(earlier),
                                                              unique=True) if earlier else
                                                     st.just([]))
    item_ids = iter(draw(st.lists(slug, min_size=sum(lists.values()) + tools + len(relations),
                                  max_size=sum(lists.values()) + tools + len(relations),
                                  unique=True)))
    record: dict[str, Any] = {
        "id": discipline_id, "order": draw(st.integers(0, 1000)), "name": draw(text),
        "aliases": [f"{discipline_id}-{alias}" for alias in
                    draw(st.lists(slug, max_size=2, unique=True))],
        **{key: {"text": draw(text), "sources": draw(cite)} for key in FACTS},
        "emerged": {"year": draw(st.integers(1950, 2100)), "text": draw(text),
                    "sources": draw(cite)},
        "builds_on": [{"id": next(item_ids), "target": target,
                       "relation": draw(st.sampled_from(["extends", "applies", "specializes",
                                                         "complements"])),
                       "text": draw(text), "sources": draw(cite)} for target in relations],
        **{key: [{"id": next(item_ids), "text": draw(text), "sources": draw(cite)}
                 for _ in range(count)] for key, count in lists.items()},
        "tools": [{"id": next(item_ids), "name": draw(text), "url": draw(url),
                   "open_source": draw(st.booleans()), "text": draw(text),
                   "sources": draw(cite)} for _ in range(tools)],
        "sources": [{"id": source_id, "title": draw(text), "url": draw(url),
                     **({"publisher": draw(text)} if draw(st.booleans()) else {})}
                    for source_id in source_ids],
    }
    cited = {s for value in record.values() if isinstance(value, (dict, list))
             for entry in (value if isinstance(value, list) else [value])
             if isinstance(entry, dict) for s in entry.get("sources", [])
             if isinstance(s, str)}
    record["summary"]["sources"] += [s for s in source_ids if s not in cited]
    return record


@st.composite
def content_sets(draw: st.DrawFn) -> dict[str, Any]:
    """A whole valid content set: 1-3 records, the real dimensions, a small glossary."""
    ids = draw(st.lists(slug.filter(lambda s: s not in RESERVED_SEGMENTS), min_size=1,
                        max_size=3, unique=True))
    found: dict[str, Any] = {f"disciplines/{did}.yaml": draw(records(did, ids[:i]))
                             for i, did in enumerate(ids)}
    aliases = [a for record in found.values() for a in record["aliases"]]
    if len(set(aliases) | set(ids)) != len(aliases) + len(ids):
        for record in found.values():  # an alias that is another id: keep the set valid
            record["aliases"] = []
    found["atlas.yaml"] = {"version": "1.0", "updated": "2026-01-02", "tagline": draw(text),
                           "start_here": [{"if": draw(text), "read": did} for did in ids]}
    found["glossary.yaml"] = {"terms": [{
        "id": "example-term", "term": "Example term", "definition": "A term used in tests.",
        "aliases": [], "related": [ids[0]],
        "source": {"title": draw(text), "url": draw(url)}}]}
    return found


def write_content(directory: Path, documents: dict[str, Any]) -> Path:
    """The real content (schemas, dimensions) with `documents` in place of the records."""
    content = directory / "content"
    for name, data in REAL.items():
        if name.startswith("disciplines/"):
            continue
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(data, encoding="utf-8")
    (content / "disciplines").mkdir(exist_ok=True)
    for name, data in documents.items():
        (content / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                    encoding="utf-8")
    return content


def fold(value: str) -> str:
    return " ".join(value.split())


def rendered_items(page_markdown: str) -> dict[str, str]:
    """The page as MkDocs' Markdown renders it: item anchor -> the item's visible text."""
    body = page_markdown.split("\n---\n", 1)[1]
    html = markdown.markdown(body, extensions=["toc", "attr_list", "md_in_html", "tables",
                                               "admonition", "abbr", TableMarkupExtension()])
    document = lxml.html.fromstring(f"<div>{html}</div>")
    for cite in document.xpath("//sup"):
        cite.drop_tree()
    return {span.get("id"): fold(span.text_content())
            for span in document.xpath("//span[@class='atlas-item']")}


@SETTINGS
@given(documents=content_sets())
def test_any_valid_content_set_generates(workdir: Path, documents: dict[str, Any]) -> None:
    directory = fresh_dir(workdir)
    content = write_content(directory, documents)
    site = load_site_config(ROOT / "mkdocs.yml")
    result = generate(content, directory / "docs", ROOT / "templates", site)
    assert result.changes.total > 0
    for name, record in documents.items():
        if not name.startswith("disciplines/"):
            continue
        page = (directory / "docs" / f"disciplines/{record['id']}.md").read_text(encoding="utf-8")
        shown = rendered_items(page)
        for key in LISTS:  # every item reads as its own text: nothing was taken as markup
            for item in record[key]:
                anchor = f"{key.replace('_', '-')}-{item['id']}"
                assert shown.get(anchor) == fold(item["text"]), anchor
    shutil.rmtree(directory)


# Ways an editor breaks a record: each takes the parsed record and returns the file's new text.
def _dump(data: dict[str, Any]) -> str:
    """YAML with one line per scalar, so a line inserted between two lines stands alone."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10**6)


def _drop_field(data: dict[str, Any], draw: st.DrawFn) -> str:
    del data[draw(st.sampled_from(sorted(data)))]  # every top-level field is required
    return _dump(data)


def _wrong_type(data: dict[str, Any], draw: st.DrawFn) -> str:
    key = draw(st.sampled_from(sorted(data)))
    target, field = (data, key)
    if isinstance(data[key], list) and data[key] and isinstance(data[key][0], dict) and \
            draw(st.booleans()):
        target = data[key][draw(st.integers(0, len(data[key]) - 1))]
        field = draw(st.sampled_from(sorted(target)))
    kind = type(target[field])  # a value of another type can never be valid
    target[field] = draw(st.sampled_from([v for v in (7, 2.5, True, None, [], {}, "x", ["x"],
                                                      {"text": "x"}) if type(v) is not kind]))
    return _dump(data)


def _unknown_key(data: dict[str, Any], draw: st.DrawFn) -> str:
    where = data if draw(st.booleans()) else data[draw(st.sampled_from(list(FACTS)))]
    key = draw(slug.map(lambda s: s.replace("-", "_")).filter(lambda s: s not in where))
    where[key] = draw(text)
    return _dump(data)


def _bad_id(data: dict[str, Any], draw: st.DrawFn) -> str:
    bad = draw(st.sampled_from(["", "MLOps", "ml ops", "-ml", "ml--ops", "ml_ops", "ml-",
                                "mlops\n", "émlops", "ml/ops", "../x"]))
    key = draw(st.sampled_from(["id", *LISTS, "sources"]))
    if key == "id":
        data["id"] = bad
    else:
        data[key][0]["id"] = bad
    return _dump(data)


def _broken_yaml(data: dict[str, Any], draw: st.DrawFn) -> str:
    lines = _dump(data).split("\n")
    junk = draw(st.sampled_from(["key: [unclosed", "\tname: tab", "x: 'open", "{a: b",
                                 "a: b: c", "x: *undefined", "? [a]: b", "--- [",
                                 "!!python/object/apply:os.system [ls]", "x: !!int x",
                                 "x: !!float", "x: !!bool maybe", "x: !!binary é",
                                 "x: !!timestamp 2026-13-45", "!!int x: y"]))
    lines.insert(draw(st.integers(0, len(lines))), junk)
    return "\n".join(lines)


MUTATIONS = [_drop_field, _wrong_type, _unknown_key, _bad_id, _broken_yaml]


@st.composite
def broken_content(draw: st.DrawFn) -> tuple[str, bytes]:
    """(content file, its new bytes): one real file damaged in one way."""
    name = draw(st.sampled_from(sorted(n for n in REAL if n.endswith(".yaml"))))
    data = yaml.safe_load(REAL[name])
    if draw(st.integers(0, 9)) == 0:  # not UTF-8: a stray Latin-1 or binary byte
        raw = REAL[name].encode("utf-8")
        at = draw(st.integers(0, len(raw)))
        return name, raw[:at] + draw(st.sampled_from([b"\xe9", b"\xff\xfe", b"\x80"])) + raw[at:]
    mutate = draw(st.sampled_from(MUTATIONS if name.startswith("disciplines/") else
                                  [_drop_field, _broken_yaml]))
    return name, mutate(copy.deepcopy(data), draw).encode("utf-8")


@settings(SETTINGS, max_examples=100)
@given(broken=broken_content())
def test_any_broken_file_gets_located_errors_and_status_1(
        workdir: Path, broken: tuple[str, bytes]) -> None:
    name, data = broken
    directory = fresh_dir(workdir)
    content = write_content(directory, {})
    for real in REAL:
        if real.startswith("disciplines/"):
            (content / real).write_text(REAL[real], encoding="utf-8")
    (content / name).write_bytes(data)
    errors = io.StringIO()
    with contextlib.chdir(directory), contextlib.redirect_stderr(errors), \
            contextlib.redirect_stdout(io.StringIO()):
        status = main(["--content", "content", "--docs", "docs"])  # a traceback fails the test
    lines = errors.getvalue().splitlines()
    assert status == 1
    assert lines and SUMMARY.fullmatch(lines[-1]), lines
    problems = [LOCATED.fullmatch(line) for line in lines[:-1]]
    assert problems and all(problems), lines
    assert f"content/{name}" in {p["path"] for p in problems if p}, lines
    for problem in filter(None, problems):
        file_lines = (directory / problem["path"]).read_bytes().count(b"\n") + 2
        assert 1 <= int(problem["line"]) <= file_lines, problem.group(0)
    assert not (directory / "docs").exists()
    shutil.rmtree(directory)
