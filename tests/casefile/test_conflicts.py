"""Conflicts between sources, and what is not one: small groups that grow, a story told in order."""
from __future__ import annotations

from casewatch.casefile.conflicts import find_conflicts
from casewatch.model import Claim, Evidence, Extraction


def fig(measure: str, value: int, doc: str) -> dict:
    return {"measure": measure, "value": value, "evidence": [{"doc": doc, "start": 0, "end": 2, "quote": "xx"}]}


def claim(doc: str, topic: str, value: str, subject: str | None = None) -> tuple[str, Claim]:
    return doc, Claim(topic=topic, value=value, subject=subject, evidence=[Evidence(doc, 0, 2, "xx")])


class Ent:
    kind = "person"

    def __init__(self, name: str):
        self.id, self.name = "p-" + name.lower().replace(" ", "-"), name


def run(claims=(), figures=()):
    exs: dict[str, Extraction] = {}
    for d, c in claims:
        exs.setdefault(d, Extraction(doc=d)).claims.append(c)
    conflicts, _ = find_conflicts(exs, lambda d, n: Ent(n), list(figures), [])
    return conflicts


def test_counts_that_drift_between_sources_conflict_but_small_groups_that_grow_do_not():
    drift = run(figures=[fig("detained", 26, "a"), fig("detained", 29, "b")])
    assert [sorted(c["value"] for c in x["claims"]) for x in drift] == [["26", "29"]]
    assert run(figures=[fig("detained", 3, "a"), fig("detained", 4, "b"), fig("detained", 5, "c")]) == []
    assert run(figures=[fig("detained", 26, "a"), fig("detained", 4, "b")]) == []   # two groups
    assert run(figures=[fig("detained", 26, "a"), fig("detained", 29, "a")]) == []  # one source, both numbers


def run_values(claims, dates=None):
    from casewatch.casefile.claims import value_conflicts
    from casewatch.model import Document
    exs: dict[str, Extraction] = {}
    for d, c in claims:
        exs.setdefault(d, Extraction(doc=d)).claims.append(c)
    docs = [Document(sha256=d * 64, filename=d, media_type="text/plain", text="", id=d, published=(dates or {}).get(d))
            for d in exs]
    return value_conflicts(exs, docs, lambda d, n: Ent(n), set())[0]


def test_amounts_need_a_source_on_each_side_alone():
    assert len(run_values([claim("a", "amount.seized", "EUR 40,000"), claim("b", "amount.seized", "EUR 30,000")])) == 1
    assert run_values([claim("a", "amount.bail", "USD 50"), claim("a", "amount.bail", "USD 100"),
                       claim("b", "amount.bail", "USD 50")]) == []
    # two currencies have no rate between them; rials and tomans do (ten rials a toman)
    assert run_values([claim("a", "amount.bail", "USD 60,000"), claim("b", "amount.bail", "IRR 30,000,000,000")]) == []


def test_ages_and_terms_conflict_only_where_time_does_not_explain_them():
    two = [claim("a", "age", "31", "Ana Pop"), claim("b", "age", "32", "Ana Pop")]
    assert len(run_values(two, {"a": "2022-11-01", "b": "2022-11-20"})) == 1   # the same month: one is wrong
    assert run_values(two, {"a": "2022-11-01", "b": "2023-09-01"}) == []       # a birthday between the reports
    assert run_values([claim("a", "age", "24", "Ana Pop"), claim("b", "age", "28", "Ana Pop")],
                      {"a": "2021-03-01", "b": "2024-11-01"}) == []
    terms = [claim("a", "term", "7 years 3 months", "Ana Pop"), claim("b", "term", "7 years 9 months", "Ana Pop")]
    assert len(run_values(terms)) == 1
    cut = Claim(topic="term", value="5 years", subject="Ana Pop", evidence=[Evidence("b", 0, 2, "xx")], update=True)
    assert run_values([terms[0], ("b", cut)]) == []  # reduced on appeal: an update, not a conflict


