"""Located content problems, written for the person who edits the YAML file."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

FieldPath = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, with the place it was found."""

    path: str
    """File path as the user typed it (relative when possible)."""
    line: int
    """1-based line of the offending YAML node."""
    column: int
    """1-based column of the offending YAML node."""
    field: str
    """Dotted field path inside the file, e.g. `tools[2].url` (`-` for the whole file)."""
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.field}: {self.message}"


class ContentError(Exception):
    """Raised with every problem found, once loading and validation are complete."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(sorted(set(problems)))
        super().__init__(self.report())

    def report(self) -> str:
        """All problems, one per line, then a count."""
        count = len(self.problems)
        files = len({p.path for p in self.problems})
        noun = "problem" if count == 1 else "problems"
        where = "1 file" if files == 1 else f"{files} files"
        return "\n".join([*map(str, self.problems), f"{count} {noun} in {where}."])


def format_field(path: FieldPath) -> str:
    """`('tools', 2, 'url')` -> `tools[2].url`; the empty path is `-`."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "-"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ` (did you mean 'x'?)` suffix when a close match exists, else ''."""
    matches = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""


def short_repr(value: object, limit: int = 40) -> str:
    """A value as the user wrote it, shortened for messages."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
