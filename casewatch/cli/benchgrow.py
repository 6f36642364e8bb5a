"""`casewatch benchmark grow`: how the cost of a case grows with its reports (issue 15).

One case grown by copies of the example reports (examples/) and the seeds (read from the shared kit at run time,
skipped when it is absent); each copy ends with a paragraph of its own naming a new invented person with a dated
arrest and a dated remand, so every copy adds a person and two events as a real report would.  At each size the
benchmark prints the cumulative CPU of the ingest (workers included, no snapshot in between), the CPU of a case-file
build, of `export` and of `show`, the overview page through the real ASGI app (first request, then warm), the cost of
adding one more report the way `casewatch ingest` does (extraction, storage, its snapshot built or, in a large case,
marked) and of `casewatch changes` after it (which builds a marked snapshot), twice (the second is shown), and
the bytes of those two snapshots as stored; then the exponent of build CPU against the number of reports, and the home page of 200 cases of
5 reports.
"""
from __future__ import annotations

import hashlib
import io
import math
import os
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import typer

from . import console, err
from .bench import _tree_cpu, bench_app
from ..pipeline import Loader
from ..settings import Settings

FIRST = ["Aigerim", "Bakyt", "Dana", "Erlan", "Gulnara", "Nurlan", "Saule", "Timur", "Zarina", "Asel", "Daniyar", "Madina",
         "Ruslan", "Aliya", "Yerzhan", "Kamila", "Marat", "Dinara", "Askar", "Laura", "Samal", "Murat", "Indira", "Azamat"]
ROOTS = ["Aben", "Bek", "Dzhaksy", "Ermek", "Ibrai", "Kassym", "Mukan", "Nurpeis", "Omar", "Sadyk", "Tokay", "Uteb",
         "Zhakup", "Akhmet", "Baimukhan", "Iskak", "Kenes", "Suleimen", "Tulegen", "Yessen", "Zhumabay", "Aubakir"]
