"""`casewatch benchmark hrdsattack` and `casewatch train hrdsattack`: the
HRDsAttack data set (../shared/hrdsattack) read through the whole pipeline.

Each article becomes one document of its own case in a throw-away SQLite
database (its publication date as the document's date, its
Input.GLOBALEVENTID as the document's id), so resolution never joins
namesakes across unrelated articles.
"""
from __future__ import annotations

import importlib.util
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Optional

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..errors import CasewatchError
from . import app, console, err
from .bench import bench_app

train_app = typer.Typer(help="Train the statistical components (on a training split only).", no_args_is_help=True)
app.add_typer(train_app, name="train")

ROOT = Path(__file__).resolve().parents[2]


def shared_dir() -> Path:
    return Path(os.environ.get("CASEWATCH_SHARED") or ROOT.parent / "shared")


def _progress() -> Progress:
    return Progress(TextColumn("[bold]{task.fields[stage]}"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.description}"), TimeElapsedColumn(), console=err, transient=True)


def _stepper(prog: Progress, task: Any) -> Callable[[str], None]:
    seen = {"n": 0}

    def step(name: str) -> None:
        prog.update(task, completed=seen["n"], description=name)
        seen["n"] += 1
    return step


def read_articles(store: Any, data: Path, on_item: Callable[[str], None] = lambda s: None) -> list[tuple[Any, dict[str, Any]]]:
    """Ingest every article of a split, each into its own case; -> (article, case file) pairs."""
    from ..incidents.hrdsattack import read_split
    from ..ingest import read_bytes
    from ..pipeline import build_casefile, ingest_documents
    from ..settings import Settings

    articles = read_split(data)
    settings = Settings(db_url=store.url)
    out = []
    for a in articles:
        on_item(str(a.id))
        case = f"hrdsattack-{a.id}"

        def load(a=a):  # noqa: ANN001, ANN202
            doc = read_bytes(f"{a.id}.txt", a.text.encode("utf-8"), settings, published=a.published or None,
                             title=a.title or None)
            doc.id = str(a.id)
            return doc
        rep = ingest_documents(store, case, [(f"{a.id}", load)], title=a.title or None, snapshot=False)
        if rep.failed:
            err.print(f"[yellow]skipped[/yellow] {escape(str(rep.failed[0]))}", highlight=False)
            continue
        out.append((a, build_casefile(store, case)))
    return out


def _with_store(fn: Callable[[Any], Any], keep_db: Path | None) -> Any:
    from ..store import Store
    if keep_db is not None:
        keep_db.unlink(missing_ok=True)
        store = Store(f"sqlite:///{keep_db.resolve()}")
        try:
            return fn(store)
        finally:
            store.close()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/hrdsattack.db")
        try:
            return fn(store)
        finally:
            store.close()


def run_benchmark(data: Path, output: Path, keep_db: Path | None = None,
                  on_total: Callable[[int], None] = lambda n: None,
                  on_item: Callable[[str], None] = lambda s: None) -> dict[str, Any]:
    """Ingest, extract, resolve and build the incident records of a split; write them as JSON lines
    (in the data set's label spellings, see incidents.hrdsattack.to_dataset_labels)."""
    from ..incidents import build_records, models
    from ..incidents.hrdsattack import read_split, to_dataset_labels

    on_total(len(read_split(data)))
    models()  # a missing model fails before the long part
    t0 = time.perf_counter()

    def run(store: Any) -> list[dict[str, Any]]:
        recs = []
        for _, cf in read_articles(store, data, on_item):
            recs += build_records(cf)
        return recs
    records = _with_store(run, keep_db)
    seconds = time.perf_counter() - t0
    tmp = output.with_name(output.name + ".part")
    with open(tmp, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(to_dataset_labels(r), ensure_ascii=False) + "\n")
    os.replace(tmp, output)
    return {"records": len(records), "seconds": seconds}


def load_scorer(path: Path | None = None) -> Any:
    """../shared/eval/hrdsattack.py as a module (read from there, never copied into the project)."""
    p = path or shared_dir() / "eval" / "hrdsattack.py"
    if not p.is_file():
        return None
    spec = importlib.util.spec_from_file_location("hrdsattack_scorer", p)
    if spec is None or spec.loader is None:
        return None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@bench_app.command("hrdsattack")
def hrdsattack(data: Path = typer.Argument(..., help="An HRDsAttack split (e.g. ../shared/hrdsattack/dev.json)."),
               output: Path = typer.Option(..., "-o", "--output", help="Where to write the incident records (JSON lines)."),
               keep_db: Optional[Path] = typer.Option(None, "--keep-db", help="Keep the SQLite database here."),
               scorer: Optional[Path] = typer.Option(None, "--scorer", help="hrdsattack.py (default: "
                                                     "$CASEWATCH_SHARED/eval/hrdsattack.py, else ../shared/eval/).")) -> None:
    """Each article through the whole pipeline into incident records, scored by the data set's metrics."""
    with _progress() as prog:
        task = prog.add_task("loading the language model", total=None, stage="reading")
        res = run_benchmark(data, output, keep_db, on_total=lambda n: prog.update(task, total=n),
                            on_item=_stepper(prog, task))
    console.print(f"wrote {res['records']} incident records to {output} in {res['seconds']:.1f} s "
                  f"({res['records'] / max(res['seconds'], 1e-9):.1f} articles/s)", highlight=False, soft_wrap=True)
    mod = load_scorer(scorer)
    if mod is None:
        err.print("[yellow]no scorer[/yellow]: hrdsattack.py not found (set CASEWATCH_SHARED or --scorer)")
        return
    mod.main([str(data), str(output)])


@train_app.command("hrdsattack")
def train_hrdsattack(data: Path = typer.Argument(..., help="HRDsAttack's training split (train.json; never dev.json)."),
                     output: Optional[Path] = typer.Option(None, "-o", "--output",
                                                           help="Where to write the weights (default: the package's "
                                                                "incidents/data/model.json)."),
                     cv: int = typer.Option(0, "--cv", help="Instead of training: N-fold cross-validation on "
                                                            "the split, scored by hrdsattack.py (nothing written).")
                     ) -> None:
    """Train the incident classifiers (fixed seeds, reproducible) and write their weights."""
    from ..incidents.build import MODEL_FILE
    from ..incidents.hrdsattack import read_split
    from ..incidents.train import cross_validate, train, vocabulary_size
    from ..incidents.view import DocView

    if data.stem.lower() in {"dev", "test", "validation"}:
        raise CasewatchError(f"{data}: refusing to train on a development or test split (train on train.json)")
    if cv == 1 or cv < 0:
        raise CasewatchError("--cv needs at least 2 folds")
    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise CasewatchError("training needs scikit-learn: pip install -e '.[train]'") from None
    out = output or MODEL_FILE
    t0 = time.perf_counter()
    if cv:
        if cv < 2:
            raise CasewatchError("--cv needs at least 2 folds")
        mod = load_scorer()
        if mod is None:
            raise CasewatchError("--cv needs hrdsattack.py (set CASEWATCH_SHARED)")
        with _progress() as prog:
            task = prog.add_task("loading the language model", total=len(read_split(data)), stage="reading")

            def run_cv(store: Any) -> dict[int, dict[str, Any]]:
                pairs = read_articles(store, data, on_item=_stepper(prog, task))
                items = [(DocView.from_casefile(cf, cf["documents"][0]), a.answer) for a, cf in pairs]
                prog.update(task, stage="cross-validating", total=None, description="")
                return cross_validate(items, [a.id for a, _ in pairs], cv,
                                      progress=lambda s: prog.update(task, description=s))
            preds = _with_store(run_cv, None)
        figures = mod.score(mod.load_key(str(data)), preds)
        console.print(f"{cv}-fold cross-validation on {data} in {time.perf_counter() - t0:.0f} s", highlight=False)
        for k, v in figures.items():
            if isinstance(v, dict) and "f1" in v:
                console.print(f"{k:22s} P={100*v['precision']:6.2f} R={100*v['recall']:6.2f} F1={100*v['f1']:6.2f}",
                              highlight=False)
            elif isinstance(v, dict):
                console.print(f"{k:22s} accuracy={100*v['accuracy']:6.2f}", highlight=False)
        return
    with _progress() as prog:
        task = prog.add_task("loading the language model", total=len(read_split(data)), stage="reading")

        def run(store: Any) -> dict[str, Any]:
            pairs = read_articles(store, data, on_item=_stepper(prog, task))
            items = [(DocView.from_casefile(cf, cf["documents"][0]), a.answer) for a, cf in pairs]
            prog.update(task, stage="training", total=None, description="")
            return train(items, progress=lambda s: prog.update(task, description=s))
        spec = _with_store(run, None)
    tmp = out.with_name(out.name + ".part")
    tmp.write_text(json.dumps(spec, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, out)
    console.print(f"trained on {spec['trained_on']} articles in {time.perf_counter() - t0:.0f} s: "
                  f"{vocabulary_size(spec)} weighted features, {out.stat().st_size // 1024} KB -> {out}",
                  highlight=False, soft_wrap=True)
