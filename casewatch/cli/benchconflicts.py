"""`casewatch benchmark conflicts`: how the search for one event told on two dates grows with the case.

Synthetic case files (six dated events and six counts per report, one of four kinds of event, dates spread over a
year) are timed through casefile.conflicts.date_conflicts.  Only events of one kind within a week of each other are
compared now, each event's ties worked out once: 300 reports took 73 CPU s before (every pair of events against
every count), 0.07 s now; what still grows is the pairs of same-kind events in one week, which this synthetic case
packs densely (issue 15: 200 of the 214 s of a 2,000-report case file were in this search).
"""
from __future__ import annotations

import random
import time

import typer

from . import console
from .bench import bench_app


def synthetic(reports: int, seed: int = 1) -> tuple[list[dict], list[dict]]:
    rnd = random.Random(seed)
    events, figures = [], []
    for d in range(reports):
        for k in range(6):
            span = {"doc": f"d{d}", "start": k * 200, "end": k * 200 + 150, "quote": "x"}
            events.append({"type": rnd.choice(["arrest", "hearing", "release", "verdict"]),
                           "date": f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}", "date_inferred": False,
                           "status": "happened", "participants": [f"p{rnd.randint(0, reports)}"], "evidence": [span]})
            figures.append({"measure": "detained", "value": rnd.randint(1, 30),
                            "evidence": [{"doc": f"d{d}", "start": k * 200 + 10, "end": k * 200 + 12, "quote": "xx"}]})
    return events, figures


@bench_app.command("conflicts")
def conflicts(reports: str = typer.Option("300,1000,3000", help="Case sizes in reports, comma-separated.")) -> None:
    """CPU seconds of the date-conflict search on synthetic cases of growing size."""
    from ..casefile.conflicts import date_conflicts
    for n in [int(x) for x in reports.split(",") if x.strip()]:
        events, figures = synthetic(n)
        t0 = time.process_time()
        found = date_conflicts(events, figures)
        cpu = time.process_time() - t0
        console.print(f"{n:>6,} reports, {len(events):>7,} events: {cpu:6.2f} CPU s "
                      f"({cpu / n * 1000:.2f} ms per report), {len(found):,} conflicts", highlight=False, soft_wrap=True)
