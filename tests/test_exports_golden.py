"""Golden files: the adversarial table in every format, reviewed as diffs.

Refresh after an intended change with `OPSATLAS_UPDATE_GOLDEN=1 pytest tests/test_exports_golden.py`
and read the diff of tests/data/exports/.
"""

from __future__ import annotations

import os

import pytest

from opsatlas.exports.registry import FORMATS
from tests.test_exports_support import ROOT, adversarial_attribution, adversarial_table

GOLDEN = ROOT / "tests" / "data" / "exports"
UPDATE = os.environ.get("OPSATLAS_UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_adversarial_export_matches_its_golden_file(name: str) -> None:
    data = FORMATS[name].export(adversarial_table(), adversarial_attribution()).encode()
    golden = GOLDEN / f"adversarial.{FORMATS[name].extension}"
    if UPDATE:
        golden.write_bytes(data)
    assert golden.is_file(), f"{golden} is missing: run with OPSATLAS_UPDATE_GOLDEN=1"
    assert data == golden.read_bytes()
