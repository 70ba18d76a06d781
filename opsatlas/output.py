"""Write the generated docs tree: only changed bytes, atomically, never outside it."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path

MARKER = ".generated-by-ops-atlas"
"""Sits in a docs directory we own; without it we refuse to delete anything there."""
STAMP = ".ops-atlas-stamp.json"
"""The last run's fingerprint (opsatlas/freshness.py); like the marker, never a stale output."""


class OutputError(Exception):
    """The output directory cannot be written safely (said to the user, no traceback)."""


@dataclass
class TreeChanges:
    """What writing a tree would do (or did)."""

    changed: list[str] = field(default_factory=list)
    """Paths whose bytes differ from what is on disk (or are missing)."""
    stale: list[str] = field(default_factory=list)
    """Files on disk the build no longer produces."""
    total: int = 0

    @property
    def clean(self) -> bool:
        return not self.changed and not self.stale


def plan_tree(root: Path, outputs: dict[str, bytes]) -> TreeChanges:
    """Compare the wanted files with the directory, touching nothing."""
    return _plan(root, outputs, _file_sizes(root))


def _plan(root: Path, outputs: dict[str, bytes], sizes: dict[str, int]) -> TreeChanges:
    changes = TreeChanges(total=len(outputs))
    for rel, data in sorted(outputs.items()):
        if sizes.get(rel) != len(data) or (root / rel).read_bytes() != data:
            changes.changed.append(rel)
    changes.stale = sorted(set(sizes) - set(outputs) - {MARKER, STAMP})
    return changes


def _file_sizes(root: Path) -> dict[str, int]:
    """Docs-relative POSIX path -> size of every regular file under `root` (links followed)."""
    sizes: dict[str, int] = {}
    pending = [("", str(root))]
    while pending:
        prefix, folder = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):  # as Path.rglob: links are not walked
                pending.append((f"{prefix}{entry.name}/", entry.path))
            elif entry.is_file():
                sizes[prefix + entry.name] = entry.stat().st_size
    return sizes


@dataclass(frozen=True)
class OpenTree:
    """A docs directory claimed for writing, as it was before the run."""

    root: Path
    before: dict[str, int]
    """Docs-relative path -> size of every file it held."""
    new: bool
    """The run made the directory (release_tree removes it again after a failure)."""


@dataclass(frozen=True)
class Written:
    """What a StagedFiles wrote once committed."""

    paths: list[str]
    """Every file it was given, written or already right."""
    changed: list[str]
    """Those created or overwritten."""


def open_tree(root: Path) -> OpenTree:
    """Claim `root` (refused if it holds files this generator did not write) and list it."""
    new = not root.exists()
    _claim(root)
    return OpenTree(root, _file_sizes(root), new)


class StagedFiles:
    """A tree being written as its files are made.

    A file that did not exist is created as soon as it is added, so that writing overlaps with
    making the next files; a file that existed is only compared and replaced on commit, once
    every file has been made. Abandoning removes what was created, which leaves the tree as it
    was."""

    def __init__(self, tree: OpenTree) -> None:
        self._tree = tree
        self._paths: dict[str, None] = {}
        self._created: list[str] = []
        self._made_dirs: list[Path] = []
        self._known_dirs: set[str] = set()
        self._existing: dict[str, bytes] = {}

    def add(self, files: dict[str, bytes]) -> None:
        """Take these files: create the new ones now, keep the others for commit."""
        root = self._tree.root
        for rel, data in files.items():
            if rel in self._paths:
                raise ValueError(f"two outputs claim {rel}")
            self._paths[rel] = None
            if rel in self._tree.before:
                self._existing[rel] = data
                continue
            folder = rel.rpartition("/")[0]
            if folder not in self._known_dirs:
                self._make_dirs(root / folder)
                self._known_dirs.add(folder)
            if _write_new(root / rel, data):
                self._created.append(rel)
            else:  # appeared since the tree was listed: replaced on commit, like any other
                self._existing[rel] = data

    def commit(self) -> Written:
        """Replace the files that existed and whose bytes differ."""
        root = self._tree.root
        changed = list(self._created)
        for rel, data in self._existing.items():
            target = root / rel
            if self._tree.before.get(rel) != len(data) or not _same_bytes(target, data):
                _write_atomic(target, data)
                changed.append(rel)
        return Written(list(self._paths), changed)

    def abandon(self) -> None:
        """Remove every file and folder created."""
        for rel in self._created:
            (self._tree.root / rel).unlink(missing_ok=True)
        for folder in reversed(self._made_dirs):
            with contextlib.suppress(OSError):  # the user put something in
                folder.rmdir()

    def _make_dirs(self, folder: Path) -> None:
        missing = []
        while not folder.is_dir():
            missing.append(folder)
            folder = folder.parent
        for path in reversed(missing):
            path.mkdir()
            self._made_dirs.append(path)


def finish_tree(tree: OpenTree, written: Written) -> TreeChanges:
    """Once the files are committed: remove those no longer produced, and say what changed."""
    changes = TreeChanges(sorted(written.changed),
                          sorted(set(tree.before) - set(written.paths) - {MARKER, STAMP}),
                          len(written.paths))
    for rel in changes.stale:
        (tree.root / rel).unlink()
    _remove_empty_dirs(tree.root)
    return changes


def release_tree(tree: OpenTree) -> None:
    """After a failed run, once its files are abandoned: a directory the run made goes."""
    if tree.new:
        (tree.root / MARKER).unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            tree.root.rmdir()


def _same_bytes(target: Path, data: bytes) -> bool:
    try:
        return target.read_bytes() == data
    except FileNotFoundError:
        return False


def _claim(root: Path) -> None:
    if root.is_dir() and any(root.iterdir()) and not (root / MARKER).exists():
        raise OutputError(f"{root}: directory has files this generator did not write; "
                          "point --docs at an empty or generated directory")
    root.mkdir(parents=True, exist_ok=True)
    marker = root / MARKER
    if not marker.exists():
        marker.write_text("Generated by build_pages.py; every file here is rewritten.\n",
                          encoding="utf-8")


def _write_new(target: Path, data: bytes) -> bool:
    """Create a file that did not exist (False if it does now). No file is replaced, so no
    temporary is needed, and a rename per file costs ~5x the write (11,700 files at N = 5,000).
    A run killed mid-write leaves it short: the docs no longer match the stamp (freshness.py),
    so the next run compares bytes and rewrites it."""
    try:
        stream = open(target, "xb")  # noqa: SIM115 - closed below; only ours is removed
    except FileExistsError:
        return False
    try:
        with stream:
            stream.write(data)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return True


def _write_atomic(target: Path, data: bytes) -> None:
    # A temporary name of this process's own (two generators may share a docs directory),
    # created with the umask's mode like any file, then renamed over the target in one step.
    temp = target.with_name(f".tmp-{os.getpid()}-{target.name}")
    try:
        with open(temp, "wb") as stream:
            stream.write(data)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _remove_empty_dirs(root: Path) -> None:
    for directory in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True):
        if not any(directory.iterdir()):
            directory.rmdir()
