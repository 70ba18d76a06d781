#!/usr/bin/env python3
"""`make bench`: how generation and the site build scale with the number of disciplines.

For each N (10, 100, 1,000 and 5,000 by default) it writes a synthetic content set
(benchmarks/synth.py) into a fresh project copy, then measures whole processes:

- phases: load+validate and render+write inside one generator process (benchmarks/phases.py);
- generator: `python build_pages.py` into an empty folder (the first step of `make site`),
  its work split over the machine's cores, and the same in one process (OPS_ATLAS_JOBS=1);
  beside them the bare reference generator (bare.py: libyaml, one Jinja page per record, no
  validation), to tell our cost from the machine's speed at the time: three runs each,
  alternating, the median reported;
- no-op: the same command again, with the files it created, rewrote or touched (must be 0);
- forced: `build_pages.py --force`, a real regeneration that finds nothing to write;
- full: the `make site` equivalent, the generator plus `mkdocs build --strict`;
- peer: the same generated Markdown built by plain mkdocs-material with its default navigation
  (a minimal mkdocs.yml: site_name and theme, no nav), as a user would set it up by hand;
- pages: HTML bytes per built page and of the sidebar every page repeats.

Wall seconds, CPU seconds and peak memory (ru_maxrss) are those of each child process (CPU
seconds include the generator's own forked worker); ratios
come from one run on one machine. The 5,000 full and peer builds take many minutes (the peer is
quadratic), so they run only with --full. Results go to benchmarks/results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import measure  # noqa: E402
import synth  # noqa: E402

from opsatlas.workers import JOBS_VARIABLE  # noqa: E402

PY = sys.executable
SIZES = (10, 100, 1000, 5000)
REPEATS = 3
"""Runs of the generator (each way) per N; the median is reported."""
BIG = 5000
"""Sizes from here on build the site (ours and the peer's) only with --full."""
PEER_CONFIG = "site_name: Peer\ntheme:\n  name: material\n"
REAL_IDS = frozenset(path.stem for path in synth.real_records())
"""The real records every synthetic set keeps (their pages are as big as they are at N = 5)."""
TARGETS = {"generator_1000_s": 0.6, "generator_5000_s": 3.0, "noop_1000_s": 0.1,
           "full_over_peer_1000": 0.3}


def bench_size(n: int, work: Path, full: bool) -> dict[str, Any]:
    """Every measurement for one N."""
    content = work / f"content-{n}"
    synth.write_content_set(n, content)
    project = measure.copy_project(work / f"project-{n}", content)
    measure.run([PY, "-m", "compileall", "-q", "opsatlas", "hooks"], project)  # as after a 1st run
    result: dict[str, Any] = {"disciplines": n,
                              "content_kb": measure.tree_bytes(content / "disciplines") // 1024}
    result["generator"], result["generator_one_process"], result["bare"] = \
        _generator_runs(project, work)
    result["generator_over_bare"] = result["generator"]["seconds"] / result["bare"]["seconds"]
    result["phases"] = json.loads(measure.run([PY, str(BENCH / "phases.py"), str(project),
                                               str(work / f"phases-{n}")], project).stdout)
    _remove(work / f"phases-{n}")
    generator = measure.run([PY, "build_pages.py"], project)  # docs/ for the runs below
    result["noop"] = _regeneration(project, [])
    result["forced"] = _regeneration(project, ["--force"])
    if n < BIG or full:
        result.update(_site_builds(project, generator, work / f"peer-{n}"))
    shutil.rmtree(project)
    shutil.rmtree(content)
    return result


def _generator_runs(project: Path, work: Path) -> tuple[dict[str, Any], ...]:
    """`build_pages.py` into an empty folder on every core, the same in one process, and the
    bare reference generator (bare.py), alternately, REPEATS times each: the median run of each,
    with every run's seconds."""
    commands = {"every core": ([PY, "build_pages.py", "--docs"], {}),
                "one process": ([PY, "build_pages.py", "--docs"], {JOBS_VARIABLE: "1"}),
                "bare": ([PY, str(BENCH / "bare.py"), "content"], {})}
    runs: dict[str, list[measure.Run]] = {name: [] for name in commands}
    files: dict[str, int] = {}
    for index in range(REPEATS):
        for name, (command, env) in commands.items():
            docs = work / f"generated-{index}"
            runs[name].append(measure.run([*command, str(docs)], project, env))
            files[name] = len(measure.snapshot(docs))
            _remove(docs)
    return tuple(_timing(_median_run(done), files=files[name],
                         runs=[round(run.seconds, 3) for run in done])
                 for name, done in runs.items())


def _median_run(runs: list[measure.Run]) -> measure.Run:
    return sorted(runs, key=lambda run: run.seconds)[(len(runs) - 1) // 2]


def _remove(folder: Path) -> None:
    """Delete a generated tree, and let the file system settle before the next measurement
    (deleting thousands of files slows the creation of the next thousands)."""
    shutil.rmtree(folder)
    os.sync()
    time.sleep(1)


def _regeneration(project: Path, flags: list[str]) -> dict[str, Any]:
    before = measure.snapshot(project / "docs")
    done = measure.run([PY, "build_pages.py", *flags], project)
    return _timing(done, touched=measure.touched(before, measure.snapshot(project / "docs")),
                   said=done.stdout.strip())


def _site_builds(project: Path, generator: measure.Run, peer: Path) -> dict[str, Any]:
    site = project / "site"
    mkdocs = measure.run([PY, "-m", "mkdocs", "build", "--strict", "--quiet",
                          "--site-dir", str(site)], project)
    full = {**_timing(mkdocs), "seconds": generator.seconds + mkdocs.seconds,
            "cpu": generator.cpu + mkdocs.cpu, "mkdocs_seconds": mkdocs.seconds}
    ours = measure.page_stats(site, REAL_IDS)
    shutil.rmtree(site)
    peer.mkdir()
    shutil.copytree(project / "docs", peer / "docs")
    (peer / "mkdocs.yml").write_text(PEER_CONFIG, encoding="utf-8")
    built = measure.run([PY, "-m", "mkdocs", "build", "--quiet"], peer)
    theirs = measure.page_stats(peer / "site", REAL_IDS)
    shutil.rmtree(peer)
    return {"full": full, "pages": ours.__dict__, "peer": {**_timing(built),
                                                           "pages": theirs.__dict__},
            "full_over_peer": full["seconds"] / built.seconds,
            "full_over_peer_cpu": full["cpu"] / built.cpu}


def _timing(done: measure.Run, **extra: Any) -> dict[str, Any]:
    return {"seconds": round(done.seconds, 3), "cpu": round(done.cpu, 3),
            "peak_mb": round(done.peak_mb, 1), **extra}


def verdicts(runs: dict[int, dict[str, Any]]) -> dict[str, Any]:
    """Each issue-5 target measured in this run: the value, the limit, whether it holds."""
    out: dict[str, Any] = {}

    def check(name: str, value: float | None, limit: float, holds: bool | None = None) -> None:
        if value is not None:
            out[name] = {"value": round(value, 3), "limit": limit,
                         "holds": value <= limit if holds is None else holds}

    for n, key in ((1000, "generator_1000_s"), (5000, "generator_5000_s")):
        check(key, runs.get(n, {}).get("generator", {}).get("seconds"), TARGETS[key])
    noop = runs.get(1000, {}).get("noop")
    if noop:
        check("noop_1000_s", noop["seconds"], TARGETS["noop_1000_s"],
              noop["seconds"] <= TARGETS["noop_1000_s"] and noop["touched"] == 0)
    check("full_over_peer_1000", runs.get(1000, {}).get("full_over_peer"),
          TARGETS["full_over_peer_1000"])
    pages = runs.get(1000, {}).get("pages")
    if pages:
        check("record_page_kb_1000", pages["record_page_max_bytes"] / 1000,
              measure.PAGE_BUDGET / 1000)
    return out


def _ms_per_file(run: dict[str, Any]) -> str:
    """Wall milliseconds per file a whole process wrote (the bare one writes one per record,
    ours also pair pages, the index and exports)."""
    return f"{1000 * run['seconds'] / run['files']:.2f}"


def table(runs: dict[int, dict[str, Any]]) -> str:
    """The results as a fixed-width table."""
    head = ("N", "load+val s", "render+write s", "generator s (cpu)", "1 process s",
            "bare s", "no-op s/files",
            "full s", "peer s", "full/peer", "pages", "record page KB", "sidebar B", "gen MB")
    rows = [head]
    for n, r in runs.items():
        phases, gen, noop = r["phases"], r["generator"], r["noop"]
        pages = r.get("pages")
        rows.append((f"{n:,}", f"{phases['load_validate_s']:.3f}",
                     f"{phases['render_write_s']:.3f}",
                     f"{gen['seconds']:.3f} ({gen['cpu']:.3f})",
                     f"{r['generator_one_process']['seconds']:.3f}",
                     f"{r['bare']['seconds']:.3f}",
                     f"{noop['seconds']:.3f}/{noop['touched']}",
                     f"{r['full']['seconds']:.1f}" if "full" in r else "skipped",
                     f"{r['peer']['seconds']:.1f}" if "peer" in r else "skipped",
                     f"{r['full_over_peer']:.2f}" if "peer" in r else "-",
                     f"{pages['pages']:,}" if pages else "-",
                     f"{pages['record_page_max_bytes'] / 1000:.1f}" if pages else "-",
                     f"{pages['sidebar_bytes']:,}" if pages else "-", f"{gen['peak_mb']:.0f}"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    return "\n".join("  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True))
                     for row in rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        help="comma-separated N values (default: %(default)s)")
    parser.add_argument("--full", action="store_true",
                        help=f"also build the site and the peer at N >= {BIG:,} (slow)")
    parser.add_argument("--out", type=Path, default=BENCH / "results.json",
                        help="results file (default: benchmarks/results.json)")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    load_before = os.getloadavg()
    runs: dict[int, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="ops-atlas-bench-") as work:
        for n in sizes:
            print(f"N = {n:,} ...", file=sys.stderr, flush=True)
            runs[n] = bench_size(n, Path(work), args.full)
    results: dict[str, Any] = {"machine": {
                           "cpus": os.cpu_count(), "python": platform.python_version(),
                           "platform": platform.platform(),
                           "load_average_before": [round(x, 2) for x in load_before],
                           "load_average_after": [round(x, 2) for x in os.getloadavg()]},
               "runs": {str(n): r for n, r in runs.items()}, "targets": verdicts(runs)}
    args.out.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(table(runs))
    if any(n >= BIG for n in sizes) and not args.full:
        print(f"\nN >= {BIG:,}: site and peer builds skipped (pass --full to run them).")
    print("\nTargets (issue 5):")
    for name, verdict in results["targets"].items():
        state = "ok" if verdict["holds"] else "MISSED"
        print(f"  {name}: {verdict['value']} (limit {verdict['limit']}) {state}")
    print("\nGenerator / bare reference generator, same minutes: " + ", ".join(
        f"{r['generator_over_bare']:.2f} at N = {n:,}" for n, r in runs.items()))
    print("Per file written (ms), generator / bare: " + ", ".join(
        f"{_ms_per_file(r['generator'])} / {_ms_per_file(r['bare'])} at N = {n:,}"
        for n, r in runs.items()))
    print(f"\nLoad average {load_before[0]:.2f} before, {os.getloadavg()[0]:.2f} after; "
          f"results in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
