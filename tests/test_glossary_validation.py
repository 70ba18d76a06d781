"""Bad glossary input and colliding aliases: located errors, exit 1, nothing written.

Each case runs through the same check as every other content mistake
(tests/test_validation.py): every expected line is printed, the count line closes the report,
no traceback, and docs/ is left exactly as it was.
"""

from __future__ import annotations

import pytest

from tests.conftest import Project
from tests.test_validation import Case, replace
from tests.test_validation import (
    test_bad_content_is_reported_with_its_location as check_reported_at_its_place,
)

GLOSSARY = "content/glossary.yaml"
LLMOPS = "content/disciplines/llmops.yaml"
LLMOPS_ALIASES = "aliases: [llm-ops, large-language-model-operations]"
BIAS = "    aliases: [biased, algorithmic bias]\n    related: [llmops, mlops]"


def alias(new: str) -> str:
    return LLMOPS_ALIASES.replace("large-language-model-operations", new)


CASES = [
    Case("term id defined twice",
         replace(GLOSSARY, "  - id: ai\n", "  - id: a-b-testing\n"),
         (f"{GLOSSARY}:18:9: terms[1].id: duplicate term id 'a-b-testing' "
          "(already used by terms[0])",)),
    Case("alias repeating its own term in another case",
         replace(GLOSSARY, "[CICD, CI, CD,", "[CICD, ci/cd, CI, CD,"),
         (f"{GLOSSARY}:103:21: terms[8].aliases[1]: 'ci/cd' is already defined by terms[8] "
          "('CI/CD')",)),
    Case("term defined twice under another case",
         replace(GLOSSARY, "    term: SQL\n", "    term: rag\n"),
         (f"{GLOSSARY}:578:11: terms[50].term: 'rag' is already defined by terms[42] "
          "('RAG')",)),
    Case("related discipline that does not exist",
         replace(GLOSSARY, BIAS, BIAS.replace("mlops]", "mlopps]")),
         (f"{GLOSSARY}:70:23: terms[5].related[1]: unknown discipline 'mlopps' "
          "(did you mean 'mlops'?)",)),
    Case("term whose punctuation would stop its tooltip",
         replace(GLOSSARY, "    term: CI/CD\n", "    term: CI/CD (pipelines)\n"),
         (f"{GLOSSARY}:98:11: terms[8].term: expected a term of letters, digits, spaces and "
          ". / ' - that starts and ends with a letter or digit (other punctuation stops its "
          "tooltip from matching the page text), got 'CI/CD (pipelines)'",)),
    Case("acronym without its expansion",
         replace(GLOSSARY, "    expansion: Structured Query Language\n", ""),
         (f"{GLOSSARY}:578:11: terms[50].term: 'SQL' looks like an acronym: add its "
          "'expansion'",)),
    Case("definition longer than one sentence",
         replace(GLOSSARY, "      warehouses.\n", "      warehouses. It dates from 1974.\n"),
         (f"{GLOSSARY}:580:17: terms[50].definition: expected one sentence that ends with a "
          "full stop, got 'The standard language for querying a...",)),
    Case("discipline alias that is a glossary anchor",
         replace(LLMOPS, LLMOPS_ALIASES, alias("rag")),
         (f"{LLMOPS}:4:20: aliases[1]: alias 'rag' is already the glossary anchor of 'RAG' "
          "(/glossary/#rag); pick another alias",)),
    Case("discipline alias that is a real page path",
         replace(LLMOPS, LLMOPS_ALIASES, alias("glossary")),
         (f"{LLMOPS}:4:20: aliases[1]: alias 'glossary' is a path the site already uses",)),
    Case("discipline alias that is another record's alias",  # read in file order: llmops first
         replace(LLMOPS, LLMOPS_ALIASES, alias("ml-ops")),
         ("content/disciplines/mlops.yaml:4:11: aliases[0]: alias 'ml-ops' is already an "
          f"alias in {LLMOPS}",)),
    Case("discipline alias that is another record's id",
         replace(LLMOPS, LLMOPS_ALIASES, alias("mlops")),
         (f"{LLMOPS}:4:20: aliases[1]: alias 'mlops' is already the id of "
          "content/disciplines/mlops.yaml",)),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_glossary_input_is_reported_at_its_place(
        case: Case, project: Project, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    check_reported_at_its_place(case, project, capsys, monkeypatch)


def test_a_missing_glossary_is_reported(project: Project) -> None:
    (project.content / "glossary.yaml").unlink()
    result = project.generate()
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == "content/glossary.yaml:1:1: -: file is missing"
    assert not project.docs.exists()
