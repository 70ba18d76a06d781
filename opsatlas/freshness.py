"""The no-op fast path: a run whose inputs and outputs are as the last run left them does nothing.

Importing yaml and jinja2 alone costs ~0.1 s, loading 1,000 records ~0.5 s more. So before any
of that, `build_pages.py` (and the MkDocs hook) compare a fingerprint of the build with the stamp
the last successful run wrote into the docs directory (STAMP, a dotfile MkDocs ignores). The
fingerprint covers, as (path, size, mtime in ns):

- every input file: the content directory (and the project's own content/, which exports read),
  templates/, the opsatlas package (code, fonts) and mkdocs.yml;
- every output file in the docs directory, so an edited, added or deleted page counts too;
- the Python version and the installed packages' folders (a different Jinja could render
  differently).

When they match, the run prints the remembered page count and exits: no file is read, written or
touched. Any difference means a real regeneration, which itself rewrites only changed files.

Correctness rules:
- The input half is taken before generating and the output half after writing, so a file edited
  during a run leaves a stamp that no longer matches.
- A file changed twice within one tick of the file system clock can keep its mtime and size.
  As in git's "racy clean" rule, the stamp is trusted only when its own mtime is later than
  every mtime it vouches for; a writer waits for the clock to move past them.
- `--check` never trusts the stamp: it renders everything and compares bytes, because a stamp
  can be fooled by a tool that restores both size and mtime (`cp -p`, `rsync -a`, `touch -r`).
  `--force` regenerates without looking at it.

Standard library only: this module is imported before anything heavy.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .output import STAMP

PACKAGE = Path(__file__).resolve().parent
FORMAT = 2
"""Bumped when the stamp's meaning changes, so old stamps stop matching."""
_SKIP_DIRS = frozenset({"__pycache__"})
_TICK_WAITS = 50
"""2 ms each: long enough for any file system clock to move on."""


@dataclass(frozen=True)
class BuildInputs:
    """Everything one generation reads, and the docs directory it writes."""

    content: Path
    templates: Path
    config: Path
    """mkdocs.yml."""
    docs: Path
    code: Path = PACKAGE
    extra: tuple[Path, ...] = field(default=())
    """Other folders read at build time (the project's content/ when --content points away)."""
    docs_from_config: bool = True
    """Whether `docs` is mkdocs.yml's docs_dir (False: given on the command line)."""

    def input_roots(self) -> list[Path]:
        """Input folders and files, each once, in a fixed order."""
        roots = [self.content, *self.extra, self.templates, self.code, self.config]
        return list(dict.fromkeys(root.resolve() for root in roots))


@dataclass(frozen=True)
class Remembered:
    """What a generation tells MkDocs and the user; the stamp keeps it for runs that skip work."""

    pages: int
    nav: list[Any]
    """The sidebar (mkdocs.yml `nav` form)."""
    updated: str
    """The content's date (YYYY-MM-DD): stamps the sitemap so builds are reproducible."""
    redirects: dict[str, str]
    """mkdocs-redirects map: old docs path -> docs path it now lives at."""
    abbreviations: dict[str, str]
    """The glossary's tooltips for the `abbr` extension: spelling -> definition."""


@dataclass(frozen=True)
class Fingerprint:
    """A digest of files' (path, size, mtime), and the newest mtime among them."""

    digest: str
    newest_ns: int


