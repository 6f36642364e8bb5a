"""`casewatch benchmark`: throughput of the whole pipeline next to spaCy's own."""
from __future__ import annotations

import os
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Callable

import typer

from . import app, console

bench_app = typer.Typer(help="Benchmarks (figures printed, nothing asserted).", no_args_is_help=True)
app.add_typer(bench_app, name="benchmark")


def _tree_rss(root: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (0 once it has gone)."""
    import psutil
    try:
        top = psutil.Process(root)
        procs = [top] + top.children(recursive=True)
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:  # ended between the listing and the reading
            pass
    return total


def _tree_cpu() -> float:
    """CPU seconds used so far by this process and its descendants, those that ended included (as their parents'
    children's times: the forkserver reaps casewatch's workers, spaCy's side joins its own)."""
    import psutil
    me = psutil.Process()
    total = 0.0
    for p in [me] + me.children(recursive=True):
        try:
            t = p.cpu_times()
        except psutil.Error:
            continue
        total += t.user + t.system + t.children_user + t.children_system
    return total


class _PeakSampler(threading.Thread):
    """Samples the summed RSS of a process tree (a side's main process and its workers) every `interval` s."""

    def __init__(self, root: int, interval: float = 0.05):
        super().__init__(daemon=True)
        self.root, self.interval, self.peak = root, interval, 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.peak = max(self.peak, _tree_rss(self.root))
            self._stop_event.wait(self.interval)

    def stop(self) -> int:
        self._stop_event.set()
        self.join()
        return self.peak


def _casewatch_side(conn: Any, db_url: str, folder: str, workers: int) -> None:
    """In a fresh process: ingest+extract+resolve+store of every file of `folder`, timed end to end."""
    from ..pipeline import ingest_paths
    from ..settings import Settings
    from ..store import Store
    try:
        settings = Settings(db_url=db_url)
        store = Store(db_url)
        t0 = time.perf_counter()
        rep = ingest_paths(store, "bench", [Path(folder)], settings, workers=workers,
                           progress=lambda name: conn.send(("step", 1)))
        seconds = time.perf_counter() - t0
        conn.send(("done", {"seconds": seconds, "cpu": _tree_cpu(), "stored": len(rep.added), "failed": len(rep.failed)}))
    except Exception as e:  # noqa: BLE001  (reported by the parent as one line)
        conn.send(("error", f"{type(e).__name__}: {e}"))


def _spacy_side(conn: Any, texts: list[str], processes: int, batch_size: int) -> None:
    """In a fresh process: en_core_web_sm's full pipeline over the same texts, spaCy's import and the model's
    loading included (casewatch's workers import spaCy and load their model inside its timing too)."""
    try:
        t0 = time.perf_counter()
        from ..extract import nlp as _nlp
        full = _nlp.load(full=True)
        for _ in full.pipe(texts, batch_size=batch_size, n_process=processes):
            conn.send(("step", 1))
        seconds = time.perf_counter() - t0
        conn.send(("done", {"seconds": seconds, "cpu": _tree_cpu()}))
    except Exception as e:  # noqa: BLE001
        conn.send(("error", f"{type(e).__name__}: {e}"))


def _run_side(label: str, target: Callable[..., None], args: tuple, total: int) -> dict[str, Any]:
    """Run one side in a fresh process, with a progress bar; its figures, and the peak RSS of its process tree."""
    import multiprocessing

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..errors import CasewatchError
    ctx = multiprocessing.get_context("spawn")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=target, args=(send, *args), daemon=False)
    result: dict[str, Any] | None = None
    with Progress(TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True, disable=not console.is_terminal) as prog:
        task = prog.add_task(label, total=total)
        proc.start()
        send.close()
        sampler = _PeakSampler(proc.pid)
        sampler.start()
        try:
            while result is None:
                if not recv.poll(0.2):
                    if not proc.is_alive():
                        raise CasewatchError(f"benchmark: the {label} run ended without a result (exit code {proc.exitcode})")
                    continue
                kind, value = recv.recv()
                if kind == "step":
                    prog.advance(task, value)
                elif kind == "error":
                    raise CasewatchError(f"benchmark: the {label} run failed: {value}")
                else:
                    result = value
        finally:
            peak = sampler.stop()
            proc.join(timeout=60)
            if proc.is_alive():
                proc.kill()
    result["peak"] = peak
    return result


@bench_app.command("seeds")
def seeds(folder: Path = typer.Argument(..., help="A folder of reports (the seeds)."),
          repeat: int = typer.Option(20, help="How many times the reports are repeated."),
          docs: int = typer.Option(0, "--docs", min=0, help="How many documents (the reports in turn); overrides --repeat."),
          workers: int = typer.Option(os.cpu_count() or 1, "--workers", min=1, help="casewatch's extraction processes."),
          processes: int = typer.Option(os.cpu_count() or 1, "--processes", min=1,
                                        help="Processes for spaCy's reference run (nlp.pipe n_process)."),
          batch_size: int = typer.Option(16, "--batch-size", min=1, help="nlp.pipe batch size for spaCy's run."),
          rounds: int = typer.Option(1, "--rounds", min=1,
                                     help="Runs of each side, taken in turn; the fastest of each is shown.")) -> None:
    """Documents/s and words/s for ingest+extract+resolve+store, next to en_core_web_sm's full pipeline.

    Each side runs in a fresh process with its own workers, models loaded inside the timing; peak
    memory is the sum of the resident memory of that process and all its workers, sampled every 50 ms.
    Every copy of a report differs by a numbered last line, so ingest does not skip it as already there.
    """
    from rich.table import Table

    from ..errors import CasewatchError
    from ..ingest import iter_paths, read_path
    from ..settings import Settings

    files, _ = iter_paths([folder])
    if not files:
        raise CasewatchError(f"{folder}: no reports to read")
    raws = [(p.name, p.read_bytes()) for p in files]
    n = docs or repeat * len(raws)
    ours: list[dict[str, Any]] = []
    ref: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "reports"
        src.mkdir()
        for i in range(n):
            name, data = raws[i % len(raws)]
            (src / f"{i:05d}-{name}").write_bytes(data + f"\n\ncopy {i}\n".encode())
        settings = Settings(db_url="")
        texts = [read_path(p, settings).text for p in sorted(src.iterdir())]  # what both sides read
        words = sum(len(t.split()) for t in texts)
        for r in range(rounds):
            db = Path(tmp) / f"bench{r}.db"
            tag = f" (round {r + 1}/{rounds})" if rounds > 1 else ""
            ours.append(_run_side(f"casewatch, {workers} worker{'s' if workers > 1 else ''}{tag}", _casewatch_side,
                                  (f"sqlite:///{db}", str(src), workers), n))
            db.unlink(missing_ok=True)
            ref.append(_run_side(f"spaCy full pipeline, {processes} process{'es' if processes > 1 else ''}{tag}",
                                 _spacy_side, (texts, processes, batch_size), n))
    cw = min(ours, key=lambda x: x["seconds"])
    sp = min(ref, key=lambda x: x["seconds"])
    cw_peak = max(x["peak"] for x in ours)
    sp_peak = max(x["peak"] for x in ref)

    mib = 1024 * 1024
    t = Table(title=f"{n} documents, {words:,} words ({cw['stored']} stored, {cw['failed']} failed)",
              caption="casewatch: ingest+extract+resolve+store. spaCy: en_core_web_sm's full pipeline (nlp.pipe "
                      "n_process). Each from a fresh process, models loaded inside the timing"
                      + (f", fastest of {rounds} rounds" if rounds > 1 else "")
                      + ". CPU: user+system seconds of the process and all its workers"
                      ". Peak: RSS summed over the process and all its workers.")
    for col in ("run", "processes", "seconds", "docs/s", "words/s", "CPU s", "peak MiB"):
        t.add_column(col, justify="left" if col == "run" else "right", no_wrap=True)
    t.add_row("casewatch", f"{workers}", f"{cw['seconds']:.2f}", f"{n / cw['seconds']:.1f}",
              f"{words / cw['seconds']:,.0f}", f"{cw['cpu']:.1f}", f"{cw_peak / mib:,.0f}")
    t.add_row("spaCy full", f"{processes}", f"{sp['seconds']:.2f}", f"{n / sp['seconds']:.1f}",
              f"{words / sp['seconds']:,.0f}", f"{sp['cpu']:.1f}", f"{sp_peak / mib:,.0f}")
    console.print(t)
    console.print(f"ratio casewatch/spaCy words/s: [bold]{sp['seconds'] / cw['seconds']:.2f}[/bold]; "
                  f"casewatch peak memory {cw_peak / mib:,.0f} MiB "
                  f"({'under' if cw_peak < 1024 * mib else 'over'} 1 GiB)", highlight=False)
from . import benchweb  # noqa: E402,F401  (registers `benchmark web`)
from . import benchconflicts  # noqa: E402,F401  (registers `benchmark conflicts`)
from . import benchgrow  # noqa: E402,F401  (registers `benchmark grow`)
from . import benchqueue  # noqa: E402,F401  (registers `benchmark queue`)
