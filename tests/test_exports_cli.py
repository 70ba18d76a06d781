"""`build_pages.py export`: stdout by default, --output, subsets, clear errors."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from opsatlas.cli import main
from tests.test_exports_support import ROOT

IDS = ["devops", "dataops", "aiops", "mlops", "llmops"]


def _run(capsysbinary: pytest.CaptureFixture[bytes], *argv: str) -> tuple[int, str, str]:
    status = main(["export", *argv])
    out, err = capsysbinary.readouterr()
    return status, out.decode(), err.decode()


@pytest.mark.parametrize("name", ["md", "mediawiki", "confluence", "jira", "html", "adoc",
                                  "rst", "csv", "json", "svg"])
def test_every_format_prints_the_full_table_to_stdout(
        capsysbinary: pytest.CaptureFixture[bytes], name: str) -> None:
    status, out, err = _run(capsysbinary, "--format", name)
    assert (status, err) == (0, "")
    for discipline in ("DevOps", "DataOps", "AIOps", "MLOps", "LLMOps"):
        assert discipline in out
    assert "https://ops-atlas.github.io/compare/" in out
    assert "2026.11" in out


def test_output_writes_the_same_bytes_to_a_file(capsysbinary: pytest.CaptureFixture[bytes],
                                                tmp_path: Path) -> None:
    _, printed, _ = _run(capsysbinary, "--format", "csv")
    target = tmp_path / "table.csv"
    status, out, err = _run(capsysbinary, "--format", "csv", "--output", str(target))
    assert (status, out, err) == (0, "", "")
    assert target.read_bytes() == printed.encode()
    assert b"\r\n" in target.read_bytes()


def test_subset_keeps_content_order_and_links_the_pair_page(
        capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    status, out, _ = _run(capsysbinary, "--format", "csv", "--disciplines", "mlops, devops",
                          "--dimensions", "tools,full_name")
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert status == 0
    assert rows[0] == ["Dimension", "DevOps", "MLOps"]
    assert [row[0] for row in rows[1:-1]] == ["Stands for", "Representative tools"]
    assert "https://ops-atlas.github.io/compare/devops-vs-mlops/" in rows[-1][0]


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--disciplines", "devops,mlpos",
     "--disciplines: unknown discipline 'mlpos' (did you mean 'mlops'?); valid ids: "
     "devops, dataops, aiops, mlops, llmops"),
    ("--dimensions", "tols",
     "--dimensions: unknown dimension 'tols' (did you mean 'tools'?); valid ids: full_name, "
     "summary, primary_asset, emerged, builds_on, scope, use_cases, limitations, practices, "
     "tools, metrics, roles"),
    ("--disciplines", ",", "--disciplines: no discipline id given; valid ids: devops, "),
])
def test_unknown_ids_exit_2_listing_the_valid_ones(
        capsysbinary: pytest.CaptureFixture[bytes], option: str, value: str,
        message: str) -> None:
    status, out, err = _run(capsysbinary, "--format", "md", option, value)
    assert (status, out) == (2, "")
    assert f"build_pages.py export: error: {message}" in err


def test_every_unknown_id_is_reported_at_once(capsysbinary: pytest.CaptureFixture[bytes]
                                               ) -> None:
    status, _, err = _run(capsysbinary, "--format", "md", "--disciplines", "x,y",
                          "--dimensions", "z")
    assert status == 2
    assert [line.split("'")[1] for line in err.splitlines()] == ["x", "y", "z"]


def test_unknown_format_exits_2_with_the_choices(capsysbinary: pytest.CaptureFixture[bytes]
                                                  ) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["export", "--format", "docx"])
    assert exited.value.code == 2
    err = capsysbinary.readouterr().err.decode()
    assert "invalid choice: 'docx'" in err and "'mediawiki'" in err


def test_invalid_content_reports_located_problems_and_exits_1(
        capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    record = content / "disciplines" / "mlops.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("order: 40", "order: many"),
                      encoding="utf-8")
    status = main(["--content", str(content), "export", "--format", "md"])
    out, err = capsysbinary.readouterr()
    assert (status, out) == (1, b"")
    assert "mlops.yaml:2:8: order:" in err.decode()
    assert err.decode().rstrip().endswith("1 problem in 1 file.")
