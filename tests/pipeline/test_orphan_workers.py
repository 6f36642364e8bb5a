"""An ingest killed with -9 leaves no extraction worker behind (each has a watchdog on the ingest's process)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil

from tests.conftest import EXAMPLES


def test_workers_end_when_the_ingest_is_killed(tmp_path: Path):
    exe = Path(sys.executable).parent / "casewatch"
    env = {**os.environ, "CASEWATCH_DB": str(tmp_path / "k.db")}
    folders = [str(p) for p in sorted(EXAMPLES.iterdir()) if p.is_dir()][:4]
    p = subprocess.Popen([str(exe), "ingest", "--case", "k", "--workers", "2", *folders],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    main = psutil.Process(p.pid)
    deadline = time.monotonic() + 60
    kids: list[psutil.Process] = []
    while time.monotonic() < deadline and len(kids) < 3:  # the forkserver and two workers
        kids = main.children(recursive=True)
        time.sleep(0.2)
    assert len(kids) >= 2, "the workers never started"
    os.kill(p.pid, signal.SIGKILL)
    p.wait()
    gone, alive = psutil.wait_procs(kids, timeout=10)
    assert not alive, [(k.pid, k.cmdline()[:3]) for k in alive]
