"""`casewatch benchmark hrdsattack`: the format through hrdsattack.py's loader, bad input, and the dev split."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from casewatch.cli.hrdsattack import load_scorer, run_benchmark
from casewatch.errors import InputError
from casewatch.incidents.hrdsattack import read_split
from tests.conftest import SHARED

SCORER = SHARED / "eval" / "hrdsattack.py"
DEV = SHARED / "hrdsattack" / "dev.json"
EXE = Path(sys.executable).parent / "casewatch"

# issue 3's targets on dev.json
TARGETS = {"victim_name_exact": 60, "violation_type": 75, "country": 75, "year": 65, "perpetrator_type": 65,
           "victim_type": 75}
# what the tool holds today on dev.json, less two to three points (figures in the closing note):
# a drop below these is a regression
FLOORS = {"victim_name_exact": 50, "violation_type": 65, "country": 59, "year": 50, "perpetrator_type": 65,
          "victim_type": 65}


def _item(i: int, title: str, paras: list[str], published: str, merged: dict[str, Any]) -> dict[str, Any]:
    return {"sample": {"Input.GLOBALEVENTID": i, "Input.title": title, "Input.publish_date": published + " 10:00:00",
                       "Input.article_interface": " ".join(f"<p>{p}</p>" for p in paras)},
            "annotations": [], "merged_sample": merged}


@pytest.fixture(scope="module")
def small_split(tmp_path_factory: pytest.TempPathFactory) -> Path:
    p = tmp_path_factory.mktemp("split") / "small.json"
    items = [
        _item(101, "Journalist detained in Lagos",
              ["Police in Lagos arrested the journalist Ayodele Bankole on Tuesday at his home.",
               "Bankole was held without charge, police spokesman Ibrahim Musa said."], "2020-02-20",
              {"perpetrator_mention": True, "perpetrator_type": "state actor", "violation_types": ["arbitrary detention"],
               "year": "2020", "month": "02", "date": "18", "city": "Lagos", "region": "None", "country": "Nigeria",
               "victims": [{"victim_name": "Ayodele Bankole", "victim_type": ["journalist"], "victim_sex_type": "man",
                            "victim_age_group": "adult", "victim_population_type": "individual"}]}),
        _item(102, "Union leader killed",
              ["Unknown gunmen shot dead the trade union leader Maria Lopez in Cali, Colombia, on Monday.",
               "Lopez had received threats for months, her colleagues said."], "2021-05-05",
              {"perpetrator_mention": True, "perpetrator_type": "other actors without permissions",
               "violation_types": ["killing"], "year": "2021", "month": "May", "date": "3", "city": "Cali",
               "region": "None", "country": "Colombia",
               "victims": [{"victim_name": "Maria Lopez", "victim_type": ["trade unionist"], "victim_sex_type": "woman",
                            "victim_age_group": "adult", "victim_population_type": "individual"}]}),
    ]
    p.write_text(json.dumps(items), encoding="utf-8")
    return p


def test_the_records_go_through_the_scorers_loader(small_split: Path, tmp_path: Path):
    scorer = load_scorer(SCORER)
    if scorer is None:
        pytest.skip(f"no scorer at {SCORER}")
    out = tmp_path / "preds.jsonl"
    res = run_benchmark(small_split, out, keep_db=tmp_path / "keep.db")
    assert res["records"] == 2 and (tmp_path / "keep.db").exists()
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert sorted(r["id"] for r in lines) == [101, 102]  # the document id is Input.GLOBALEVENTID
    preds = {int(r["id"]): r for r in lines}  # as hrdsattack.py reads them
    figures = scorer.score(scorer.load_key(str(small_split)), preds)
    assert figures["predicted_articles"] == 2
    assert figures["victim_name_exact"]["precision"] == 1.0  # the spokesman is not a victim
    assert figures["country"]["accuracy"] == 1.0
    assert preds[101]["perpetrator_type"] == "state actor"  # the data set's spelling in the benchmark output
    assert (preds[101]["year"], preds[101]["month"], preds[101]["day"]) == ("2020", "February", "18")


def test_the_command_prints_the_scorers_figures(small_split: Path, tmp_path: Path):
    if not SCORER.is_file():
        pytest.skip(f"no scorer at {SCORER}")
    out = tmp_path / "p.jsonl"
    r = subprocess.run([str(EXE), "benchmark", "hrdsattack", str(small_split), "-o", str(out), "--scorer", str(SCORER)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "wrote 2 incident records" in r.stdout
    assert "victim_name_exact" in r.stdout and "articles: 2 (predicted: 2)" in r.stdout


@pytest.mark.parametrize("content, reason", [
    ("", "not JSON"),
    ("{\"a\": 1}", "not an HRDsAttack split"),
    ("[{\"sample\": {}}]", "not an HRDsAttack split"),
    ("[]", "not an HRDsAttack split"),
])
def test_a_file_that_is_not_a_split_gets_one_line(tmp_path: Path, content: str, reason: str):
    p = tmp_path / "bad.json"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=reason):
        read_split(p)
    r = subprocess.run([str(EXE), "benchmark", "hrdsattack", str(p), "-o", str(tmp_path / "o.jsonl")],
                       capture_output=True, text=True)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr and "bad.json" in r.stderr and reason in r.stderr
    assert len([x for x in r.stderr.splitlines() if x.strip()]) == 1


def test_training_refuses_the_dev_split(tmp_path: Path):
    p = tmp_path / "dev.json"
    p.write_text("[]", encoding="utf-8")
    r = subprocess.run([str(EXE), "train", "hrdsattack", str(p), "-o", str(tmp_path / "m.json")],
                       capture_output=True, text=True)
    assert r.returncode == 2 and "refusing" in r.stderr and "Traceback" not in r.stderr


def test_cross_validation_needs_two_folds(tmp_path: Path):
    p = tmp_path / "train.json"
    p.write_text("[]", encoding="utf-8")
    r = subprocess.run([str(EXE), "train", "hrdsattack", str(p), "--cv", "1"], capture_output=True, text=True)
    assert r.returncode == 2 and "at least 2 folds" in r.stderr and "Traceback" not in r.stderr


@pytest.fixture(scope="module")
def dev_figures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    if not DEV.is_file() or not SCORER.is_file():
        pytest.skip(f"no HRDsAttack dev split or scorer under {SHARED}")
    out = tmp_path_factory.mktemp("dev") / "dev.jsonl"
    run_benchmark(DEV, out)
    scorer = load_scorer(SCORER)
    preds = {int(r["id"]): r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    return scorer.score(scorer.load_key(str(DEV)), preds)


def _value(figures: dict[str, Any], k: str) -> float:
    v = figures[k]
    return 100 * (v["f1"] if "f1" in v else v["accuracy"])


def test_dev_split_holds_the_floors(dev_figures: dict[str, Any]):
    assert dev_figures["predicted_articles"] == dev_figures["articles"] == 100
    low = {k: round(_value(dev_figures, k), 2) for k in FLOORS if _value(dev_figures, k) < FLOORS[k]}
    assert not low, f"below the floors {FLOORS}: {low}"


@pytest.mark.xfail(reason="issue 3's HRDsAttack targets are not all reached yet (see the closing note)", strict=True)
def test_dev_split_reaches_the_issue_targets(dev_figures: dict[str, Any]):
    low = {k: round(_value(dev_figures, k), 2) for k in TARGETS if _value(dev_figures, k) < TARGETS[k]}
    assert not low, f"below the targets {TARGETS}: {low}"