def remembered(inputs: BuildInputs) -> Remembered | None:
    """The last run's report when nothing changed since it; None when a run must do the work."""
    try:
        stamp_path = inputs.docs / STAMP
        stamp_mtime = stamp_path.stat().st_mtime_ns
        stamp = json.loads(stamp_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    before, after = fingerprint_inputs(inputs), fingerprint_outputs(inputs)
    if stamp.get("format") != FORMAT or stamp.get("inputs") != before.digest or \
            stamp.get("outputs") != after.digest:
        return None
    if stamp_mtime <= max(before.newest_ns, after.newest_ns):
        return None  # racy: something may have changed within the stamp's clock tick
    report = stamp.get("remembered", {})
    return Remembered(int(report["pages"]), list(report["nav"]), str(report["updated"]),
                      dict(report["redirects"]), dict(report["abbreviations"]))


def write_stamp(inputs: BuildInputs, before: Fingerprint, report: Remembered) -> None:
    """Remember a successful run; `before` is the inputs' fingerprint taken before it began."""
    after = fingerprint_outputs(inputs)
    stamp = inputs.docs / STAMP
    text = json.dumps({"format": FORMAT, "inputs": before.digest, "outputs": after.digest,
                       "remembered": report.__dict__}, sort_keys=True, indent=1) + "\n"
    newest = max(before.newest_ns, after.newest_ns)
    if _unchanged(stamp, text, newest):
        return  # a run that changed nothing touches nothing, its stamp included
    temporary = stamp.with_name(stamp.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, stamp)
    # Wait for the clock's next tick (a few ms), but not for a file dated in the future: that
    # stamp stays untrusted (racy), and runs do the work until the clock catches up.
    for _ in range(_TICK_WAITS):
        if stamp.stat().st_mtime_ns > newest:
            break
        time.sleep(0.002)
        os.utime(stamp)


def _unchanged(stamp: Path, text: str, newest_ns: int) -> bool:
    try:
        return stamp.stat().st_mtime_ns > newest_ns and stamp.read_text(encoding="utf-8") == text
    except OSError:
        return False


def project_inputs(root: Path, docs: Path, *, content: Path | None = None,
                   config: Path | None = None, docs_from_config: bool = True) -> BuildInputs:
    """The inputs of a generation in the project at `root` (its content/ unless told)."""
    return BuildInputs(content=content or root / "content", templates=root / "templates",
                       config=config or root / "mkdocs.yml", docs=docs,
                       extra=(root / "content",), docs_from_config=docs_from_config)


def docs_dir_of(config: Path) -> Path | None:
    """mkdocs.yml's docs_dir, read without YAML; None unless it is a plain top-level value.

    Only the fast path uses this: a stamp found through a misread docs_dir cannot match, as
    only a run that resolved docs_dir with real YAML writes a stamp marked `docs_from_config`.
    """
    try:
        lines = config.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    values = [line[len("docs_dir:"):].split(" #")[0].strip() for line in lines
              if line.startswith("docs_dir:")]
    if not values:
        return config.parent / "docs"
    value = values[-1].strip("'\"")
    plain = value and len(values) == 1 and not value.startswith(("!", "&", "*", "[", "{", "|"))
    return config.parent / value if plain else None


def fingerprint_inputs(inputs: BuildInputs) -> Fingerprint:
    """Fingerprint of every input file, plus the interpreter and installed packages."""
    lines = [f"python {sys.version} {sys.prefix}", f"docs from config {inputs.docs_from_config}"]
    lines += [f"packages {folder} {_mtime(folder)}" for folder in _package_folders()]
    return _fingerprint(lines, inputs.input_roots(), skip=frozenset())


def fingerprint_outputs(inputs: BuildInputs) -> Fingerprint:
    """Fingerprint of every file in the docs directory but the stamp itself."""
    return _fingerprint([], [inputs.docs.resolve()], skip=frozenset({STAMP, STAMP + ".tmp"}))


def _fingerprint(lines: list[str], roots: list[Path], skip: frozenset[str]) -> Fingerprint:
    newest = 0
    for root in roots:
        lines.append(f"root {root}" if root.exists() else f"missing {root}")
        for rel, stat in _files(root, skip):
            lines.append(f"{rel}\0{stat.st_size}\0{stat.st_mtime_ns}")
            newest = max(newest, stat.st_mtime_ns)
    digest = hashlib.sha256("\n".join(lines).encode("utf-8", "surrogateescape")).hexdigest()
    return Fingerprint(digest, newest)


def _files(root: Path, skip: frozenset[str]) -> Iterator[tuple[str, os.stat_result]]:
    """(path relative to root, stat) of every file under root, sorted; a file root is itself."""
    try:
        if not root.is_dir():
            yield root.name, root.stat()
            return
    except OSError:  # missing: said in the fingerprint's own line
        return
    stack = [str(root)]
    found: list[tuple[str, os.stat_result]] = []
    prefix = len(str(root)) + 1
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name not in _SKIP_DIRS:
                        stack.append(entry.path)
                elif entry.name not in skip:
                    found.append((entry.path[prefix:], entry.stat()))
    yield from sorted(found)


def _package_folders() -> list[str]:
    return sorted({entry for entry in sys.path if entry.endswith("site-packages")})


def _mtime(folder: str) -> int:
    try:
        return os.stat(folder).st_mtime_ns
    except OSError:
        return 0
