"""A JSON Schema compiled into Python closures that answer one question fast: is this valid?

jsonschema explains every problem with its location, at ~5 ms a record (and ~0.1 s to import):
5 s at 1,000 records. Valid records, the usual case, need no explanation, so they are checked
here in tens of microseconds, and only a record this check does not pass goes to jsonschema for
the located messages (see schema_check.py).

The check must never call an invalid document valid. It understands the keywords our schemas
use (draft 2020-12: type, properties, required, additionalProperties, items, min/maxItems,
uniqueItems, enum, const, pattern, min/maxLength, minimum, maximum, exclusive bounds, local
$ref) and ignores annotations (title, description, x-*, format, which jsonschema does not assert
either). A schema with any other keyword is Unsupported and always goes to jsonschema. Where an
answer would need jsonschema's finer equality rules (True vs 1, lists in enums), the check says
"not valid" and lets jsonschema decide.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

Check = Callable[[Any], bool]

_DRAFTS = ("https://json-schema.org/draft/2020-12/schema",
           "https://json-schema.org/draft/2019-09/schema")
_ANNOTATIONS = frozenset({"$schema", "$id", "$comment", "$defs", "title", "description",
                          "default", "examples", "format", "deprecated", "readOnly",
                          "writeOnly"})
_TYPES: dict[str, Check] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool))
    or (isinstance(v, float) and v.is_integer()),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
}


class Unsupported(Exception):
    """The schema uses a keyword this module does not check; use jsonschema alone."""


@cache
def fast_validator(schema_path: Path) -> Check | None:
    """The schema's fast check, compiled once per process (None: unsupported schema)."""
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    try:
        return compile_schema(schema)
    except (Unsupported, TypeError, ValueError, KeyError, re.error):
        return None  # unsupported or malformed: jsonschema checks it (and reports a bad schema)


def compile_schema(root: dict[str, Any]) -> Check:
    """Compile a whole schema document; raises Unsupported for keywords it cannot check."""
    if root.get("$schema") not in _DRAFTS:
        raise Unsupported(f"$schema {root.get('$schema')!r}")
    return _Compiler(root).compile(root)