def test_ages_a_year_apart_told_within_three_months_conflict_a_birthday_further_apart_does_not():
    two = [claim("a", "age", "54", "Ana Pop"), claim("b", "age", "55", "Ana Pop")]
    assert len(run_values(two, {"a": "2025-03-30", "b": "2025-05-20"})) == 1   # seven weeks: one of them is wrong
    assert run_values(two, {"a": "2025-03-30", "b": "2025-08-20"}) == []       # five months: she may have turned 55
    assert len(run_values([claim("a", "age", "55", "Ana Pop"), claim("b", "age", "54", "Ana Pop")],
                          {"a": "2025-03-30", "b": "2025-08-20"})) == 1        # nobody grows younger


def test_years_of_nobody_named_never_conflict():
    # "the union, founded in 1991" / "the network, set up in 2019": two bodies' years, not one year told two ways
    assert run([claim("a", "year.founded", "1991"), claim("b", "year.founded", "2019")]) == []
    told = run([claim("a", "year.earlier_conviction", "2014", "Ana Pop"), claim("b", "year.earlier_conviction", "2015", "Ana Pop")])
    assert len(told) == 1


def test_a_length_told_as_over_conflicts_whatever_the_dates_but_a_running_one_grows():
    over = [claim("a", "duration.remand_ended", "270 days", "Ana Pop"), claim("b", "duration.remand_ended", "240 days", "Ana Pop")]
    found = run_values(over, {"a": "2019-08-05", "b": "2022-01-20"})
    assert len(found) == 1 and "once over" in found[0]["topic"]
    # one length counted two ways, and two remands of one person years apart, are no disagreement
    assert run_values([claim("a", "duration.remand_ended", "240 days", "Ana Pop"),
                       claim("b", "duration.remand_ended", "252 days", "Ana Pop")]) == []
    assert run_values([claim("a", "duration.held_ended", "33 days", "Ana Pop"),
                       claim("b", "duration.held_ended", "270 days", "Ana Pop")]) == []
    running = [claim("a", "duration.remand", "240 days", "Ana Pop"), claim("b", "duration.remand", "270 days", "Ana Pop")]
    assert run_values(running, {"a": "2019-06-01", "b": "2019-07-01"}) == []


def test_fate_unknown_against_known_conflicts_but_held_then_sentenced_is_a_story():
    c = run([claim("a", "fate", "unknown: whereabouts unknown", "Ana Pop"), claim("b", "fate", "held: is being held", "Ana Pop")])
    assert len(c) == 1 and c[0]["topic"] == "fate of Ana Pop"
    assert run([claim("a", "fate", "held: were held", "Ana Pop"), claim("b", "fate", "sentenced: sentenced to 3 years", "Ana Pop")]) == []


def test_one_event_told_on_two_dates_by_sources_that_never_give_the_other_conflicts():
    from casewatch.casefile.conflicts import date_conflicts

    def ev(doc, d, start=0, participants=()):
        return {"type": "arrest", "date": d, "date_inferred": False, "status": "happened",
                "participants": list(participants), "evidence": [{"doc": doc, "start": start, "end": start + 100, "quote": "x"}]}

    def count(doc, n, start=10):
        return {"measure": "detained", "value": n, "evidence": [{"doc": doc, "start": start, "end": start + 5, "quote": "x"}]}

    found = date_conflicts([ev("a", "2026-03-04"), ev("b", "2026-03-05")], [count("a", 9), count("b", 9)])
    assert [[c["value"] for c in x["claims"]] for x in found] == [["2026-03-04", "2026-03-05"]]
    assert date_conflicts([ev("a", "2026-03-04"), ev("b", "2026-03-05")], [count("a", 9), count("b", 4)]) == []
    assert date_conflicts([ev("a", "2026-03-04"), ev("a", "2026-03-05", 200)], [count("a", 9), count("a", 9, 210)]) == []
    assert date_conflicts([ev("a", "2026-03-04"), ev("b", "2026-04-20")], [count("a", 9), count("b", 9)]) == []
    assert len(date_conflicts([ev("a", "2026-03-04", participants=["p-x"]), ev("b", "2026-03-05", participants=["p-x"])], [])) == 1
    # each side names other people: two arrests a day apart ...
    apart = [ev("a", "2026-03-04", participants=["p-x"]), ev("b", "2026-03-05", participants=["p-y"])]
    assert date_conflicts(apart, []) == []
    # ... unless the same report names, that day, the other side's person in another sentence ("convicted X" and
    # "sentenced Y" told of one day)
    other_step = dict(ev("b", "2026-03-05", 300, participants=["p-x"]), type="verdict")
    assert len(date_conflicts(apart + [other_step], [])) == 1


