"""Where the 404 page sends a lost visitor: search, each section's front page, and every
discipline while they are few enough to list (scale.py: as many as the sidebar lists)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

from . import urls
from .scale import NAV_DISCIPLINE_LIMIT


@dataclass(frozen=True)
class Link:
    """A page's title and its root-relative URL (valid at any depth of a missing address)."""

    title: str
    url: str


@dataclass(frozen=True)
class NotFoundLinks:
    """What the 404 template lists."""

    home: str
    """Root-relative URL of the home page (the search form's target)."""
    disciplines: list[Link]
    """Every discipline page, by title; none when there are too many to list."""
    discipline_count: int
    """How many discipline pages the site has (what the page says when it lists none)."""
    index: Link | None
    """The page listing every discipline (/disciplines/), if the site has one."""
    sections: list[Link]
    """The home page, then each top-level page or section index (compare, glossary, ...)."""


def not_found_links(pages: Iterable[tuple[str, str, str]], root: str) -> NotFoundLinks:
    """Pick the links from the site's pages, given as (docs path, URL, title).

    `root` is the site's path on its host ('/' for https://ops-atlas.github.io/).
    """
    disciplines: list[Link] = []
    sections: list[tuple[tuple[bool, str], Link]] = []
    index: Link | None = None
    for doc, url, title in pages:
        path = PurePosixPath(doc)
        link = Link(title, _rooted(root, url))
        if doc != urls.DISCIPLINES_DOC and doc == urls.discipline_doc(path.stem):
            disciplines.append(link)
        elif len(path.parts) == 1 or (path.name == "index.md" and len(path.parts) == 2):
            sections.append(((doc != urls.HOME_DOC, doc), link))
            if doc == urls.DISCIPLINES_DOC:
                index = link
    listed = sorted(disciplines, key=lambda link: link.title.casefold()) \
        if len(disciplines) <= NAV_DISCIPLINE_LIMIT else []
    return NotFoundLinks(root, listed, len(disciplines), index,
                         [link for _, link in sorted(sections, key=lambda s: s[0])])


def _rooted(root: str, url: str) -> str:
    """MkDocs calls the home page's URL './'; below the root it is the root itself."""
    return root + url.removeprefix("./")
