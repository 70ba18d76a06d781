"""Where the 404 page sends a lost visitor: every discipline, and each section's front page."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

from . import urls


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
    """Every discipline page, by title."""
    sections: list[Link]
    """The home page, then each top-level page or section index (compare, glossary, ...)."""


def not_found_links(pages: Iterable[tuple[str, str, str]], root: str) -> NotFoundLinks:
    """Pick the links from the site's pages, given as (docs path, URL, title).

    `root` is the site's path on its host ('/' for https://ops-atlas.github.io/).
    """
    disciplines: list[Link] = []
    sections: list[tuple[tuple[bool, str], Link]] = []
    for doc, url, title in pages:
        path = PurePosixPath(doc)
        if doc != urls.DISCIPLINES_DOC and doc == urls.discipline_doc(path.stem):
            disciplines.append(Link(title, _rooted(root, url)))
        elif len(path.parts) == 1 or (path.name == "index.md" and len(path.parts) == 2):
            sections.append(((doc != urls.HOME_DOC, doc), Link(title, _rooted(root, url))))
    return NotFoundLinks(root, sorted(disciplines, key=lambda link: link.title.casefold()),
                         [link for _, link in sorted(sections, key=lambda s: s[0])])


def _rooted(root: str, url: str) -> str:
    """MkDocs calls the home page's URL './'; below the root it is the root itself."""
    return root + url.removeprefix("./")
