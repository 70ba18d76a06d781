"""Measuring helpers for run.py: timed child processes, tree snapshots, built-page statistics."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import lxml.html  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import PROJECT_PARTS  # noqa: E402 - what a complete project copy holds

PAGE_BUDGET = 50_000
"""Bytes of HTML a page should stay under (issue 5)."""
ENV = {**{k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"},
       "NO_MKDOCS_2_WARNING": "1"}


@dataclass(frozen=True)
class Run:
    """One finished child process."""

    seconds: float
    """Wall time."""
    cpu: float
    """User + system CPU time of the child (steadier than wall time on a busy machine)."""
    peak_mb: float
    """Peak resident memory of the child (ru_maxrss)."""
    stdout: str
    stderr: str


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run a command to completion and measure it (`env`: extra variables); fails loudly when
    it fails."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err,
                                 env={**ENV, **(env or {})})
        _pid, status, usage = os.wait4(child.pid, 0)  # this child's own rusage, not the sum
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({child.returncode}):\n{stderr}{stdout}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stdout, stderr)


def copy_project(destination: Path, content: Path) -> Path:
    """A project copy (like tests/conftest.py's) whose content/ is `content`."""
    destination.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for part in PROJECT_PARTS:
        source = content if part == "content" else ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=ignore)
        else:
            shutil.copy2(source, destination / part)
    return destination


def snapshot(tree: Path) -> dict[str, tuple[int, int, int]]:
    """Every file under `tree` (dotfiles included): path -> (size, mtime_ns, inode)."""
    found = {}
    for path in tree.rglob("*"):
        if path.is_file():
            stat = path.stat()
            found[path.relative_to(tree).as_posix()] = (stat.st_size, stat.st_mtime_ns,
                                                        stat.st_ino)
    return found


def touched(before: dict[str, tuple[int, int, int]],
            after: dict[str, tuple[int, int, int]]) -> int:
    """Files created, deleted, rewritten or touched between two snapshots."""
    return len(set(before) ^ set(after)) + sum(
        1 for path in set(before) & set(after) if before[path] != after[path])


def tree_bytes(tree: Path) -> int:
    return sum(p.stat().st_size for p in tree.rglob("*") if p.is_file())


@dataclass(frozen=True)
class PageStats:
    """HTML pages of a built site (redirect stubs, exports and the embed file left out)."""

    pages: int
    mean_bytes: int
    max_bytes: int
    largest: str
    over_budget: int
    """Pages of PAGE_BUDGET bytes or more."""
    largest_pages: list[str]
    """The (at most 20) pages over PAGE_BUDGET, largest first, with their size."""
    sidebar_bytes: int
    """Bytes of the primary navigation on /compare/: the part every page repeats."""
    site_bytes: int
    record_page_max_bytes: int
    """Largest page of a synthetic record, a pair of them or the index: the pages N multiplies."""


def page_stats(site: Path, real_ids: frozenset[str] = frozenset()) -> PageStats:
    """Sizes of the built pages; see PageStats. `real_ids`: records that are not synthetic."""
    sizes = {}
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("exports/", "embed/")):
            continue
        data = path.read_bytes()
        if b'http-equiv="refresh"' in data[:2000]:
            continue
        sizes[rel] = len(data)
    largest = max(sizes, key=lambda rel: sizes[rel])
    over = sorted((rel for rel, size in sizes.items() if size >= PAGE_BUDGET),
                  key=lambda rel: (-sizes[rel], rel))
    return PageStats(len(sizes), sum(sizes.values()) // len(sizes), sizes[largest], largest,
                     len(over), [f"{rel} ({sizes[rel] // 1000} KB)" for rel in over[:20]],
                     sidebar_bytes(site / "compare" / "index.html"), tree_bytes(site),
                     max((size for rel, size in sizes.items() if _per_record(rel, real_ids)),
                         default=0))


def _per_record(rel: str, real_ids: frozenset[str]) -> bool:
    parts = set(re.split(r"/|-vs-", rel))
    return rel.startswith(("disciplines/", "compare/")) and rel != "compare/index.html" \
        and not parts & real_ids


def sidebar_bytes(page: Path) -> int:
    """Bytes of a built page's primary navigation (Material's `md-nav--primary`)."""
    tree = lxml.html.fromstring(page.read_bytes())
    navs = tree.cssselect("nav.md-nav--primary")
    return len(lxml.html.tostring(navs[0])) if navs else 0
