"""MediaWiki `wikitable`: header row and first column as `!` cells, lists as `*` lines."""

from __future__ import annotations

import re

from ..comparison import Cell, ComparisonTable
from .attribution import Attribution
from .cells import cell_lines, header, lines

# Table syntax that some readers (pandoc's) see even inside <nowiki>, and the characters
# that could close or break a <nowiki>: written as numeric references, outside it.
_TABLE_SYNTAX = re.compile(r"[&<>|!]")
# Runs that need no <nowiki>: plain words and harmless punctuation, no magic links.
_SAFE_RUN = re.compile(r"[^\W_]+(?:[ .,()/%?\"]+[^\W_]+)*[ .,()/%?\"]*")
_MAGIC = re.compile(r"\b(?:ISBN|RFC|PMID)\b")
_BREAK = "<br />"


def wiki_text(text: str) -> str:
    """One line of plain text as inert wikitext: <nowiki> runs and numeric references."""
    out: list[str] = []
    position = 0
    for match in _TABLE_SYNTAX.finditer(text):
        out.append(_run(text[position:match.start()]))
        out.append(f"&#{ord(match.group(0))};")
        position = match.end()
    out.append(_run(text[position:]))
    return "".join(out)


def _run(run: str) -> str:
    if not run or (_SAFE_RUN.fullmatch(run) and not _MAGIC.search(run)):
        return run
    return f"<nowiki>{run}</nowiki>"


def _multiline(text: str) -> str:
    return _BREAK.join(wiki_text(line) for line in lines(text))


def _cell(cell: Cell) -> list[str]:
    entries = [_BREAK.join(map(wiki_text, entry)) for entry in cell_lines(cell)]
    if not cell.is_list:
        return [f"| {' '.join(entries)}".rstrip()]
    return ["|", *(f"* {entry}" for entry in entries)]


def to_mediawiki(table: ComparisonTable, attribution: Attribution) -> str:
    """The table as a sortable-free wikitable, then the credit as a paragraph."""
    out = ['{| class="wikitable"', f"|+ {wiki_text(attribution.caption)}", "|-"]
    out += [f'! scope="col" | {_multiline(name)}' for name in header(table)]
    for row in table.rows:
        out += ["|-", f'! scope="row" | {_multiline(row.dimension.label)}']
        for cell in row.cells:
            out += _cell(cell)
    out += ["|}", "",
            f"Source: [{attribution.url} {wiki_text(attribution.site_name)}], "
            f"{wiki_text(attribution.edition)}.", ""]
    return "\n".join(out)
