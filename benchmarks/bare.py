"""The issue's reference workload, to measure this machine against: a bare generator.

    python bare.py CONTENT OUT

libyaml's CSafeLoader, one Jinja page per record, one file written per record: no validation,
no pair pages, no exports or cards. run.py times it beside ours in the same minutes, so the
ratio between the two holds however fast the machine is at the time.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jinja2
import yaml

PAGE = jinja2.Environment(autoescape=False).from_string(  # Markdown, not HTML
    "# {{ record.name }}\n\n{{ record.summary.text }}\n"
    "{% for key, items in record.items()"
    " if items is sequence and items is not string and items is not mapping %}\n"
    "## {{ key }}\n\n{% for item in items %}- {{ item.text or item }}\n{% endfor %}"
    "{% endfor %}")


def main(content: Path, out: Path) -> None:
    out.mkdir(parents=True)
    for path in sorted((content / "disciplines").glob("*.yaml")):
        record = yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        (out / f"{path.stem}.md").write_text(PAGE.render(record=record), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