ENDINGS = ["ov", "ekov", "aliev", "urov", "inov", "ayev", "azarov", "ulov"]
CITIES = ["Almaty", "Astana", "Shymkent", "Taraz", "Aktobe", "Pavlodar", "Semey", "Oral", "Kostanay", "Atyrau"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def invented(i: int) -> str:
    """The i-th invented person: 4,224 names before one comes back."""
    first = FIRST[i % len(FIRST)]
    root = ROOTS[(i // len(FIRST)) % len(ROOTS)]
    family = root + ENDINGS[(i // (len(FIRST) * len(ROOTS))) % len(ENDINGS)]
    return f"{first} {family}"


def coda(i: int) -> str:
    """The paragraph of copy i: a dated arrest and a dated remand of a person no other copy names."""
    name, city = invented(i), CITIES[i % len(CITIES)]
    day, month, year = i % 26 + 1, MONTHS[(i // 26) % 12], 2024 + (i // 312) % 3
    return (f"\n\nOn {day} {month} {year} police in {city} arrested the activist {name}. "
            f"On {day + 2} {month} {year} a court remanded {name} in custody for two months.\n")


@dataclass
class CopyLoader(Loader):
    """Copy `index` of a report: its bytes read as a report, with the copy's paragraph appended to the text
    (the offsets of everything before stay as they were)."""
    filename: str
    data: bytes
    index: int
    settings: Settings

    def __call__(self):  # noqa: ANN204
        from ..ingest import read_bytes
        doc = read_bytes(self.filename, self.data, self.settings)
        doc.text += coda(self.index)
        doc.sha256 = self.sha256()
        doc.id = "d" + doc.sha256[:12]
        return doc

    def sha256(self) -> str:
        return hashlib.sha256(self.data + coda(self.index).encode()).hexdigest()


def sources(examples: Path, seeds: Optional[Path]) -> list[tuple[str, bytes]]:
    from ..ingest import iter_paths
    folders = sorted(p for p in examples.iterdir() if p.is_dir()) if examples.is_dir() else []
    if seeds is not None and seeds.is_dir():
        folders.append(seeds)
    files, _ = iter_paths(folders)
    return [(f"{p.parent.name}-{p.name}", p.read_bytes()) for p in files]


def exponent(ns: list[int], ts: list[float]) -> float | None:
    """The slope of log(t) against log(n), least squares: t grows as n to this power."""
    pts = [(math.log(n), math.log(t)) for n, t in zip(ns, ts) if n > 0 and t > 0]
    if len(pts) < 2:
        return None
    mx, my = statistics.fmean(x for x, _ in pts), statistics.fmean(y for _, y in pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sxx if sxx else None


def _cpu(fn) -> tuple[float, float, Any]:  # noqa: ANN001
    """(CPU s of this process, wall s, result) of one call."""
    c0, w0 = time.process_time(), time.perf_counter()
    out = fn()
    return time.process_time() - c0, time.perf_counter() - w0, out


def _bench_account(store) -> dict[str, str]:  # noqa: ANN001
    import secrets

    from ..store.accounts import Accounts
    acc = Accounts(store)
    if "bench" not in {u["name"] for u in acc.list()}:
        acc.add("bench", secrets.token_urlsafe(16), "admin")  # the benchmark's own account, in its own database
    return {"Authorization": f"Bearer {acc.new_token('bench', 'benchmark grow')}"}


def _page(db_url: str, url: str, requests: int) -> tuple[float, float, float, int]:
    """(first request wall s, its CPU s, warm median wall s, size) of a page, through a fresh app (nothing cached)."""
    from fastapi.testclient import TestClient

    from ..store import Store
    from ..web import create_app
    store = Store(db_url)
    auth = _bench_account(store)
    store.close()
    with TestClient(create_app(Settings(db_url=db_url, hosts=("testserver",)))) as client:
        def get() -> int:
            r = client.get(url, headers=auth)
            if r.status_code != 200:
                raise RuntimeError(f"{url}: {r.status_code}")
            return len(r.content)
        cpu, first, size = _cpu(get)
        warm = []
        for _ in range(requests):
            warm.append(_cpu(get)[1])
    return first, cpu, statistics.median(warm), size


def _with_events(store, case: str) -> tuple[int, int]:  # noqa: ANN001
    """(copies, copies whose own paragraph gave an event naming its person)."""
    from sqlalchemy import text
    with store.engine.connect() as conn:
        docs = conn.execute(text("SELECT id, filename FROM documents WHERE case_id=:c"), {"c": case}).all()
        quotes: dict[str, list[str]] = {}
        for d, q in conn.execute(text("SELECT doc_id, quote FROM facts WHERE case_id=:c AND kind='event'"), {"c": case}):
            quotes.setdefault(d, []).append(q)
    n = ok = 0
    for d, fn in docs:
        idx = fn.split("-", 1)[0]
        if not idx.isdigit():
            continue
        n += 1
        name = invented(int(idx))
        ok += any(name in q for q in quotes.get(d, []))
    return n, ok


def _home(big_url: str, folder: Path, cases: int, per_case: int, requests: int) -> tuple[float, float, float, int]:
    """The home page of `cases` cases of `per_case` reports each: reports and facts copied from the grown case
    (no extraction again), each case then given its snapshot as an ingest does; then the page, first and warm."""
    from sqlalchemy import text

    from ..pipeline import save_snapshot
    from ..store import Store
    url = f"sqlite:///{folder / 'home.db'}"
    (folder / "home.db").unlink(missing_ok=True)
    store = Store(url)
    src = Store(big_url)
    with src.engine.connect() as conn:
        docs = [dict(r) for r in conn.execute(text("SELECT * FROM documents WHERE case_id='grow' ORDER BY filename"))
                .mappings()]
        facts: dict[str, list[dict[str, Any]]] = {}
        for r in conn.execute(text("SELECT * FROM facts WHERE case_id='grow' ORDER BY id")).mappings():
            facts.setdefault(r["doc_id"], []).append(dict(r))
    src.close()
    need = cases * per_case
    if len(docs) < need:
        raise typer.BadParameter(f"the grown case has {len(docs)} reports; the home page needs {need}")
    for k in range(cases):
        case = f"case-{k:03d}"
        with store.transaction() as conn:
            store.ensure_case(conn, case, f"Case {k}")
            for d in docs[k * per_case:(k + 1) * per_case]:
                conn.execute(text("INSERT INTO documents (case_id, id, sha256, filename, media_type, raw, text, title, "
                                  "publisher, published, kind, ingested_at) VALUES (:case_id, :id, :sha256, :filename, "
                                  ":media_type, :raw, :text, :title, :publisher, :published, :kind, :ingested_at)"),
                             dict(d, case_id=case))
                rows = [{k2: v for k2, v in f.items() if k2 != "id"} | {"case_id": case} for f in facts.get(d["id"], [])]
                if rows:
                    conn.execute(text("INSERT INTO facts (case_id, doc_id, kind, start_offset, end_offset, quote, data, "
                                      "extractor) VALUES (:case_id, :doc_id, :kind, :start_offset, :end_offset, :quote, "
                                      ":data, :extractor)"), rows)
            store.touch_case(conn, case)
        save_snapshot(store, case, note="benchmark")  # what an ingest does at its end
    store.close()
    return _page(url, "/", requests)


def _snapshot_sizes(store, case: str) -> list[tuple[int, str]]:  # noqa: ANN001
    """(bytes, "whole" or "delta") of each snapshot of the case as stored, oldest first (store/snapshots.py)."""
    from sqlalchemy import text
    kinds = {"d1:": "delta", "p1:": "marked"}
    with store.engine.connect() as conn:
        return [(int(n), kinds.get(head, "whole")) for n, head in conn.execute(text(
            "SELECT LENGTH(casefile), SUBSTR(casefile, 1, 3) FROM snapshots WHERE case_id=:c ORDER BY id"), {"c": case})]


def _copy(src: Path, dst: Path) -> None:
    """A SQLite database copied whole (its write-ahead log included), through SQLite's backup."""
    import sqlite3
    dst.unlink(missing_ok=True)
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    a.close()
    b.close()


@bench_app.command("grow")
def grow(sizes: str = typer.Option("50,200", help="Sizes of the case in reports, comma-separated, growing "
                                                  "(the README's figures: 50,200,800,2000)."),
         examples: Path = typer.Option(Path("examples"), help="Folder of example cases, one folder each."),
         seeds: Optional[Path] = typer.Option(None, help="The seed reports (default: $CASEWATCH_SHARED/seeds, else "
                                                         "../shared/seeds; skipped when absent)."),
         workers: int = typer.Option(min(2, os.cpu_count() or 1), "--workers", min=1, help="Extraction processes."),
         requests: int = typer.Option(20, help="Warm requests per page."),
         home: int = typer.Option(200, help="Cases of 5 reports on the home page (0: not measured)."),
         keep: Optional[Path] = typer.Option(None, help="Keep the databases in this folder (a grown case found there "
                                                        "at each size is reused, so a second run measures the same "
                                                        "reports without ingesting them again).")) -> None:
    """CPU of ingest, case-file build, export and show, adding one report, and the overview page, as one case grows."""
    from rich.console import Console
    from rich.table import Table

    from ..outputs import EXPORTERS
    from ..pipeline import build_casefile, extractor, ingest_documents
    from .act import change_report
    from ..store import Store
    from .show import render

    ns = sorted({int(x) for x in sizes.split(",") if x.strip()})
    if seeds is None:
        shared = Path(os.environ.get("CASEWATCH_SHARED", "../shared"))
        seeds = shared / "seeds"
    pool = sources(examples, seeds)
    if not pool:
        raise typer.BadParameter(f"no reports in {examples} nor {seeds}", param_hint="--examples")
    err.print(f"{len(pool)} distinct reports ({'with' if seeds.is_dir() else 'without'} the seeds); "
              "loading the language model …")
    extractor()  # loaded once, before any timing (adding one report runs in this process)
    tmp = tempfile.TemporaryDirectory()
    folder = keep.resolve() if keep else Path(tmp.name)
    folder.mkdir(parents=True, exist_ok=True)
    for stale in ("grow.db", "grow.db-wal", "grow.db-shm"):  # the working copy: made again from nothing or a kept size
        (folder / stale).unlink(missing_ok=True)
    url = f"sqlite:///{folder / 'grow.db'}"
    store = Store(url)
    settings = Settings(db_url=url)
    case = "grow"
    rows: list[dict[str, Any]] = []
    ingest_cpu = 0.0
    extra = int(time.time()) % 100000  # adding one report: a copy number no other run used
    for n in ns:
        kept = folder / f"grow-{n}.db"
        if keep and kept.exists():  # this size ingested by an earlier run: measured on the same reports
            store.close()
            _copy(kept, folder / "grow.db")
            store = Store(url)
            ingest_cpu = math.nan
            added_now = 0
        else:
            batch = [(f"{i:05d}-{pool[i % len(pool)][0]}", CopyLoader(f"{i:05d}-{pool[i % len(pool)][0]}",
                                                                       pool[i % len(pool)][1], i, settings))
                     for i in range(n)]
            err.print(f"ingesting up to {n} reports …")
            c0 = _tree_cpu()
            rep = ingest_documents(store, case, batch, title=f"grown to {n} reports", snapshot=False, workers=workers)
            ingest_cpu += _tree_cpu() - c0
            added_now = len(rep.added)
            if keep:
                _copy(folder / "grow.db", kept)
        counts = store.counts(case)
        if not rows:
            build_casefile(store, case)  # once untimed: the vocabularies and patterns are read at the first build
        build, _, cf = _cpu(lambda: build_casefile(store, case))
        export, _, _ = _cpu(lambda: EXPORTERS["casefile"](build_casefile(store, case)))
        show, _, _ = _cpu(lambda: render(Console(file=io.StringIO(), width=160), build_casefile(store, case)))
        first, first_cpu, warm, size = _page(url, f"/cases/{case}", requests)
        # adding one report as `casewatch ingest` does, then `casewatch changes`; twice, the second measured: the
        # first compares with whatever snapshot the case had (a kept database's may be of a much smaller case)
        adds = []
        for k in range(2):
            i = 100000 + extra * 10 + 2 * len(rows) + k
            name = f"{i:06d}-extra-{pool[i % len(pool)][0]}"
            add_cpu, add_wall, added = _cpu(lambda: ingest_documents(
                store, case, [(name, CopyLoader(name, pool[i % len(pool)][1], i, settings))]))
            changes_cpu, _, _ = _cpu(lambda: change_report(store, case))
            adds.append((add_cpu, add_wall, bool(added.added), changes_cpu))
        snaps = _snapshot_sizes(store, case)
        copies, with_events = _with_events(store, case)
        rows.append({"n": counts["documents"], "facts": counts["facts"], "added": added_now, "ingest": ingest_cpu,
                     "build": build, "export": export, "show": show, "add_cpu": adds[1][0], "add_wall": adds[1][1],
                     "changes_cpu": adds[1][3], "snaps": snaps,
                     "first": first, "first_cpu": first_cpu, "warm": warm, "size": size, "persons": len(cf["persons"]),
                     "events": len(cf["events"]), "copies": copies, "with_events": with_events,
                     "added_one": all(a[2] for a in adds)})
        r = rows[-1]
        err.print(f"  {r['n']} reports, {r['facts']:,} facts, {r['persons']} persons, {r['events']} events; build "
                  f"{build:.2f} CPU s; add one {r['add_wall']:.2f} s ({r['add_cpu']:.2f} CPU s), then changes "
                  f"{r['changes_cpu']:.2f} CPU s; overview first {first:.2f} s, warm {warm * 1000:.1f} ms",
                  highlight=False)
    t = Table(title="One case grown by copies of the example and seed reports, each naming a new person "
                    "with a dated arrest and remand")
    t.add_column("", justify="left", no_wrap=True)
    for r in rows:
        t.add_column(f"{r['n']:,}", justify="right")
    lines = [
        ("facts / persons / events", lambda r: f"{r['facts']:,} / {r['persons']:,} / {r['events']:,}"),
        ("copies whose paragraph gave its events", lambda r: f"{r['with_events']:,} of {r['copies']:,}"),
        ("ingest CPU s (cumulative)", lambda r: "kept" if math.isnan(r["ingest"]) else f"{r['ingest']:.0f}"),
        ("case-file build CPU s", lambda r: f"{r['build']:.2f}"),
        ("export / show CPU s", lambda r: f"{r['export']:.2f} / {r['show']:.2f}"),
        ("adding one report, s (CPU)", lambda r: f"{r['add_wall']:.2f} ({r['add_cpu']:.2f})"),
        ("`changes` after it, CPU s", lambda r: f"{r['changes_cpu']:.2f}"),
        ("the two snapshots, KiB (whole or delta)", lambda r: " / ".join(f"{b / 1024:,.0f} {k}" for b, k in r["snaps"][-2:])),
        ("overview first request, s (CPU)", lambda r: f"{r['first']:.2f} ({r['first_cpu']:.2f})"),
        ("overview warm, ms (median)", lambda r: f"{r['warm'] * 1000:.1f}"),
        ("overview page KiB", lambda r: f"{r['size'] / 1024:.0f}"),
    ]
    for label, fn in lines:
        t.add_row(label, *[fn(r) for r in rows])
    console.print(t)
    k = exponent([r["n"] for r in rows], [r["build"] for r in rows])
    if k is not None:
        console.print(f"case-file build CPU grows as N^[bold]{k:.2f}[/bold] (least squares over log-log)", highlight=False)
    store.close()
    if home:
        first, cpu, warm, size = _home(url, folder, home, 5, requests)
        console.print(f"home page of {home} cases of 5 reports: first request {first:.2f} s ({cpu:.2f} CPU s), warm "
                      f"median {warm * 1000:.1f} ms, {size / 1024:.0f} KiB", highlight=False)
    tmp.cleanup()
