"""Per-page link-preview cards: a 1200x630 PNG for each page's `og:image`.

Drawn offline with Pillow and DejaVu Sans (shipped in opsatlas/fonts/ with its licence); the
same page text always gives the same bytes. A card's text is the page's own front matter, so
every generated page gets one, whichever module made it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from PIL import Image, ImageDraw, ImageFont

if TYPE_CHECKING:
    from .publish import Published
    from .site_config import SiteConfig

WIDTH, HEIGHT = 1200, 630
CARDS_DIR = "assets/cards"
FONTS = Path(__file__).resolve().parent / "fonts"
ELLIPSIS = "\u2026"

_MARGIN = 80
_TEXT_WIDTH = WIDTH - 2 * _MARGIN
_TITLE_SIZES = (76, 68, 60, 52)
"""The title takes the largest size that fits in two lines (then it is shortened)."""
_SUBTITLE_SIZE = 34
_SUBTITLE_LINES = 4
_FOOTER_TOP = 532
_PNG_LEVEL = 1
"""zlib's fastest level: flat colour and text stay small (~45 KB a card, a quarter more than
at the default level 6), and a card takes a quarter less time to make."""
_COLOURS = {"background": "#1f2766", "stripe": "#8c9eff", "site": "#c5cae9", "title": "#ffffff",
            "subtitle": "#e3e6fb", "rule": "#3d4aa3", "footer": "#aab4ec"}


@dataclass(frozen=True)
class Card:
    """What one card shows, and where it is published."""

    path: str
    """Docs-relative PNG path, e.g. assets/cards/disciplines/mlops.png."""
    title: str
    subtitle: str
    address: str
    """Where the page lives, printed small at the foot: ops-atlas.github.io/disciplines/mlops/."""


def card_path(page_url: str) -> str:
    """The card of the page served at `page_url` ('' for home, 'disciplines/mlops/', ...)."""
    return f"{CARDS_DIR}/{page_url.strip('/') or 'index'}.png"


def page_url(doc: str) -> str:
    """MkDocs' directory URL of a docs-relative Markdown file: 'a/b.md' -> 'a/b/'."""
    stem = doc.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def front_matter(markdown: str) -> dict[str, str]:
    """The text values of a generated page's YAML front matter (title, description, ...)."""
    if not markdown.startswith("---\n"):
        return {}
    head, _, _ = markdown[4:].partition("\n---\n")
    data = yaml.safe_load(head) or {}
    return {str(k): v for k, v in data.items() if isinstance(v, str)}


def build_cards(pages: Mapping[str, str], site_url: str) -> Iterator[Card]:
    """One card per Markdown page (docs path -> text), sorted by path."""
    host = site_url.split("://", 1)[-1]
    for doc in sorted(pages):
        meta = front_matter(pages[doc])
        url = page_url(doc)
        yield Card(card_path(url), meta.get("title", ""), meta.get("description", ""),
                   host + url)


def publish_cards(pages: Mapping[str, str], site: SiteConfig, published: Published) -> None:
    """Add one PNG card per page."""
    for card in build_cards(pages, site.site_url):
        published.add(card.path, render_card(card, site.site_name))


def render_card(card: Card, site_name: str) -> bytes:
    """The card as PNG bytes: no timestamps or other varying metadata."""
    image = Image.new("RGB", (WIDTH, HEIGHT), _COLOURS["background"])
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 15, HEIGHT), fill=_COLOURS["stripe"])
    if card.title != site_name:  # the home page's title is the site's name
        draw.text((_MARGIN, 64), site_name, font=load_font(True, 34), fill=_COLOURS["site"])
    size, title = _fit_title(card.title)
    y = _draw_lines(draw, 140, title, load_font(True, size), _COLOURS["title"], 1.18)
    subtitle_font = load_font(False, _SUBTITLE_SIZE)
    room = min(_SUBTITLE_LINES, (_FOOTER_TOP - 46 - y) // round(_SUBTITLE_SIZE * 1.4))
    _draw_lines(draw, y + 22, wrap(card.subtitle, subtitle_font, _TEXT_WIDTH, room),
                subtitle_font, _COLOURS["subtitle"], 1.4)
    draw.rectangle((_MARGIN, _FOOTER_TOP, WIDTH - _MARGIN, _FOOTER_TOP + 1), fill=_COLOURS["rule"])
    footer_font = load_font(False, 26)
    _draw_lines(draw, _FOOTER_TOP + 28, wrap(card.address, footer_font, _TEXT_WIDTH, 1),
                footer_font, _COLOURS["footer"], 1)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=_PNG_LEVEL)
    return buffer.getvalue()


def _draw_lines(draw: ImageDraw.ImageDraw, top: int, lines: list[str],
                font: ImageFont.FreeTypeFont, colour: str, spacing: float) -> int:
    """Draw lines from `top` down; returns the y below the last one."""
    step = round(font.size * spacing)
    for index, line in enumerate(lines):
        draw.text((_MARGIN, top + index * step), line, font=font, fill=colour)
    return top + len(lines) * step


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int, max_lines: int) -> list[str]:
    """Greedy word wrap into at most `max_lines` lines; cut text ends with an ellipsis."""
    lines = _lines(text, font, width)
    if max_lines <= 0:
        return []
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1:])
        lines = [*lines[:max_lines - 1], _ellipsize(rest, font, width)]
    return [line if font.getlength(line) <= width else _ellipsize(line, font, width)
            for line in lines]


def _fit_title(title: str) -> tuple[int, list[str]]:
    for size in _TITLE_SIZES:
        font = load_font(True, size)
        lines = _lines(title, font, _TEXT_WIDTH)
        if len(lines) <= 2 and all(font.getlength(line) <= _TEXT_WIDTH for line in lines):
            return size, lines
    size = _TITLE_SIZES[-1]
    return size, wrap(title, load_font(True, size), _TEXT_WIDTH, 2)


def _lines(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and font.getlength(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def _ellipsize(text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    """Drop whole words (then letters, for one long word) until text and ellipsis fit."""
    words = text.split()
    while len(words) > 1 and font.getlength(" ".join(words) + ELLIPSIS) > width:
        words.pop()
    line = " ".join(words).rstrip(" ,;:.-\u2013\u2014")
    while line and font.getlength(line + ELLIPSIS) > width:
        line = line[:-1]
    return line + ELLIPSIS


@cache
def load_font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    """DejaVu Sans (Bold) at `size` pixels, loaded once."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONTS / name), size)
