"""The case files of our cases must not change by accident: a speed-up that changes one is a bug.

tests/golden/casefiles.sha256 holds the SHA-256 of each example case's and the seed case's case file JSON
(`casewatch export --format casefile`) as the code made them; test_own_cases and test_seed_case compare every
case file they build with it.  A change of the reading that is meant to change case files writes the new digests:
    CASEWATCH_WRITE_DIGESTS=1 python -m pytest -q tests/casefile/test_own_cases.py tests/casefile/test_seed_case.py
and the commit says which case files changed and why.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

FILE = Path(__file__).resolve().parents[1] / "golden" / "casefiles.sha256"


def _read() -> dict[str, str]:
    if not FILE.exists():
        return {}
    return {c: d for d, c in (line.split() for line in FILE.read_text(encoding="utf-8").splitlines() if line.strip())}


def check(case: str, casefile_json: str) -> None:
    digest = hashlib.sha256(casefile_json.encode("utf-8")).hexdigest()
    known = _read()
    if os.environ.get("CASEWATCH_WRITE_DIGESTS"):
        known[case] = digest
        FILE.write_text("".join(f"{d}  {c}\n" for c, d in sorted(known.items())), encoding="utf-8")
        return
    assert case in known, f"no digest of {case}'s case file in {FILE.name}: write it (see tests/casefile/digests.py)"
    assert known[case] == digest, (f"{case}'s case file changed: a bug if the change was not meant to change the "
                                   "reading; else write the new digests (see tests/casefile/digests.py)")
