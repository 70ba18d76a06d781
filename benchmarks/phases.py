"""Time the generator's phases in one process; prints JSON. Run by run.py inside a project copy.

    python phases.py PROJECT DOCS

load+validate is `load_atlas` (parse, schema, cross checks, model); render+write is the rest of
`generate()` (pages, templates, exports, cards, writing), measured by running generate() with
the already loaded model, so the split follows whatever the recipe grows into.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

started = time.perf_counter()
PROJECT, DOCS = Path(sys.argv[1]), Path(sys.argv[2])
sys.path.insert(0, str(PROJECT))

from opsatlas import generate as recipe  # noqa: E402
from opsatlas.content import load_atlas  # noqa: E402
from opsatlas.site_config import load_site_config  # noqa: E402

imported = time.perf_counter()
atlas = load_atlas(PROJECT / "content")
loaded = time.perf_counter()
recipe.load_atlas = lambda content_dir: atlas  # type: ignore[attr-defined]
result = recipe.generate(PROJECT / "content", DOCS, PROJECT / "templates",
                         load_site_config(PROJECT / "mkdocs.yml"))
written = time.perf_counter()
print(json.dumps({"import_s": imported - started, "load_validate_s": loaded - imported,
                  "render_write_s": written - loaded, "files": result.changes.total}))
