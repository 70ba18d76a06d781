"""`build_pages.py export`: one comparison export to stdout or a file."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the export subcommand."""


def run(args: argparse.Namespace) -> int:
    """Run the export; returns the exit status."""
    raise NotImplementedError("export is not built yet")
