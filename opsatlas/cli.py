"""Command line of build_pages.py: parse arguments, call the package, report in one line."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .exports import command as export_command
from .generate import generate
from .output import OutputError
from .problems import ContentError
from .site_config import load_site_config

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(
        prog="build_pages.py",
        description="Validate content/ and generate the site's Markdown pages.")
    root.add_argument("--content", type=Path, default=PROJECT_ROOT / "content",
                      help="content directory (default: content/)")
    root.add_argument("--docs", type=Path, default=None,
                      help="generated docs directory (default: docs_dir of mkdocs.yml)")
    root.add_argument("--check", action="store_true",
                      help="write nothing; exit 1 when the generated pages are stale")
    commands = root.add_subparsers(dest="command", metavar="COMMAND")
    export = commands.add_parser("export", help="write the comparison in a wiki format",
                                 description="Write the comparison table (or part of it) "
                                             "in one export format.")
    export_command.add_arguments(export)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "export":
        return export_command.run(args)
    return build(args)


def build(args: argparse.Namespace) -> int:
    """Plain use: validate content and (re)generate the docs tree."""
    started = time.perf_counter()
    site = load_site_config(PROJECT_ROOT / "mkdocs.yml")
    docs = args.docs or site.docs_dir
    try:
        result = generate(args.content, docs, PROJECT_ROOT / "templates", site,
                          check=args.check)
    except ContentError as err:
        print(err.report(), file=sys.stderr)
        return 1
    except OutputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    changes = result.changes
    seconds = time.perf_counter() - started
    if args.check:
        for rel in [*changes.changed, *changes.stale]:
            print(f"stale: {rel}", file=sys.stderr)
        state = "up to date" if changes.clean else "stale"
        print(f"{changes.total} pages, {len(changes.changed)} to change, "
              f"{len(changes.stale)} to remove: {state}, {seconds:.2f} s")
        return 0 if changes.clean else 1
    print(f"{changes.total} pages, {len(changes.changed)} changed, "
          f"{len(changes.stale)} removed, {seconds:.2f} s")
    return 0
