"""The no-op fast path (opsatlas/freshness.py): nothing changed, nothing done; anything changed,
the real work. Counts of files touched, never time."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Project, replace_once

SUMMARY = re.compile(r"^(\d+) pages, (\d+) changed, (\d+) removed, \d+\.\d\d s$")
STAMP = ".ops-atlas-stamp.json"


def tree(root: Path) -> dict[str, tuple[int, int, int]]:
    """Every file, dotfiles included: path -> (size, mtime_ns, inode)."""
    return {p.relative_to(root).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns,
                                             p.stat().st_ino)
            for p in root.rglob("*") if p.is_file()}


def summary(result: subprocess.CompletedProcess[str]) -> tuple[int, int, int]:
    assert result.returncode == 0, result.stderr
    match = SUMMARY.match(result.stdout.strip())
    assert match, result.stdout
    total, changed, removed = map(int, match.groups())
    return total, changed, removed


@pytest.fixture
def generated(project: Project) -> Project:
    assert project.generate().returncode == 0
    return project


def test_second_run_touches_no_file(generated: Project) -> None:
    before = tree(generated.docs)
    total, changed, removed = summary(generated.generate())
    assert tree(generated.docs) == before
    assert (changed, removed) == (0, 0)
    assert total == len([p for p in before if not p.startswith(".")])


def test_unchanged_run_imports_neither_yaml_nor_jinja(generated: Project) -> None:
    probe = ("import sys\nfrom opsatlas.cli import main\nmain([])\n"  # build_pages.py's call
             "print(sorted(m for m in ('yaml', 'jinja2', 'jsonschema', 'PIL') "
             "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], cwd=generated.root,
                            capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == "[]"


def _read(p: Project, doc: str) -> str:
    return (p.docs / doc).read_text(encoding="utf-8")


# (what changes, what the next run must show): every input and the outputs themselves.
CHANGES: dict[str, tuple[Callable[[Project], None], Callable[[Project], bool]]] = {
    "record": (lambda p: replace_once(p.content / "disciplines/mlops.yaml", "name: MLOps",
                                  "name: ML Ops"),
               lambda p: "# ML Ops" in _read(p, "disciplines/mlops.md")),
    "glossary": (lambda p: replace_once(p.content / "glossary.yaml", "term: A/B testing",
                                    "term: A/B trials"),
                 lambda p: "A/B trials" in _read(p, "glossary.md")),
    "template": (lambda p: replace_once(p.root / "templates/pair.md.j2", "## How they relate",
                                    "## How the two relate"),
                 lambda p: "## How the two relate" in _read(p, "compare/devops-vs-mlops.md")),
    "code": (lambda p: replace_once(p.root / "opsatlas/scale.py", "MATRIX_COLUMN_LIMIT = 12",
                                "MATRIX_COLUMN_LIMIT = 2"),
             lambda p: "The table shows the first 2 of the 5" in _read(p, "compare/index.md")),
    "mkdocs.yml": (lambda p: replace_once(p.root / "mkdocs.yml", "site_name: Ops Atlas",
                                      "site_name: Ops Atlas Two"),
                   lambda p: "Ops Atlas Two" in _read(p, "exports/comparison.json")),
    "edited-output": (lambda p: (p.docs / "disciplines/devops.md").write_text("by hand\n"),
                      lambda p: "by hand" not in _read(p, "disciplines/devops.md")),
    "deleted-output": (lambda p: (p.docs / "compare/devops-vs-mlops.md").unlink(),
                       lambda p: (p.docs / "compare/devops-vs-mlops.md").is_file()),
    "stray-output": (lambda p: (p.docs / "stray.md").write_text("not ours\n"),
                     lambda p: not (p.docs / "stray.md").exists()),
}


@pytest.mark.parametrize("name", CHANGES)
def test_any_change_to_inputs_or_outputs_means_a_real_run(generated: Project,
                                                         name: str) -> None:
    change, shows = CHANGES[name]
    change(generated)
    _total, changed, removed = summary(generated.generate())
    assert changed + removed >= 1
    assert shows(generated)
    assert summary(generated.generate())[1:] == (0, 0)


def test_touching_an_input_reruns_and_rewrites_only_the_stamp(generated: Project) -> None:
    before = tree(generated.docs)
    (generated.content / "atlas.yaml").touch()
    assert summary(generated.generate())[1:] == (0, 0)
    after = tree(generated.docs)
    assert {path for path in before if before[path] != after[path]} == {STAMP}


def test_a_file_changed_within_the_stamps_clock_tick_is_not_trusted(
        generated: Project) -> None:
    page = generated.docs / "disciplines/devops.md"
    stamp_time = (generated.docs / STAMP).stat().st_mtime_ns
    page.write_bytes(page.read_bytes().replace(b"DevOps", b"DevOpz"))
    os.utime(page, ns=(stamp_time, stamp_time))  # the same tick as the stamp
    _total, changed, _removed = summary(generated.generate())
    assert changed == 1
    assert b"DevOpz" not in page.read_bytes()


def test_an_input_dated_in_the_future_is_never_trusted_nor_waited_for(
        generated: Project) -> None:
    record = generated.content / "disciplines/mlops.yaml"
    future = record.stat().st_mtime_ns + 3600 * 10**9
    replace_once(record, "name: MLOps", "name: ML Ops")
    os.utime(record, ns=(future, future))
    assert summary(generated.generate())[1] >= 1
    page = generated.docs / "disciplines/mlops.md"
    page.write_text("by hand\n", encoding="utf-8")
    os.utime(page, ns=(future, future))  # as the stamp would vouch for it
    assert summary(generated.generate())[1] == 1
    assert "# ML Ops" in _read(generated, "disciplines/mlops.md")


def test_check_never_trusts_the_stamp(generated: Project) -> None:
    page = generated.docs / "disciplines/devops.md"
    stat = page.stat()
    page.write_bytes(page.read_bytes().replace(b"DevOps", b"DevOpz"))  # same size
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the old mtime: a fooled stamp

    check = generated.generate("--check")
    assert check.returncode == 1
    assert "stale: disciplines/devops.md" in check.stderr
    assert summary(generated.generate("--force"))[1] == 1
    assert b"DevOpz" not in page.read_bytes()


def test_a_failed_run_leaves_the_next_one_to_do_the_work(generated: Project) -> None:
    record = generated.content / "disciplines/aiops.yaml"
    good = record.read_text()
    record.write_text(good.replace("order: 30", "order: thirty"))
    assert generated.generate().returncode == 1
    record.write_text(good)
    assert summary(generated.generate())[1:] == (0, 0)
    assert generated.generate("--check").returncode == 0


def test_mkdocs_build_reuses_the_stamp_and_the_sidebar(generated: Project) -> None:
    before = tree(generated.docs)
    built = generated.mkdocs_build()
    assert built.returncode == 0, built.stderr
    assert tree(generated.docs) == before
    home = (generated.site / "index.html").read_text(encoding="utf-8")
    assert 'href="disciplines/mlops/"' in home
