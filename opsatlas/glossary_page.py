"""The /glossary/ page: one anchored entry per term, linking the disciplines that use it."""

from __future__ import annotations

from . import urls
from .glossary import RecordIndex, users
from .markdown_text import Md, md_attr, md_link, md_text
from .model import Atlas, Term
from .scale import GLOSSARY_USERS_LIMIT
from .views import Page, front_matter, relative


def glossary_page(atlas: Atlas) -> Page:
    """Terms in alphabetical order; each entry's anchor is its id (`/glossary/#ci-cd`)."""
    doc = urls.GLOSSARY_DOC
    terms = sorted(atlas.glossary, key=lambda term: (term.term.casefold(), term.id))
    index = RecordIndex(atlas.disciplines, atlas.glossary)
    entries = [_entry(term, doc, index) for term in terms]
    return Page(doc, "glossary.md.j2", {
        **front_matter("Glossary", f"The {len(entries)} acronyms and terms the Ops Atlas "
                                   "uses, each defined in one sentence with its source.",
                       "content/glossary.yaml"),
        "entries": entries})


def _entry(term: Term, doc: str, index: RecordIndex) -> dict[str, Md]:
    users_all = users(term, index)
    used_by = [md_link(md_text(d.name), relative(doc, urls.discipline_doc(d.id)))
               for d in users_all[:GLOSSARY_USERS_LIMIT]]  # many records: see scale.py
    if len(users_all) > GLOSSARY_USERS_LIMIT:
        used_by.append(Md(f"and {len(users_all) - GLOSSARY_USERS_LIMIT:,} more"))
    heading = f"{term.term} ({term.expansion})" if term.expansion else term.term
    return {"anchor": Md(urls.term_anchor(term.id)), "heading": md_text(heading),
            "label": md_attr(term.term),
            "definition": md_text(term.definition),
            "aliases": Md(", ".join(_spelling(alias) for alias in term.aliases)),
            "used_by": Md(", ".join(used_by) or "no discipline yet"),
            "source": md_link(md_text(term.source.title), term.source.url)}


def _spelling(alias: str) -> Md:
    """An alias as a literal spelling: code, so it is shown as typed and gets no tooltip.

    The glossary schema allows only letters, digits, spaces and . / ' - in a spelling, none
    of which can end or escape a code span.
    """
    return Md(f"`{alias}`")
