"""Command line of build_pages.py: parse arguments, call the package, report in one line.

A plain run first asks freshness.py whether anything changed since the last one, before any
heavy import (yaml, jinja2, the exporters): when nothing did, it is over in a few milliseconds.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from . import freshness

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CONFIG = PROJECT_ROOT / "mkdocs.yml"


def add_build_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of a plain run (validate and generate)."""
    parser.add_argument("--content", type=Path, default=PROJECT_ROOT / "content",
                        help="content directory (default: content/)")
    parser.add_argument("--docs", type=Path, default=None,
                        help="generated docs directory (default: docs_dir of mkdocs.yml)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 when the generated pages are stale "
                             "(always renders and compares, whatever the last run left)")
    parser.add_argument("--force", action="store_true",
                        help="regenerate even when no input or output changed since the "
                             "last run")


def parser() -> argparse.ArgumentParser:
    from .exports import command as export_command  # heavy: imported once there is work

    root = argparse.ArgumentParser(
        prog="build_pages.py",
        description="Validate content/ and generate the site's Markdown pages.")
    add_build_arguments(root)
    commands = root.add_subparsers(dest="command", metavar="COMMAND")
    export = commands.add_parser("export", help="write the comparison in a wiki format",
                                 description="Write the comparison table (or part of it) "
                                             "in one export format.")
    export_command.add_arguments(export)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    started = time.perf_counter()
    arguments = list(sys.argv[1:] if argv is None else argv)
    unchanged = _unchanged(arguments)
    if unchanged is not None:
        # The same line as a run that found nothing to write (which is what this run is).
        print(f"{unchanged.pages} pages, 0 changed, 0 removed, "
              f"{time.perf_counter() - started:.2f} s")
        return 0
    args = parser().parse_args(arguments)
    if args.command == "export":
        from .exports import command as export_command

        return export_command.run(args)
    return build(args)


def _unchanged(arguments: list[str]) -> freshness.Remembered | None:
    """The last run's report, when this is a plain run and nothing changed since that one."""
    quick = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    add_build_arguments(quick)
    try:
        args, rest = quick.parse_known_args(arguments)
    except argparse.ArgumentError:
        return None  # the full parser says what is wrong
    docs = args.docs or freshness.docs_dir_of(CONFIG)
    if rest or args.check or args.force or docs is None:
        return None
    return freshness.remembered(freshness.project_inputs(
        PROJECT_ROOT, docs, content=args.content, docs_from_config=args.docs is None))


def build(args: argparse.Namespace) -> int:
    """Plain use: validate content and (re)generate the docs tree."""
    from .generate import generate, generate_stamped
    from .output import OutputError
    from .problems import ContentError
    from .site_config import load_site_config

    started = time.perf_counter()
    site = load_site_config(CONFIG)
    docs = args.docs or site.docs_dir
    inputs = freshness.project_inputs(PROJECT_ROOT, docs, content=args.content,
                                      docs_from_config=args.docs is None)
    collecting = gc.isenabled()
    gc.disable()  # a run frees almost nothing: cycle collection only costs (~15% at N = 1,000)
    try:
        result = generate(args.content, docs, inputs.templates, site, check=True) \
            if args.check else generate_stamped(inputs, site)
    except ContentError as err:
        print(err.report(), file=sys.stderr)
        return 1
    except OutputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    finally:
        if collecting:
            gc.enable()
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
