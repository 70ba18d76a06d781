"""`mkdocs serve` (as `make serve` runs it): editing a record reloads the open page."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Project, copy_project, replace_once


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_serving(url: str, server: subprocess.Popen[str], seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"mkdocs serve exited: {server.stdout.read() if server.stdout else ''}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    pytest.fail("mkdocs serve did not start")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Project, str]]:
    project = copy_project(tmp_path / "project")
    assert project.generate().returncode == 0
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr",
         f"127.0.0.1:{port}"], cwd=project.root, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""})
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_until_serving(url, server)
        yield project, url
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_editing_a_record_reloads_the_page(served: tuple[Project, str], page: Any) -> None:
    project, url = served
    page.goto(f"{url}disciplines/mlops/")
    assert page.locator("h1").inner_text().startswith("MLOps")
    page.evaluate("window.__notReloaded = true")

    replace_once(project.content / "disciplines/mlops.yaml", "name: MLOps", "name: MLOps Live")

    page.wait_for_function("!window.__notReloaded", timeout=60_000)
    page.wait_for_selector("h1:has-text('MLOps Live')", timeout=30_000)


def test_editing_a_template_reloads_the_page(served: tuple[Project, str], page: Any) -> None:
    project, url = served
    page.goto(f"{url}compare/")
    page.evaluate("window.__notReloaded = true")

    replace_once(project.root / "templates/compare.md.j2", "# Compare all disciplines",
          "# Compare every discipline")

    page.wait_for_function("!window.__notReloaded", timeout=60_000)
    page.wait_for_selector("h1:has-text('Compare every discipline')", timeout=30_000)
