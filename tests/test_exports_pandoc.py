"""GFM, MediaWiki, HTML and reStructuredText exports read back by pandoc: same cells."""

from __future__ import annotations

import pytest

from opsatlas.exports.registry import FORMATS
from tests.test_exports_support import (
    adversarial_attribution,
    adversarial_table,
    expected_grid,
    parsed_grid,
    real_table,
    strip_bullets,
)

READERS = {"md": "gfm", "mediawiki": "mediawiki", "html": "html", "rst": "rst"}
# Header cells that a format can only mark by emboldening (GFM has no row headers).
ALLOWED_STRAYS = {"md": {"Strong"}}


def _check(name: str, table_and_credit: tuple) -> None:
    table, attribution = table_and_credit
    text = FORMATS[name].export(table, attribution)
    grid, strays = parsed_grid(text, READERS[name])
    if name == "md":
        grid = strip_bullets(grid)
    expected = expected_grid(table)
    assert len(grid) == len(expected)
    for got, want in zip(grid, expected, strict=True):
        assert got == want
    assert set(strays) <= ALLOWED_STRAYS.get(name, set()), strays


@pytest.mark.parametrize("name", sorted(READERS))
def test_adversarial_cells_round_trip(name: str) -> None:
    _check(name, (adversarial_table(), adversarial_attribution()))


@pytest.mark.parametrize("name", sorted(READERS))
def test_real_content_round_trips(name: str) -> None:
    _check(name, real_table())
