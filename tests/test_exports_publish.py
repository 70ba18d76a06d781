"""Exports published with the site: every format for the matrix and each pair, raw bytes."""

from __future__ import annotations

import pytest

from opsatlas.cli import main
from opsatlas.exports.registry import FORMATS
from opsatlas.urls import ordered_pairs, pair_slug
from tests.conftest import Project
from tests.test_exports_support import ROOT

IDS = ["devops", "dataops", "aiops", "mlops", "llmops"]
STEMS = ["comparison", *(pair_slug(a, b) for a, b in ordered_pairs(IDS))]


def test_every_format_is_published_for_the_matrix_and_each_pair(built_site: Project) -> None:
    exports = built_site.site / "exports"
    expected = {f"{stem}.{f.extension}" for stem in STEMS for f in FORMATS.values()}
    published = {p.name for p in exports.iterdir() if p.is_file()}
    assert published == expected | {"comparison.schema.json"}
    assert len(expected) == 11 * 10


def test_markdown_exports_are_raw_files_not_pages(built_site: Project) -> None:
    markdown = (built_site.site / "exports" / "comparison.md").read_text(encoding="utf-8")
    assert markdown.startswith("| Dimension | DevOps | DataOps |")
    assert not (built_site.site / "exports" / "comparison").exists()
    assert not list((built_site.docs / "exports").glob("*.md"))


def test_html_exports_are_copied_as_they_are(built_site: Project) -> None:
    fragment = (built_site.site / "exports" / "comparison.html").read_bytes()
    assert fragment.startswith(b"<table ") and b"<script" not in fragment
    assert fragment == (built_site.docs / "exports" / "comparison.html").read_bytes()


def test_schema_is_published_beside_the_json(built_site: Project) -> None:
    published = (built_site.site / "exports" / "comparison.schema.json").read_bytes()
    assert published == (ROOT / "content/schema/comparison-export.schema.json").read_bytes()


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_published_pair_equals_the_command_line_export(
        built_site: Project, capsysbinary: pytest.CaptureFixture[bytes], name: str) -> None:
    assert main(["export", "--format", name, "--disciplines", "dataops,mlops"]) == 0
    printed = capsysbinary.readouterr().out
    path = built_site.site / "exports" / f"dataops-vs-mlops.{FORMATS[name].extension}"
    assert printed == path.read_bytes()
