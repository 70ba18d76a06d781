#!/usr/bin/env python3
"""Generate the Ops Atlas Markdown pages from content/ (see `python build_pages.py --help`)."""

from __future__ import annotations

import sys

from opsatlas.cli import main

if __name__ == "__main__":
    sys.exit(main())
