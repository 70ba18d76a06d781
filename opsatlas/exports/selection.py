"""Which part of the table the user asked for: ids checked, mistakes explained."""

from __future__ import annotations

from collections.abc import Sequence

from ..comparison import ComparisonTable
from ..problems import did_you_mean


class SelectionError(Exception):
    """Unknown or missing ids on the command line (said to the user, exit status 2)."""


def parse_ids(value: str) -> list[str]:
    """`'a, b,,c'` -> `['a', 'b', 'c']`."""
    return [part.strip() for part in value.split(",") if part.strip()]


def select(table: ComparisonTable, discipline_ids: Sequence[str] | None,
           dimension_keys: Sequence[str] | None) -> ComparisonTable:
    """The asked-for part of `table`; None means all. Raises SelectionError listing every
    unknown id with the valid ones, never returning an empty table."""
    problems = [*_unknown("discipline", discipline_ids, [d.id for d in table.disciplines]),
                *_unknown("dimension", dimension_keys, [r.dimension.key for r in table.rows])]
    if problems:
        raise SelectionError("\n".join(problems))
    return table.subset(discipline_ids, dimension_keys)


def _unknown(kind: str, asked: Sequence[str] | None, valid: list[str]) -> list[str]:
    if asked is None:
        return []
    if not asked:
        return [f"--{kind}s: no {kind} id given; valid ids: {', '.join(valid)}"]
    return [f"--{kind}s: unknown {kind} '{name}'{did_you_mean(name, valid)}; "
            f"valid ids: {', '.join(valid)}" for name in asked if name not in valid]