class _Compiler:
    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root
        self.refs: dict[str, Check] = {}
        self.compiling: set[str] = set()  # $ref targets on the way: a $ref to one is recursive

    def compile(self, schema: Any) -> Check:
        if schema is True or schema == {}:
            return _always
        if schema is False:
            return _never
        if not isinstance(schema, dict):
            raise Unsupported(f"schema {schema!r}")
        keywords = {key: value for key, value in schema.items()
                    if key not in _ANNOTATIONS and not key.startswith("x-")}
        checks = [self._keyword(key, value, schema) for key, value in keywords.items()]
        if not _MAPPING_KEYWORDS.isdisjoint(keywords):
            checks.append(_mapping(self, schema))
        return _all([check for check in checks if check is not _always])

    def _keyword(self, key: str, value: Any, schema: dict[str, Any]) -> Check:
        builder = _KEYWORDS.get(key)
        if builder is None:
            raise Unsupported(key)
        if not isinstance(value, _VALUE_TYPES.get(key, object)):
            raise Unsupported(f"{key}: {value!r}")
        return builder(self, value, schema)

    def ref(self, pointer: str) -> Check:
        if pointer not in self.refs:
            if not pointer.startswith("#/"):
                raise Unsupported(f"$ref {pointer}")
            target: Any = self.root
            for part in pointer[2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            self.refs[pointer] = _never  # placeholder while a recursive target compiles
            self.compiling.add(pointer)
            self.refs[pointer] = self.compile(target)
            self.compiling.discard(pointer)
        return self.refs[pointer]


def _all(checks: list[Check]) -> Check:
    if not checks:
        return _always
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda value: first(value) and second(value)

    def every(value: Any) -> bool:  # loops, not generators: this runs ~100 times a record
        for check in checks:  # noqa: SIM110 - all() of a generator is ~2x slower here
            if not check(value):
                return False
        return True
    return every


def _always(_value: Any) -> bool:
    return True


def _never(_value: Any) -> bool:
    return False


def _type(_c: _Compiler, value: Any, _s: dict[str, Any]) -> Check:
    names = [value] if isinstance(value, str) else list(value)
    checks = [_TYPES[name] for name in names]
    return checks[0] if len(checks) == 1 else lambda v: any(check(v) for check in checks)


def _mapping(c: _Compiler, schema: dict[str, Any]) -> Check:
    """properties, required and additionalProperties, checked in one pass over a mapping."""
    properties = {name: c.compile(sub) for name, sub in schema.get("properties", {}).items()}
    required = frozenset(schema.get("required", ()))
    other = c.compile(schema.get("additionalProperties", True))

    def mapping(v: Any) -> bool:
        if isinstance(v, dict):
            if not v.keys() >= required:
                return False
            for key, item in v.items():
                if not properties.get(key, other)(item):
                    return False
        return True
    return mapping


def _in_mapping(_c: _Compiler, _value: Any, _s: dict[str, Any]) -> Check:
    """A keyword _mapping checks: only its value's type is checked here, by _keyword."""
    return _always


def _items(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    if "prefixItems" in schema:
        raise Unsupported("prefixItems")
    check = c.compile(value)

    def items(v: Any) -> bool:
        if isinstance(v, list):
            for item in v:
                if not check(item):
                    return False
        return True
    return items


def _min_items(_c: _Compiler, value: int, _s: dict[str, Any]) -> Check:
    return lambda v: not isinstance(v, list) or len(v) >= value


def _max_items(_c: _Compiler, value: int, _s: dict[str, Any]) -> Check:
    return lambda v: not isinstance(v, list) or len(v) <= value


def _unique(_c: _Compiler, value: bool, _s: dict[str, Any]) -> Check:
    if not value:
        return _always
    # Only plain strings are compared here; anything else is left to jsonschema.
    return lambda v: not isinstance(v, list) or (
        all(type(item) is str for item in v) and len(set(v)) == len(v))


def _enum(_c: _Compiler, value: list[Any], _s: dict[str, Any]) -> Check:
    choices = [(type(choice), choice) for choice in value]
    return lambda v: any(type(v) is kind and v == choice for kind, choice in choices)


def _const(_c: _Compiler, value: Any, _s: dict[str, Any]) -> Check:
    return lambda v: type(v) is type(value) and v == value


def python_pattern(pattern: str) -> str:
    """A schema `pattern` (ECMA-262) for Python's re, whose final `$` also matches before a
    trailing newline: there it becomes `\\Z`, so 'mlops\\n' is not a valid '^[a-z]+$' id."""
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        return pattern[:-1] + "\\Z"
    return pattern


def _pattern(_c: _Compiler, value: str, _s: dict[str, Any]) -> Check:
    search = re.compile(python_pattern(value)).search
    return lambda v: not isinstance(v, str) or search(v) is not None


def _min_length(_c: _Compiler, value: int, _s: dict[str, Any]) -> Check:
    return lambda v: not isinstance(v, str) or len(v) >= value


def _max_length(_c: _Compiler, value: int, _s: dict[str, Any]) -> Check:
    return lambda v: not isinstance(v, str) or len(v) <= value


def _bound(compare: Callable[[Any, Any], bool]) -> Callable[[_Compiler, Any, dict[str, Any]],
                                                           Check]:
    def build(_c: _Compiler, value: Any, _s: dict[str, Any]) -> Check:
        number = _TYPES["number"]
        return lambda v: not number(v) or compare(v, value)
    return build


def _ref(c: _Compiler, value: str, _s: dict[str, Any]) -> Check:
    check = c.ref(value)  # compiled now, so an unsupported target fails at compile time
    if value not in c.compiling:
        return check
    refs = c.refs
    return lambda v: refs[value](v)  # recursive: looked up when called, once it is compiled


_COUNT = int
_VALUE_TYPES: dict[str, type | tuple[type, ...]] = {
    "type": (str, list), "properties": dict, "required": list, "additionalProperties": (bool, dict),
    "items": (bool, dict), "minItems": _COUNT, "maxItems": _COUNT, "uniqueItems": bool,
    "enum": list, "pattern": str, "minLength": _COUNT, "maxLength": _COUNT,
    "minimum": (int, float), "maximum": (int, float), "exclusiveMinimum": (int, float),
    "exclusiveMaximum": (int, float), "$ref": str,
}
"""What each keyword's value must be for the compiled check to mean what jsonschema means."""

_MAPPING_KEYWORDS = frozenset({"properties", "required", "additionalProperties"})
"""Keywords about a mapping's keys, checked together by _mapping."""

_KEYWORDS: dict[str, Callable[[_Compiler, Any, dict[str, Any]], Check]] = {
    "type": _type, "properties": _in_mapping, "required": _in_mapping,
    "additionalProperties": _in_mapping, "items": _items, "minItems": _min_items,
    "maxItems": _max_items, "uniqueItems": _unique, "enum": _enum, "const": _const,
    "pattern": _pattern, "minLength": _min_length, "maxLength": _max_length,
    "minimum": _bound(lambda v, b: v >= b), "maximum": _bound(lambda v, b: v <= b),
    "exclusiveMinimum": _bound(lambda v, b: v > b),
    "exclusiveMaximum": _bound(lambda v, b: v < b), "$ref": _ref,
}
