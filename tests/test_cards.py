"""Link-preview cards: one per page, 1200x630 PNG, text that fits, the same bytes every time."""

from __future__ import annotations

import io
import re
import struct

import pytest
from PIL import Image

from opsatlas.cards import (
    ELLIPSIS,
    Card,
    build_cards,
    card_path,
    front_matter,
    load_font,
    page_url,
    render_card,
    wrap,
)
from tests.conftest import Project

PAGE = '---\ntitle: "MLOps: Machine Learning Operations"\ndescription: "Runs ML models."\n' \
       'edit_path: "content/disciplines/mlops.yaml"\nhide: []\n---\n# MLOps\n'


@pytest.mark.parametrize(("doc", "url", "card"), [
    ("index.md", "", "assets/cards/index.png"),
    ("disciplines/index.md", "disciplines/", "assets/cards/disciplines.png"),
    ("disciplines/mlops.md", "disciplines/mlops/", "assets/cards/disciplines/mlops.png"),
    ("compare/devops-vs-mlops.md", "compare/devops-vs-mlops/",
     "assets/cards/compare/devops-vs-mlops.png"),
    ("glossary/index.md", "glossary/", "assets/cards/glossary.png"),
])
def test_each_page_url_has_its_own_card_path(doc: str, url: str, card: str) -> None:
    assert page_url(doc) == url
    assert card_path(url) == card


def test_card_text_comes_from_the_page_front_matter() -> None:
    assert front_matter(PAGE) == {"title": "MLOps: Machine Learning Operations",
                                  "description": "Runs ML models.",
                                  "edit_path": "content/disciplines/mlops.yaml"}
    assert front_matter("# No front matter\n") == {}


def test_any_generated_page_gets_a_card() -> None:
    pages = {"glossary/index.md": PAGE.replace("MLOps: Machine Learning Operations", "Glossary"),
             "disciplines/mlops.md": PAGE}
    assert list(build_cards(pages, "https://ops-atlas.github.io/")) == [
        Card("assets/cards/disciplines/mlops.png", "MLOps: Machine Learning Operations",
             "Runs ML models.", "ops-atlas.github.io/disciplines/mlops/"),
        Card("assets/cards/glossary.png", "Glossary", "Runs ML models.",
             "ops-atlas.github.io/glossary/"),
    ]


LONG = ("MLOps runs the lifecycle of machine learning models end to end, adding data and model "
        "versioning, continuous training and drift monitoring to DevOps practice. ") * 4


@pytest.mark.parametrize(("text", "max_lines", "expected_lines", "cut"), [
    ("Short text.", 3, 1, False),
    (LONG, 3, 3, True),
    (LONG, 1, 1, True),
    ("Supercalifragilistic" * 10, 2, 1, True),
    (LONG, 0, 0, False),
])
def test_wrap_fits_the_width_and_marks_cut_text(text: str, max_lines: int, expected_lines: int,
                                                cut: bool) -> None:
    font = load_font(False, 34)
    lines = wrap(text, font, 600, max_lines)
    assert len(lines) == expected_lines
    assert all(font.getlength(line) <= 600 for line in lines)
    if lines:
        assert lines[-1].endswith(ELLIPSIS) == cut


def test_cut_text_ends_on_a_word_without_dangling_punctuation() -> None:
    lines = wrap("alpha, beta, gamma, delta, epsilon, zeta, eta, theta, iota, kappa",
                 load_font(False, 34), 300, 1)
    assert lines[0].endswith(ELLIPSIS)
    assert lines[0][-2].isalpha()


def png_chunks(data: bytes) -> list[str]:
    chunks, offset = [], 8
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        chunks.append(kind.decode("ascii"))
        offset += 12 + length
    return chunks


def test_card_is_a_1200_by_630_png_without_varying_metadata() -> None:
    card = Card("assets/cards/x.png", "A title " * 20, LONG, "ops-atlas.github.io/x/")
    data = render_card(card, "Ops Atlas")
    with Image.open(io.BytesIO(data)) as image:
        assert (image.format, image.size, image.mode) == ("PNG", (1200, 630), "RGB")
    assert set(png_chunks(data)) == {"IHDR", "IDAT", "IEND"}  # no tIME, tEXt, ...
    assert render_card(card, "Ops Atlas") == data


def test_different_pages_get_different_cards() -> None:
    first = Card("a.png", "DevOps vs MLOps", "How they differ.", "ops-atlas.github.io/a/")
    second = Card("a.png", "DevOps vs AIOps", "How they differ.", "ops-atlas.github.io/a/")
    assert render_card(first, "Ops Atlas") != render_card(second, "Ops Atlas")


def test_two_generations_give_byte_identical_cards(built_site: Project, project: Project) -> None:
    assert project.generate().returncode == 0
    first, second = (
        {p.relative_to(docs).as_posix(): p.read_bytes()
         for p in (docs / "assets/cards").rglob("*.png")}
        for docs in (built_site.docs, project.docs))
    sitemap = (built_site.site / "sitemap.xml").read_text(encoding="utf-8")
    pages = re.findall(r"<loc>https://ops-atlas\.github\.io/(.*?)</loc>", sitemap)
    assert set(first) == {card_path(url) for url in pages}  # one card per page, no more
    assert first == second
