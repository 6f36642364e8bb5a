"""Our own cases (examples/, answer keys in tests/golden/): regression floors while issue 3 raises them.

The floors are the figures measured when these keys were written (see the issue notes); they only go up.
"""
from __future__ import annotations

import json
import runpy

import pytest

from casewatch.pipeline import build_casefile, ingest_paths
from casewatch.settings import Settings
from casewatch.store import Store
from tests.conftest import EXAMPLES, ROOT, SCORER

# measured (final run of session 3): azerbaijan 0.950, belarus 0.911, cambodia 0.991, egypt 0.964,
# guatemala 0.910, philippines 0.919, turkey 0.910, zimbabwe 0.896. turkey_diyarbakir (0.782 when first read),
# philippines_bacolod (0.502), belarus_minsk (0.732), egypt_matariya (0.645) and cambodia_prey_sar (0.675) were
# written after the code by someone who had not read it; issue 3 asks 0.85 on each, reached with general
# reading rules.
FLOORS = {"azerbaijan_yeni_dalga": 0.85, "belarus_minsk": 0.85, "guatemala_xalija": 0.85, "philippines_bacolod": 0.85,
          "turkey_diyarbakir": 0.85, "zimbabwe_chitungwiza": 0.85, "egypt_matariya": 0.85,
          "cambodia_prey_sar": 0.85}


@pytest.mark.parametrize("case", sorted(FLOORS))
def test_own_case_is_grounded_and_holds_its_floor(case, tmp_path):
    url = f"sqlite:///{tmp_path / 'cw.db'}"
    store = Store(url)
    rep = ingest_paths(store, case, [EXAMPLES / case], Settings(db_url=url))
    assert rep.added and not rep.failed
    cf = json.loads(json.dumps(build_casefile(store, case)))
    gold = json.load(open(ROOT / "tests" / "golden" / f"{case}.json", encoding="utf-8"))
    score = runpy.run_path(str(SCORER))["score"](gold, cf)
    assert score["grounding"]["score"] == 1.0
    assert score["documents"]["score"] == 1.0
    assert score["overall"] >= FLOORS[case], {k: v for k, v in score.items() if k != "grounding"}
