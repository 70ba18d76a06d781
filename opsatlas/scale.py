"""The scale policy: what the site lists, pages or leaves out as disciplines multiply.

N is the number of disciplines. The five-discipline site is below every threshold, so it keeps
every pair page, the full matrix and every discipline in the sidebar. Above the thresholds,
nothing a reader is shown grows without bound, and the number of pages grows linearly in N:

- Sidebar: every discipline while N <= NAV_DISCIPLINE_LIMIT; beyond, only "All disciplines".
  MkDocs renders the sidebar into every page, so a sidebar growing with N makes the build
  quadratic (Material's default navigation: ~300 KB per page at N = 1,000).
- All disciplines (/disciplines/): one table while N <= INDEX_PAGE_SIZE; beyond, it lists the
  disciplines grouped by the first character of their id, each group a page of at most
  INDEX_PAGE_SIZE rows at /disciplines/by-letter/<group>/ (a bigger group is split: m, m-2, ...).
- Home page: a card per discipline while N <= NAV_DISCIPLINE_LIMIT; beyond, the first
  HOME_CARD_LIMIT in content order, then a link to the index; relations among those shown.
- Pair pages (/compare/<a>-vs-<b>/): every pair while N <= ALL_PAIRS_LIMIT; beyond, only the
  pairs the content names (a `builds_on` relation, either way): one per relation at most, not
  N(N-1)/2 (499,500 at N = 1,000). Reversed-pair redirects follow this list; any other pair is
  a few clicks away in the picker on /compare/ and the embed view.
- Pair exports (/exports/<a>-vs-<b>.<ext>, ten formats each): every pair while
  N <= PAIR_EXPORT_LIMIT; beyond, none (the picker then offers the command line and the embed
  view for a pair, as for any other selection).
- Full-table exports (/exports/comparison.<ext>): the table /compare/ shows, so every
  discipline while N <= MATRIX_COLUMN_LIMIT; beyond, its first MATRIX_COLUMN_LIMIT columns, and
  each file's credit says so ("only the first 12 of the 1,000 disciplines"). Ten formats of
  1,000 columns were 17 MB and 1.7 s of generation that no wiki can use; the picker on
  /compare/ then offers the command line for "all disciplines", and `build_pages.py export`
  writes any selection, every discipline included.
- Discipline pages link every pair page they belong to (so each pair page is reachable).
- /compare/: the full matrix while N <= MATRIX_COLUMN_LIMIT; beyond, the first
  MATRIX_COLUMN_LIMIT disciplines in content order, with a note and links to the rest; its list
  of pair pages holds the pairs among those columns.
- The picker on /compare/ (what to export or embed): a checkbox per discipline while
  N <= PICKER_LIST_LIMIT; beyond, a checkbox per column of the matrix, and a search field that
  finds any other discipline by name in compare/disciplines.json (one request, on first use), so
  the page does not carry N checkboxes (~165 bytes each: 212 KB of HTML at N = 1,000). Either
  way the boxes start checked for exactly the disciplines of the full-table export files.
- 404 page: every discipline while N <= NAV_DISCIPLINE_LIMIT; beyond, their number and a link
  to the index (it was ~100 KB of links at N = 1,000, on every missing address).
- Glossary: each term lists the first GLOSSARY_USERS_LIMIT disciplines using it, then
  "and N more" (the five-discipline site is far below it).
- Link-preview cards: every page has its own while the site has at most CARD_PAGE_LIMIT pages;
  beyond, only the front pages of the site's sections (home, /disciplines/, /compare/,
  /glossary/ ...) do, and every other page shows the home page's card. A card is a PNG that costs
  tens of milliseconds to draw, which would otherwise dominate generation at N = 1,000.

Still growing with N (linearly): the embed view carries the whole table for its filter, and
compare/disciplines.json lists every discipline (~40 bytes each) for the picker's search.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from . import urls
from .model import Atlas, Discipline

NAV_DISCIPLINE_LIMIT = 30
"""Above this many disciplines the sidebar lists only the index page, so it never grows with N."""
ALL_PAIRS_LIMIT = 30
"""Up to this many disciplines every pair has a page (435 at most)."""
PAIR_EXPORT_LIMIT = 10
"""Up to this many disciplines every pair has export files (45 pairs, 450 files at most)."""
MATRIX_COLUMN_LIMIT = 12
"""Columns of the /compare/ matrix at most: a wider table is unreadable and heavy."""
PICKER_LIST_LIMIT = 30
"""Up to this many disciplines the picker on /compare/ has a checkbox for each."""
PICKER_FIND_LIMIT = 20
"""Matches the picker's search shows at most."""
INDEX_PAGE_SIZE = 100
"""Rows of an index table at most (/disciplines/ or one letter group)."""
HOME_CARD_LIMIT = 12
"""Discipline cards on the home page once the sidebar no longer lists every discipline."""
CARD_PAGE_LIMIT = 24
"""Pages that all get a link-preview card of their own (the five-discipline site has 19)."""
GLOSSARY_USERS_LIMIT = 12
"""Disciplines a glossary entry links at most."""
OTHER_GROUP = "0-9"
"""Group of ids that start with a digit."""

