"""Load YAML files into plain data, and say where any value stood when a problem needs it.

A clean document (the usual case) is built without recording a position per value: they are
found again from its text the first time a problem is located in it. Anything unclean (an
alias, a duplicate key, a key that is not text, a control character) is built by the located
walk, which reports each problem at its line and column; so is a document whose text holds an
escape or a control character, as that walk checks each value for unpublishable characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .problems import ContentError, FieldPath, Problem, format_field

try:  # libyaml is ~10x faster; fall back to the pure-Python parser where it is missing.
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

Position = tuple[int, int]
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_AS_TEXT = frozenset({_TIMESTAMP_TAG, "tag:yaml.org,2002:str"})
_ALIAS = "YAML anchors and aliases are not supported; write the value out"
# Escapes in double-quoted YAML ("\0", "\a", "\ud800") can produce characters that XML
# exports cannot hold and UTF-8 cannot encode; tabs and line breaks are fine (text is folded).
_UNPUBLISHABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_DEFAULT_TAGS: dict[type[yaml.Node], str] = {
    yaml.ScalarNode: yaml.resolver.Resolver.DEFAULT_SCALAR_TAG,
    yaml.SequenceNode: yaml.resolver.Resolver.DEFAULT_SEQUENCE_TAG,
    yaml.MappingNode: yaml.resolver.Resolver.DEFAULT_MAPPING_TAG,
}


class _Loader(_SafeLoader):
    """SafeLoader, with the tags it gives found with less work per node.

    The parser asks for the tag of every node it builds (~150 a record). No path resolvers are
    registered, so there is no path to track down and up the tree, and a plain scalar's tag
    depends on its text alone: keys and ids repeat, so that answer is remembered."""

    def descend_resolver(self, current_node: yaml.Node | None, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode and implicit[0]:
            return _plain_tag(value)
        return _DEFAULT_TAGS[kind]


@lru_cache(maxsize=4096)
def _plain_tag(value: str) -> str:
    """The tag SafeLoader gives a plain (unquoted) scalar: int, bool, null, ... or str.
    (Its `implicit[1]` only matters to path resolvers.)"""
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    return tag


_RESOLVER = yaml.resolver.Resolver()


@dataclass
class YamlDocument:
    """A parsed file: its data, and the 1-based line and column of each value and key."""

    path: str
    data: Any
    text: str = field(default="", repr=False)
    """The YAML text, from which positions are found on demand."""
    valid: bool = False
    """Set once the document has passed its schema."""
    _values: dict[FieldPath, Position] | None = field(default=None, repr=False)
    _keys: dict[FieldPath, Position] = field(default_factory=dict, repr=False)

    @property
    def values(self) -> dict[FieldPath, Position]:
        """Path -> (line, column) of every value, found from the text on first use."""
        return self._located()[0]

    @property
    def keys(self) -> dict[FieldPath, Position]:
        """Path -> (line, column) of the mapping key that names it."""
        return self._located()[1]

    def _located(self) -> tuple[dict[FieldPath, Position], dict[FieldPath, Position]]:
        if self._values is None:
            self._values = {}
            node = yaml.compose(self.text, Loader=_Loader) if self.text else None
            if node is not None:
                _to_data(node, (), self, [], set())
        return self._values, self._keys

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
        raise ContentError([_syntax_problem(err, display_path)]) from None
    except yaml.YAMLError as err:
        raise ContentError([Problem(display_path, 1, 1, "-", f"invalid YAML: {err}")]) from None
    if node is None:
        return YamlDocument(display_path, None, text)
    # Only an escape (a backslash) or the character itself puts an unpublishable character in a
    # value, and only an anchor (&) can be aliased: a text without them needs fewer checks.
    if "\\" not in text and not _UNPUBLISHABLE.search(text):
        try:
            data = _clean_data(node, set() if "&" in text else None)
            return YamlDocument(display_path, data, text)
        except _Unclean:
            pass  # the located walk below says what and where
    document = YamlDocument(display_path, None, text, _values={})
    problems: list[Problem] = []
    document.data = _to_data(node, (), document, problems, set())
    if problems:
        raise ContentError(_at_aliases(problems, text))
    return document


def _at_aliases(problems: list[Problem], text: str) -> list[Problem]:
    """Put an alias in a list where it is written (one under a key is located at its key): the
    composed node it stands for only knows where its anchor is. Aliases are met in document
    order, as the parser's alias events are."""
    marks = [mark for event in yaml.parse(text, Loader=_Loader)
             if isinstance(event, yaml.AliasEvent) and (mark := event.start_mark) is not None]
    found = [index for index, problem in enumerate(problems) if problem.message == _ALIAS]
    if len(marks) != len(found):
        return problems
    moved = list(problems)
    for index, mark in zip(found, marks, strict=True):
        if problems[index].field.endswith("]"):
            moved[index] = replace(problems[index], line=mark.line + 1, column=mark.column + 1)
    return moved


