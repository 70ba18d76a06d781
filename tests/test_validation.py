"""Bad content: every problem reported at once, located, exit 1, and nothing written."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from opsatlas.cli import main
from opsatlas.content import load_atlas
from opsatlas.urls import PAGE_ANCHORS
from tests.conftest import ROOT, Project, replace_once

DEVOPS = "content/disciplines/devops.yaml"
MLOPS = "content/disciplines/mlops.yaml"


@dataclass(frozen=True)
class Case:
    """A content mistake: how to make it, and the exact lines the user must see."""

    name: str
    make: Callable[[Project], None]
    expected: tuple[str, ...]


def replace(relpath: str, old: str, new: str) -> Callable[[Project], None]:
    def edit(project: Project) -> None:
        replace_once(project.root / relpath, old, new)
    return edit


def write(relpath: str, data: bytes) -> Callable[[Project], None]:
    def edit(project: Project) -> None:
        (project.root / relpath).write_bytes(data)
    return edit


def rename(relpath: str, new_name: str) -> Callable[[Project], None]:
    def edit(project: Project) -> None:
        path = project.root / relpath
        path.rename(path.with_name(new_name))
    return edit


def both(*edits: Callable[[Project], None]) -> Callable[[Project], None]:
    def edit(project: Project) -> None:
        for one in edits:
            one(project)
    return edit


CASES = [
    Case("malformed YAML", replace(DEVOPS, "name: DevOps\n", "name: [DevOps\n"), (
        f"{DEVOPS}:4:8: -: invalid YAML: did not find expected ',' or ']' "
        "(while parsing a flow sequence that starts at 3:7)",)),
    Case("unknown field, with a suggestion, and the required field it replaced",
         replace(DEVOPS, "summary:", "sumary:"), (
             f"{DEVOPS}:1:1: -: missing required field 'summary'",
             f"{DEVOPS}:8:1: sumary: unknown field 'sumary' (did you mean 'summary'?)")),
    Case("wrong type", replace(DEVOPS, "order: 10", "order: ten"), (
        f"{DEVOPS}:2:8: order: expected a whole number (position in lists), got 'ten'",)),
    Case("empty required text", replace(DEVOPS, "name: DevOps", "name: '  '"), (
        f"{DEVOPS}:3:7: name: expected non-empty text, got empty text",)),
    Case("nested wrong type", replace(MLOPS, "open_source: true", "open_source: yes please"), (
        f"{MLOPS}:77:18: tools[0].open_source: expected true or false, got 'yes please'",)),
    Case("URL that is not one", replace(MLOPS, "url: https://mlflow.org/", "url: n/a"), (
        f"{MLOPS}:76:10: tools[0].url: expected an http(s) URL, got 'n/a'",)),
    Case("unknown relation target", replace(MLOPS, "target: devops", "target: devps"), (
        f"{MLOPS}:20:13: builds_on[0].target: unknown discipline 'devps' "
        "(did you mean 'devops'?)",)),
    Case("duplicate item id", replace(MLOPS, "id: end-to-end-coverage", "id: model-lifecycle"), (
        f"{MLOPS}:28:9: scope[1].id: duplicate item id 'model-lifecycle' "
        "(already used by scope[0])",)),
    Case("duplicate record id, file name not matching",
         lambda p: (p.content / "disciplines/devops2.yaml").write_bytes(
             (p.root / DEVOPS).read_bytes()), (
             "content/disciplines/devops2.yaml:1:5: id: duplicate discipline id 'devops' "
             f"(also in {DEVOPS})",
             "content/disciplines/devops2.yaml:1:5: id: id 'devops' does not match the file "
             "name 'devops2.yaml'; rename one so they agree")),
    Case("id that is a site path", lambda p: (p.content / "disciplines/compare.yaml").write_text(
        (p.root / DEVOPS).read_text().replace("id: devops", "id: compare").replace(
            "aliases: [dev-ops]", "aliases: []")), (
        "content/disciplines/compare.yaml:1:5: id: id 'compare' is a path the site already "
        "uses; choose another id",)),
    Case("file name not matching the id", rename(MLOPS, "ml.yaml"), (
        "content/disciplines/ml.yaml:1:5: id: id 'mlops' does not match the file name "
        "'ml.yaml'; rename one so they agree",)),
    Case("non-UTF-8 file", write(DEVOPS, b"id: devops\nname: Dev\xffOps\n"), (
        f"{DEVOPS}:2:10: -: file is not UTF-8 text (byte 0xff); save it as UTF-8",)),
    Case("record that is a list", write(DEVOPS, b"- id: devops\n- name: DevOps\n"), (
        f"{DEVOPS}:1:1: -: expected a mapping of fields, but the file is a list",)),
    Case("empty record", write(DEVOPS, b"# nothing yet\n"), (
        f"{DEVOPS}:1:1: -: expected a mapping of fields, but the file is empty",)),
    Case("cycle in builds on", replace(DEVOPS, "builds_on: []", (
        "builds_on:\n  - id: loop\n    target: llmops\n    relation: extends\n"
        "    text: A loop.\n    sources: [article]")), (
        f"{DEVOPS}:20:13: builds_on[0].target: 'builds on' goes round in a circle: "
        "devops -> llmops -> mlops -> devops",)),
    Case("unknown source", replace(MLOPS, "sources: [article]\n  - id: end-to-end",
                                   "sources: [artcle]\n  - id: end-to-end"), (
        f"{MLOPS}:27:15: scope[0].sources[0]: unknown source 'artcle' "
        "(did you mean 'article'?); add it under 'sources'",)),
    Case("uncited source", replace(DEVOPS, "sources: [sre-intro]", "sources: [sre-slo]"), (
        f"{DEVOPS}:159:9: sources[5].id: source 'sre-intro' is not cited by any fact; "
        "cite it or remove it",)),
    Case("duplicate key", replace(DEVOPS, "name: DevOps\n", "name: DevOps\nname: Again\n"), (
        f"{DEVOPS}:4:1: name: duplicate key 'name'",)),
    Case("YAML alias", replace(DEVOPS, "aliases: [dev-ops]", "aliases: &a [dev-ops]\nx: *a"), (
        f"{DEVOPS}:5:1: x: YAML anchors and aliases are not supported; write the value out",)),
    Case("dimension naming no field", replace("content/dimensions.yaml", "key: use_cases",
                                              "key: use_case"), (
        "content/dimensions.yaml:29:10: dimensions[6].key: 'use_case' is not a comparable "
        "record field (did you mean 'use_cases'?)",)),
    Case("dimension anchor a page already has", replace("content/dimensions.yaml",
                                                        "anchor: scope", "anchor: pairs"), (
        "content/dimensions.yaml:28:13: dimensions[5].anchor: 'pairs' is a section anchor "
        "the pages already have; choose another",)),
    Case("explicit tag that does not fit its value", replace(DEVOPS, "order: 10", "order: !!int x"),
         (f"{DEVOPS}:2:8: order: 'x' cannot be read as !!int; remove the tag or fix the value",)),
    Case("unknown relation kind", replace(MLOPS, "relation: applies", "relation: aplies"), (
        f"{MLOPS}:21:15: builds_on[0].relation: expected one of extends, applies, "
        "specializes, complements; got 'aplies' (did you mean 'applies'?)",)),
]


def _snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_content_is_reported_with_its_location(
        case: Case, project: Project, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project.root)
    assert main(["--content", "content", "--docs", "docs"]) == 0
    before = _snapshot(project.docs)
    capsys.readouterr()

    case.make(project)
    status = main(["--content", "content", "--docs", "docs"])

    err = capsys.readouterr().err
    lines = err.splitlines()
    assert status == 1
    assert "Traceback" not in err
    for expected in case.expected:
        assert expected in lines, f"missing {expected!r} in:\n{err}"
    assert lines[-1] == (f"{len(lines) - 1} problem{'s' if len(lines) > 2 else ''} in "
                         f"{_files(lines[:-1])}."), err
    assert _snapshot(project.docs) == before, "docs/ changed although content was invalid"


def _files(lines: list[str]) -> str:
    count = len({line.split(":", 1)[0] for line in lines})
    return "1 file" if count == 1 else f"{count} files"


def test_every_problem_is_reported_at_once(project: Project) -> None:
    replace(DEVOPS, "order: 10", "order: ten")(project)
    replace(MLOPS, "target: devops", "target: nowhere")(project)
    write("content/disciplines/aiops.yaml", b"[not, a, mapping]\n")(project)

    result = project.generate()

    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "3 problems in 3 files."
    assert "Traceback" not in result.stderr
    assert not project.docs.exists()


def test_check_mode_reports_content_errors_too(project: Project) -> None:
    replace(DEVOPS, "order: 10", "order: -1")(project)
    result = project.generate("--check")
    assert result.returncode == 1
    assert f"{DEVOPS}:2:8: order: expected a whole number (position in lists), got -1" \
        in result.stderr.splitlines()


def test_refuses_to_clean_a_folder_it_did_not_write(project: Project) -> None:
    mine = project.root / "notes"
    mine.mkdir()
    (mine / "todo.md").write_text("my notes", encoding="utf-8")

    result = project.generate("--docs", "notes")

    assert result.returncode == 1
    assert "directory has files this generator did not write" in result.stderr
    assert [p.name for p in mine.iterdir()] == ["todo.md"]


def test_paths_are_shown_relative_to_the_working_directory(project: Project) -> None:
    replace(DEVOPS, "order: 10", "order: ten")(project)
    result = project.generate()
    assert result.stderr.startswith(f"{DEVOPS}:2:8: ")
    assert os.sep + "tmp" not in result.stderr


def test_a_linked_record_is_credited_to_the_file_it_links_to(project: Project) -> None:
    """'Edit this page' must open the real file, not the link to it."""
    moved = project.root / "records" / "devops.yaml"
    moved.parent.mkdir()
    (project.content / "disciplines" / "devops.yaml").rename(moved)
    (project.content / "disciplines" / "devops.yaml").symlink_to(moved)

    atlas = load_atlas(project.content)

    assert atlas.discipline("devops").source_file == "records/devops.yaml"
    assert atlas.discipline("mlops").source_file == "content/disciplines/mlops.yaml"


def test_a_missing_content_directory_is_one_clear_error(project: Project) -> None:
    result = project.generate("--content", "no-such-folder")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == \
        "no-such-folder:1:1: -: content directory not found (see --content)"
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("template", ["discipline.md.j2", "compare.md.j2", "pair.md.j2"])
def test_every_fixed_anchor_of_a_page_with_dimension_anchors_is_reserved(template: str) -> None:
    text = (ROOT / "templates" / template).read_text(encoding="utf-8")
    fixed = set(re.findall(r"\{ #([a-z0-9-]+)", text))
    assert fixed and fixed <= set(PAGE_ANCHORS)