def test_a_small_count_told_two_ways_for_one_event_conflicts_but_not_across_events():
    from casewatch.casefile.conflicts import event_count_conflicts

    def ev(d, spans):
        return {"type": "release", "date": d, "status": "happened",
                "evidence": [{"doc": doc, "start": s, "end": s + 100, "quote": "x"} for doc, s in spans]}

    def count(doc, n, start):
        return {"measure": "released", "value": n, "evidence": [{"doc": doc, "start": start, "end": start + 5, "quote": "x"}]}

    found = event_count_conflicts([ev("2026-05-02", [("a", 0), ("b", 0)])], [count("a", 2, 10), count("b", 3, 10)])
    assert [[c["value"] for c in x["claims"]] for x in found] == [["2", "3"]]
    # two releases on two days, two, then three more: a story
    assert event_count_conflicts([ev("2026-05-02", [("a", 0)]), ev("2026-05-09", [("b", 0)])],
                                 [count("a", 2, 10), count("b", 3, 10)]) == []
    # one source gives both numbers: two groups
    assert event_count_conflicts([ev("2026-05-02", [("a", 0), ("a", 200)])], [count("a", 2, 10), count("a", 3, 210)]) == []


def test_crowd_sizes_conflict_when_far_apart_but_not_when_close():
    assert len(run([claim("a", "crowd.size", "400"), claim("b", "crowd.size", "2000")])) == 1
    assert run([claim("a", "crowd.size", "400"), claim("b", "crowd.size", "450")]) == []


def test_three_counts_that_drift_into_one_another_are_one_conflict():
    found = run(figures=[fig("detained", 11, "a"), fig("detained", 12, "b"), fig("detained", 14, "c")])
    assert [sorted(c["value"] for c in x["claims"]) for x in found] == [["11", "12", "14"]]


def test_the_indexed_date_search_finds_what_comparing_every_pair_finds():
    """date_conflicts compares only events of one kind within a week, with counts found through an index: on a
    synthetic case it must find exactly what the plain comparison of every pair against every count finds."""
    from datetime import date

    from casewatch.casefile.conflicts import COUNT_MEASURES, ONE_OFF, STEP_OF, date_conflicts
    from casewatch.cli.benchconflicts import synthetic
    events, figures = synthetic(60, seed=7)

    def ties(ev):
        out = {("person", p) for p in ev["participants"]}
        for f in figures:
            if f["measure"] in COUNT_MEASURES and any(e["doc"] == s["doc"] and s["start"] <= e["start"] < s["end"]
                                                      for e in f["evidence"] for s in ev["evidence"]):
                out.add(("count", f["measure"], f["value"]))
        return out
    expected = set()
    for i, a in enumerate(events):
        for b in events[i + 1:]:
            gap = abs((date.fromisoformat(a["date"]) - date.fromisoformat(b["date"])).days)
            kind = STEP_OF.get(a["type"], a["type"])
            if kind != STEP_OF.get(b["type"], b["type"]) or a["date"] == b["date"] or gap > 7 or \
                    {e["doc"] for e in a["evidence"]} & {e["doc"] for e in b["evidence"]}:
                continue
            ta, tb = ties(a), ties(b)
            ca = {(t[1], t[2]) for t in ta if t[0] == "count"}
            cb = {(t[1], t[2]) for t in tb if t[0] == "count"}
            apart = any(m1 == m2 and max(v1, v2) > 1.5 * min(v1, v2) for m1, v1 in ca for m2, v2 in cb)
            pa, pb = set(a["participants"]), set(b["participants"])
            adjacent = gap <= ONE_OFF.get(kind, -1) and not (pa and pb and not pa & pb) and not apart
            if ta & tb or adjacent:
                (first, t), (second, _) = sorted(((a["date"], a["type"]), (b["date"], b["type"])))
                expected.add(f"event_date.{t}:{first}-{second}")
    found = [c["key"] for c in date_conflicts(events, figures)]
    assert expected and sorted(set(found)) == sorted(expected)


