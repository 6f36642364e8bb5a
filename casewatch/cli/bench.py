"""`casewatch benchmark`: throughput of the whole pipeline next to spaCy's own."""
from __future__ import annotations

import resource
import tempfile
import time
from pathlib import Path

import typer

from . import app, console

bench_app = typer.Typer(help="Benchmarks (figures printed, nothing asserted).", no_args_is_help=True)
app.add_typer(bench_app, name="benchmark")


@bench_app.command("seeds")
def seeds(folder: Path = typer.Argument(..., help="A folder of reports (the seeds)."),
          repeat: int = typer.Option(20, help="How many times the reports are repeated."),
          processes: int = typer.Option(1, help="Processes for spaCy's reference run.")) -> None:
    """Documents/s and words/s for ingest+extract+resolve+store, next to en_core_web_sm's full pipeline."""
    from ..extract import nlp as _nlp
    from ..ingest import iter_paths, read_bytes
    from ..pipeline import extractor, ingest_documents
    from ..settings import Settings
    from ..store import Store

    files, _ = iter_paths([folder])
    raws = [(p.name, p.read_bytes()) for p in files]
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db_url=f"sqlite:///{tmp}/bench.db")
        store = Store(settings.db_url)
        extractor()  # load the model outside the timing
        batch = []
        for i in range(repeat):
            for name, data in raws:
                # each copy differs by a trailing line, so ingest does not skip it as already there
                batch.append((f"{i}-{name}", data + f"\n\ncopy {i}\n".encode()))
        docs = [read_bytes(n, d, settings) for n, d in batch]
        words = sum(len(d.text.split()) for d in docs)
        t0 = time.perf_counter()
        rep = ingest_documents(store, "bench", [(d.filename, (lambda d=d: d)) for d in docs])
        t1 = time.perf_counter()
    ours = t1 - t0
    full = _nlp.load(full=True)
    texts = [d.text for d in docs]
    t0 = time.perf_counter()
    for _ in full.pipe(texts, batch_size=16, n_process=processes):
        pass
    ref = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    console.print(f"documents: {len(docs)} ({len(rep.added)} stored), words: {words}")
    console.print(f"casewatch ingest+extract+resolve+store: {ours:.2f} s, {len(docs) / ours:.1f} docs/s, {words / ours:,.0f} words/s")
    console.print(f"spaCy en_core_web_sm full pipeline ({processes} process): {ref:.2f} s, {len(docs) / ref:.1f} docs/s, "
                  f"{words / ref:,.0f} words/s")
    console.print(f"ratio casewatch/spaCy words/s: {ref / ours:.2f}")
    console.print(f"peak memory (this process): {peak:.0f} MiB")
