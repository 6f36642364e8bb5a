"""Reading and extraction in worker processes that are watched, one report at a time.

Each worker takes one report, reads it (when it is given a file: conversion happens there too) and extracts
it.  The main process watches every worker: one that has worked on a report for longer than the time limit,
or whose resident memory has passed the memory limit, is killed and replaced, and that report gets one line
saying which limit it passed; the rest of the batch goes on.  A worker that dies on a report (the kernel's
out-of-memory killer, a crash in a native library) costs that report only, in the same way.

    pool = WatchedPool(2, Limits(seconds=120, memory_mb=1536))
    future = pool.submit(job)      # job: a Document, or a picklable loader (a file to read)
    doc, extraction, reason, seconds = future.result()
    pool.shutdown()

Workers start by 'forkserver' from a process that has loaded the extractor once (preload.py), so a worker
that replaces a killed one is ready in a fraction of a second.  Each also watches the ingest that started it
and ends within a second of it, however that ingest ends (killed with -9 included).
"""
from __future__ import annotations

import multiprocessing
import ctypes
import os
import resource
import signal
import threading
import time
from collections import deque
from concurrent.futures import Future
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from typing import Any, Callable

from .errors import CasewatchError, InputError
from .model import Document, Extraction

START_METHOD = "forkserver"
POLL = 0.1  # seconds between two looks at the workers' clocks and memory

# the document as read (when the worker read the file), its facts, or why not; the seconds the worker spent on it
Result = tuple[Document | None, Extraction | None, str | None, float]


@dataclass(frozen=True)
class Limits:
    """What one report may cost its worker: wall-clock seconds, and resident memory in MiB."""
    seconds: float = 120.0
    memory_mb: int = 1536


# the worker side -------------------------------------------------------------
def _die_with(pid: int, every: float = 1.0) -> None:
    """Once the ingest that started this worker is gone (killed, crashed, or ended without closing its pool),
    the worker ends within a second, instead of holding its memory and the ingest's output open."""
    while True:
        time.sleep(every)
        try:
            os.kill(pid, 0)
        except (ProcessLookupError, PermissionError):  # PermissionError: another user's process took the number
            os._exit(1)


def _cap_memory(limit_mb: int) -> None:
    """A hard ceiling under the watcher's polling: the worker's heap may grow by at most twice its limit past
    what it holds after loading, so an allocation too fast for the watcher to see fails in the worker."""
    try:
        with open("/proc/self/status") as fh:
            data_kb = next(int(line.split()[1]) for line in fh if line.startswith("VmData:"))
    except (OSError, StopIteration, ValueError):
        return
    cap = data_kb * 1024 + 2 * limit_mb * 1024 * 1024
    soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if hard == resource.RLIM_INFINITY or cap < hard:
        resource.setrlimit(resource.RLIMIT_DATA, (cap, hard))


