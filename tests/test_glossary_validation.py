"""Bad glossary input and colliding aliases: located errors, exit 1, nothing written."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from opsatlas.cli import main
from tests.conftest import Project

GLOSSARY = "content/glossary.yaml"
LLMOPS = "content/disciplines/llmops.yaml"
LLMOPS_ALIASES = "aliases: [llm-ops, large-language-model-operations]"


@dataclass(frozen=True)
class Case:
    name: str
    file: str
    old: str
    new: str
    expected: str
    """The exact line the person editing the file must see."""


CASES = [
    Case("term id defined twice", GLOSSARY, "  - id: ai\n", "  - id: a-b-testing\n",
         f"{GLOSSARY}:18:9: terms[1].id: duplicate term id 'a-b-testing' "
         "(already used by terms[0])"),
    Case("alias repeating its own term in another case", GLOSSARY, "[CICD, CI, CD,",
         "[CICD, ci/cd, CI, CD,",
         f"{GLOSSARY}:103:21: terms[8].aliases[1]: 'ci/cd' is already defined by terms[8] "
         "('CI/CD')"),
    Case("term defined twice under another case", GLOSSARY, "    term: SQL\n",
         "    term: rag\n",
         f"{GLOSSARY}:578:11: terms[50].term: 'rag' is already defined by terms[42] ('RAG')"),
    Case("related discipline that does not exist", GLOSSARY,
         "    aliases: [biased, algorithmic bias]\n    related: [llmops, mlops]",
         "    aliases: [biased, algorithmic bias]\n    related: [llmops, mlopps]",
         f"{GLOSSARY}:70:23: terms[5].related[1]: unknown discipline 'mlopps' "
         "(did you mean 'mlops'?)"),
    Case("term whose punctuation would stop its tooltip", GLOSSARY, "    term: CI/CD\n",
         "    term: CI/CD (pipelines)\n",
         f"{GLOSSARY}:98:11: terms[8].term: expected a term of letters, digits, spaces and "
         ". / ' - that starts and ends with a letter or digit (other punctuation stops its "
         "tooltip from matching the page text), got 'CI/CD (pipelines)'"),
    Case("acronym without its expansion", GLOSSARY,
         "    expansion: Structured Query Language\n", "",
         f"{GLOSSARY}:578:11: terms[50].term: 'SQL' looks like an acronym: add its "
         "'expansion'"),
    Case("definition longer than one sentence", GLOSSARY,
         "      warehouses.\n", "      warehouses. It dates from the 1970s.\n",
         f"{GLOSSARY}:580:17: terms[50].definition: expected one sentence that ends with a "
         "full stop, got 'The standard language for querying a..."),
    Case("discipline alias that is a glossary anchor", LLMOPS, LLMOPS_ALIASES,
         "aliases: [llm-ops, rag]",
         f"{LLMOPS}:4:20: aliases[1]: alias 'rag' is already the glossary anchor of 'RAG' "
         "(/glossary/#rag); pick another alias"),
    Case("discipline alias that is a real page path", LLMOPS, LLMOPS_ALIASES,
         "aliases: [llm-ops, glossary]",
         f"{LLMOPS}:4:20: aliases[1]: alias 'glossary' is a path the site already uses"),
    Case("discipline alias that is another record's alias", LLMOPS, LLMOPS_ALIASES,
         "aliases: [llm-ops, ml-ops]",  # records are read in file order: llmops first
         "content/disciplines/mlops.yaml:4:11: aliases[0]: alias 'ml-ops' is already an alias "
         f"in {LLMOPS}"),
    Case("discipline alias that is another record's id", LLMOPS, LLMOPS_ALIASES,
         "aliases: [llm-ops, mlops]",
         f"{LLMOPS}:4:20: aliases[1]: alias 'mlops' is already the id of "
         "content/disciplines/mlops.yaml"),
]


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _edit(project: Project, case: Case) -> None:
    path = project.root / case.file
    text = path.read_text(encoding="utf-8")
    assert text.count(case.old) == 1, f"test setup: {case.old!r} not once in {case.file}"
    path.write_text(text.replace(case.old, case.new), encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_glossary_input_is_reported_at_its_place(
        case: Case, project: Project, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project.root)
    assert main(["--content", "content", "--docs", "docs"]) == 0
    before = _snapshot(project.docs)
    capsys.readouterr()

    _edit(project, case)
    status = main(["--content", "content", "--docs", "docs"])

    err = capsys.readouterr().err
    assert status == 1
    assert case.expected in err.splitlines(), err
    assert "Traceback" not in err
    assert _snapshot(project.docs) == before, "docs/ changed although content was invalid"


def test_a_missing_glossary_is_reported(project: Project) -> None:
    (project.content / "glossary.yaml").unlink()
    result = project.generate()
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == "content/glossary.yaml:1:1: -: file is missing"
    assert not project.docs.exists()
