"""Which pages the site has, and the values each page's template receives."""

from __future__ import annotations

from collections.abc import Iterator

from . import urls
from .comparison import Cell, ComparisonTable
from .markdown_text import Md, md_link, md_text
from .model import Atlas, Discipline, Entry
from .views import (NAV_DISCIPLINE_LIMIT, Page, entry_md, front_matter, relation_md, relative,
                    table_lines)


def build_pages(atlas: Atlas, table: ComparisonTable) -> list[Page]:
    """Every generated page, in a fixed order."""
    ids = [d.id for d in atlas.disciplines]
    return [home_page(atlas), disciplines_page(atlas), compare_page(atlas, table),
            *(discipline_page(atlas, table, d) for d in atlas.disciplines),
            *(pair_page(atlas, table, a, b) for a, b in urls.ordered_pairs(ids))]


def nav(atlas: Atlas) -> list[object]:
    """The sidebar: every discipline while there are few, only the index page beyond that."""
    disciplines: list[object] = [urls.DISCIPLINES_DOC]
    if len(atlas.disciplines) <= NAV_DISCIPLINE_LIMIT:
        disciplines += [{d.name: urls.discipline_doc(d.id)} for d in atlas.disciplines]
    return [{"Home": urls.HOME_DOC}, {"Disciplines": disciplines},
            {"Compare": [urls.COMPARE_DOC]}]


def home_page(atlas: Atlas) -> Page:
    doc = urls.HOME_DOC
    cards = [{"name": md_link(md_text(d.name), relative(doc, urls.discipline_doc(d.id))),
              "full_name": md_text(d.text("full_name")), "summary": md_text(d.text("summary"))}
             for d in atlas.disciplines]
    relations = [line for d in atlas.disciplines for line in relation_md(atlas, d, doc)]
    start = [{"situation": md_text(situation),
              "link": md_link(md_text(atlas.discipline(read).name),
                              relative(doc, urls.discipline_doc(read)))}
             for situation, read in atlas.info.start_here]
    return Page(doc, "home.md.j2", {
        **front_matter("Ops Atlas", atlas.info.tagline, "content/atlas.yaml"),
        "tagline": md_text(atlas.info.tagline), "cards": cards, "relations": relations,
        "start_here": start, "compare_link": relative(doc, urls.COMPARE_DOC),
        "count": len(atlas.disciplines)})


def disciplines_page(atlas: Atlas) -> Page:
    doc = urls.DISCIPLINES_DOC
    rows = [{"name": md_link(md_text(d.name), relative(doc, urls.discipline_doc(d.id))),
             "full_name": md_text(d.text("full_name")), "year": d.emerged_year,
             "asset": md_text(d.text("primary_asset"))} for d in atlas.disciplines]
    return Page(doc, "disciplines.md.j2", {
        **front_matter("All disciplines", f"The {len(rows)} Ops disciplines at a glance.",
                       "content/disciplines/"), "rows": rows})


def compare_page(atlas: Atlas, table: ComparisonTable) -> Page:
    doc = urls.COMPARE_DOC
    names = ", ".join(d.name for d in atlas.disciplines)
    ids = [d.id for d in atlas.disciplines]
    pairs = [md_link(md_text(f"{atlas.discipline(a).name} vs {atlas.discipline(b).name}"),
                     relative(doc, urls.pair_doc(a, b))) for a, b in urls.ordered_pairs(ids)]
    return Page(doc, "compare.md.j2", {
        **front_matter("Compare all disciplines", f"{names} compared side by side.",
                       "content/dimensions.yaml"),
        "table": table_lines(table, doc), "pairs": pairs})


def discipline_page(atlas: Atlas, table: ComparisonTable, discipline: Discipline) -> Page:
    doc = urls.discipline_doc(discipline.id)
    column = next(i for i, d in enumerate(table.disciplines) if d.id == discipline.id)
    sections = [_section(row.cells[column], discipline) for row in table.rows]
    others = [d for d in atlas.disciplines if d.id != discipline.id]
    compare = [md_link(md_text(f"{discipline.name} vs {other.name}"),
                       relative(doc, urls.pair_doc(*_ordered(atlas, discipline.id, other.id))))
               for other in others]
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
        **front_matter(f"{a.name} vs {b.name}", f"How {a.name} and {b.name} differ: "
                       f"{a.text('summary')} {b.text('summary')}", "content/dimensions.yaml"),
        "a": md_text(a.name), "b": md_text(b.name), "relations": relations,
        "summary_a": md_text(a.text("summary")), "summary_b": md_text(b.text("summary")),
        "link_a": relative(doc, urls.discipline_doc(a.id)),
        "link_b": relative(doc, urls.discipline_doc(b.id)),
        "compare_link": relative(doc, urls.COMPARE_DOC),
        "table": table_lines(table.subset([first, second]), doc)})


def _ordered(atlas: Atlas, x: str, y: str) -> tuple[str, str]:
    ids = [d.id for d in atlas.disciplines]
    return (x, y) if ids.index(x) < ids.index(y) else (y, x)


def _section(cell: Cell, discipline: Discipline) -> dict[str, object]:
    numbers = {s.id: i for i, s in enumerate(discipline.sources, start=1)}
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
    for number, source in enumerate(discipline.sources, start=1):
        details = ", ".join(filter(None, [source.publisher, source.published]))
        supports = [md_link(md_text(dim.label), f"#{dim.anchor}") for dim in atlas.dimensions
                    if any(source.id in e.sources for e in discipline.entries(dim.key))]
        yield {"anchor": Md(f"sources-{source.id}"), "number": number,
               "link": md_link(md_text(source.title), source.url),
               "details": md_text(details), "supports": Md(", ".join(supports))}
