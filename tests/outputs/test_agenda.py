"""The agenda: the seed case's hearings and reply window, as text and iCalendar."""
from __future__ import annotations

from datetime import date

from icalendar import Calendar

from casewatch.outputs import EXPORTERS
from casewatch.outputs.agenda import agenda_items, render_ics, render_text


def _dates(ics: bytes) -> dict[date, list]:
    cal = Calendar.from_ical(ics)
    out: dict[date, list] = {}
    for ev in cal.walk("VEVENT"):
        out.setdefault(ev.decoded("dtstart"), []).append(ev)
    return out


def test_ics_holds_trial_hearing_and_reply_due(seeds_cf):
    events = _dates(EXPORTERS["ics"](seeds_cf))
    assert date(2026, 1, 23) in events      # trial opening
    assert date(2026, 2, 19) in events      # hearing (postponed)
    assert date(2026, 5, 5) in events       # reply due: 60 days after the communication of 2026-03-06
    for evs in events.values():
        for ev in evs:
            assert isinstance(ev.decoded("dtstart"), date)          # all-day
            assert str(ev["uid"]).endswith("@casewatch")
            assert "Source:" in str(ev["description"]) and str(ev["summary"])


def test_ics_uids_are_stable(seeds_cf):
    a = [str(e["uid"]) for e in Calendar.from_ical(render_ics([seeds_cf])).walk("VEVENT")]
    b = [str(e["uid"]) for e in Calendar.from_ical(render_ics([seeds_cf])).walk("VEVENT")]
    assert a == b and len(set(a)) == len(a)


def test_every_item_cites_text_of_its_document(seeds_cf):
    docs = {d["id"]: d["text"] for d in seeds_cf["documents"]}
    items = agenda_items(seeds_cf)
    assert items
    for item in items:
        assert item.computed_from and item.evidence
        for ev in item.evidence:
            assert docs[ev["doc"]][ev["start"]:ev["end"]] == ev["quote"]


def test_reply_window_comes_from_settings(seeds_cf):
    short = [i for i in agenda_items(seeds_cf, {"un_communication": 10}) if i.kind == "reply_due"]
    assert short and all("10 days" in i.computed_from for i in short)


def test_text_splits_upcoming_and_past(seeds_cf):
    out = render_text([seeds_cf], today=date(2026, 3, 1))
    up, past = out.split("Past")
    assert "2026-05-05" in up and "2026-01-23" in past
    assert "computed from:" in out and "source:" in out
