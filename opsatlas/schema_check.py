"""Validate located YAML documents against the JSON Schemas in content/schema/."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .fast_schema import fast_validator, python_pattern
from .problems import FieldPath, Problem, did_you_mean, short_repr
from .yaml_source import YamlDocument

if TYPE_CHECKING:  # imported when a document needs explaining: it costs ~0.1 s
    import jsonschema  # type: ignore[import-untyped]
    from jsonschema.exceptions import ValidationError  # type: ignore[import-untyped]

_TYPE_WORDS = {"object": "a mapping of fields", "array": "a list", "string": "text",
               "integer": "a whole number", "boolean": "true or false", "number": "a number"}


@cache
def compiled_validator(schema_path: Path) -> jsonschema.protocols.Validator:
    """The schema's validator, compiled once per process."""
    import jsonschema  # only for documents the fast check does not pass

    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    ecma = jsonschema.validators.extend(cls, {"pattern": _pattern})  # as fast_schema reads it
    return ecma(schema)


def _pattern(validator: Any, pattern: str, instance: Any, _schema: Any) -> Iterator[Any]:
    """jsonschema's `pattern`, with the final `$` matching only at the end (ECMA-262)."""
    from jsonschema.exceptions import ValidationError

    if validator.is_type(instance, "string") and not re.search(python_pattern(pattern), instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def check_document(document: YamlDocument, schema_path: Path) -> list[Problem]:
    """Every schema violation in the document, each located at its YAML node."""
    fast = fast_validator(schema_path)
    if fast is not None and fast(document.data):
        return []  # valid, the usual case: nothing for jsonschema to explain
    validator = compiled_validator(schema_path)
    return [problem for error in validator.iter_errors(document.data)
            for problem in _explain(error, document)]


def _explain(error: ValidationError, doc: YamlDocument) -> Iterator[Problem]:
    path: FieldPath = tuple(error.absolute_path)
    schema: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
    match error.validator:
        case "additionalProperties":
            allowed = schema.get("properties", {})
            for key in sorted(set(error.instance) - set(allowed)):
                yield doc.problem((*path, key), f"unknown field '{key}'"
                                  f"{did_you_mean(key, allowed)}", at_key=True)
        case "required":
            for key in _missing(error):
                yield doc.problem(path, f"missing required field '{key}'")
        case "enum":
            choices = [str(c) for c in error.validator_value]
            yield doc.problem(path, f"expected one of {', '.join(choices)}; got "
                                    f"{short_repr(error.instance)}"
                                    f"{did_you_mean(str(error.instance), choices)}")
        case "uniqueItems":
            yield doc.problem(path, "list has the same entry twice")
        case "minItems":
            yield doc.problem(path, f"needs at least {error.validator_value} "
                                    f"entr{'y' if error.validator_value == 1 else 'ies'}")
        case _:
            yield doc.problem(path, f"expected {_expected(schema, error)}, "
                                    f"got {_describe(error.instance)}")


def _missing(error: ValidationError) -> list[str]:
    present = set(error.instance) if isinstance(error.instance, dict) else set()
    return [key for key in error.validator_value if key not in present]


def _expected(schema: dict[str, Any], error: ValidationError) -> str:
    if "x-expected" in schema:
        return str(schema["x-expected"])
    if error.validator == "type":
        return _TYPE_WORDS.get(str(error.validator_value), str(error.validator_value))
    return str(error.message)


def _describe(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str) and not value.strip():
        return "empty text"
    return short_repr(value)
