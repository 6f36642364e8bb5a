"""Each case's summary for the list of cases, kept with the revision of the case it was made from (issue 15)."""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, text


def save(conn: Connection, case: str, revision: int, summary: dict[str, Any]) -> None:
    conn.execute(text("DELETE FROM case_summaries WHERE case_id=:c"), {"c": case})
    conn.execute(text("INSERT INTO case_summaries (case_id, revision, summary) VALUES (:c, :r, :s)"),
                 {"c": case, "r": revision, "s": json.dumps(summary, ensure_ascii=False)})


def current(conn: Connection) -> dict[str, dict[str, Any]]:
    """{case: summary} for every case whose summary was made at its present revision."""
    rows = conn.execute(text("SELECT s.case_id, s.summary FROM case_summaries s JOIN cases c ON c.id = s.case_id "
                             "WHERE s.revision = c.revision")).all()
    return {c: json.loads(s) for c, s in rows}
