"""The generator's command line: what it writes, what it leaves alone, what it says."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import Project

SUMMARY = re.compile(r"^(\d+) pages, (\d+) changed, (\d+) removed, \d+\.\d\d s$")


def _stamps(root: Path) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): p.stat().st_mtime_ns
            for p in root.rglob("*") if p.is_file()}


def test_first_run_writes_every_page_and_says_so(project: Project) -> None:
    result = project.generate()
    assert result.returncode == 0, result.stderr
    match = SUMMARY.match(result.stdout.strip())
    assert match, result.stdout
    total, changed, removed = map(int, match.groups())
    assert total == changed >= 18
    assert removed == 0
    assert (project.docs / "disciplines/mlops.md").is_file()
    assert (project.docs / "compare/devops-vs-mlops.md").is_file()


def test_regenerating_unchanged_content_touches_no_file(project: Project) -> None:
    project.generate()
    before = _stamps(project.docs)

    result = project.generate()

    match = SUMMARY.match(result.stdout.strip())
    assert match and match.group(2) == "0" and match.group(3) == "0", result.stdout
    assert _stamps(project.docs) == before


def test_editing_a_record_rewrites_only_what_shows_it(project: Project) -> None:
    project.generate()
    before = _stamps(project.docs)
    record = project.content / "disciplines/llmops.yaml"
    record.write_text(record.read_text().replace("name: LLMOps", "name: LLM Ops"))

    project.generate()

    changed = {path for path, stamp in _stamps(project.docs).items() if before.get(path) != stamp}
    assert "disciplines/llmops.md" in changed
    assert "compare/devops-vs-llmops.md" in changed
    assert "disciplines/devops.md" in changed  # it links to "DevOps vs LLM Ops"
    assert "compare/devops-vs-mlops.md" not in changed
    assert "LLM Ops" in (project.docs / "disciplines/llmops.md").read_text()


def test_check_fails_on_stale_pages_and_writes_nothing(project: Project) -> None:
    project.generate()
    assert project.generate("--check").returncode == 0
    record = project.content / "disciplines/aiops.yaml"
    record.write_text(record.read_text().replace("name: AIOps", "name: AI Ops"))
    before = _stamps(project.docs)

    result = project.generate("--check")

    assert result.returncode == 1
    assert "stale: disciplines/aiops.md" in result.stderr.splitlines()
    assert result.stdout.strip().endswith("s") and ": stale," in result.stdout
    assert _stamps(project.docs) == before


def test_check_on_a_missing_docs_folder_is_stale(project: Project) -> None:
    result = project.generate("--check")
    assert result.returncode == 1
    assert not project.docs.exists()


def test_pages_of_a_removed_discipline_are_removed(project: Project) -> None:
    project.generate()
    (project.content / "disciplines/llmops.yaml").unlink()
    atlas = project.content / "atlas.yaml"
    atlas.write_text(atlas.read_text().replace("read: llmops", "read: mlops"))
    glossary = project.content / "glossary.yaml"  # terms name their related disciplines
    glossary.write_text(glossary.read_text().replace(", llmops", "").replace("llmops, ", "")
                        .replace("[llmops]", "[]"))

    result = project.generate()

    assert result.returncode == 0, result.stderr
    assert not (project.docs / "disciplines/llmops.md").exists()
    assert not (project.docs / "compare/mlops-vs-llmops.md").exists()
    assert int(SUMMARY.match(result.stdout.strip()).group(3)) >= 5  # type: ignore[union-attr]


def test_generated_markdown_is_never_hand_edited_for_long(project: Project) -> None:
    project.generate()
    page = project.docs / "disciplines/mlops.md"
    page.write_text("hand edit")

    project.generate()

    assert "hand edit" not in page.read_text()
