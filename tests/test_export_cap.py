"""Published full-table exports follow the /compare/ matrix's column cap (opsatlas/scale.py);
the `export` command still writes every discipline on demand."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import lxml.html
import pytest

from benchmarks import synth
from opsatlas import scale
from opsatlas.cli import main
from tests.conftest import Project

N = scale.MATRIX_COLUMN_LIMIT + 1
CAPPED = f"only the first {scale.MATRIX_COLUMN_LIMIT} of the {N} disciplines"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(content, docs) of a synthetic site one discipline past the matrix's column cap."""
    root = tmp_path_factory.mktemp("cap")
    synth.write_content_set(N, root / "content")
    assert main(["--content", str(root / "content"), "--docs", str(root / "docs")]) == 0
    return root / "content", root / "docs"


def _csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_published_full_table_has_the_matrix_columns_and_says_so(
        generated: tuple[Path, Path]) -> None:
    _, docs = generated
    rows = _csv_rows((docs / "exports" / "comparison.csv").read_text(encoding="utf-8"))
    assert len(rows[0]) == 1 + scale.MATRIX_COLUMN_LIMIT
    assert CAPPED in rows[-1][0]
    data = json.loads((docs / "exports" / "comparison.json").read_text(encoding="utf-8"))
    assert len(data["records"]) == scale.MATRIX_COLUMN_LIMIT
    for name in ("comparison.md.txt", "comparison.mediawiki", "comparison.confluence.xml",
                 "comparison.jira.txt", "comparison.html", "comparison.adoc", "comparison.rst",
                 "comparison.svg"):
        assert CAPPED in (docs / "exports" / name).read_text(encoding="utf-8"), name


def test_picker_offers_the_files_only_for_the_disciplines_they_hold(
        generated: tuple[Path, Path]) -> None:
    """Every discipline is listed, but the boxes checked, and the selection that offers the
    full-table files, are the file's columns (compare-tools.js compares them)."""
    _, docs = generated
    page = lxml.html.fromstring((docs / "compare" / "index.md").read_bytes())
    picker = page.get_element_by_id("atlas-picker")
    data = json.loads((docs / "exports" / "comparison.json").read_text(encoding="utf-8"))
    in_file = [record["id"] for record in data["records"]]
    assert picker.get("data-full-ids").split(",") == in_file
    assert picker.get("data-total") == str(N)
    boxes = picker.cssselect("input[name=discipline]")
    assert len(boxes) == N
    assert [b.get("value") for b in boxes if b.get("checked") is not None] == in_file


def test_export_command_still_writes_every_discipline(
        generated: tuple[Path, Path], capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    content, _ = generated
    assert main(["--content", str(content), "export", "--format", "csv"]) == 0
    rows = _csv_rows(capsysbinary.readouterr().out.decode())
    assert len(rows[0]) == 1 + N
    assert "only the first" not in rows[-1][0]


def test_real_site_exports_every_discipline_without_a_cap_note(built_site: Project) -> None:
    rows = _csv_rows((built_site.docs / "exports" / "comparison.csv").read_text(encoding="utf-8"))
    assert len(rows[0]) == 1 + 5
    assert "only the first" not in rows[-1][0]
