"""Which pages the site has, and the values each page's template receives."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial

from . import scale, urls
from .comparison import Cell, ComparisonTable
from .embed import iframe_snippet
from .exports.publish import FULL_STEM, SCHEMA_FILE
from .exports.registry import FORMATS
from .glossary_page import glossary_page
from .markdown_text import Md, md_attr, md_link, md_text
from .model import Atlas, Discipline, Entry
from .search_rank import search_tags, with_search
from .site_config import SiteConfig
from .views import WIDE, Page, entry_md, front_matter, relation_md, relative, table_lines


@dataclass(frozen=True)
class PagePlan:
    """A page to build: its docs path, and the call that builds its view (in any process)."""

    path: str
    build: Callable[[], Page]
    cost: float = 1.0
    """Rough cost in page renders (work.py balances the pages over processes by it)."""


GLOSSARY_COST_PER_DISCIPLINE = 0.13
"""The glossary page looks for each term in every record (~58 ms at 1,000 records)."""


def plan_pages(atlas: Atlas, table: ComparisonTable, site: SiteConfig) -> list[PagePlan]:
    """Every generated page, in a fixed order (which pages exist: see opsatlas/scale.py)."""
    pairs = scale.pair_pages(atlas)
    by_discipline = scale.pairs_by_discipline(pairs)
    tags = search_tags(atlas)
    plans = [
        (urls.HOME_DOC, partial(home_page, atlas)),
        (urls.DISCIPLINES_DOC, partial(disciplines_page, atlas)),
        (urls.COMPARE_DOC, partial(compare_page, atlas, table, site)),
        *((urls.discipline_doc(d.id),
           partial(discipline_page, atlas, table, d, by_discipline.get(d.id, [])))
          for d in atlas.disciplines),
        *((urls.pair_doc(a, b), partial(pair_page, atlas, table, a, b)) for a, b in pairs),
        *((urls.index_group_doc(group.slug), partial(index_group_page, group))
          for group in scale.index_groups(atlas)),
        (urls.GLOSSARY_DOC, partial(glossary_page, atlas))]
    costs = {urls.GLOSSARY_DOC: max(1.0, GLOSSARY_COST_PER_DISCIPLINE * len(atlas.disciplines))}
    return [PagePlan(path, partial(_searchable, build, tags.get(path, [])), costs.get(path, 1.0))
            for path, build in plans]


def _searchable(build: Callable[[], Page], tags: list[str]) -> Page:
    return with_search(build(), tags)


def nav(atlas: Atlas) -> list[object]:
    """The sidebar: every discipline while there are few, only the index page beyond that."""
    disciplines: list[object] = [urls.DISCIPLINES_DOC]
    disciplines += [{d.name: urls.discipline_doc(d.id)} for d in scale.sidebar_disciplines(atlas)]
    return [{"Home": urls.HOME_DOC}, {"Disciplines": disciplines},
            {"Compare": [urls.COMPARE_DOC]}, {"Glossary": urls.GLOSSARY_DOC}]


def home_page(atlas: Atlas) -> Page:
    doc = urls.HOME_DOC
    shown = scale.home_disciplines(atlas)
    cards = [{"name": md_link(md_text(d.name), relative(doc, urls.discipline_doc(d.id))),
              "full_name": md_text(d.text("full_name")), "summary": md_text(d.text("summary"))}
             for d in shown]
    shown_ids = {d.id for d in shown}
    relations = [line for d in shown
                 for target in dict.fromkeys(e.target for e in d.builds_on if e.target in shown_ids)
                 for line in relation_md(atlas, d, doc, only_target=target)]
    start = [{"situation": md_text(situation),
              "link": md_link(md_text(atlas.discipline(read).name),
                              relative(doc, urls.discipline_doc(read)))}
             for situation, read in atlas.info.start_here]
    return Page(doc, "home.md.j2", {
        **front_matter("Ops Atlas", atlas.info.tagline, "content/atlas.yaml"),
        "tagline": md_text(atlas.info.tagline), "cards": cards, "relations": relations,
        "start_here": start, "compare_link": relative(doc, urls.COMPARE_DOC),
        "count": len(atlas.disciplines), "more": _more_disciplines(atlas, len(shown), doc)})


def _more_disciplines(atlas: Atlas, shown: int, doc: str) -> Md:
    """'See all 1,000 disciplines' under a home page that shows only some ('' when all)."""
    if shown == len(atlas.disciplines):
        return Md("")
    link = md_link(md_text(f"all {len(atlas.disciplines):,} disciplines"),
                   relative(doc, urls.DISCIPLINES_DOC))
    return Md(f"These are the first {shown}. See {link}.")


def disciplines_page(atlas: Atlas) -> Page:
    """/disciplines/: one table, or (many records) the letter groups of scale.index_groups."""
    doc = urls.DISCIPLINES_DOC
    count = len(atlas.disciplines)
    groups = [{"link": md_link(md_text(g.label), relative(doc, urls.index_group_doc(g.slug))),
               "count": len(g.disciplines), "first": md_text(g.disciplines[0].name),
               "last": md_text(g.disciplines[-1].name)} for g in scale.index_groups(atlas)]
    intro = md_text(f"The {count:,} disciplines, by the first letter of their id. "
                    "Search finds any of them by name.") if groups else Md("")
    return Page(doc, "disciplines.md.j2", {
        **front_matter("All disciplines", f"The {count} Ops disciplines at a glance.",
                       "content/disciplines/"), "heading": Md("All disciplines"),
        "intro": intro, "groups": groups, "rows": [] if groups else _rows(atlas.disciplines, doc)})


def index_group_page(group: scale.IndexGroup) -> Page:
    """One letter of the grouped index: a table like /disciplines/ has for few records."""
    doc = urls.index_group_doc(group.slug)
    link = md_link(md_text("All disciplines"), relative(doc, urls.DISCIPLINES_DOC))
    return Page(doc, "disciplines.md.j2", {
        **front_matter(f"Disciplines: {group.label}",
                       f"{group.disciplines[0].name} to {group.disciplines[-1].name}.",
                       "content/disciplines/"), "heading": md_text(f"Disciplines: {group.label}"),
        "intro": Md(f"{len(group.disciplines)} disciplines by name. Back to {link}."),
        "groups": [], "rows": _rows(group.disciplines, doc)})


def _rows(disciplines: Sequence[Discipline], doc: str) -> list[dict[str, object]]:
    return [{"name": md_link(md_text(d.name), relative(doc, urls.discipline_doc(d.id))),
             "full_name": md_text(d.text("full_name")), "year": d.emerged_year,
             "asset": md_text(d.text("primary_asset"))} for d in disciplines]


EXPORT_USES = {
    "md": "GitHub, GitLab and Azure DevOps wikis, Notion",
    "mediawiki": "MediaWiki, Wikipedia-style wikis",
    "confluence": "Confluence REST API, \u201cinsert markup\u201d",
    "jira": "Jira, Confluence Server/Data Center",
    "html": "Confluence HTML macro, SharePoint, Google Docs",
    "adoc": "Antora, GitLab",
    "rst": "Sphinx, Read the Docs",
    "csv": "Spreadsheets, Notion import",
    "json": "Programs",
    "svg": "GitHub READMEs and wikis that strip iframes",
}
"""Where each export format goes, as /compare/ tells its readers (by `--format` name)."""


def compare_page(atlas: Atlas, table: ComparisonTable, site: SiteConfig) -> Page:
    doc = urls.COMPARE_DOC
    shown = scale.matrix_disciplines(atlas)
    names = ", ".join(d.name for d in shown)
    ids = {d.id for d in shown}
    pairs = [md_link(md_text(f"{atlas.discipline(a).name} vs {atlas.discipline(b).name}"),
                     relative(doc, urls.pair_doc(a, b)))
             for a, b in scale.pair_pages(atlas) if a in ids and b in ids]
    if len(shown) < len(atlas.disciplines):
        table = table.subset(list(ids))
    exports = relative(doc, urls.EXPORTS_DIR)
    return Page(doc, "compare.md.j2", {
        **front_matter("Compare all disciplines", f"{names} compared side by side.",
                       "content/dimensions.yaml", hide=WIDE),
        "table": table_lines(table, doc), "pairs": pairs,
        "matrix_note": _matrix_note(atlas, len(shown), doc),
        # The export and embed tools (raw HTML, so values are HTML-escaped).
        # Boxes start checked for the disciplines of the full-table files (the matrix's).
        "disciplines": [{"id": md_attr(d.id), "name": md_text(d.name), "checked": d.id in ids}
                        for d in scale.picker_disciplines(atlas)],
        "total": Md(str(len(atlas.disciplines))),
        "total_text": md_text(f"{len(atlas.disciplines):,}"),
        "full_ids": md_attr(",".join(d.id for d in shown)),
        "index_url": relative(doc, urls.PICKER_INDEX_FILE) if scale.picker_searches(atlas)
        else Md(""), "find_limit": Md(str(scale.PICKER_FIND_LIMIT)),
        "dimensions": [{"id": md_attr(d.key), "name": md_text(d.label)}
                       for d in atlas.dimensions],
        "formats": [{"name": md_text(f.name), "ext": md_attr(f".{f.extension}"),
                     "label": md_text(f.description), "use": md_text(EXPORT_USES[f.name]),
                     "href": Md(f"{exports}{FULL_STEM}.{f.extension}"),
                     "file": md_text(f"{FULL_STEM}.{f.extension}")} for f in FORMATS.values()],
        "exports": exports, "full_stem": md_attr(FULL_STEM),
        "pair_files": Md("true" if scale.export_pairs(atlas) else ""),
        "schema": relative(doc, SCHEMA_FILE),
        "embed_url": md_attr(site.site_url + urls.EMBED_COMPARE_URL),
        "preview_url": relative(doc, urls.EMBED_COMPARE_URL),
        "snippet": Md(html.escape(iframe_snippet(site)))})


def _matrix_note(atlas: Atlas, shown: int, doc: str) -> Md:
    """Under a matrix cut to its first columns: what is left out and where it is."""
    if shown == len(atlas.disciplines):
        return Md("")
    index = md_link(md_text("All disciplines"), relative(doc, urls.DISCIPLINES_DOC))
    return Md(f"The table shows the first {shown} of the {len(atlas.disciplines):,} "
              f"disciplines. Pick any others [below](#take-it-with-you), or find them in "
              f"{index}: each discipline's page links its own comparisons.")


def discipline_page(atlas: Atlas, table: ComparisonTable, discipline: Discipline,
                    pairs: Sequence[scale.Pair] = ()) -> Page:
    """A discipline's page; `pairs` are the pair pages it belongs to (see scale.pair_pages)."""
    doc = urls.discipline_doc(discipline.id)
    column = table.column(discipline.id)
    numbers = {s.id: i for i, s in enumerate(discipline.sources, start=1)}
    sections = [_section(row.cells[column], discipline, numbers) for row in table.rows]
    compare = [md_link(md_text(f"{discipline.name} vs "
                               f"{atlas.discipline(b if a == discipline.id else a).name}"),
                       relative(doc, urls.pair_doc(a, b))) for a, b in pairs]
    return Page(doc, "discipline.md.j2", {
        **front_matter(f"{discipline.name}: {discipline.text('full_name')}",
                       discipline.text("summary"), discipline.source_file),
        "name": md_text(discipline.name), "summary": md_text(discipline.text("summary")),
        "sections": sections, "compare": compare,
        "sources": list(_sources(discipline, atlas))})