def _give_back() -> None:
    """Return the heap a report freed to the system (glibc keeps it otherwise), so a worker that read one long
    report does not hold its peak through every report after it."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to return this way
        pass


def _serve(conn: Connection, main_pid: int, limits: Limits) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    threading.Thread(target=_die_with, args=(main_pid,), daemon=True, name="casewatch-watchdog").start()
    try:
        from .pipeline import extractor
        extractor()
    except Exception as e:  # noqa: BLE001 - the reason reaches the user through the main process
        conn.send(("broken", f"{type(e).__name__}: {e}"))
        return
    _cap_memory(limits.memory_mb)
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        conn.send(("done", run(job)))
        _give_back()


def run(job: Document | Callable[[], Document]) -> tuple[Document | None, Extraction | None, str | None]:
    """Read (when the job is a loader) and extract one report; a failure is its reason, never an exception.
    A document sent already read is not sent back."""
    from .pipeline import extractor, unexpected
    try:
        doc = job if isinstance(job, Document) else job()
        return (None if doc is job else doc), extractor().extract(doc), None
    except InputError as e:
        return None, None, e.reason
    except CasewatchError as e:
        return None, None, str(e)
    except MemoryError:
        return None, None, "needed more memory than a report may use (limit CASEWATCH_MAX_FILE_MEMORY_MB), not stored"
    except Exception as e:  # noqa: BLE001 - one report the reader cannot take ends no batch
        return None, None, unexpected(e)


# the main side ---------------------------------------------------------------
def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024
    except (OSError, ValueError, IndexError):
        return 0.0


class _Slot:
    """One worker process and the report it is on."""

    def __init__(self) -> None:
        self.proc: Any = None
        self.conn: Connection | None = None
        self.ready = False
        self.job: tuple[Any, Future] | None = None
        self.since = 0.0


class WatchedPool:
    def __init__(self, workers: int, limits: Limits) -> None:
        self.limits = limits
        # two malloc arenas per worker, not eight per core: the model's threads otherwise each keep a heap of their
        # own, and a worker's resident memory grows with them (read by glibc when the fork server starts)
        os.environ.setdefault("MALLOC_ARENA_MAX", "2")
        self._ctx = multiprocessing.get_context(START_METHOD)
        self._ctx.set_forkserver_preload(["casewatch.preload"])
        self._pending: deque[tuple[Any, Future]] = deque()
        self._lock = threading.Lock()
        self._wake_r, self._wake_w = multiprocessing.Pipe(duplex=False)
        self._closing = False
        self.broken: str | None = None
        self._slots = [_Slot() for _ in range(max(1, workers))]
        for slot in self._slots:
            self._start(slot)
        self._thread = threading.Thread(target=self._watch, daemon=True, name="casewatch-workers")
        self._thread.start()

    # -- the caller's side
    def submit(self, job: Any) -> Future:
        fut: Future = Future()
        with self._lock:
            if self.broken:
                fut.set_exception(CasewatchError(self.broken))
                return fut
            self._pending.append((job, fut))
        self._wake_w.send(1)
        return fut

    def shutdown(self) -> None:
        with self._lock:
            self._closing = True
            pending, self._pending = list(self._pending), deque()
        for _, fut in pending:
            fut.cancel()
        self._wake_w.send(1)
        self._thread.join(timeout=10)
        for slot in self._slots:
            self._stop(slot, polite=True)

    # -- the watcher thread
    def _start(self, slot: _Slot) -> None:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_serve, args=(child, os.getpid(), self.limits), daemon=True,
                                 name="casewatch-worker")
        proc.start()
        child.close()
        slot.proc, slot.conn, slot.ready, slot.job = proc, parent, False, None

    def _stop(self, slot: _Slot, polite: bool = False) -> None:
        if slot.proc is None:
            return
        if polite and slot.ready and slot.job is None:
            try:
                slot.conn.send(None)
            except OSError:
                pass
            slot.proc.join(timeout=5)
        if slot.proc.is_alive():
            slot.proc.kill()
        slot.proc.join(timeout=5)
        slot.conn.close()
        slot.proc = slot.conn = None

    def _fail(self, slot: _Slot, reason: str) -> None:
        """The report the slot is on gets `reason`; its worker is replaced."""
        _, fut = slot.job
        slot.job = None
        self._stop(slot)
        if not fut.done():
            fut.set_result((None, None, reason, time.monotonic() - slot.since))
        if not self._closing:
            self._start(slot)

    def _break(self, reason: str) -> None:
        with self._lock:
            self.broken = f"the extraction workers cannot start ({reason})"
            pending, self._pending = list(self._pending), deque()
        for _, fut in pending:
            fut.set_exception(CasewatchError(self.broken))
        for slot in self._slots:
            if slot.job:
                slot.job[1].set_exception(CasewatchError(self.broken))
                slot.job = None

    def _dispatch(self) -> None:
        with self._lock:
            for slot in self._slots:
                if self._pending and slot.ready and slot.job is None:
                    job, fut = self._pending.popleft()
                    if not fut.set_running_or_notify_cancel():
                        continue
                    slot.job, slot.since = (job, fut), time.monotonic()
                    try:
                        slot.conn.send(job)
                    except OSError:
                        self._fail(slot, "the worker reading it stopped (please report it)")

    def _watch(self) -> None:
        while not (self._closing or self.broken):
            self._dispatch()
            conns = {slot.conn: slot for slot in self._slots if slot.conn is not None}
            for ready in wait([*conns, self._wake_r], timeout=POLL):
                if ready is self._wake_r:
                    while self._wake_r.poll():
                        self._wake_r.recv()
                    continue
                slot = conns[ready]
                try:
                    kind, value = ready.recv()
                except (EOFError, OSError):
                    if slot.job:
                        code = slot.proc.exitcode if slot.proc else None
                        self._fail(slot, "the process reading it died" + (" (killed: out of memory?)" if code in (-9, None)
                                                                          else f" (exit {code})"))
                    elif not slot.ready:
                        self._break("a worker ended while starting")
                    else:
                        self._stop(slot)
                        self._start(slot)
                    continue
                if kind == "ready":
                    slot.ready = True
                elif kind == "broken":
                    self._break(value)
                elif slot.job:
                    fut = slot.job[1]
                    slot.job = None
                    fut.set_result((*value, time.monotonic() - slot.since))
            self._enforce()

    def _enforce(self) -> None:
        now = time.monotonic()
        for slot in self._slots:
            if not slot.job or slot.proc is None:
                continue
            if now - slot.since > self.limits.seconds:
                self._fail(slot, f"took longer than {self.limits.seconds:g} s to read "
                                 "(limit CASEWATCH_MAX_FILE_SECONDS), not stored")
            elif _rss_mb(slot.proc.pid) > self.limits.memory_mb:
                self._fail(slot, f"needed more than {self.limits.memory_mb} MiB of memory to read "
                                 "(limit CASEWATCH_MAX_FILE_MEMORY_MB), not stored")


def without_raw(doc: Document) -> Document:
    """What a worker needs of a document read here: its text and metadata, not its original bytes."""
    return replace(doc, raw=b"")
