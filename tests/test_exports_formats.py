"""Confluence storage format (lxml), CSV (csv) and JSON (json + its JSON Schema) read back."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import jsonschema
import pytest
from lxml import etree, html

from opsatlas.comparison import ComparisonTable
from opsatlas.exports.confluence import NAMESPACES
from opsatlas.exports.csv_export import FORMULA_STARTS
from opsatlas.exports.json_export import SCHEMA_VERSION
from opsatlas.exports.registry import FORMATS
from opsatlas.site_config import load_site_config
from tests.test_exports_support import (
    ROOT,
    TABLES,
    adversarial_attribution,
    adversarial_table,
    expected_grid,
    norm,
    real_table,
)

SCHEMA = ROOT / "content" / "schema" / "comparison-export.schema.json"
STORAGE_TAGS = {"table", "tbody", "tr", "th", "td", "p", "ul", "li", "br"}


def _text(element: Any) -> str:
    """Text of an element, a line break at each <br/> and around each <li> and <p>."""
    if element.tag == "br":
        return "\n"
    inner = (element.text or "") + "".join(_text(c) + (c.tail or "") for c in element)
    return f"\n{inner}\n" if element.tag in ("li", "p") else inner


def _cell_lines(element: Any) -> list[str]:
    return [line for line in (norm(x) for x in _text(element).split("\n")) if line]


@pytest.mark.parametrize("which", sorted(TABLES))
def test_confluence_is_namespaced_xml_with_the_same_cells(which: str) -> None:
    table, attribution = TABLES[which]()
    root = etree.fromstring(FORMATS["confluence"].export(table, attribution).encode())
    assert root.tag == "table" and {k: root.nsmap[k] for k in NAMESPACES} == NAMESPACES
    assert {etree.QName(e).localname for e in root.iter() if e is not root} <= \
        STORAGE_TAGS | {"em", "a"}
    *rows, footnote = root.findall("tbody/tr")
    grid = [[_cell_lines(cell) for cell in row] for row in rows]
    assert grid == expected_grid(table)
    assert all(cell.tag == "th" for cell in rows[0]) and all(r[0].tag == "th" for r in rows)
    assert footnote.find("td/p/em/a").get("href") == attribution.url
    assert attribution.edition in norm("".join(footnote.itertext()))


@pytest.mark.parametrize("which", sorted(TABLES))
def test_html_is_one_table_with_inline_styles_only(which: str) -> None:
    table, attribution = TABLES[which]()
    text = FORMATS["html"].export(table, attribution)
    fragment = html.fragment_fromstring(text)
    assert fragment.tag == "table"
    tags = {e.tag for e in fragment.iter()}
    assert tags <= {"table", "caption", "a", "thead", "tbody", "tr", "th", "td", "ul", "li",
                    "br"}
    assert fragment.find("caption/a").get("href") == attribution.url
    assert len(fragment.findall(".//tr")) == len(table.rows) + 1
    assert all(e.get("class") is None for e in fragment.iter())


def _unneutralise(value: str, original: str) -> str:
    """Undo exactly the CSV's formula guard: one quote before a formula character."""
    if original.startswith(FORMULA_STARTS):
        assert value == "'" + original
        return value[1:]
    return value


def _csv_expected(table: ComparisonTable) -> list[list[str]]:
    rows = [["Dimension", *(d.name for d in table.disciplines)]]
    for row in table.rows:
        rows.append([row.dimension.label,
                     *("\n".join(e.display for e in cell.entries) for cell in row.cells)])
    return rows


@pytest.mark.parametrize("which", sorted(TABLES))
def test_csv_round_trips_and_never_starts_a_formula(which: str) -> None:
    table, attribution = TABLES[which]()
    text = FORMATS["csv"].export(table, attribution)
    assert text.endswith("\r\n")
    *rows, credit = list(csv.reader(io.StringIO(text, newline="")))
    expected = _csv_expected(table)
    assert [[_unneutralise(v, o) for v, o in zip(row, want, strict=True)]
            for row, want in zip(rows, expected, strict=True)] == expected
    assert not any(value.startswith(FORMULA_STARTS) for row in rows for value in row)
    assert credit == [attribution.credit] + [""] * len(table.disciplines)


def test_csv_neutralises_each_formula_start() -> None:
    table, attribution = adversarial_table(), adversarial_attribution()
    rows = list(csv.reader(io.StringIO(FORMATS["csv"].export(table, attribution),
                                       newline="")))
    firsts = {row[1] for row in rows}
    assert {"'=1+1", "'+SUM(A1)", "'-2+3", "'@cmd"} <= firsts


def _schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return loaded


@pytest.mark.parametrize("which", sorted(TABLES))
def test_json_is_valid_against_its_schema_and_holds_every_cell(which: str) -> None:
    table, attribution = TABLES[which]()
    document = json.loads(FORMATS["json"].export(table, attribution))
    validator = jsonschema.Draft202012Validator(
        _schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert list(validator.iter_errors(document)) == []
    assert [d["key"] for d in document["dimensions"]] == [r.dimension.key for r in table.rows]
    for column, record in enumerate(document["records"]):
        assert record["name"] == table.disciplines[column].name
        for row in table.rows:
            cell = record["cells"][row.dimension.key]
            model = row.cells[column]
            assert cell["list"] == model.is_list
            assert [(e["label"], e["text"]) for e in cell["entries"]] == \
                [(e.label, e.text) for e in model.entries]


def test_json_schema_is_versioned_and_published_where_documents_point() -> None:
    schema = _schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    site = load_site_config(ROOT / "mkdocs.yml")
    assert schema["$id"] == site.site_url + "exports/comparison.schema.json"
    table, attribution = real_table()
    document = json.loads(FORMATS["json"].export(table, attribution))
    assert document["$schema"] == schema["$id"]
    assert document["schema_version"] == SCHEMA_VERSION
    assert document["attribution"]["content_version"] == attribution.version


def test_json_entries_link_to_their_place_on_the_discipline_page() -> None:
    table, attribution = real_table()
    document = json.loads(FORMATS["json"].export(table, attribution))
    mlops = next(r for r in document["records"] if r["id"] == "mlops")
    assert mlops["url"] == "https://ops-atlas.github.io/disciplines/mlops/"
    tools = mlops["cells"]["tools"]["entries"]
    assert tools[0]["link"].startswith(mlops["url"] + "#tools-")
    assert tools[0]["url"].startswith("https://")
