"""Markdown-safe text: record text is plain, so it is escaped before it meets Markdown."""

from __future__ import annotations

import html
import re
from functools import lru_cache

# Characters Python-Markdown or an enabled extension reads as syntax anywhere in a line.
# They become numeric character references: the same character on the page, never markup,
# and (unlike backslash escapes) safe whichever extensions happen to be enabled.
_INLINE_SYNTAX = re.compile(r"[\\`*_{}\[\]()#!|~^=:]")
# Characters that start a block (list, quote, ordered list) only at the start of the text.
_BLOCK_START = re.compile(r"^([-+>]|\d+(?=[.)]))([.)]?)")


class Md(str):
    """Text that is safe to place in generated Markdown as it is."""

    __slots__ = ()


@lru_cache(maxsize=1 << 18)  # the same texts recur on many pages (pair pages, tables)
def md_text(text: str) -> Md:
    """Plain text as inert Markdown: it renders as the same characters, never as markup."""
    escaped = html.escape(" ".join(text.split()), quote=False)
    escaped = _INLINE_SYNTAX.sub(_reference, escaped)
    return Md(_BLOCK_START.sub(_block_start, escaped))


def _reference(match: re.Match[str]) -> str:
    return f"&#{ord(match.group(0))};"


def _block_start(match: re.Match[str]) -> str:
    marker, punctuation = match.group(1), match.group(2)
    if marker.isdigit():
        return marker + "".join(f"&#{ord(c)};" for c in punctuation)
    return f"&#{ord(marker)};"


def md_attr(text: str) -> Md:
    """Plain text for an HTML attribute value inside generated Markdown."""
    return Md(html.escape(" ".join(text.split()), quote=True))


def md_link(label: Md, target: str) -> Md:
    """A Markdown link; `target` is a path or URL we generated or validated as http(s)."""
    # The <...> form takes any bracket or parenthesis in the URL literally.
    safe_target = target.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
    return Md(f"[{label}](<{safe_target}>)")


CAPTION_CLASS = "atlas-caption"
"""Class of the paragraph that becomes the next table's caption (see table_markup.py)."""


def caption_lines(caption: Md) -> list[Md]:
    """Markdown lines that caption the table right after them (attr_list marks the paragraph)."""
    return [caption, Md(f"{{: .{CAPTION_CLASS} }}"), Md("")]


def require_md(value: object) -> object:
    """Jinja `finalize`: refuse to print raw text into a Markdown template."""
    if isinstance(value, str) and not isinstance(value, Md):
        raise TypeError(f"template printed unescaped text {value[:40]!r}; wrap it with md_text")
    return value
