"""benchmarks/: the synthetic content sets and the `make bench` runner."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from benchmarks import synth
from opsatlas.content import load_atlas
from tests.conftest import ROOT


def test_synthetic_set_is_valid_content_of_the_requested_size(tmp_path: Path) -> None:
    ids = synth.write_content_set(60, tmp_path / "content")
    atlas = load_atlas(tmp_path / "content")  # raises on any problem
    real = len(synth.real_records())
    assert sorted(d.id for d in atlas.disciplines[:real]) == sorted(ids[:real])
    assert [d.id for d in atlas.disciplines[real:]] == ids[real:]
    assert len(ids) == len(set(ids)) == 60
    for name in ("atlas.yaml", "dimensions.yaml", "glossary.yaml", "schema"):
        assert (tmp_path / "content" / name).exists() == (ROOT / "content" / name).exists()


def test_relations_only_point_back_in_content_order(tmp_path: Path) -> None:
    ids = synth.write_content_set(80, tmp_path / "content")
    position = {discipline_id: index for index, discipline_id in enumerate(ids)}
    relations = 0
    for discipline_id in ids[len(synth.real_records()):]:
        path = tmp_path / "content/disciplines" / f"{discipline_id}.yaml"
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        for relation in record["builds_on"]:
            assert position[relation["target"]] < position[discipline_id]
            relations += 1
    assert relations >= 75


def test_synthetic_records_are_about_one_and_a_half_kilobytes(tmp_path: Path) -> None:
    synth.write_content_set(105, tmp_path / "content")
    sizes = [p.stat().st_size for p in (tmp_path / "content/disciplines").glob("*.yaml")
             if p.name not in {r.name for r in synth.real_records()}]
    assert 1400 <= sum(sizes) / len(sizes) <= 2000


def test_same_size_same_bytes(tmp_path: Path) -> None:
    synth.write_content_set(40, tmp_path / "a")
    synth.write_content_set(40, tmp_path / "b")
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.yaml"))
    assert files == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*.yaml"))
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes()
               for f in files)


@pytest.mark.parametrize(("args", "message"), [
    (["--disciplines", "3"], "--disciplines must be at least 5"),
    (["--disciplines", "10", "--out", str(ROOT / "content")], "not empty"),
])
def test_synth_refuses_what_it_cannot_do(tmp_path: Path, args: list[str], message: str) -> None:
    argv = [*args] if "--out" in args else [*args, "--out", str(tmp_path / "out")]
    result = subprocess.run([sys.executable, "benchmarks/synth.py", *argv], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert message in result.stderr


def test_bench_runs_end_to_end_and_writes_its_results(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    result = subprocess.run([sys.executable, "benchmarks/run.py", "--sizes", "5",
                             "--out", str(out)], cwd=ROOT, capture_output=True, text=True,
                            timeout=900)
    assert result.returncode == 0, result.stderr
    header = result.stdout.splitlines()[0].split()
    assert header[:2] == ["N", "load+val"]
    run = json.loads(out.read_text())["runs"]["5"]
    assert run["noop"]["touched"] == 0
    assert run["forced"]["touched"] == 0
    assert run["peer"]["pages"]["pages"] >= run["pages"]["pages"] > 15
    assert run["pages"]["sidebar_bytes"] < run["peer"]["pages"]["sidebar_bytes"]
    assert list(json.loads(out.read_text())) == ["machine", "runs", "targets"]


def test_the_bare_reference_writes_one_page_per_record(tmp_path: Path) -> None:
    synth.write_content_set(12, tmp_path / "content")
    subprocess.run([sys.executable, str(ROOT / "benchmarks/bare.py"), str(tmp_path / "content"),
                    str(tmp_path / "out")], check=True)
    pages = sorted(p.stem for p in (tmp_path / "out").iterdir())
    assert pages == sorted(p.stem for p in (tmp_path / "content/disciplines").glob("*.yaml"))
    assert (tmp_path / "out/mlops.md").read_text(encoding="utf-8").startswith("# MLOps\n")
