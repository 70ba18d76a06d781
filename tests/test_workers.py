"""Work split over forked processes (opsatlas/workers.py): results, errors, nothing half-done."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Sequence

import pytest

from opsatlas.workers import JOBS_VARIABLE, WorkerError, job_count, map_parts, map_streamed, split


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


def _emit_squares(part: Sequence[int], emit: Callable[[tuple[int, int, int]], None]) -> None:
    for item in part:
        if item == 3:
            raise _Broken("item 3 is broken")
        emit((os.getpid(), item, item * item))


def test_streamed_chunks_all_arrive_here_each_part_in_order() -> None:
    taken: list[tuple[int, int, int]] = []
    map_streamed(_emit_squares, [[0, 1], [2, 4, 5], [6]], taken.append)
    assert sorted(item for _, item, _ in taken) == [0, 1, 2, 4, 5, 6]
    assert all(square == item * item for _, item, square in taken)
    by_process: dict[int, list[int]] = {}
    for pid, item, _ in taken:
        by_process.setdefault(pid, []).append(item)
    assert sorted(by_process.values()) == [[0, 1], [2, 4, 5], [6]]  # each in its order
    assert by_process[os.getpid()] == [0, 1]


def _emit_many(part: Sequence[int], emit: Callable[[bytes], None]) -> None:
    for _ in part:
        emit(b"x" * 100_000)  # far more than a pipe holds: the caller must keep reading


def test_a_worker_streaming_more_than_a_pipe_holds_does_not_block() -> None:
    taken: list[bytes] = []
    map_streamed(_emit_many, [range(3), range(200)], taken.append)
    assert len(taken) == 203


@pytest.mark.parametrize("parts", [[[3, 0], [1]], [[0], [1, 3]]],
                         ids=["in this process", "in a worker"])
def test_a_streamed_failure_is_raised_here_and_stops_every_part(
        parts: list[list[int]]) -> None:
    with pytest.raises(_Broken, match="item 3 is broken"):
        map_streamed(_emit_squares, parts, lambda _: None)
    with pytest.raises(ChildProcessError):  # every worker was waited for: none is left
        os.waitpid(-1, os.WNOHANG)


def test_a_failure_taking_a_chunk_stops_every_part() -> None:
    def refuse(chunk: tuple[int, int, int]) -> None:
        if chunk[1] == 5:
            raise _Broken("chunk 5 refused")

    with pytest.raises(_Broken, match="chunk 5 refused"):
        map_streamed(_emit_squares, [[0], [4, 5, 6]], refuse)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def _die_streaming(part: Sequence[int], emit: Callable[[int], None]) -> None:
    emit(part[0])
    if 1 in part:
        os._exit(9)


def test_a_worker_dying_while_streaming_is_an_error_not_a_hang() -> None:
    with pytest.raises(WorkerError, match="stopped without reporting"):
        map_streamed(_die_streaming, [[0], [1]], lambda _: None)


def test_one_part_streams_in_this_process() -> None:
    taken: list[tuple[int, int, int]] = []
    map_streamed(_emit_squares, [[7, 8]], taken.append)
    assert taken == [(os.getpid(), 7, 49), (os.getpid(), 8, 64)]
