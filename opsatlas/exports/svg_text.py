"""Text measuring and wrapping for the SVG export, offline with Pillow's bundled font."""

from __future__ import annotations

import unicodedata
from functools import cache
from itertools import repeat

from PIL import ImageFont

FONT_FAMILY = "Aileron, 'Helvetica Neue', Helvetica, Arial, sans-serif"
"""Pillow's bundled default font comes first; every line also carries its measured
`textLength`, so a viewer's fallback font is fitted to the same width."""
BOLD_FACTOR = 1.08
"""Bold runs are measured as this much wider than the regular face."""
_JOINERS = {"\u200d", "\ufe0e", "\ufe0f"}


@cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size)


@cache
def char_width(char: str, size: int) -> float:
    """Advance of one character; 1 em for wide (CJK, emoji), 0 for marks and joiners."""
    if unicodedata.category(char) in ("Mn", "Me", "Cf") or char in _JOINERS or \
            0x1F3FB <= ord(char) <= 0x1F3FF:  # skin tones join the emoji before them
        return 0.0
    if unicodedata.east_asian_width(char) in ("W", "F") or 0x1F000 <= ord(char) <= 0x1FAFF:
        return float(size)
    return float(_font(size).getlength(char))


def text_width(text: str, size: int, bold: bool = False) -> float:
    """Width of a run of text in pixels at `size`."""
    width = sum(map(char_width, text, repeat(size)))  # map: no generator step per character
    return width * BOLD_FACTOR if bold else width


def clusters(text: str) -> list[str]:
    """Text cut where a line may break inside a word: never before a combining mark,
    a joiner, a variation selector or a skin tone, nor after a zero width joiner."""
    out: list[str] = []
    for char in text:
        joins = out and (char_width(char, 10) == 0.0 or out[-1].endswith("\u200d"))
        if joins:
            out[-1] += char
        else:
            out.append(char)
    return out


def wrap(text: str, width: float, size: int, bold: bool = False) -> list[str]:
    """Greedy word wrap to `width` pixels; a word longer than a line is cut between
    clusters. Always at least one line."""
    lines: list[str] = []
    current = ""
    measured = 0.0  # unscaled width of `current`, summed as text_width sums it (exact floats)
    space = text_width(" ", size)
    for word in text.split():
        word_width = text_width(word, size)
        candidate = measured + space + word_width if current else word_width
        if (candidate * BOLD_FACTOR if bold else candidate) <= width:
            current, measured = (f"{current} {word}" if current else word), candidate
            continue
        if current:
            lines.append(current)
        *full, current = _cut(word, width, size, bold)
        measured = text_width(current, size)
        lines.extend(full)
    if current or not lines:
        lines.append(current)
    return lines


def _cut(word: str, width: float, size: int, bold: bool) -> list[str]:
    if text_width(word, size, bold) <= width:
        return [word]  # no prefix of a word is wider than the word: nothing to cut
    pieces = [""]
    for cluster in clusters(word):
        if pieces[-1] and text_width(pieces[-1] + cluster, size, bold) > width:
            pieces.append("")
        pieces[-1] += cluster
    return pieces