def test_one_report_quoting_two_named_sources_on_a_count_is_a_conflict_but_its_own_two_counts_are_not():
    from casewatch.casefile.voices import voice
    text = ("The Ministry of Justice said on Saturday that 33 detainees had been released. The Norland Committee for "
            "Detainees (NCD), which keeps a list of prisoners, counted 37 people freed over the same two days. "
            "Police arrested 30 people; 34 were later held.")
    assert voice(text, text.index("33")) == "ministry of justice"
    assert voice(text, text.index("37")) == "norland committee for detainees ncd"
    assert voice(text, text.index("34")) is None

    def at(measure, value, word):
        s = text.index(word)
        return {"measure": measure, "value": value, "evidence": [{"doc": "a", "start": s, "end": s + 2, "quote": word}]}
    two, _ = find_conflicts({}, lambda d, n: Ent(n), [at("released", 33, "33"), at("released", 37, "37")], [], {"a": text})
    assert [sorted(c["value"] for c in x["claims"]) for x in two] == [["33", "37"]]
    own, _ = find_conflicts({}, lambda d, n: Ent(n), [at("detained", 30, "30"), at("detained", 34, "34")], [], {"a": text})
    assert own == []


def test_a_verdict_and_a_sentence_told_on_two_days_by_reports_that_each_give_one_are_one_judgment():
    from casewatch.casefile.conflicts import date_conflicts

    def ev(kind, d, docs, dated=None, participants=("p-x",)):
        return {"type": kind, "date": d, "date_inferred": False, "status": "happened", "participants": list(participants),
                "dated_in": sorted(dated if dated is not None else docs),
                "evidence": [{"doc": doc, "start": 0, "end": 100, "quote": "x"} for doc in docs]}

    found = date_conflicts([ev("verdict", "2026-12-08", ["a"]), ev("sentence", "2026-12-12", ["b"])], [])
    assert [[c["value"] for c in x["claims"]] for x in found] == [["2026-12-08", "2026-12-12"]]
    # report b joined the verdict without a date of its own ("eleven were convicted in the case"): it still gives
    # only the sentence's day
    joined = [ev("verdict", "2026-12-08", ["a", "b"], dated=["a"]), ev("sentence", "2026-12-12", ["b"])]
    assert len(date_conflicts(joined, [])) == 1
    # a report that gives both days tells two steps
    both = [ev("verdict", "2026-12-08", ["a"]), ev("sentence", "2026-12-12", ["a"])]
    assert date_conflicts(both, []) == []


def test_a_judgment_told_on_two_days_of_one_week_by_two_reports_conflicts_unless_each_names_other_people():
    from casewatch.casefile.conflicts import date_conflicts

    def ev(kind, d, doc, participants=()):
        return {"type": kind, "date": d, "date_inferred": False, "status": "happened", "participants": list(participants),
                "dated_in": [doc], "evidence": [{"doc": doc, "start": 0, "end": 100, "quote": "x"}]}

    found = date_conflicts([ev("verdict", "2026-12-08", "a"), ev("sentence", "2026-12-12", "b", ["p-x"])], [])
    assert len(found) == 1
    apart = [ev("verdict", "2026-12-08", "a", ["p-y"]), ev("sentence", "2026-12-12", "b", ["p-x"])]
    assert date_conflicts(apart, []) == []  # two trials, each of its own people
    assert date_conflicts([ev("arrest", "2026-12-08", "a"), ev("arrest", "2026-12-12", "b")], []) == []


