"""compare/disciplines.json: every discipline's id and name, for the picker on /compare/.

Only sites too big to list a checkbox per discipline in the picker publish it
(scale.picker_searches); the picker's search field reads it once, on first use.
"""

from __future__ import annotations

import json

from . import urls
from .model import Atlas
from .publish import Published


def publish_picker_index(atlas: Atlas, published: Published) -> None:
    """Add compare/disciplines.json: `{"disciplines": [{"id", "name"}, ...]}` in content order."""
    index = {"disciplines": [{"id": d.id, "name": d.name} for d in atlas.disciplines]}
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    published.add(urls.PICKER_INDEX_FILE, (text + "\n").encode("utf-8"))
