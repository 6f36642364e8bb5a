"""The roster CSV: one row per person."""
from __future__ import annotations

import csv
import io

from casewatch.outputs import EXPORTERS


def test_one_row_per_person(seeds_cf):
    rows = list(csv.DictReader(io.StringIO(EXPORTERS["csv"](seeds_cf))))
    assert len(rows) == len(seeds_cf["persons"])
    texts = {d["id"]: d["text"] for d in seeds_cf["documents"]}
    for row, p in zip(rows, seeds_cf["persons"]):
        assert row["name"] == p["name"] and row["roles"] == "; ".join(p["roles"])
        assert row["current_measure"] == (p["current_measure"] or "")
        assert row["first_quote"] in texts[row["first_doc"]]
        assert row["first_context"] in texts[row["first_doc"]]
