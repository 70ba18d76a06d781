"""Split a run's heavy work over the machine's cores: one forked process per part.

Generation is pure Python, so one process uses one core. Here a list of work is cut into
parts; each part runs in its own forked process (the first in this one), which inherits
everything loaded so far, so only results cross between processes, through pipes.

- map_parts: each part's result comes back to the caller once the part is done.
- map_streamed: each part hands out its results a piece at a time, and the caller takes each
  one as soon as it arrives: this process can write files while the others still make theirs.
  (Only one process writes: on this project's machines two processes creating files at once
  spent more system time than one doing it all, and gained no time.)

Where there is one core, no `os.fork` (Windows), another thread (a server), little work, or
OPS_ATLAS_JOBS=1, the parts run one after another in this process: the same results, in the
same order.
"""

from __future__ import annotations

import os
import pickle
import select
import struct
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from functools import partial
from typing import NamedTuple, TypeVar, cast

Item = TypeVar("Item")
Result = TypeVar("Result")
Chunk = TypeVar("Chunk")
Emit = Callable[[Chunk], None]

JOBS_VARIABLE = "OPS_ATLAS_JOBS"
"""Environment variable: how many processes to use at most (1 turns forking off)."""
MAX_JOBS = 4
_HEADER = struct.Struct("!Q")


class WorkerError(Exception):
    """A worker process died without reporting (killed, out of memory)."""


