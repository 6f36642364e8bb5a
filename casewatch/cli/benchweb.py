"""`casewatch benchmark web`: how long the case overview takes to render, for the seed case and for 500 reports.

The reports are the seeds (read from ../shared at run time, never copied into the tree) and the example
reports, repeated until there are enough; each copy gets a closing paragraph of its own (a dated detention of
a person no other copy names), so every copy is a distinct report and the roster grows as a real case's would.
The pages are requested through the real ASGI app (fastapi's TestClient): the first request builds the case
file, the warm ones find it in the web layer's cache (api.service.casefile, keyed by Store.version).
"""
from __future__ import annotations

import hashlib
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Optional

import typer

from . import console, err
from .bench import bench_app

FIRST = ["Aigerim", "Bakyt", "Dana", "Erlan", "Gulnara", "Nurlan", "Saule", "Timur", "Zarina", "Asel", "Daniyar", "Madina",
         "Ruslan", "Aliya", "Yerzhan", "Kamila", "Marat", "Dinara", "Askar", "Laura", "Samal", "Murat", "Indira", "Azamat"]
LAST = ["Abenova", "Bekov", "Dzhaksybekova", "Ermekov", "Ibraeva", "Kassymov", "Mukanova", "Nurpeisov", "Omarova",
        "Sadykov", "Tokayeva", "Utebayev", "Zhakupova", "Akhmetov", "Baimukhanova", "Iskakov", "Kenesova", "Suleimenov",
        "Tulegenova", "Yessenov", "Zhumabayeva", "Aubakirov"]
CITIES = ["Almaty", "Astana", "Shymkent", "Taraz", "Aktobe", "Pavlodar", "Semey", "Oral", "Kostanay", "Atyrau"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]


def _coda(i: int) -> str:
    name = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}"
    return (f"\n\nPolice in {CITIES[i % len(CITIES)]} detained the activist {name} on {i % 27 + 1} {MONTHS[i % len(MONTHS)]} 2026. "
            f"The court later placed {name} in pretrial detention for two months.\n")


def _time(fn: Callable[[], Any], n: int) -> tuple[float, float]:
    """(median, max) seconds over n calls."""
    runs = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs), max(runs)


def _measure(db_url: str, case: str, requests: int, label: str) -> None:
    from fastapi.testclient import TestClient

    from ..pipeline import build_casefile
    from ..settings import Settings
    from ..store import Store
    from ..web import create_app

    store = Store(db_url)
    from ..store.accounts import Accounts
    acc = Accounts(store)
    if "bench" not in {u["name"] for u in acc.list()}:
        import secrets
        acc.add("bench", secrets.token_urlsafe(16), "admin")  # the benchmark's own account, in its own database
    auth = {"Authorization": f"Bearer {acc.new_token('bench', 'benchmark web')}"}
    counts = store.counts(case)
    t0 = time.perf_counter()
    cf = build_casefile(store, case)
    build = time.perf_counter() - t0
    store.close()

    def get(client: TestClient, url: str) -> None:
        r = client.get(url, headers=auth)
        if r.status_code != 200:
            raise RuntimeError(f"{url}: {r.status_code}")

    with TestClient(create_app(Settings(db_url=db_url, hosts=("testserver",)))) as client:
        t0 = time.perf_counter()
        get(client, f"/cases/{case}")
        first = time.perf_counter() - t0
        warm, warm_max = _time(lambda: get(client, f"/cases/{case}"), requests)
        size = len(client.get(f"/cases/{case}", headers=auth).content)
        tl, _ = _time(lambda: get(client, f"/cases/{case}/timeline"), requests)
        sr, _ = _time(lambda: get(client, f"/search?case={case}&q=detained+pretrial"), requests)
        api, _ = _time(lambda: get(client, f"/api/search?q=detained+OR+arrested&case={case}"), requests)
    console.print(f"[bold]{label}[/bold]: {counts['documents']} documents, {counts['facts']:,} facts, "
                  f"{len(cf['persons'])} persons, {len(cf['events'])} events; overview page {size / 1024:.0f} KiB", highlight=False)
    console.print(f"  case file build (pipeline.build_casefile): {build * 1000:,.0f} ms", highlight=False)
    console.print(f"  overview, first request (builds the case file): {first * 1000:,.0f} ms", highlight=False)
    console.print(f"  overview, warm: median {warm * 1000:,.1f} ms, max {warm_max * 1000:,.1f} ms over {requests} requests",
                  highlight=False)
    console.print(f"  timeline warm median {tl * 1000:,.1f} ms; search page {sr * 1000:,.1f} ms; /api/search {api * 1000:,.1f} ms",
                  highlight=False)


@bench_app.command("web")
def web(seeds: Path = typer.Argument(Path("../shared/seeds"), help="The seed reports (read at run time)."),
        examples: Path = typer.Option(Path("examples"), help="Folder of example cases, one folder each."),
        documents: int = typer.Option(500, help="Reports in the large case."),
        requests: int = typer.Option(20, help="Warm requests per page."),
        keep: Optional[Path] = typer.Option(None, help="Keep the large case's SQLite file here (reused when it exists).")) -> None:
    """Overview render time through the ASGI app: the seed case, and a case of DOCUMENTS reports."""
    from ..ingest import iter_paths, read_bytes
    from ..pipeline import extractor, ingest_documents
    from ..settings import Settings
    from ..store import Store

    files, _ = iter_paths([seeds])
    if not files:
        raise typer.BadParameter(f"no reports in {seeds}", param_hint="SEEDS")
    more, _ = iter_paths(sorted(p for p in examples.iterdir() if p.is_dir())) if examples.is_dir() else ([], [])
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db_url=f"sqlite:///{tmp}/seed.db")
        err.print("loading the language model and ingesting the seeds …")
        extractor()
        ingest_documents(Store(settings.db_url), "seeds", [(p.name, (lambda p=p: read_bytes(p.name, p.read_bytes(), settings)))
                                                           for p in files])
        _measure(settings.db_url, "seeds", requests, "seed case")

        big = keep.resolve() if keep else Path(tmp) / "big.db"
        url = f"sqlite:///{big}"
        if not (keep and big.exists()):
            raws = [(p.name, p.read_bytes()) for p in [*files, *more]]
            batch = []
            for i in range(documents):
                name, data = raws[i % len(raws)]
                batch.append((f"{i:03d}-{name}", data, i))
            store = Store(url)
            t0 = time.perf_counter()
            err.print(f"ingesting {documents} reports ({len(raws)} distinct sources, each copy with a paragraph of its own) …")

            def load(name: str, data: bytes, i: int):  # noqa: ANN202
                doc = read_bytes(name, data, settings)
                coda = _coda(i)
                doc.text += coda  # offsets of everything before stay as they were
                doc.sha256 = hashlib.sha256(data + coda.encode()).hexdigest()
                doc.id = "d" + doc.sha256[:12]
                return doc
            rep = ingest_documents(store, "big", [(n, (lambda n=n, d=d, i=i: load(n, d, i))) for n, d, i in batch],
                                   title=f"{documents} reports")
            store.close()
            err.print(f"  {len(rep.added)} added, {len(rep.failed)} failed in {time.perf_counter() - t0:.0f} s")
        _measure(url, "big", requests, f"{documents}-report case")
