#!/usr/bin/env python3
"""Generate the Ops Atlas Markdown pages from content/ (see `python build_pages.py --help`)."""

from __future__ import annotations

import os
import sys

from opsatlas.cli import main

if __name__ == "__main__":
    status = main()
    # Every file is closed by now: skip the interpreter's teardown, which frees each object
    # of the run one by one (~0.2 s at 1,000 records) for nothing.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
