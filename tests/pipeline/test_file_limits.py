"""Each report is read under a time and a memory limit (workers.py): past either, its worker is replaced, the
report gets one line naming the limit, and the reports after it are read as usual."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from casewatch.ingest import read_bytes
from casewatch.model import Document
from casewatch.settings import Settings
from casewatch.workers import Limits, WatchedPool

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "examples" / "belarus_minsk"
EXE = Path(sys.executable).parent / "casewatch"
SENT = "The court in Port Halvard remanded the blogger Anna Berg on 3 March 2026. "


def _report(i: int) -> Document:
    return read_bytes(f"r{i}.txt", f"Ms Leyla Aliyeva was arrested in Baku on {i + 1} March 2024.\n".encode(), Settings())


@dataclass
class Hog:
    """A loader that keeps taking memory, 50 MiB at a time, for `mb` MiB."""
    mb: int

    def __call__(self) -> Document:
        held = []
        for _ in range(self.mb // 50):
            held.append(bytearray(b"x" * (50 * 1024 * 1024)))
            time.sleep(0.05)
        return _report(99)


@dataclass
class Sleeper:
    seconds: float

    def __call__(self) -> Document:
        time.sleep(self.seconds)
        return _report(98)


@dataclass
class Crash:
    def __call__(self) -> Document:
        os.kill(os.getpid(), signal.SIGKILL)
        return _report(97)


def test_a_report_past_a_limit_costs_that_report_only() -> None:
    pool = WatchedPool(1, Limits(seconds=3, memory_mb=600))
    try:
        futures = [pool.submit(job) for job in (_report(0), Sleeper(60), _report(1), Hog(1500), _report(2), Crash(),
                                                _report(3))]
        t0 = time.monotonic()
        results = [f.result(timeout=120) for f in futures]
        took = time.monotonic() - t0
    finally:
        pool.shutdown()
    reasons = [r[2] for r in results]
    assert reasons[0] is None and reasons[2] is None and reasons[4] is None and reasons[6] is None, reasons
    assert all(results[i][1] is not None for i in (0, 2, 4, 6))  # their facts came back
    assert "longer than 3 s" in reasons[1] and "CASEWATCH_MAX_FILE_SECONDS" in reasons[1]
    assert "more than 600 MiB" in reasons[3] and "CASEWATCH_MAX_FILE_MEMORY_MB" in reasons[3]
    assert "died" in reasons[5]
    assert 3 <= results[1][3] < 10  # the seconds spent on the slow one
    assert took < 60, f"the slow report was not stopped at its limit ({took:.0f} s)"
    # the three workers that were killed were replaced; after the pool is shut, none of its workers is left
    # (they are the children of the forkserver, itself a child of this process)
    time.sleep(0.5)
    servers = [p for p in psutil.Process().children() if "forkserver" in " ".join(p.cmdline())]
    assert servers
    alive = [k for s in servers for k in s.children() if k.status() != psutil.STATUS_ZOMBIE]
    assert not alive, [(k.pid, k.status()) for k in alive]


def test_the_command_names_a_report_over_its_time_and_stores_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for p in GOOD.iterdir():
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "long.txt").write_text(SENT * 8000)  # 600,000 characters: twenty seconds and more of reading
    env = {**os.environ, "CASEWATCH_DB": str(tmp_path / "cw.db"), "CASEWATCH_MAX_FILE_SECONDS": "4"}
    t0 = time.monotonic()
    r = subprocess.run([str(EXE), "ingest", "--case", "t", "--workers", "2", str(folder)], capture_output=True,
                       text=True, env=env, timeout=300)
    took = time.monotonic() - t0
    out = r.stdout + r.stderr
    assert r.returncode == 1 and "Traceback" not in out, out[-2000:]
    lines = [x for x in out.splitlines() if x.startswith("error ")]
    assert len(lines) == 1 and "long.txt" in lines[0] and "longer than 4 s" in lines[0], out
    assert "5 added" in out and "1 failed" in out
    assert took < 60, took


def test_a_bad_limit_in_the_environment_is_one_line(tmp_path: Path) -> None:
    env = {**os.environ, "CASEWATCH_DB": str(tmp_path / "cw.db"), "CASEWATCH_MAX_FILE_SECONDS": "soon"}
    r = subprocess.run([str(EXE), "ingest", "--case", "t", str(GOOD)], capture_output=True, text=True, env=env)
    assert r.returncode != 0 and "Traceback" not in r.stderr
    assert "CASEWATCH_MAX_FILE_SECONDS='soon' is not a number" in r.stderr
