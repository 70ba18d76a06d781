"""The validated content as frozen dataclasses: what templates and exporters see."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Source:
    """A reference that supports facts in a record."""

    id: str
    title: str
    url: str
    publisher: str = ""
    published: str = ""


@dataclass(frozen=True)
class Entry:
    """One sourced statement: a fact, a list item, a relation or a tool."""

    id: str
    """Stable id, unique within its record; anchors are built from it."""
    text: str
    """Plain text, whitespace folded to single spaces."""
    sources: tuple[str, ...]
    """Ids of the record's sources that support it."""
    name: str = ""
    """Tools: the tool's name."""
    url: str = ""
    """Tools: the tool's homepage."""
    open_source: bool | None = None
    """Tools: whether the tool is open source."""
    target: str = ""
    """Relations: the id of the discipline built on."""
    relation: str = ""
    """Relations: extends, applies, specializes or complements."""


@dataclass(frozen=True)
class Discipline:
    """One Ops discipline."""

    id: str
    order: int
    name: str
    aliases: tuple[str, ...]
    fields: dict[str, tuple[Entry, ...]]
    """Every comparable field (full_name, scope, tools, ...) as a tuple of entries."""
    sources: tuple[Source, ...]
    source_file: str
    """Path of the YAML record, relative to the project root (for 'edit this page')."""
    emerged_year: int

    def entries(self, key: str) -> tuple[Entry, ...]:
        """The entries of one field (empty when the record lacks it)."""
        return self.fields.get(key, ())

    def text(self, key: str) -> str:
        """The text of a single-fact field such as `summary`."""
        entries = self.entries(key)
        return entries[0].text if entries else ""

    @property
    def builds_on(self) -> tuple[Entry, ...]:
        return self.entries("builds_on")


@dataclass(frozen=True)
class Dimension:
    """One row of every comparison and one section of every discipline page."""

    key: str
    label: str
    description: str
    anchor: str


@dataclass(frozen=True)
class AtlasInfo:
    """Facts about the content set as a whole."""

    version: str
    updated: str
    tagline: str
    start_here: tuple[tuple[str, str], ...]
    """(situation, discipline id) pairs for the home page."""


@dataclass(frozen=True)
class Term:
    """One glossary entry: shown on /glossary/#<id> and as a tooltip wherever it appears."""

    id: str
    term: str
    """As written in running text: 'CI/CD', 'Feature store'."""
    definition: str
    aliases: tuple[str, ...]
    """Other spellings, matched (like the term) as whole words."""
    related: tuple[str, ...]
    """Ids of the disciplines the term belongs to."""
    source: Source
    expansion: str = ""
    """What an acronym stands for ('' for plain terms)."""


@dataclass(frozen=True)
class Atlas:
    """Everything the site is built from, validated and ordered."""

    info: AtlasInfo
    disciplines: tuple[Discipline, ...]
    """In content order (`order`, then id)."""
    dimensions: tuple[Dimension, ...]
    glossary: tuple[Term, ...] = ()
    """Glossary terms in file order."""

    def discipline(self, discipline_id: str) -> Discipline:
        return self._by_id[discipline_id]

    @cached_property
    def _by_id(self) -> dict[str, Discipline]:
        # A lookup, not a scan: pages and pairs ask for disciplines thousands of times.
        return {d.id: d for d in self.disciplines}
