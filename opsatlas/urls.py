"""The public URL scheme: every page path and anchor is spelled here and nowhere else.

These URLs are promises to people who link to the site; change them only with a redirect.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

# First path segments the site itself uses; an alias may not take one of them.
RESERVED_SEGMENTS = frozenset({
    "assets", "compare", "disciplines", "embed", "exports", "glossary", "search", "404",
    "index", "sitemap", "cards", "404.html", "sitemap.xml", "by-letter",
})


def discipline_doc(discipline_id: str) -> str:
    """Docs-relative Markdown file of a discipline page (served at /disciplines/<id>/)."""
    return f"disciplines/{discipline_id}.md"


def discipline_url(discipline_id: str) -> str:
    """Site-relative URL of a discipline page."""
    return f"disciplines/{discipline_id}/"


def index_group_doc(slug: str) -> str:
    """One page of the grouped discipline index: /disciplines/by-letter/<slug>/ (many records).

    Two segments under disciplines/, so it can never take a discipline's /disciplines/<id>/.
    """
    return f"disciplines/by-letter/{slug}.md"


def pair_slug(first: str, second: str) -> str:
    """`devops-vs-mlops`: the first id in content order comes first."""
    return f"{first}-vs-{second}"


def pair_doc(first: str, second: str) -> str:
    return f"compare/{pair_slug(first, second)}.md"


def pair_url(first: str, second: str) -> str:
    return f"compare/{pair_slug(first, second)}/"


def item_anchor(section_anchor: str, item_id: str) -> str:
    """Anchor of one list item: `use-cases-ci-cd`."""
    return f"{section_anchor}-{item_id}"


def term_anchor(term_id: str) -> str:
    """Anchor of a glossary entry: `/glossary/#ci-cd` (the term's id)."""
    return term_id


def ordered_pairs(ids: Sequence[str]) -> Iterator[tuple[str, str]]:
    """Every pair of ids, each in content order."""
    for i, first in enumerate(ids):
        for second in ids[i + 1:]:
            yield first, second


PAGE_ANCHORS = ("compare", "sources", "pairs", "take-it-with-you", "export", "embed",
                "how-they-relate", "side-by-side")
"""Fixed section anchors of the pages that also carry one anchor per dimension (discipline
pages, /compare/ and pair pages): no dimension may take one."""

HOME_DOC = "index.md"
DISCIPLINES_DOC = "disciplines/index.md"
COMPARE_DOC = "compare/index.md"
GLOSSARY_DOC = "glossary.md"
GLOSSARY_URL = "glossary/"
COMPARE_URL = "compare/"
"""The full comparison; `#<dimension anchor>` is that dimension's row."""
EMBED_COMPARE_URL = "embed/compare/"
"""The table alone, for an <iframe>; `?disciplines=a,b&dimensions=x,y` filters it."""
EMBED_COMPARE_FILE = "embed/compare/index.html"
EXPORTS_DIR = "exports/"
PICKER_INDEX_FILE = "compare/disciplines.json"
"""Every discipline's id and name, for the search of the picker on /compare/ (scale.py)."""