def _syntax_problem(err: yaml.MarkedYAMLError, display_path: str) -> Problem:
    mark = err.problem_mark or err.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    message = f"invalid YAML: {err.problem or err.context}"
    if err.context and err.problem and err.context_mark:
        where = err.context_mark
        message += f" ({err.context} that starts at {where.line + 1}:{where.column + 1})"
    return Problem(display_path, line, column, "-", message)


class _Unclean(Exception):
    """The document needs the located walk: it has something to report."""


class _BadScalar(_Unclean):
    """A value whose explicit tag does not fit its text (`!!int x`): the message says so."""


def _clean_data(node: yaml.Node, seen: set[int] | None) -> Any:
    """_to_data for a document with nothing to report, without positions; else _Unclean.

    `seen` collects the lists and mappings met, to find aliases (None: the text has no anchor).
    Its text values are not checked for unpublishable characters: the caller rules them out."""
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    if seen is not None:
        if id(node) in seen:
            raise _Unclean
        seen.add(id(node))
    # Text, nine scalars in ten, is taken where it is met: a call for each adds a fifth.
    if isinstance(node, yaml.SequenceNode):
        return [child.value if child.tag in _AS_TEXT and isinstance(child, yaml.ScalarNode)
                else _clean_data(child, seen) for child in node.value]
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if key_node.tag in _AS_TEXT and isinstance(key_node, yaml.ScalarNode):
            key = key_node.value
        else:
            key = _scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                raise _Unclean
        if key in result:
            raise _Unclean
        if value_node.tag in _AS_TEXT and isinstance(value_node, yaml.ScalarNode):
            result[key] = value_node.value
        else:
            result[key] = _clean_data(value_node, seen)
    return result


def _to_data(node: yaml.Node, path: FieldPath, doc: YamlDocument,
             problems: list[Problem], seen: set[int]) -> Any:
    doc.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if id(node) in seen:  # an alias: refused, so a few lines cannot expand into gigabytes
        problems.append(doc.problem(path, _ALIAS, at_key=True))
        return None
    if isinstance(node, yaml.ScalarNode):
        try:
            value = _scalar(node)
        except _BadScalar as err:
            problems.append(doc.problem(path, str(err)))
            return None
        if isinstance(value, str) and (bad := _UNPUBLISHABLE.search(value)):
            problems.append(doc.problem(path, f"text holds U+{ord(bad.group()):04X}, a control "
                                              "character that cannot be published; remove it"))
        return value
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
        try:
            key = _scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
        except _BadScalar:
            key = None  # reported below: not plain text
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
    # Dates stay text: records quote them, and JSON Schema checks strings. Text, nine scalars
    # in ten, is taken as it is without PyYAML's constructor calls (the same value, faster).
    if node.tag in _AS_TEXT:
        return node.value
    construct = yaml.SafeLoader.yaml_constructors.get(node.tag, _plain)
    try:
        return construct(_CONSTRUCTOR, node)
    except (ValueError, KeyError, IndexError, TypeError, yaml.YAMLError):
        tag = node.tag.removeprefix("tag:yaml.org,2002:")
        raise _BadScalar(f"'{node.value}' cannot be read as !!{tag}; remove the tag or fix "
                         "the value") from None


def _plain(_constructor: Any, node: yaml.ScalarNode) -> str:
    return str(node.value)


_CONSTRUCTOR = yaml.SafeLoader("")


def _offset_position(raw: bytes, offset: int) -> Position:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    return line, column
