"""The comparison table: one model, built once, that every page and export formats."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from .model import Atlas, Dimension, Discipline, Entry
from .urls import item_anchor

RELATION_LABELS = {"extends": "Extends", "applies": "Applies", "specializes": "Specializes",
                   "complements": "Complements"}


class CellEntry(NamedTuple):
    """One line of a cell: plain text, with where it lives on its discipline page.

    A tuple, so a cell's entries hash in C: formatted cells are cached by their entries."""

    text: str
    label: str
    """A lead-in such as a tool name, a year or 'Extends DevOps' ('' when none)."""
    anchor: str
    """Fragment on the discipline page (item anchor, or the section for single facts)."""
    url: str = ""
    """An outside link belonging to the entry (tools)."""

    @property
    def display(self) -> str:
        """The entry as one plain line: `label: text`."""
        return f"{self.label}: {self.text}" if self.label else self.text


@dataclass(frozen=True)
class Cell:
    discipline: Discipline
    dimension: Dimension
    entries: tuple[CellEntry, ...]

    @cached_property
    def is_list(self) -> bool:
        """True for list fields (scope, tools, ...); False for single facts (summary)."""
        return any(entry.anchor != self.dimension.anchor for entry in self.entries)


@dataclass(frozen=True)
class Row:
    dimension: Dimension
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class ComparisonTable:
    """Disciplines as columns, dimensions as rows, cells ready to format."""

    disciplines: tuple[Discipline, ...]
    rows: tuple[Row, ...]

    def column(self, discipline_id: str) -> int:
        """Index of a discipline's column (and of its cell in every row)."""
        return self._columns[discipline_id]

    @cached_property
    def _columns(self) -> dict[str, int]:
        return {d.id: index for index, d in enumerate(self.disciplines)}

    def subset(self, discipline_ids: Sequence[str] | None = None,
               dimension_keys: Sequence[str] | None = None) -> ComparisonTable:
        """The same table restricted to some columns and rows, keeping content order."""
        # Column positions, not a scan of every column: a pair of 1,000 stays two lookups.
        keep = sorted({self._columns[i] for i in discipline_ids if i in self._columns}) \
            if discipline_ids else range(len(self.disciplines))
        keep_k = set(dimension_keys) if dimension_keys else {r.dimension.key for r in self.rows}
        columns = tuple(self.disciplines[i] for i in keep)
        rows = tuple(Row(r.dimension, tuple(r.cells[i] for i in keep))
                     for r in self.rows if r.dimension.key in keep_k)
        return ComparisonTable(columns, rows)


def build_comparison(atlas: Atlas) -> ComparisonTable:
    """The full matrix of the atlas."""
    names = {d.id: d.name for d in atlas.disciplines}
    rows = tuple(Row(dim, tuple(Cell(d, dim, _cell_entries(d, dim, names))
                                for d in atlas.disciplines))
                 for dim in atlas.dimensions)
    return ComparisonTable(atlas.disciplines, rows)


def _cell_entries(discipline: Discipline, dimension: Dimension,
                  names: dict[str, str]) -> tuple[CellEntry, ...]:
    return tuple(_cell_entry(entry, dimension, names)
                 for entry in discipline.entries(dimension.key))


def _cell_entry(entry: Entry, dimension: Dimension, names: dict[str, str]) -> CellEntry:
    anchor = item_anchor(dimension.anchor, entry.id) if entry.id else dimension.anchor
    if entry.relation:
        label = f"{RELATION_LABELS[entry.relation]} {names[entry.target]}"
        return CellEntry(entry.text, label, anchor)
    return CellEntry(entry.text, entry.name, anchor, entry.url)