def job_count(work: int, minimum_per_job: int) -> int:
    """How many processes to split `work` (pieces, or any measure of it) over, each having
    `minimum_per_job` at least (1: stay in this process)."""
    wanted = os.environ.get(JOBS_VARIABLE, "")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else \
        (os.cpu_count() or 1)
    limit = int(wanted) if wanted.isdigit() and int(wanted) > 0 else min(cores, MAX_JOBS)
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return 1  # forking a threaded process (mkdocs serve) can deadlock the copy
    return max(1, min(limit, work // max(1, minimum_per_job)))


def split(items: Sequence[Item], parts: int) -> list[Sequence[Item]]:
    """`items` cut into `parts` contiguous slices whose sizes differ by one at most."""
    size, extra = divmod(len(items), parts)
    bounds = [index * size + min(index, extra) for index in range(parts + 1)]
    return [items[bounds[index]:bounds[index + 1]] for index in range(parts)]


class _Child(NamedTuple):
    pid: int
    reports: int
    """Read end of the pipe the child reports on."""


def map_parts(work: Callable[[Sequence[Item]], Result],
              parts: Sequence[Sequence[Item]]) -> list[Result]:
    """`work(part)` for each part, in order: the first part in this process, each other in a
    forked one. An exception from any part is raised here once every part has stopped (this
    process's own first), with the worker's traceback as a note."""
    if len(parts) <= 1 or not hasattr(os, "fork"):
        return [work(part) for part in parts]
    children = [_fork(partial(_work_in_child, work, part)) for part in parts[1:]]
    try:
        mine = work(parts[0])
    finally:  # even when this part failed: never leave a child behind
        reports = [_collect(child) for child in children]
    results = [mine]
    for ok, value in reports:
        if not ok:
            raise _failure(value)
        results.append(cast(Result, value))
    return results


def map_streamed(work: Callable[[Sequence[Item], Emit[Chunk]], None],
                 parts: Sequence[Sequence[Item]], take: Emit[Chunk]) -> None:
    """`work(part, emit)` for each part: the first in this process, each other in a forked
    one. Every chunk a part emits is handed to `take`, here, as soon as it arrives: each part's
    in order, the parts' interleaved. The first exception (from a part or from `take`) stops
    every part and is raised here; chunks taken by then stay taken."""
    if len(parts) <= 1 or not hasattr(os, "fork"):
        for part in parts:
            work(part, take)
        return
    streams = {child.reports: _Stream(child)
               for child in (_fork(partial(_stream_from_child, work, part))
                             for part in parts[1:])}
    try:
        def emit(chunk: Chunk) -> None:
            take(chunk)
            _take_arrived(streams, take, wait=False)  # keeps the workers' pipes flowing

        work(parts[0], emit)
        while any(not stream.done for stream in streams.values()):
            _take_arrived(streams, take, wait=True)
    finally:
        for stream in streams.values():  # a worker still running stops at its next chunk
            os.close(stream.child.reports)
            os.waitpid(stream.child.pid, 0)


class _Stream:
    """What has arrived from one map_streamed worker."""

    def __init__(self, child: _Child) -> None:
        self.child = child
        self.buffer = bytearray()
        self.done = False


def _take_arrived(streams: dict[int, _Stream], take: Emit[Chunk], *, wait: bool) -> None:
    """Hand every whole chunk that has arrived to `take`; with `wait`, first wait for data."""
    open_ends = [fd for fd, stream in streams.items() if not stream.done]
    ready, _, _ = select.select(open_ends, [], [], None if wait else 0)
    for fd in ready:
        stream = streams[fd]
        data = os.read(fd, _READ_SIZE)
        if not data:
            raise WorkerError(f"worker process {stream.child.pid} stopped without reporting")
        stream.buffer += data
        while len(stream.buffer) >= _HEADER.size:
            size = _HEADER.unpack_from(stream.buffer)[0]
            if len(stream.buffer) < _HEADER.size + size:
                break
            kind, value = pickle.loads(stream.buffer[_HEADER.size:_HEADER.size + size])
            del stream.buffer[:_HEADER.size + size]
            if kind == _CHUNK:
                take(value)
            elif kind == _DONE:
                stream.done = True
            else:
                raise _failure(value)


_CHUNK, _DONE, _FAILED = "chunk", "done", "failed"
_READ_SIZE = 1 << 20


def _stream_from_child(work: Callable[[Sequence[Item], Emit[Chunk]], None],
                       part: Sequence[Item], reports: int) -> None:
    """A map_streamed child: send each chunk as it is made, then say it is done."""
    try:
        work(part, lambda chunk: _send(reports, (_CHUNK, chunk)))
        _send(reports, (_DONE, None))
    except BrokenPipeError:  # the parent stopped listening: it has an error of its own
        raise
    except BaseException as err:
        _send(reports, (_FAILED, _portable(err)))


def _work_in_child(work: Callable[[Sequence[Item]], Result], part: Sequence[Item],
                   reports: int) -> None:
    """A map_parts child: report the part's result."""
    try:
        report: tuple[bool, object] = (True, work(part))
    except BaseException as err:  # reported to the parent, which raises it
        report = (False, _portable(err))
    _send(reports, report)


def _fork(body: Callable[[int], None]) -> _Child:
    """Fork a child that runs `body(reports)` (its end of a pipe to this process), then exits."""
    sys.stdout.flush()  # a child's copy of unflushed output would be printed twice
    sys.stderr.flush()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_end)
        return _Child(pid, read_end)
    os.close(read_end)  # the child, from here on: it never returns into the caller's code
    code = 0
    try:
        body(write_end)
    except BaseException:  # cannot even report: the parent sees a dead child (WorkerError)
        code = 1
    finally:
        os._exit(code)  # no atexit handlers, no cleanup of the parent's objects


def _collect(child: _Child) -> tuple[bool, object]:
    """A map_parts child's report (or its death, as a failure), once it has exited."""
    try:
        return _receive(child.reports, child.pid)
    except WorkerError as err:
        return False, err
    finally:
        os.close(child.reports)
        os.waitpid(child.pid, 0)


def _failure(value: object) -> BaseException:
    return value if isinstance(value, BaseException) else WorkerError(repr(value))


def _portable(err: BaseException) -> BaseException:
    """The exception, with the child's traceback attached, in a form that pickles."""
    note = "".join(traceback.format_exception(err))
    try:
        pickle.loads(pickle.dumps(err))
    except Exception:  # some exceptions cannot cross a pipe
        err = RuntimeError(f"{type(err).__name__}: {err}")
    err.add_note(f"In a worker process:\n{note}")
    return err


def _send(fd: int, message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view):]


def _receive(fd: int, pid: int) -> tuple[bool, object]:
    header = _read_exactly(fd, _HEADER.size, pid)
    message: tuple[bool, object] = pickle.loads(_read_exactly(fd, _HEADER.unpack(header)[0],
                                                              pid))
    return message


def _read_exactly(fd: int, size: int, pid: int) -> bytes:
    chunks = bytearray()
    while len(chunks) < size:
        chunk = os.read(fd, min(size - len(chunks), 1 << 20))
        if not chunk:
            raise WorkerError(f"worker process {pid} stopped without reporting")
        chunks += chunk
    return bytes(chunks)
