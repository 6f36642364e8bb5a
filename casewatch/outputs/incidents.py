"""`incidents`: one casewatch.incident/1 record per document, as JSON lines (INCIDENT.md)."""
from __future__ import annotations

import json
from typing import Any

from ..incidents import build_records
from . import exporter


@exporter("incidents")
def incidents_jsonl(cf: dict[str, Any]) -> str:
    """Who was attacked, what was done, by whom, where and when: one JSON record per document."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in build_records(cf))
