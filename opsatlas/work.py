"""The generator's outputs as pieces of work, each making some files in whichever process runs it.

A piece is a page (its Markdown, and its link-preview card if it has one) or one of the files
published beside the pages (exports, the embed view). Pieces are balanced
over processes by a rough cost, counted in page renders.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .cards import publish_cards
from .comparison import ComparisonTable
from .embed import publish_embed
from .exports.publish import publish_exports
from .model import Atlas
from .pages import PagePlan
from .picker_index import publish_picker_index
from .publish import Published, collect
from .render import PageRenderer
from .scale import picker_searches
from .site_config import SiteConfig

# Measured at 1,000 records, where a page takes ~0.3 ms to build and render.
CARD_COST = 60.0
"""A card is drawn with Pillow (~20 ms)."""
EXPORTS_COST = 100.0
"""Ten formats of the matrix, capped in columns (scale.py), and of each pair if any (~30 ms)."""
EMBED_COST_PER_COLUMN = 0.12
"""The embed view holds the whole table (~37 ms at 1,000 disciplines)."""
WRITE_COST = 0.5
"""Creating a file (~0.2 ms): the process that writes every file makes fewer of them."""


@dataclass(frozen=True)
class Work:
    """Makes some files (docs-relative path -> bytes); `cost` is in page renders."""

    make: Callable[[], dict[str, bytes]]
    cost: float = 1.0


def page_work(plans: Sequence[PagePlan], renderer: PageRenderer, site: SiteConfig,
              with_card: Callable[[str], bool]) -> list[Work]:
    """One piece per page; `with_card(path)` says whether the page gets a card of its own."""
    cards = [with_card(plan.path) for plan in plans]
    return [Work(partial(_page_files, plan, renderer, site, card), plan.cost + CARD_COST * card)
            for plan, card in zip(plans, cards, strict=True)]


def _page_files(plan: PagePlan, renderer: PageRenderer, site: SiteConfig,
                card: bool) -> dict[str, bytes]:
    page = plan.build()
    if page.path != plan.path:
        raise ValueError(f"page planned at {plan.path} was built at {page.path}")
    text = renderer.render(page)
    published = Published({page.path: text.encode("utf-8")})
    if card:
        publish_cards({page.path: text}, site, published)
    return published.files


def make_files(work: Sequence[Work]) -> dict[str, bytes]:
    """Every file the pieces make."""
    return merge_files(piece.make() for piece in work)


def stream_files(work: Sequence[Work], emit: Callable[[dict[str, bytes]], None]) -> None:
    """Hand each piece's files to `emit` as soon as they are made."""
    for piece in work:
        emit(piece.make())


def merge_files(made: Iterable[dict[str, bytes]]) -> dict[str, bytes]:
    """Sets of files as one; two of them holding the same path is a bug."""
    files: dict[str, bytes] = {}
    for part in made:
        if overlap := files.keys() & part.keys():
            raise ValueError(f"two outputs claim {min(overlap)}")
        files.update(part)
    return files


def balance(work: Sequence[Work], parts: int, first_carries: float = 0.0) -> list[list[Work]]:
    """`work` dealt into `parts` lists of about equal cost (largest pieces first, each to the
    cheapest list so far), each list in the original order; the first list starts with the
    cost `first_carries` (what its process does besides)."""
    loads = [first_carries] + [0.0] * (parts - 1)
    owner = [0] * len(work)
    for index in sorted(range(len(work)), key=lambda i: -work[i].cost):
        cheapest = loads.index(min(loads))
        owner[index] = cheapest
        loads[cheapest] += work[index].cost
    return [[piece for index, piece in enumerate(work) if owner[index] == part]
            for part in range(parts)]


def published_work(atlas: Atlas, table: ComparisonTable, site: SiteConfig,
                   templates_dir: Path) -> list[Work]:
    """The files beside the pages: exports, the embed view and the picker's index."""
    columns = len(atlas.disciplines)
    work = [Work(partial(collect, partial(publish_exports, atlas, table, site)), EXPORTS_COST),
            Work(partial(collect, partial(publish_embed, atlas, table, site, templates_dir)),
                 EMBED_COST_PER_COLUMN * columns)]
    if picker_searches(atlas):
        work.append(Work(partial(collect, partial(publish_picker_index, atlas))))
    return work
