"""Our own cases (examples/, answer keys in tests/golden/): regression floors while the reading issues raise them.

The floors are the figures measured when these keys were written (see the issue notes); they only go up.
"""
from __future__ import annotations

import json
import runpy

import pytest

from casewatch.outputs import EXPORTERS
from casewatch.pipeline import build_casefile, ingest_paths
from casewatch.settings import Settings
from casewatch.store import Store
from tests.casefile import digests
from tests.conftest import EXAMPLES, ROOT, SCORER, needs_scorer

pytestmark = needs_scorer

# Floors are the figures measured at the end of session 4 (docs/first-sight.md, "now") less about 0.03, and only
# go up.  The first eight were written for issue 3 by someone who had not read the code; the other twelve are the
# open half of the cases written blind for issues 10 and 11 (their first-sight figures are in docs/first-sight.md;
# the blind half lives outside the repository and is never opened by whoever changes the reading).
FLOORS = {
    # issue 3's cases (measured 0.953, 0.926, 0.990, 0.964, 0.901, 0.915, 0.933, 0.905)
    "azerbaijan_yeni_dalga": 0.92, "belarus_minsk": 0.89, "cambodia_prey_sar": 0.96, "egypt_matariya": 0.93,
    "guatemala_xalija": 0.87, "philippines_bacolod": 0.88, "turkey_diyarbakir": 0.90, "zimbabwe_chitungwiza": 0.87,
    # issues 10 and 11, open half (measured at the end of session 6: 0.820, 0.697, 0.807, 0.791, 0.728, 0.792,
    # 0.764, 0.743, 0.712, 0.751, 0.715, 0.775, and the third wave's 0.664, 0.744; issue 10 asks 0.85 of the
    # blind half)
    "ethiopia_zone9": 0.79, "gulf_saudi_scc": 0.67, "hongkong_subversion": 0.78, "iran_revolutionary_court": 0.76,
    "kyrgyzstan_temirov": 0.70, "nicaragua_2021": 0.76, "china_tohti": 0.74, "vietnam_mushroom": 0.71,
    "india_kappan": 0.69, "thailand_paidaodin": 0.72, "russia_orlov": 0.69, "nigeria_endbadgov": 0.74,
    "algeria_hirak": 0.64, "myanmar_505a": 0.71,
    # the fourth wave's open half (session 7: first read 0.598 and 0.616; measured 0.707 and 0.681)
    "uganda_cma": 0.67, "cuba_11j": 0.65,
    # the fifth wave's open half (session 8: first read 0.749)
    "malaysia_sedition": 0.72,
    # the sixth wave's open half (session 9: first read 0.673, 0.763, 0.642)
    "honduras_guapinol": 0.71, "tajikistan_gbao": 0.74, "cameroon_anglophone": 0.68,
    # the seventh wave's open half (session 10: first read 0.662, 0.691, 0.755)
    "angola_15plus2": 0.70, "greece_lesbos": 0.72, "uzbekistan_karakalpak": 0.76,
    # the eighth wave's open half (session 11: first read 0.713, 0.751, 0.671, 0.674; measured 0.762, 0.752, 0.757, 0.732)
    "guinea_fndc": 0.73, "kenya_finance_protests": 0.72, "singapore_poa": 0.72, "venezuela_sanmiguel": 0.70,
    # the ninth wave's open half (session 12: first read 0.732, 0.582, 0.638, 0.708; measured 0.738, 0.631, 0.797,
    # 0.762)
    "jordan_cybercrime": 0.70, "mexico_defenders": 0.60, "palestine_admin": 0.76, "senegal_pastef": 0.73,
    # the tenth wave's open half (session 12, never read there: 0.675 and 0.689 on the code of its start) and the
    # eleventh's (session 13: first read 0.605 and 0.618); measured in session 13 at 0.771, 0.794, 0.786, 0.649
    "colombia_leaders": 0.74, "nepal_eta": 0.76, "bangladesh_odhikar": 0.75, "eswatini_mps": 0.62,
    # the twelfth wave's open half (session 13, never read there: 0.603 and 0.621 on the code of its start) and the
    # thirteenth's (session 14: first read 0.682, 0.706, 0.775); measured in session 14 at 0.720, 0.791, 0.784,
    # 0.747, 0.808
    "pakistan_byc": 0.69, "rwanda_rusesabagina": 0.76, "uk_jso": 0.75, "benin_criet": 0.72, "afghanistan_wesal": 0.77,
    # the fourteenth wave's open half (session 15: first read 0.745, 0.793, 0.736; measured 0.751, 0.796, 0.792)
    "philippines_tacloban": 0.72, "azerbaijan_abzas_media": 0.76, "zimbabwe_avondale78_timba": 0.76,
    # the fifteenth wave's open half (session 16: first read 0.715, 0.672, 0.804; measured 0.793, 0.710, 0.837)
    "mongolia_zarig": 0.77, "mozambique_cabodelgado": 0.69, "serbia_novisad": 0.81,
    # the sixteenth wave's open half (session 17: first read 0.805, 0.774, 0.634; measured 0.854, 0.877, 0.731)
    "armenia_sacred": 0.82, "ghana_fixthecountry": 0.84, "bolivia_camacho": 0.70,
    # the seventeenth wave's open half (session 18: first read 0.697, 0.703, 0.600; measured 0.774, 0.765, 0.715)
    "lebanon_tripoli35": 0.75, "malawi_kalindo": 0.74, "argentina_milagrosala": 0.69,
}


# false merges read at first sight and still there (issue 10 is open on them): in the Guinea case a two-word name is
# another person's three-word name without its middle word, twice ("A C" beside "A B C"); the keys of all our cases
# hold 78 such shorter forms of the same person against these two, so the resolver keeps joining them
KNOWN_MERGES = {"guinea_fndc": 2}


@pytest.mark.parametrize("case", sorted(FLOORS))
def test_own_case_is_grounded_and_holds_its_floor(case, tmp_path):
    url = f"sqlite:///{tmp_path / 'cw.db'}"
    store = Store(url)
    rep = ingest_paths(store, case, [EXAMPLES / case], Settings(db_url=url))
    assert rep.added and not rep.failed
    text = EXPORTERS["casefile"](build_casefile(store, case))
    digests.check(case, text)  # byte for byte the case file the code made before (tests/golden/casefiles.sha256)
    cf = json.loads(text)
    gold = json.load(open(ROOT / "tests" / "golden" / f"{case}.json", encoding="utf-8"))
    score = runpy.run_path(str(SCORER))["score"](gold, cf)
    assert score["grounding"]["score"] == 1.0
    assert score["documents"]["score"] == 1.0
    # never the wrong man in the dock; the merges we know of and have not mended are counted, so a new one fails
    assert len(score["persons"]["false_merges"]) <= KNOWN_MERGES.get(case, 0), score["persons"]["false_merges"]
    assert score["overall"] >= FLOORS[case], {k: v for k, v in score.items() if k != "grounding"}
