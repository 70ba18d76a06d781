"""Adding a discipline and a dimension is a content change only: no code is touched."""

from __future__ import annotations

import json

import pytest

from tests.conftest import Project
from tests.site_reading import html_page, text_of

FINOPS = """\
id: finops
order: 60
name: FinOps
aliases: [cloud-financial-operations]
full_name:
  text: Cloud Financial Operations
  sources: [finops-foundation]
summary:
  text: >-
    A practice that makes engineering, finance and business teams share
    accountability for cloud spending.
  sources: [finops-foundation]
emerged:
  year: 2019
  text: The FinOps Foundation was founded to carry the practice.
  sources: [finops-foundation]
primary_asset:
  text: Cloud cost and usage data.
  sources: [finops-foundation]
builds_on:
  - id: devops-culture
    target: devops
    relation: extends
    text: Takes the shared-ownership culture of DevOps to cloud cost.
    sources: [finops-foundation]
scope:
  - id: cost-visibility
    text: Makes cloud cost visible to the teams that cause it.
    sources: [finops-foundation]
use_cases:
  - id: showback
    text: Showback and chargeback of cloud spend to teams.
    sources: [finops-foundation]
limitations:
  - id: tagging-debt
    text: Depends on consistent resource tagging.
    sources: [finops-foundation]
practices:
  - id: unit-economics
    text: Track cost per unit of business value.
    sources: [finops-foundation]
tools:
  - id: opencost
    name: OpenCost
    url: https://www.opencost.io/
    open_source: true
    text: Measures Kubernetes cost allocation.
    sources: [finops-foundation]
metrics:
  - id: cost-per-unit
    text: Cost per unit of value delivered.
    sources: [finops-foundation]
roles:
  - id: finops-practitioner
    text: "FinOps practitioner: brings engineering and finance together."
    sources: [finops-foundation]
maturity:
  - id: crawl-walk-run
    text: Teams move through crawl, walk and run stages.
    sources: [finops-foundation]
sources:
  - id: finops-foundation
    title: What is FinOps?
    url: https://www.finops.org/introduction/what-is-finops/
    publisher: FinOps Foundation
"""

MATURITY_DIMENSION = """\
  - key: maturity
    label: Maturity model
    description: How teams grow into the practice.
    anchor: maturity
"""


@pytest.fixture(scope="module")
def extended(tmp_path_factory: pytest.TempPathFactory) -> Project:
    from tests.conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("extended") / "project")
    (project.content / "disciplines/finops.yaml").write_text(FINOPS, encoding="utf-8")
    with (project.content / "dimensions.yaml").open("a", encoding="utf-8") as stream:
        stream.write(MATURITY_DIMENSION)
    schema_path = project.content / "schema/discipline.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    schema["properties"]["maturity"] = {"$ref": "#/$defs/items"}
    schema_path.write_text(json.dumps(schema, indent=2), encoding="utf-8")
    project.build_site()
    return project


def test_new_discipline_gets_its_page_and_pairs(extended: Project) -> None:
    page = html_page(extended.site, "disciplines/finops/")
    assert text_of(page.cssselect("h1")[0]) == "FinOps"
    assert "Showback and chargeback" in text_of(page.get_element_by_id("use-cases-showback"))
    for other in ("devops", "dataops", "aiops", "mlops", "llmops"):
        assert (extended.site / f"compare/{other}-vs-finops/index.html").is_file()


def test_new_discipline_joins_the_matrix_last(extended: Project) -> None:
    page = html_page(extended.site, "compare/")
    matrix = page.cssselect("article table")[0]  # the export formats table follows it
    header = [text_of(th) for th in matrix.cssselect("thead th")]
    assert header[-1] == "FinOps"


def test_new_dimension_is_a_row_and_a_section(extended: Project) -> None:
    page = html_page(extended.site, "compare/")
    last_row = page.cssselect("article table")[0].cssselect("tbody tr")[-1]
    assert text_of(last_row.cssselect("th")[0]) == "Maturity model"
    cells = [text_of(td) for td in last_row.cssselect("td")]
    assert cells == ["—"] * 5 + ["• Teams move through crawl, walk and run stages."]
    finops = html_page(extended.site, "disciplines/finops/")
    assert text_of(finops.get_element_by_id("maturity")) == "Maturity model"
    assert finops.get_element_by_id("maturity-crawl-walk-run") is not None
    devops = html_page(extended.site, "disciplines/devops/")
    assert text_of(devops.get_element_by_id("maturity").getnext()) == "Not recorded yet."
