"""Split a run's heavy work over the machine's cores: one forked process per part.

Generation is pure Python, so one process uses one core. Here a list of work is cut into
parts; each part runs in its own forked process (the first in this one), which inherits
everything loaded so far, so only the results cross between processes, through a pipe.
Workers only compute: whatever is written is written by the caller once every part is back.

Where there is one core, no `os.fork` (Windows), another thread (a server), little work, or
OPS_ATLAS_JOBS=1, the parts run one after another in this process: the same results, in the
same order.
"""

from __future__ import annotations

import os
import pickle
import struct
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from typing import TypeVar, cast

Item = TypeVar("Item")
Result = TypeVar("Result")

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


def map_parts(work: Callable[[Sequence[Item]], Result],
              parts: Sequence[Sequence[Item]]) -> list[Result]:
    """`work(part)` for each part, in order: the first part in this process, each other in a
    forked one. An exception from any part is raised here once every part has stopped (this
    process's own first), with the worker's traceback as a note."""
    if len(parts) <= 1 or not hasattr(os, "fork"):
        return [work(part) for part in parts]
    sys.stdout.flush()  # a child's copy of unflushed output would be printed twice
    sys.stderr.flush()
    children = [_start(work, part) for part in parts[1:]]
    try:
        mine = work(parts[0])
    finally:  # even when this part failed: never leave a child behind
        reports = [_collect(*child) for child in children]
    for ok, value in reports:
        if not ok:
            raise value if isinstance(value, BaseException) else WorkerError(repr(value))
    return [mine, *(cast(Result, value) for _, value in reports)]


def _start(work: Callable[[Sequence[Item]], Result], part: Sequence[Item]) -> tuple[int, int]:
    """Fork a child that runs `work(part)` and reports on a pipe: (its pid, the pipe's end)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_end)
        return pid, read_end
    os.close(read_end)  # the child, from here on: it never returns into the caller's code
    code = 0
    try:
        try:
            report: tuple[bool, object] = (True, work(part))
        except BaseException as err:  # reported to the parent, which raises it
            report = (False, _portable(err))
        _send(write_end, report)
    except BaseException:  # cannot even report: the parent sees a dead child (WorkerError)
        code = 1
    finally:
        os._exit(code)  # no atexit handlers, no cleanup of the parent's objects


def _collect(pid: int, read_end: int) -> tuple[bool, object]:
    """A child's report, once it has exited."""
    try:
        return _receive(read_end, pid)
    finally:
        os.close(read_end)
        os.waitpid(pid, 0)


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
