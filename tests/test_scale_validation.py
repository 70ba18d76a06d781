"""The compiled schema check (opsatlas/fast_schema.py) agrees with jsonschema, so validation
can skip jsonschema for valid records without ever letting an invalid one through."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opsatlas.fast_schema import compile_schema, fast_validator
from opsatlas.schema_check import compiled_validator
from tests.conftest import ROOT

SCHEMAS = ROOT / "content/schema"
DOCUMENTS = {
    "discipline": [ROOT / "content/disciplines" / f"{i}.yaml"
                   for i in ("devops", "mlops", "llmops")],
    "glossary": [ROOT / "content/glossary.yaml"],
    "atlas": [ROOT / "content/atlas.yaml"],
    "dimensions": [ROOT / "content/dimensions.yaml"],
}
VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 3000), st.floats(allow_nan=False),
    st.sampled_from(["", " ", "ok", "Two words.", "UPPER", "a-b", "a--b", "https://x.org/",
                     "ftp://x", "2024-01-02", "2015", "extends", "devops", "x" * 300,
                     "devops\n", "A sentence.\n"]),
    st.lists(st.sampled_from(["a", "b", "devops", 1, None]), max_size=3),
    st.dictionaries(st.sampled_from(["id", "text", "sources", "extra"]),
                    st.sampled_from(["a", 1, ["a"]]), max_size=3))


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*path, index))
    return found


def _mutate(document: Any, data: st.DataObject) -> Any:
    document = copy.deepcopy(document)
    path = data.draw(st.sampled_from(_paths(document)[1:]))
    parent = document
    for part in path[:-1]:
        parent = parent[part]
    action = data.draw(st.sampled_from(["replace", "delete", "add", "duplicate"]))
    if action == "replace":
        parent[path[-1]] = data.draw(VALUES)
    elif action == "delete":
        del parent[path[-1]]
    elif action == "add" and isinstance(parent, dict):
        parent[data.draw(st.sampled_from(["extra", "name", "url", "year"]))] = data.draw(VALUES)
    elif isinstance(parent, list):
        parent.append(copy.deepcopy(parent[path[-1]]))
    return document


@pytest.mark.parametrize("kind", DOCUMENTS)
def test_real_content_passes_the_compiled_check(kind: str) -> None:
    check = fast_validator(SCHEMAS / f"{kind}.schema.json")
    assert check is not None
    assert all(check(_load(path)) for path in DOCUMENTS[kind])


@pytest.mark.parametrize("kind", DOCUMENTS)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_compiled_check_agrees_with_jsonschema(kind: str, data: st.DataObject) -> None:
    path = SCHEMAS / f"{kind}.schema.json"
    original = _load(data.draw(st.sampled_from(DOCUMENTS[kind])))
    document = _mutate(original, data)
    valid = not list(compiled_validator(path).iter_errors(document))  # jsonschema, as used
    assert compile_schema(json.loads(path.read_text(encoding="utf-8")))(document) == valid


@pytest.mark.parametrize("schema", [
    {"$schema": "https://json-schema.org/draft/2020-12/schema", "oneOf": [{"type": "string"}]},
    {"$schema": "https://json-schema.org/draft/2020-12/schema", "minItems": "two"},
    {"$schema": "http://json-schema.org/draft-07/schema#", "type": "string"},
    {"$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": "other.json"},
], ids=["unknown-keyword", "malformed-value", "older-draft", "remote-ref"])
def test_schemas_it_cannot_check_go_to_jsonschema(tmp_path: Path,
                                                  schema: dict[str, Any]) -> None:
    path = tmp_path / "x.schema.json"
    path.write_text(json.dumps(schema), encoding="utf-8")
    assert fast_validator(path) is None


@pytest.mark.parametrize(("value", "valid"), [
    (True, False), (1, True), (1.0, True), (1.5, False), ("1", False)])
def test_integers_follow_json_schema_not_python(value: object, valid: bool) -> None:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "integer"}
    assert compile_schema(schema)(value) is valid


TREE = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": "#/$defs/node",
        "$defs": {"node": {"type": "object", "required": ["id"], "additionalProperties": False,
                           "properties": {"id": {"$ref": "#/$defs/slug"},
                                          "children": {"type": "array",
                                                       "items": {"$ref": "#/$defs/node"}}}},
                  "slug": {"type": "string", "pattern": "^[a-z]+$"}}}


@pytest.mark.parametrize("value", [
    {"id": "a"}, {"id": "a", "children": []}, {"id": "a", "children": [{"id": "b"}]},
    {"id": "a", "children": [{"id": "b", "children": [{"id": "c"}]}]},
    {"id": "a", "children": [{"id": "b", "children": [{"id": "C"}]}]},
    {"id": "a", "children": [{"id": "b", "children": [{}]}]},
    {"id": "a", "children": [{"id": "b", "extra": 1}]}, {"id": "a", "children": {"id": "b"}},
    {"id": 1}, {}, [], "a", None])
def test_a_recursive_ref_is_checked_at_every_depth(value: object) -> None:
    valid = jsonschema.Draft202012Validator(TREE).is_valid(value)
    assert compile_schema(TREE)(value) is valid
