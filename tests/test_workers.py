"""Work split over forked processes (opsatlas/workers.py): results, errors, nothing half-done."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence

import pytest

from opsatlas.workers import JOBS_VARIABLE, WorkerError, job_count, map_parts, split


def test_split_keeps_order_and_evens_out_sizes() -> None:
    parts = split(list(range(10)), 3)
    assert [list(part) for part in parts] == [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]


def _squares_and_pid(part: Sequence[int]) -> tuple[int, list[tuple[int, int]]]:
    return os.getpid(), [(item, item * item) for item in part]


def test_parts_run_in_separate_processes_and_results_come_back_in_order() -> None:
    results = map_parts(_squares_and_pid, split(list(range(9)), 3))
    assert [pair for _, part in results for pair in part] == [(i, i * i) for i in range(9)]
    pids = [pid for pid, _ in results]
    assert pids[0] == os.getpid() and len(set(pids)) == 3


class _Broken(Exception):
    pass


def _fail_on_three(part: Sequence[int]) -> int:
    if 3 in part:
        raise _Broken("item 3 is broken")
    return len(part)


@pytest.mark.parametrize("parts", [[[3, 4], [5]], [[1, 2], [3, 4]]],
                         ids=["in this process", "in a worker"])
def test_an_exception_in_any_part_is_raised_with_where_it_happened(
        parts: list[list[int]]) -> None:
    with pytest.raises(_Broken, match="item 3 is broken") as raised:
        map_parts(_fail_on_three, parts)
    in_worker = parts[1] == [3, 4]
    assert any("In a worker process" in note
               for note in getattr(raised.value, "__notes__", [])) == in_worker


def _slow_then_fail(part: Sequence[int]) -> int:
    if 0 in part:
        raise _Broken("this process failed first")
    time.sleep(0.3)
    return len(part)


def test_a_failure_here_still_waits_for_every_worker() -> None:
    with pytest.raises(_Broken):
        map_parts(_slow_then_fail, [[0], [1], [2]])
    with pytest.raises(ChildProcessError):  # every worker was waited for: none is left
        os.waitpid(-1, os.WNOHANG)


def _die(part: Sequence[int]) -> int:
    if 3 in part:
        os._exit(9)  # killed, out of memory: no report at all
    return len(part)


def test_a_worker_that_dies_silently_is_an_error_not_a_hang() -> None:
    with pytest.raises(WorkerError, match="stopped without reporting"):
        map_parts(_die, split(list(range(6)), 2))


@pytest.mark.parametrize(("setting", "items", "expected"), [
    ("1", 10_000, 1), ("2", 10_000, 2), ("2", 150, 1), ("", 0, 1)])
def test_job_count_follows_the_setting_and_the_amount_of_work(
        monkeypatch: pytest.MonkeyPatch, setting: str, items: int, expected: int) -> None:
    monkeypatch.setenv(JOBS_VARIABLE, setting)
    assert job_count(items, minimum_per_job=100) == expected


def test_a_process_with_other_threads_is_never_forked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(JOBS_VARIABLE, "2")
    stop = threading.Event()
    server = threading.Thread(target=stop.wait)  # as mkdocs serve's file watcher
    server.start()
    try:
        assert job_count(10_000, minimum_per_job=100) == 1
    finally:
        stop.set()
        server.join()
