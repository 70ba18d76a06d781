"""`build_pages.py export`: one comparison export to stdout or a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..comparison import build_comparison
from ..content import load_atlas
from ..problems import ContentError
from ..site_config import load_site_config
from .attribution import build_attribution
from .registry import FORMATS
from .selection import SelectionError, parse_ids, select

MKDOCS_YML = Path(__file__).resolve().parents[2] / "mkdocs.yml"
"""Where site_name and site_url (for the attribution) are read from."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the export subcommand."""
    names = ", ".join(FORMATS)
    parser.add_argument("--format", required=True, choices=list(FORMATS), metavar="FORMAT",
                        help=f"one of: {names}")
    parser.add_argument("--disciplines", type=parse_ids, default=None, metavar="ID,ID",
                        help="discipline ids to include, comma-separated (default: all)")
    parser.add_argument("--dimensions", type=parse_ids, default=None, metavar="KEY,KEY",
                        help="dimension keys to include, comma-separated (default: all)")
    parser.add_argument("--output", type=Path, default=None, metavar="FILE",
                        help="file to write (default: standard output)")


def run(args: argparse.Namespace) -> int:
    """Run the export; returns the exit status (1 bad content, 2 bad ids)."""
    try:
        atlas = load_atlas(args.content)
    except ContentError as err:
        print(err.report(), file=sys.stderr)
        return 1
    try:
        table = select(build_comparison(atlas), args.disciplines, args.dimensions)
    except SelectionError as err:
        for line in str(err).splitlines():
            print(f"build_pages.py export: error: {line}", file=sys.stderr)
        return 2
    attribution = build_attribution(table, atlas.info, load_site_config(MKDOCS_YML))
    data = FORMATS[args.format].export(table, attribution).encode("utf-8")
    return _write(data, args.output)


def _write(data: bytes, output: Path | None) -> int:
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    try:
        output.write_bytes(data)
    except OSError as err:
        print(f"build_pages.py export: error: cannot write {output}: {err.strerror}",
              file=sys.stderr)
        return 1
    return 0