Pair = tuple[str, str]


@dataclass(frozen=True)
class IndexGroup:
    """One page of the grouped discipline index."""

    slug: str
    """'m', or 'm-2' for the second page of a big letter; the page is by-letter/<slug>/."""
    label: str
    """What readers see: 'M', 'M (2)', '0-9'."""
    disciplines: tuple[Discipline, ...]
    """Sorted by name."""


def sidebar_disciplines(atlas: Atlas) -> tuple[Discipline, ...]:
    """The disciplines the sidebar lists one by one (none once there are too many)."""
    return atlas.disciplines if len(atlas.disciplines) <= NAV_DISCIPLINE_LIMIT else ()


def home_disciplines(atlas: Atlas) -> tuple[Discipline, ...]:
    """The disciplines the home page shows as cards."""
    if len(atlas.disciplines) <= NAV_DISCIPLINE_LIMIT:
        return atlas.disciplines
    return atlas.disciplines[:HOME_CARD_LIMIT]


def matrix_disciplines(atlas: Atlas) -> tuple[Discipline, ...]:
    """The columns of the /compare/ matrix, in content order."""
    return atlas.disciplines[:MATRIX_COLUMN_LIMIT]


def picker_disciplines(atlas: Atlas) -> tuple[Discipline, ...]:
    """The disciplines the picker on /compare/ shows a checkbox for before any search."""
    if len(atlas.disciplines) <= PICKER_LIST_LIMIT:
        return atlas.disciplines
    return matrix_disciplines(atlas)


def picker_searches(atlas: Atlas) -> bool:
    """Whether the picker finds disciplines by name (in compare/disciplines.json)."""
    return len(atlas.disciplines) > PICKER_LIST_LIMIT


def pair_pages(atlas: Atlas) -> list[Pair]:
    """Every pair that has a page, each in content order, sorted by content order."""
    ids = [d.id for d in atlas.disciplines]
    if len(ids) <= ALL_PAIRS_LIMIT:
        return list(urls.ordered_pairs(ids))
    position = {discipline_id: index for index, discipline_id in enumerate(ids)}
    named = {_ordered(d.id, entry.target, position)
             for d in atlas.disciplines for entry in d.builds_on}
    return sorted(named, key=lambda pair: (position[pair[0]], position[pair[1]]))


def export_pairs(atlas: Atlas) -> list[Pair]:
    """The pairs with export files of their own (all of them, or none once there are many)."""
    ids = [d.id for d in atlas.disciplines]
    return list(urls.ordered_pairs(ids)) if len(ids) <= PAIR_EXPORT_LIMIT else []


def pairs_by_discipline(pairs: Iterable[Pair]) -> dict[str, list[Pair]]:
    """Discipline id -> the pair pages it belongs to, in the order given."""
    index: dict[str, list[Pair]] = {}
    for pair in pairs:
        for discipline_id in pair:
            index.setdefault(discipline_id, []).append(pair)
    return index


def index_groups(atlas: Atlas) -> list[IndexGroup]:
    """Pages of the grouped index; empty while one /disciplines/ table holds everything."""
    if len(atlas.disciplines) <= INDEX_PAGE_SIZE:
        return []
    by_key: dict[str, list[Discipline]] = {}
    for discipline in sorted(atlas.disciplines, key=lambda d: (d.name.casefold(), d.id)):
        key = discipline.id[0] if discipline.id[0].isalpha() else OTHER_GROUP
        by_key.setdefault(key, []).append(discipline)
    return [group for key in sorted(by_key) for group in _split(key, by_key[key])]


def own_card(doc: str, page_count: int) -> bool:
    """Whether the page at docs path `doc` gets a link-preview card of its own."""
    return page_count <= CARD_PAGE_LIMIT or is_section_front(doc)


def is_section_front(doc: str) -> bool:
    """Home and the first page of each section: 'index.md', 'glossary.md', 'compare/index.md'."""
    parts = doc.split("/")
    return len(parts) == 1 or (len(parts) == 2 and parts[1] == "index.md")


def _split(key: str, disciplines: list[Discipline]) -> list[IndexGroup]:
    label = key.upper()
    chunks = [tuple(disciplines[i:i + INDEX_PAGE_SIZE])
              for i in range(0, len(disciplines), INDEX_PAGE_SIZE)]
    return [IndexGroup(key if n == 1 else f"{key}-{n}", label if n == 1 else f"{label} ({n})",
                       chunk) for n, chunk in enumerate(chunks, start=1)]


def _ordered(x: str, y: str, position: dict[str, int]) -> Pair:
    return (x, y) if position[x] < position[y] else (y, x)
