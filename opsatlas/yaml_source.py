"""Load YAML files into plain data while keeping where every value stood."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import ContentError, FieldPath, Problem, format_field

try:  # libyaml is ~10x faster; fall back to the pure-Python parser where it is missing.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Position = tuple[int, int]
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


@dataclass
class YamlDocument:
    """A parsed file: its data, and the 1-based line and column of each value and key."""

    path: str
    data: Any
    values: dict[FieldPath, Position] = field(default_factory=dict)
    keys: dict[FieldPath, Position] = field(default_factory=dict)

    def value_position(self, path: FieldPath) -> Position:
        """Position of the value at `path`, or of its nearest located ancestor."""
        while path not in self.values and path:
            path = path[:-1]
        return self.values.get(path, (1, 1))

    def key_position(self, path: FieldPath) -> Position:
        """Position of the mapping key that names `path` (falls back to the value)."""
        return self.keys.get(path) or self.value_position(path)

    def problem(self, path: FieldPath, message: str, *, at_key: bool = False) -> Problem:
        """A problem located at the value (or key) at `path`."""
        line, column = self.key_position(path) if at_key else self.value_position(path)
        return Problem(self.path, line, column, format_field(path), message)


def load_yaml_file(path: Path, display_path: str) -> YamlDocument:
    """Parse one file. Raises ContentError (located) for anything that is not clean YAML."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line, column = _offset_position(raw, err.start)
        raise ContentError([Problem(display_path, line, column, "-",
                                    f"file is not UTF-8 text (byte 0x{raw[err.start]:02x}); "
                                    "save it as UTF-8")]) from None
    return parse_yaml(text, display_path)


def parse_yaml(text: str, display_path: str) -> YamlDocument:
    """Parse YAML text into a located document."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(filter(None, [err.context, err.problem]))
        raise ContentError([Problem(display_path, line, column, "-",
                                    f"invalid YAML: {what}")]) from None
    except yaml.YAMLError as err:
        raise ContentError([Problem(display_path, 1, 1, "-", f"invalid YAML: {err}")]) from None
    document = YamlDocument(display_path, None)
    if node is None:
        return document
    problems: list[Problem] = []
    document.data = _to_data(node, (), document, problems, set())
    if problems:
        raise ContentError(problems)
    return document


def _to_data(node: yaml.Node, path: FieldPath, doc: YamlDocument,
             problems: list[Problem], seen: set[int]) -> Any:
    doc.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if id(node) in seen:  # an alias: refused, so a few lines cannot expand into gigabytes
        problems.append(doc.problem(path, "YAML anchors and aliases are not supported; "
                                          "write the value out"))
        return None
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    seen.add(id(node))
    if isinstance(node, yaml.SequenceNode):
        return [_to_data(child, (*path, i), doc, problems, seen)
                for i, child in enumerate(node.value)]
    assert isinstance(node, yaml.MappingNode)
    return _mapping(node, path, doc, problems, seen)


def _mapping(node: yaml.MappingNode, path: FieldPath, doc: YamlDocument,
             problems: list[Problem], seen: set[int]) -> dict[Any, Any]:
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = _scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
        child = (*path, str(key))
        doc.keys[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        if not isinstance(key, str):
            problems.append(doc.problem(child, "keys must be plain text", at_key=True))
            continue
        if key in result:
            problems.append(doc.problem(child, f"duplicate key '{key}'", at_key=True))
            continue
        result[key] = _to_data(value_node, child, doc, problems, seen)
    return result


def _scalar(node: yaml.ScalarNode) -> Any:
    # Dates stay text: records quote them, and JSON Schema checks strings.
    if node.tag == _TIMESTAMP_TAG:
        return node.value
    return yaml.SafeLoader.yaml_constructors.get(node.tag, _plain)(_CONSTRUCTOR, node)


def _plain(_constructor: Any, node: yaml.ScalarNode) -> str:
    return str(node.value)


_CONSTRUCTOR = yaml.SafeLoader("")


def _offset_position(raw: bytes, offset: int) -> Position:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    return line, column
