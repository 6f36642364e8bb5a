"""An example case of our own (examples/zimbabwe_chitungwiza) through every output."""
from __future__ import annotations

import csv
import io
import json
import re
from datetime import timedelta

from followthemoney import model
from icalendar import Calendar

from casewatch.outputs import EXPORTERS
from casewatch.outputs.common import day
from casewatch.settings import Settings

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def test_example_outputs(example_cf):
    cf = example_cf
    # agenda: every dated UN communication has its reply window; every dated hearing is there
    starts = {ev.decoded("dtstart") for ev in Calendar.from_ical(EXPORTERS["ics"](cf)).walk("VEVENT")}
    windows = Settings().reply_window_days
    for d in cf["documents"]:
        if d["kind"] == "un_communication" and day(d["published"]):
            assert day(d["published"]) + timedelta(days=windows["un_communication"]) in starts
    for e in cf["events"]:
        if e["type"] in ("trial_opened", "hearing", "hearing_postponed") and day(e["date"]):
            assert day(e["date"]) in starts
    # appeal: every address under an "Addresses" heading of an urgent appeal becomes a recipient
    listed = set()
    for d in cf["documents"]:
        m = re.search(r"^Addresses:?\s*$(.*?)(?:\n\s*\n(?!\s*-)|\Z)", d["text"], re.MULTILINE | re.DOTALL)
        if m:
            listed |= set(EMAIL.findall(m.group(1)))
    letter = EXPORTERS["appeal"](cf)
    assert listed and listed <= set(EMAIL.findall(letter.split("Your Excellencies")[0]))
    # ftm and csv
    for line in EXPORTERS["ftm"](cf).splitlines():
        p = model.get_proxy(json.loads(line), cleaned=False)
        p.schema.validate(p.to_dict())
    assert len(list(csv.DictReader(io.StringIO(EXPORTERS["csv"](cf))))) == len(cf["persons"])