def pair_page(atlas: Atlas, table: ComparisonTable, first: str, second: str) -> Page:
    doc = urls.pair_doc(first, second)
    a, b = atlas.discipline(first), atlas.discipline(second)
    relations = [*relation_md(atlas, a, doc, only_target=b.id),
                 *relation_md(atlas, b, doc, only_target=a.id)]
    return Page(doc, "pair.md.j2", {
        **front_matter(f"{a.name} vs {b.name}", f"{a.name} and {b.name} side by side: "
                       "scope, use cases, limitations, practices, tools, metrics and roles.",
                       "content/dimensions.yaml"),
        "a": md_text(a.name), "b": md_text(b.name), "relations": relations,
        "summary_a": md_text(a.text("summary")), "summary_b": md_text(b.text("summary")),
        "link_a": relative(doc, urls.discipline_doc(a.id)),
        "link_b": relative(doc, urls.discipline_doc(b.id)),
        "compare_link": relative(doc, urls.COMPARE_DOC),
        "table": table_lines(table.subset([first, second]), doc)})


def _section(cell: Cell, discipline: Discipline, numbers: dict[str, int]) -> dict[str, object]:
    """A section of a discipline page; `numbers` are the sources' citation numbers."""
    entries = discipline.entries(cell.dimension.key)
    items = [{"anchor": Md(entry.anchor), "md": entry_md(entry, _cites(raw, numbers))}
             for entry, raw in zip(cell.entries, entries, strict=True)]
    return {"anchor": Md(cell.dimension.anchor), "label": md_text(cell.dimension.label),
            "description": md_text(cell.dimension.description), "is_list": cell.is_list,
            "items": items}


def _cites(entry: Entry, numbers: dict[str, int]) -> Md:
    links = ", ".join(f"[{numbers[s]}](#sources-{s})" for s in entry.sources)
    return Md(f' <sup class="atlas-cite">{links}</sup>')


def _sources(discipline: Discipline, atlas: Atlas) -> Iterator[dict[str, object]]:
    cited = {(source, dim.key) for dim in atlas.dimensions
             for entry in discipline.entries(dim.key) for source in entry.sources}
    for number, source in enumerate(discipline.sources, start=1):
        details = ", ".join(filter(None, [source.publisher, source.published]))
        supports = [md_link(md_text(dim.label), f"#{dim.anchor}") for dim in atlas.dimensions
                    if (source.id, dim.key) in cited]
        yield {"anchor": Md(f"sources-{source.id}"), "number": number,
               "link": md_link(md_text(source.title), source.url),
               "details": md_text(details), "supports": Md(", ".join(supports))}
