"""Short links, aliases and reversed pairs as a mkdocs-redirects map.

The plugin writes each key's page (`mlops/index.md` becomes `/mlops/index.html`) as a stub that
sends the browser on to the value's page, keeping the `#fragment`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from . import urls
from .scale import pair_pages

if TYPE_CHECKING:
    from .model import Atlas


def build_redirects(atlas: Atlas) -> dict[str, str]:
    """Old docs path -> canonical docs path, e.g. 'mlops/index.md' -> 'disciplines/mlops.md'.

    Short links come first in content order, then reversed pairs. A path claimed twice, or a
    short link over one of the site's own sections, is a bug (validation keeps ids and aliases
    apart and off those paths): it raises rather than let a redirect stub replace a page.
    """
    redirects: dict[str, str] = {}
    for old, new in (*_short_links(atlas), *_reversed_pairs(atlas)):
        if old in redirects:
            raise ValueError(f"two redirects claim {old}")
        redirects[old] = new
    return redirects


def short_link_doc(name: str) -> str:
    """Docs path of the stub served at `/<name>/`."""
    return f"{name}/index.md"


def _short_links(atlas: Atlas) -> Iterator[tuple[str, str]]:
    for discipline in atlas.disciplines:
        for name in (discipline.id, *discipline.aliases):
            if name in urls.RESERVED_SEGMENTS:
                raise ValueError(f"short link /{name}/ would replace the site's own /{name}/")
            yield short_link_doc(name), urls.discipline_doc(discipline.id)


def _reversed_pairs(atlas: Atlas) -> Iterator[tuple[str, str]]:
    for first, second in pair_pages(atlas):  # only pairs that have a page
        yield urls.pair_doc(second, first), urls.pair_doc(first, second)
