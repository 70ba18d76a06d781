"""Files published beside the pages: how each publisher hands over what it makes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Published:
    """Docs-relative path -> bytes, as a publisher adds them."""

    files: dict[str, bytes] = field(default_factory=dict)

    def add(self, path: str, data: bytes) -> None:
        """Add one file; the same path twice is a bug, not a silent overwrite."""
        if path in self.files:
            raise ValueError(f"two outputs claim {path}")
        self.files[path] = data


def collect(publisher: Callable[[Published], None]) -> dict[str, bytes]:
    """The files `publisher(published)` adds."""
    published = Published()
    publisher(published)
    return published.files