def test_two_reports_citing_different_parts_of_one_section_conflict_each_quoted_in_its_sentence():
    from tests.casefile.test_roster_measures import casefile
    cf = casefile([("2025-09-15", "On 14 September 2025 the tribunal found Rafiq Hasan guilty under section 57(1) "
                                  "of the Information Technology Act, 2006 and sentenced him to two years."),
                   ("2025-10-12", "The appeal is directed against the judgment convicting the appellant Rafiq Hasan "
                                  "under section 57(2) of the Information Technology Act, 2006.")])
    part = [c for c in cf["conflicts"] if c["key"].startswith("part.")]
    assert len(part) == 1 and part[0]["topic"] == "part of section 57 cited"
    values = {cl["value"]: cl["evidence"][0]["quote"] for cl in part[0]["claims"]}
    assert set(values) == {"Section 57(1)", "Section 57(2)"}
    assert "found Rafiq Hasan guilty under section 57(1)" in values["Section 57(1)"]
    assert "convicting the appellant Rafiq Hasan" in values["Section 57(2)"]


def test_two_reports_giving_a_dated_arrest_two_times_of_day_conflict_close_times_do_not():
    from tests.casefile.test_roster_measures import casefile
    far = casefile([("2013-08-13", "On 10 August 2013, at around 10:30 pm, Mr. Tariq Hasan Rony was stopped in "
                                   "front of his house in Banani by men in plain clothes."),
                    ("2013-11-07", "Tariq Hasan Rony, who was picked up by detectives outside his home around 9pm "
                                   "on August 10, spent 62 days in custody before walking out of jail on "
                                   "October 11.")])  # the day nearest the time is its day
    times = [c for c in far["conflicts"] if c["key"].startswith("time.")]
    assert len(times) == 1 and {cl["value"] for cl in times[0]["claims"]} == {"~22:30", "~21:00"}
    assert "2013-08-10" in times[0]["topic"]
    near = casefile([("2013-08-13", "On 10 August 2013, at around 10:30 pm, Mr. Tariq Hasan Rony was arrested "
                                    "outside his house."),
                     ("2013-11-07", "Tariq Hasan Rony was arrested at 10:45 p.m. on 10 August 2013."),
                     ("2013-11-08", "Tariq Hasan Rony was arrested on 10 August 2013 and released at 4 p.m. on "
                                    "12 August 2013.")])
    assert not [c for c in near["conflicts"] if c["key"].startswith("time.")]


def test_two_death_tolls_of_the_unrest_conflict_a_toll_that_rose_is_an_update():
    from tests.casefile.test_roster_measures import casefile
    cf = casefile([("2021-08-01", "Security forces opened fire and more than 80 people were killed during the unrest "
                                  "of June and July 2021."),
                   ("2022-03-01", "According to the government, at least 46 people died in the 2021 unrest."),
                   ("2022-04-01", "The death toll of the unrest rose to 90, the committee said.")])
    deaths = [c for c in cf["conflicts"] if c["key"].startswith("count.deaths")]
    assert len(deaths) == 1 and {cl["value"] for cl in deaths[0]["claims"]} == {"80", "46"}
    assert any(u["topic"] == "number of deaths" and u["to"] == "90" for u in cf["updates"])


def test_death_tolls_of_two_months_are_two_events_not_a_conflict():
    from tests.casefile.test_roster_measures import casefile
    cf = casefile([("2024-07-08", "According to the commission, 19 people were killed on 25 June 2024 and at least "
                                  "38 on the day of the general strike."),
                   ("2024-07-09", "At least 38 people were killed across the country during the 7 July 2024 "
                                  "demonstrations.")])
    assert not [c for c in cf["conflicts"] if c["key"].startswith("count.deaths")]


def test_ages_told_as_of_days_in_two_months_still_conflict():
    # the months guard is for counts told of a month ("38 killed in July"), not for values dated to a day
    from tests.casefile.test_roster_measures import casefile
    cf = casefile([("2024-03-05", "When he was arrested on 3 March 2024, Tomas Brel, 31, was a student."),
                   ("2024-04-10", "Tomas Brel, 35, was sentenced on 9 April 2024, when the court sat in Norland.")])
    assert any(c["key"].startswith("age") and {cl["value"] for cl in c["claims"]} == {"31", "35"}
               for c in cf["conflicts"])
