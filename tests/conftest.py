"""Shared fixtures: copies of the project to build in, and one build of the real site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from benchmarks import synth
from opsatlas.workers import JOBS_VARIABLE

ROOT = Path(__file__).resolve().parent.parent
# What a build needs; a copy of these is a complete, independent project.
PROJECT_PARTS = ("mkdocs.yml", "build_pages.py", "content", "templates", "theme", "hooks",
                 "opsatlas")


@dataclass(frozen=True)
class Project:
    """A throwaway copy of the project, with helpers to run its commands."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def site(self) -> Path:
        return self.root / "site"

    def generate(self, *args: str, jobs: int | None = None) -> subprocess.CompletedProcess[str]:
        """Run `python build_pages.py ARGS` in the copy (in `jobs` processes, if given)."""
        env = None if jobs is None else {**os.environ, JOBS_VARIABLE: str(jobs)}
        return subprocess.run([sys.executable, "build_pages.py", *args], cwd=self.root,
                              capture_output=True, text=True, timeout=300, env=env)

    def mkdocs_build(self) -> subprocess.CompletedProcess[str]:
        """`mkdocs build --strict` into site/ (the hook regenerates docs/ first)."""
        return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                               "--site-dir", str(self.site)], cwd=self.root,
                              capture_output=True, text=True, timeout=600,
                              env={**_clean_env(), "NO_MKDOCS_2_WARNING": "1",
                                   "DISABLE_MKDOCS_2_WARNING": "true"})

    def build_site(self) -> Path:
        """Generate and build; fails the test with MkDocs' output when anything goes wrong."""
        generated = self.generate()
        assert generated.returncode == 0, generated.stderr
        built = self.mkdocs_build()
        assert built.returncode == 0, built.stderr + built.stdout
        return self.site


def _clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}


def replace_once(path: Path, old: str, new: str) -> None:
    """Edit a file the way a person would: replace the first `old` (which must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def copy_project(destination: Path) -> Project:
    """Copy the project's build inputs (not docs/ or site/) into `destination`."""
    destination.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=ignore)
        else:
            shutil.copy2(source, destination / part)
    return Project(destination)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A fresh copy of the project for one test to change and build."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The real content, generated and built once per test session."""
    built = copy_project(tmp_path_factory.mktemp("built") / "project")
    built.build_site()
    return built


def synthetic_project(tmp_path_factory: pytest.TempPathFactory, n: int) -> Project:
    """A project copy whose content/ is synth.py's set of `n` disciplines."""
    project = copy_project(tmp_path_factory.mktemp(f"n{n}") / "project")
    shutil.rmtree(project.content)
    synth.write_content_set(n, project.content)
    return project
