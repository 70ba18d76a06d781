"""Short links and aliases as a mkdocs-redirects map (filled in by the links work)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Atlas


def build_redirects(atlas: Atlas) -> dict[str, str]:
    """Old docs path -> canonical docs path, e.g. 'mlops/index.md' -> 'disciplines/mlops.md'."""
    return {}
