"""Who undergoes the steps: roles from titles and appositions, measures and defendant status from the cues
of each person's clause (data/roles.yaml, data/measures.yaml, data/cues.yaml).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Event, Measure, Mention
from .context import QUOTED, DocContext, blank_out, clauses, end_point
from .data import cue, cue_table, load
from .numbers import NUM, value
from .lists import DASH_LIST, NAMES_GAP, after_colon, in_a_row, speaks_of_listed
from .measures import first_measure, list_measure, partly_acquitted
from .counsel import (APPEARANCE_LINE_HEAD, APPEARING, APPEARING_AFTER, BAR_RANK, CLIENT_BEFORE, COUNSEL, COUNSEL_AFTER,
    COUNSEL_FOR_PARTY, DEFENCE_SIDE, counsel_in_a_row)
from .name_shapes import caption_parties, line_styles_only
from .spans import ByStart

LAST_ITEMS_CLAUSE = re.compile(r",\s*(?:who|whose)\b(?!\s+(?:were|are|have|both|all)\b)[^,;]*")  # "who were": all of them
RELATIVE = re.compile(r"\s*who\s+(?:is|are|was|were|has|have|had|remains?|remained)\b")
# a term told as served, after which the person goes free: "after serving four years", "having completed his sentence"
# what may stand before a sentence's first name, its subject: a bullet, a title, an opening phrase ("On 24 March, ")
OPENER = re.compile(r"[\s*#>-]*(?:(?:On|In|By|Later|Earlier|Then|Meanwhile|Separately)\b[^,.;:\n]{0,40},\s*)?(?:(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+)?")
PRONOUN = re.compile(r"(?:^|[.;,]\s+|\bwhen\b[^,]*,\s*)(?P<p>She|He|she|he)\b")
KIN = re.compile(r"\b(?:his|her|their|its)\s+(?:husband|wife|son|daughter|nephew|niece|brother|sister|mother|father|relatives?|family|children|lawyer)\b"
                 r"|\b(?:husband|wife|son|daughter|nephew|niece|brother|sister|mother|father)\s+of\b", re.I)
# the word that names the next person's part ("not related to accused Arnel Sombrio") belongs to that person
NEXT_PERSONS_ROLE = re.compile(r"\b(?:the\s+)?(?:co-)?(?:accused|defendants?|suspects?)\s*$", re.I)
SOFT_ROLES = {"official", "advocate", "lawyer", "expert", "journalist"}
# roles that never make a person the accused; the others (an NGO's chair, a reporter, a lawyer: a rights lawyer
# detained; a scholar: a sociologist arrested) do unless they speak, which is read in the clause
HARD_ROLES = {"official"}
VOICE_ROLES = {"official", "expert", "advocate"}  # who speaks of a case, never one of its accused
# an apposition that opens with a participle tells what befell the person, not who they are
CLAUSE_APPOSITION = re.compile(r"(?:\w+ly\s+)?(?:\w+ed|held|taken|brought|sent|kept|put|seen)\s+(?:by|under|in|to|on|at|for|with|from|after|before|again|without)\b", re.I)
SPEECH = re.compile(r"\b(?:said|says|told|stated|added|noted|explained|urged|called on|condemned|denounced|warned|"
                    r"according to|in a statement)\b", re.I)


# a name, then the term alone (the verb elided): "…; Hu Shigen to seven and a half years, Gou to a suspended term"
ELIDED_TERM = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?,?\s*(?:was\s+given\s+|got\s+|received\s+)?(?:to|for)\s+(?:a\s+|an\s+)?"
                         r"(?:[\w.,()-]+\s+){0,5}?(?:years?|months?|suspended|probation|life)\b", re.I)
SENTENCED = re.compile(r"\bsentenc\w*|\bjailed\b|\bimprisonment\b", re.I)
# a sentence that names members of the group told of before it: "Among those freed were …", "They included …"
GROUP_MEMBERS = re.compile(r"\W*(?:Among\s+(?:them|those|the\s+\w+|these)\b|(?:They|Those\s+\w+|These)\s+(?:\w+\s+)?includ(?:e|ed|es)\b)")
# "Those still held under the order are", "The detained students were": a list after a copula takes the step before it
COPULAR_LIST = re.compile(r"\W*(?:Those|The|Still|Also)\b[^.;:]{0,120}?\b(?:are|were|remain)\s+", re.I)
# "Police named them as A, B and C": a later clause that names the members of the group of the sentence before
NAMED_AS = re.compile(r"\b(?:named|identified|listed)\s+(?:them|those\s+\w+|the\s+\w+)\s+as\b", re.I)
LIST_ITEM = re.compile(r"[ \t]*(?:[-•*–]|\(?[ivx]{1,4}[.)]|\(?\d{1,3}[.)]|\[[A-Z]{0,3}\d{1,3}\])\s+")
# an item's own term after the name, its verb on the line above: "A and B each to twenty (20) years of imprisonment"
ITEM_TERM = re.compile(r"[^;:]*?\bto\s+(?:(?:a|an)\s+)?(?:[\w.,()-]+\s+){0,5}?(?:years?|months?)\b|[^;:]*?\bto\s+life\b", re.I)
TABLE_ROW_TERM = re.compile(r"\b\d{1,2}\s+(?:years?|months?)\b", re.I)
ACQUITTED = re.compile(r"\bacquit\w*", re.I)
# a table's header line: column names set apart by runs of spaces ("Defendant    Plea / basis    Sentence")
TABLE_HEADER = re.compile(r"^\S.*?\S(?:[ \t]{2,}\S.*?){2,}$")
ABBREVIATED_TITLE = re.compile(r"\b(Atty|Prof|Dr|Mr|Ms|Mrs|Gen|Col|Lt|Sgt|Capt|Sen|Rep|Hon|Supt|Insp|Adv|Engr)\.")
COORDINATED = re.compile(r"(?:,(?:(?!\b(?:said|says|told|was|were|is|are|has|have|had)\b)[^.;,]){0,120}?)?,?\s*(?:and|or|,)\s+"
                         r"(?:(?:the|a|an|his|her|their|its)\s+)?(?:(?!(?:to|by|from|with|for|on|at|in)\s)[\w’'-]+\s+){0,3}(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?"
                         r"|,\s+(?:(?:the|a|an|his|her|their|its)\s+)?(?:[a-z][\w’'-]*\s+){0,3}")


def _speaks(text: str, p: Mention, a: int, b: int) -> bool:
    """The person is the one speaking in this clause ("X, director of Y, said the charges …")."""
    after = text[p.evidence.end:min(b, p.evidence.end + 90)]
    before = text[max(a, p.evidence.start - 40):p.evidence.start]
    return bool(SPEECH.search(after) and not re.search(r"[.;]", after[:SPEECH.search(after).start()])
                or re.search(r"\b(?:said|says|told|according to)\s*$", before))



def assign_people(ctx: DocContext, persons: list[Mention], events: list[Event]) -> None:
    """Roles from titles and context; measures and defendant status from cues in the clause."""
    text = ctx.text
    roles_tbl = cue_table("roles")
    measures_tbl = cue_table("measures")
    defendant = cue("cues", "defendant")
    ev_by_sent: dict[int, list[Event]] = {}
    for ev in events:
        i = ctx.sent_index(ev.evidence[0].start)
        if i is not None:
            ev_by_sent.setdefault(i, []).append(ev)
    by_sent: dict[int, list[Mention]] = {}
    for p in persons:
        i = ctx.sent_index(p.evidence.start)
        if i is not None:
            by_sent.setdefault(i, []).append(p)
    # a list the name patterns could not read whole ('A, B, Luis "Lucho" Mena and C', "A of Ribera, B and C") is
    # still a list where its names stand one after another: three or more, and one of them read as a list's
    for i, people in by_sent.items():
        run = in_a_row(text, people)
        # or where a colon opens it, its items parted by semicolons ("detained three supporters: A; B, a student; and C")
        if (len(run) >= 3 and any("list" in p.attrs for p in run)) or after_colon(text, ctx.sents[i].start, run):
            for p in run:
                p.attrs.setdefault("list", (run[0].evidence.start, run[-1].evidence.end))
    # 1. titles and appositions
    by_start = ByStart(persons)
    for p in persons:
        if p.attrs.get("byline"):
            _add(p.roles, "journalist")
        s, e = p.evidence.start, p.evidence.end
        if BAR_RANK.match(text, e) or BAR_RANK.search(text, s, e):
            _add(p.roles, "lawyer")  # "Jonathan Meyer KC": a rank at the bar written after the name
        before = text[max(0, s - 80):s]
        before = ABBREVIATED_TITLE.sub(r"\1", before)  # "Atty." and "Prof." end no sentence
        # a clause ends at a full stop or a blank line; a single line break inside a sentence (a PDF's wrapped
        # line, "The prosecution presented Police\nStaff Sergeant X") does not end it
        before = re.split(r"[.;:]|\n[ \t]*\n|\n(?=[ \t]*(?:[-•*#]|\d+[.)]))|\n(?=[^\n]*$)(?<=[^,\w\s]\n)", before)[-1]
        # "X, director of Y", and "X of the Y Centre" (the body a speaker is named with)
        e2 = _past_post_nominals(text, e)  # "A B MP\nSecretary of State for …": the title after the letters
        after_m = re.match(r"^(?:\s*,\s*|\s{2,}\n?|\s*\n|[ \t]+(?=of[ \t]+the[ \t]+[A-Z]))([^.;\n]{0,110})", text[e2:e2 + 130])
        after = after_m.group(1) if after_m else ""
        nxt = min((q.evidence.start for q in by_start.within(e + 1, e + 130)
                   if re.search(r",\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?$", text[e:q.evidence.start])
                   and not re.match(r"(?:’s|'s)\b", text[q.evidence.end:q.evidence.end + 2])), default=None)
        if after_m and nxt is not None and nxt < e2 + after_m.end(1):
            after = after[:max(0, nxt - e2 - after_m.start(1))]  # "A, President of X, Ms B, Vice-President of Y": B's title
        after = re.split(r",\s+(?:said|says|told|who(?!\s+represents?)|which|rejects|has|had|was|is)\b", after)[0]
        if CLAUSE_APPOSITION.match(after):
            after = ""  # "X, initially placed under supervision by the investigating judge": a clause, not a title
        after = re.sub(r"^who\b", "", after) if not re.match(r"who\s+represents?", after) else after
        if re.match(r"^,?\s*who\s+represents?\b", text[e:e + 30]):
            after = "who represents"
        elif re.match(r"^,?\s*(?:was\s+)?(?:questioned|heard|summoned)\s+as\s+a\s+witness", text[e:e + 60]):
            after = re.match(r"^,?\s*((?:was\s+)?(?:questioned|heard|summoned)\s+as\s+a\s+witness)", text[e:e + 60]).group(1)
        near_before = re.search(r"(?:[\w’'-]+(?:’s|'s)?,?\s+){0,4}$", before)
        # "A spokesperson for the National Civil Police (PNC), Byron Castañeda": the phrase before the comma
        appos = re.search(r"(?:^|,)\s*([^,]{3,80}),\s*$", before)
        if appos is None:
            # "the Governor of Kano State, Mr. X": a noun phrase (no verb in it), then an honorific
            appos = re.search(r"^.*(?:^|,|\b(?:to|by|from|with|including|and)\s)\s*(the\s[^,]{3,80}),\s*"
                              r"(?:Mr|Ms|Mrs|Dr|Prof|Hon)\.?\s+$", before)
            if appos and re.search(r"\b\w+ed\b|\b(?:was|were|is|are|has|had)\b", appos.group(1)):
                appos = None
        if appos and any(q is not p and appos.group(1).rstrip().endswith(text[q.evidence.start:q.evidence.end])
                         for q in persons if q.evidence.end <= s):
            appos = None  # "… the custody of Mr Dubovsky, Ms Grinevich": a list of names, not an apposition
        near = near_before.group(0) if near_before else ""
        verbs = list(re.finditer(r"\b(?:convicted|acquitted|sentenced|arrested|detained|charged|released|freed|"
                                 r"placed|put|ordered|remanded|granted|denied|refused|summoned|questioned|heard|sent|"
                                 r"transferred|fined|jailed|indicted|interrogated|"
                                 r"said|told|named|including|and|of)\b", near))
        while verbs and verbs[-1].group(0) == "of" and OFFICE_OF.search(near, 0, verbs[-1].start()):
            verbs.pop()  # "Secretary of State X", "Minister of Justice Y": "of" inside the title
        if verbs:
            near = near[verbs[-1].end():]  # "The judge convicted union treasurer X": the title is after the verb
        ls, le = text.rfind("\n", 0, s) + 1, text.find("\n", e)  # the name's line
        if COUNSEL.match(text, e, min(len(text), e + 60)) or CLIENT_BEFORE.search(before):
            p.attrs["client"] = True  # "Ana Pop's lawyer said", "Lawyers for journalist Ana Pop": the client, not counsel
        elif COUNSEL.search(near_before.group(0) if near_before else "") or COUNSEL.search(after) or \
                COUNSEL_FOR_PARTY.search(before) or \
                COUNSEL_AFTER.match(text, e, min(len(text), e + 60)):
            p.attrs["counsel"] = True  # "Ana Pop's lawyer X", "lawyer for the family": counsel in this case, not accused
        elif APPEARING.fullmatch(text, ls, s):
            p.attrs["counsel"] = True
            _add(p.roles, "lawyer")
        elif appearing := APPEARING_AFTER.match(text, e, len(text) if le < 0 else le):
            p.attrs["counsel"] = True  # "Ms. A, State Attorney, …, for the Respondent.": who appears for a party
            if APPEARANCE_LINE_HEAD.fullmatch(text, ls, s):
                # a line of appearances ("A and B, for the appellants" / "C, for the respondent"): the side tells the part
                side = appearing.group("party")
                _add(p.roles, "lawyer" if DEFENCE_SIDE.fullmatch(side) else "official")
        if cue("cues", "called_as_witness").search(before):
            _add(p.roles, "witness")
        if cue("cues", "witness_after").match(text, e, min(len(text), e + 120)):
            _add(p.roles, "witness")
            p.attrs["witness"] = True  # questioned as a witness here: not the accused of this sentence
        # an address block: the title on the line above a name that stands alone on its line
        # ("Premier of the State Council\nLI Keqiang\nThe State Council General Office")
        title_line = ""
        if line_styles_only(text[ls:s]) and (le == -1 or not text[e:le].strip(" \t.,")) and ls >= 2:
            prev_line = text[text.rfind("\n", 0, ls - 1) + 1:ls - 1].strip()
            if 3 <= len(prev_line) <= 90 and not re.search(r"[.;:!?]$", prev_line):
                title_line = prev_line
        elif label := LABEL_BEFORE.fullmatch(text, ls, s):
            title_line = label.group("label")  # a court record's line: "Court clerk (Greffier): Mr A", "Counsellors: B; C"
        # a title the name itself begins with ("Justice Alex Lee Wan-tang", "Senior General A B")
        words = p.name.split()
        own_title = [" ".join(words[:k]) for k in (1, 2) if len(words) >= k + 2]
        if cue("cues", "party_number_before").search(before):
            _add(p.roles, "defendant")  # "the forty-third appellant, A"
        if cue("cues", "defendant_apposition").match(after):
            _add(p.roles, "defendant")  # "A, a Dutch defendant who …", "B, one of the accused"
        for role, pat in roles_tbl.items():
            hit_after = pat.search(after)
            hit_before = pat.search(near) if near.strip() else None
            if not hit_before and title_line and role != "relative":
                hit_before = pat.search(title_line)
            if not hit_before and role == "official":
                hit_before = next((h for t in own_title for h in [pat.search(t)] if h and h.end() == len(t)), None)
            if appos and not hit_before and role not in ("relative",):
                hit_before = pat.search(appos.group(1))
            if role == "lawyer" and p.attrs.get("client") and not hit_after:
                continue  # "Lawyers for journalist A": A is their client
            if hit_after or hit_before:
                if role == "relative":
                    _add(p.roles, "relative")
                    if hit_after and after[:hit_after.start()].rstrip().endswith("whose") and \
                            not cue("cues", "defendant").search(after, hit_after.start()):
                        # "the teacher whose wife was detained": kin of someone held, and maybe accused himself; "the
                        # tailor whose son was among the defendants" is kin only
                        p.attrs["has_kin"] = True
                    continue
                _add(p.roles, role)
    # a court caption names the accused between "versus" and "Accused."
    for m in caption_parties(text):
        for p in persons:
            if m.start("parties") <= p.evidence.start < m.end("parties"):
                _add(p.roles, "defendant")
                p.attrs["caption"] = True
    # a list set off by dashes shares the predicate after it: "three – the blogger A, the student B and
    # the poet C – were sentenced to …"
    for m in DASH_LIST.finditer(text):
        i = ctx.sent_index(m.start())
        if i is None:
            continue
        inside = [p for p in by_sent.get(i, []) if m.start("items") <= p.evidence.start < m.end("items")]
        if len(inside) >= 2:
            for p in inside:
                p.attrs.setdefault("list", (m.start(), ctx.sents[i].end))
    # items of a list under an introducing line ("… formally charged four members of the group:\n- A, coordinator;
    # - B, …") take the cues of that line
    intro_of: dict[int, tuple[int, int]] = {}
    for i, st in enumerate(ctx.sents):
        if not LIST_ITEM.match(text, st.start):
            continue
        j = i - 1
        while j >= 0 and LIST_ITEM.match(text, ctx.sents[j].start):
            j -= 1
        intro = text[ctx.sents[j].start:ctx.sents[j].end].rstrip() if j >= 0 else ""
        if intro.endswith(":") or TABLE_HEADER.match(intro) or cue("cues", "accused_heading").fullmatch(intro):
            intro_of[i] = (ctx.sents[j].start, ctx.sents[j].end)
    for i, (a, b) in intro_of.items():
        for p in by_sent.get(i, []):
            if HARD_ROLES & set(p.roles):
                continue
            st = ctx.sents[i]
            # a court's operative part: "Sentences:\n- A to twenty-five (25) years of imprisonment;" (the verb is the line's)
            elided = ITEM_TERM.match(text, p.evidence.end, st.end) if SENTENCED.search(text, a, b) else None
            if defendant.search(text, a, b) or cue("cues", "accused_heading").fullmatch(text[a:b].rstrip()) or elided:
                _add(p.roles, "defendant")
            chosen = ("sentence", elided) if elided else first_measure(text, (a, b), measures_tbl)
            row = TABLE_ROW_TERM.search(text, st.start, st.end)
            if TABLE_HEADER.match(text[a:b]) and re.search(r"\bsentences?\b", text[a:b], re.I):
                # a table of sentences: the row's own value ("10 years", "Acquitted") is the person's measure
                chosen = ("release", ACQUITTED.search(text, st.start, st.end)) if ACQUITTED.search(text, st.start, st.end) \
                    else (("sentence", row) if row else chosen)
            if chosen is not None and chosen[1] is not None and not any(x.type == chosen[0] for x in p.measures):
                p.measures.append(Measure(chosen[0], _measure_date(ev_by_sent.get(ctx.sent_index(a) or 0, []), chosen[0]),
                                          [ctx.doc.span(chosen[1].start(), chosen[1].end())]))
    _plural_titles(text, persons)
    counsel_in_a_row(text, persons)
    # 2. clause cues: defendant, detainee, measures
    last_person: Mention | None = None
    for i, st in enumerate(ctx.sents):
        people = by_sent.get(i, [])
        cls = clauses(text, st.start, st.end)
        prev_sent = ctx.sents[i - 1] if i > 0 else None
        for a, b in cls:
            in_clause = [p for p in people if a <= p.evidence.start < b]
            subjects = list(in_clause)
            pm0 = PRONOUN.search(text[a:b])
            pm = _Shift(pm0, a) if pm0 else None
            if pm and last_person is not None and (not in_clause or pm.start("p") < in_clause[0].evidence.start):
                subjects.append(last_person)
            if RELATIVE.match(text, a):  # "Rui Canto, who is at liberty, …": the name just before the comma
                subjects += [p for p in people if a - 4 <= p.evidence.end <= a and p not in subjects]
            if not subjects:
                continue
            clause = text[a:b]
            group_intro = re.search(r"\b(?:\w+)\s+others\s*[–—:-]", text[st.start:b])
            for p in subjects:
                if HARD_ROLES & set(p.roles) or p.attrs.get("counsel") or p.attrs.get("client") or p.attrs.get("witness") or \
                        (SOFT_ROLES & set(p.roles) and _speaks(text, p, a, b)):
                    continue
                pos = p.evidence.start if p in in_clause else (pm.start("p") if pm else a)
                scope = (st.start, st.end) if "list" in p.attrs else _scope(text, pos, a, b, p, in_clause, subjects)
                sc_text = text[scope[0]:scope[1]]
                for rel in LAST_ITEMS_CLAUSE.finditer(text, max(scope[0], p.evidence.end), scope[1]):
                    if any(p.evidence.end < q.evidence.start and q.evidence.end <= rel.start() for q in people):
                        # "…, the politician A and the artist B, who had been sentenced in November …":
                        # a relative clause after another name is that name's, not the whole list's
                        ra, rb = rel.start() - scope[0], rel.end() - scope[0]
                        sc_text = sc_text[:ra] + " " * (rb - ra) + sc_text[rb:]
                if st.historical:
                    if p in in_clause and defendant.search(QUOTED.sub(blank_out, sc_text)):
                        p.attrs["accused_past"] = True  # "were sentenced … in 2006": the case file weighs it
                    continue
                dm = defendant.search(QUOTED.sub(blank_out, sc_text))  # "the suspect will have her day", said A
                if dm and dm.group(0).casefold() == "sentenced" and \
                        re.search(r"\badministrative\b", text[st.start:st.end], re.I):
                    dm = None  # "the administrative proceedings against A and the others sentenced on …"
                if dm:
                    _add(p.roles, "defendant")
                    # where ("start-end;…"): by a pronoun, the sentence that accuses is not the name's own
                    p.attrs["accused_in"] = ";".join(filter(None, [p.attrs.get("accused_in"), f"{st.start}-{st.end}"]))
                elif group_intro and prev_sent is not None and defendant.search(text, prev_sent.start, prev_sent.end) \
                        and not re.search(r"\badministrative\b|\bfined\b", sc_text, re.I):
                    _add(p.roles, "defendant")
                chosen = partly_acquitted(text, list_measure(text, st, p.attrs["list"], measures_tbl) if "list" in p.attrs
                                           else first_measure(text, scope, measures_tbl), measures_tbl, st.end)
                if chosen is not None:
                    mtype, mm = chosen
                    d = _measure_date(ev_by_sent.get(i, []), mtype)
                    if d is None and mtype in ("exile", "release"):
                        # a step no event word carries ("left Norland for Estmark on 1 September"): its clause's day
                        own = [dm for dm in st.dates if a <= dm.start < b and not end_point(text, st.start, dm)
                               and not ctx.background(dm.start)]
                        d = own[0].value if own else None
                    length = re.search(r"\bfor (?:a further |another )?(\w+ (?:days?|weeks?|months?|years?))\b", sc_text)
                    if not any(x.type == mtype and x.evidence[0].start == mm.start() for x in p.measures):
                        p.measures.append(Measure(mtype, d, [ctx.doc.span(mm.start(), mm.end())],
                                                  length.group(1) if length else None))
                    freed = measures_tbl["release"].search(text, *scope) if mtype == "exile" else None
                    if freed and not any(x.type == "release" and x.evidence[0].start == freed.start() for x in p.measures):
                        # "freed in the exchange and flown to Germany": released, then exiled
                        p.measures.append(Measure("release", d, [ctx.doc.span(freed.start(), freed.end())]))
                if re.search(r"\b(?:release|detention|arrest|imprisonment|abduction|disappearance) of\s+(?:(?:Mr|Ms|Mrs)\.?\s+)?$", text[max(0, pos - 40):pos]) or \
                        cue("cues", "detainee").search(text, pos, min(scope[1], pos + 120)):
                    _add(p.roles, "detainee")
            kin = KIN.search(clause)
            if kin and in_clause and re.search(r"\b(?:arrest|detention|detained|release|case)\b", clause):
                _add(in_clause[0].roles, "relative")
        for p in people:
            if not (SOFT_ROLES & set(p.roles)):
                last_person = p
        opener = next((p for p in people if OPENER.fullmatch(text, st.start, p.evidence.start)), None)
        if opener is not None and not (HARD_ROLES & set(opener.roles)):
            last_person = opener  # the sentence's subject, named first, is who the next "He"/"She" is
    # "Among those who walked down the steps were A, B and C": the people of a sentence that names the members of
    # a group told of in the sentence before take that group's measure (released and stripped of nationality)
    for i, st in enumerate(ctx.sents):
        named_as = NAMED_AS.search(text, st.start, st.end)
        people = [p for p in by_sent.get(i, []) if not ({"official", "lawyer"} & set(p.roles))
                  and (named_as is None or p.evidence.start >= named_as.end())]
        head = (st.start, min(p.evidence.start for p in people)) if people else None
        listed = in_a_row(text, people) if head and not st.historical and COPULAR_LIST.fullmatch(text, *head) else []
        if listed:
            # "Those still detained under the order are A, B and C": the step before the copula is the list's own
            role, own = _step_role(text, head, head), first_measure(text, head, measures_tbl)
            for p in listed:
                if role and not (HARD_ROLES & set(p.roles)):
                    _add(p.roles, role)
                if own is not None and not any(x.type == own[0] for x in p.measures):
                    p.measures.append(Measure(own[0], _measure_date(ev_by_sent.get(i, []), own[0]),
                                              [ctx.doc.span(own[1].start(), own[1].end())]))
        if not i or not people or not (GROUP_MEMBERS.match(text, st.start) or (named_as and len(people) >= 2)):
            continue
        prev = ctx.sents[i - 1]
        lead = (st.start, min(p.evidence.start for p in people))
        if GROUP_MEMBERS.match(text, st.start) and not st.historical:
            # the list's own verb before it: "Among the others arrested were A, B and C", "Among those charged are …"
            role = _step_role(text, lead, lead)
            for p in people:
                if role and not (HARD_ROLES & set(p.roles)):
                    _add(p.roles, role)
        if named_as and not st.historical:
            # the group's step ("six of her supporters had been arrested … they would face charges")
            role = _step_role(text, (prev.start, st.end), (prev.start, prev.end))
            for p in people:
                if role:
                    _add(p.roles, role)
        chosen = first_measure(text, (prev.start, prev.end), measures_tbl)
        if chosen is None:
            continue
        d = _measure_date(ev_by_sent.get(i - 1, []), chosen[0])
        for p in people:
            if not any(x.type == chosen[0] for x in p.measures):
                p.measures.append(Measure(chosen[0], d, [ctx.doc.span(chosen[1].start(), chosen[1].end())]))
    # "Zhou was sentenced to seven years; Hu to seven and a half, and Gou to a three-year suspended term": a name
    # followed by the term alone takes the verb told before it in the sentence
    for i, st in enumerate(ctx.sents):
        if st.historical:
            continue
        for p in by_sent.get(i, []):
            if any(x.evidence[0].start >= st.start and x.evidence[0].end <= st.end for x in p.measures):
                continue
            m = ELIDED_TERM.match(text, p.evidence.end)
            verb = SENTENCED.search(text, st.start, p.evidence.start) if m else None
            if m and verb:
                mtype = "release" if re.search(r"suspended|probation", m.group(0), re.I) else "sentence"
                p.measures.append(Measure(mtype, _measure_date(ev_by_sent.get(i, []), mtype),
                                          [ctx.doc.span(m.start(), m.end())]))
                _add(p.roles, "defendant")
    # "All eleven were remanded", "The seven students were sentenced …", "They were released on Friday": a sentence
    # whose subject is the group of the accused, naming none of them, puts each accused of the report under its
    # measure; after "The ten — A, B, … and J — were handed over.", "They were sentenced to life" speaks of the people
    # the sentence before lists, whatever the report said of them before (and however long ago it was)
    accused = [p for p in persons if "defendant" in p.roles]
    group = _group_subject()
    carried: list[Mention] = []  # the people the sentence before spoke of as "they"
    for i, st in enumerate(ctx.sents):
        run = in_a_row(text, by_sent.get(i - 1, [])) if i else []
        them = speaks_of_listed(text, st.start, run)  # "They …", "The three …" after a list of three
        if them is None and carried and not by_sent.get(i - 1):
            # "They were charged with … On 31 October, they were remanded": "they" goes on naming the same people
            again = speaks_of_listed(text, st.start, carried)
            if again is not None and again.group("n") is None:
                them, run = again, carried
        if them and them.group("n") and any(VOICE_ROLES & set(p.roles) for p in run):
            them = None  # "The two men were convicted" after the names of two UN experts: their number is a coincidence
        listed = run if them else []
        carried = listed
        if not (listed or accused) or (st.historical and not listed):
            continue
        said = them or group.match(text, st.start) or _all_of_group().search(text, st.start, st.end) \
            or _the_whole_group(text, st.start, st.end, len(accused))
        if not said:
            continue
        named = {p.name for p in by_sent.get(i, [])}
        # the group told after its verb ("ordered the release of both defendants, finding the time in pre-trial
        # detention exceeded"): the step nearest the group's words; told first ("All eleven were remanded"), the
        # sentence's first step
        chosen = list_measure(text, st, said.span(), measures_tbl) if said.start() > st.start + 3 else None
        chosen = chosen or first_measure(text, (st.start, st.end), measures_tbl)
        role = _step_role(text, (st.start, st.end), (st.start, st.end)) if listed else None
        if chosen is None or chosen[0] == "administrative_sanction":
            if role == "defendant" and chosen is None and not NOT_ACCUSED.search(text, st.start, st.end):
                for p in listed:
                    _add(p.roles, role)  # "They were charged with incitement …": accused, under no measure yet
            continue
        d = _measure_date(ev_by_sent.get(i, []), chosen[0])
        for p in listed:
            if role:
                _add(p.roles, role)
        for p in listed or accused:
            if p.name not in named and \
                    not any(x.type == chosen[0] and x.date == d for x in p.measures):
                p.measures.append(Measure(chosen[0], d, [ctx.doc.span(chosen[1].start(), chosen[1].end())]))
    for p in persons:
        if "defendant" in p.roles and "detainee" in p.roles:
            p.roles.remove("detainee")
        if "defendant" in p.roles and "relative" in p.roles and not p.attrs.get("caption") and not p.attrs.get("has_kin"):
            p.roles.remove("defendant")  # "his wife, Ms. A": named here as kin, the clause's step is another's


# "They were not charged", "were never prosecuted", "released without charge"
NOT_ACCUSED = re.compile(r"\b(?:not|never|n[o’']t)\s+(?:yet\s+)?(?:been\s+|be\s+)?(?:formally\s+)?"
                         r"(?:charged|indicted|prosecuted|accused)\b|\bwithout\s+(?:being\s+)?(?:charged?|indictment)\b", re.I)


def _step_role(text: str, accused_in: tuple[int, int], held_in: tuple[int, int]) -> str | None:
    """The role a group's step gives its members: accused where a word of the accused stands in `accused_in`, else
    held where one of custody stands in `held_in`."""
    if cue("cues", "defendant").search(text, *accused_in):
        return "defendant"
    return "detainee" if cue("cues", "detainee").search(text, *held_in) else None


# a line's label before the names it gives, the names after a colon and parted by semicolons
LABEL_BEFORE = re.compile(r"[ \t]*(?:[-•*][ \t]+)?(?P<label>[A-Z][^:\n]{2,60}?)(?:\s*\([^)\n]*\))?:[ \t]*(?:[^:\n;]*;[ \t]*)*"
                          r"(?:(?:%s)\.?[ \t]+)?" % "|".join(map(re.escape, load("names")["label_honorifics"])))
# an office named with its portfolio: "Secretary of State", "Minister of Justice", "Chief of Staff" (names.yaml
# `offices_of`)
OFFICE_OF = re.compile(r"\b(?:%s)\s+$" % "|".join(sorted(map(re.escape, load("names")["offices_of"]), key=len, reverse=True)),
                       re.I)
@lru_cache(maxsize=None)
def _group_nouns() -> str:
    """The nouns a group of people goes by (cues.yaml group_nouns), as one alternation, longest first."""
    return "|".join(sorted((re.escape(n) for n in load("cues")["group_nouns"]), key=len, reverse=True))


@lru_cache(maxsize=None)
def _group_subject() -> re.Pattern[str]:
    """A sentence whose subject is the group of the accused: "All eleven …", "The seven students …", "They …",
    "Both of them …" (cues.yaml group_nouns)."""
    nouns = _group_nouns()
    return re.compile(rf"\W*(?:{NUM}\s+(?:[\w-]+\s+){{0,2}}(?:{nouns})|(?:All|Both)\b(?:\s+(?:of\s+)?(?:the|them|those|these))?(?:\s+{NUM})?(?:\s+(?:{nouns}))?"
                      rf"|The\s+(?:{NUM}\s+)?(?:other\s+)?(?:{nouns})|They|These\s+(?:{NUM}\s+)?(?:{nouns}))\b", re.I)


@lru_cache(maxsize=None)
def _all_of_group() -> re.Pattern[str]:
    """"against all 119 defendants", "each of the accused": the whole group of the accused, anywhere in a sentence."""
    nouns = _group_nouns()
    return re.compile(rf"\b(?:all|each\s+of|every\s+one\s+of)\s+(?:the\s+|them\b)?(?:{NUM}\s+)?(?:other\s+)?(?:{nouns})?\b"
                      rf"|\bboth\s+(?:of\s+)?(?:the\s+)?(?:{nouns})\b", re.I)


@lru_cache(maxsize=None)
def _the_n_of_group() -> re.Pattern[str]:
    nouns = _group_nouns()
    return re.compile(rf"\bthe\s+(?P<n>{NUM})\s+(?:[\w-]+\s+)?(?:{nouns})\b", re.I)


def _the_whole_group(text: str, start: int, end: int, accused: int) -> re.Match[str] | None:
    """"ordered the two journalists released" where the report accuses two: the whole group, told by its number
    (a number that is not the group's, "the 15 of the 47", is part of it)."""
    if accused < 2:
        return None
    return next((m for m in _the_n_of_group().finditer(text, start, end) if value(m.group("n")) == accused), None)


@lru_cache(maxsize=None)
def _post_nominals_re() -> re.Pattern[str]:
    return re.compile(r"(?:,?[ \t]+(?:%s)(?![\w-]))+" % "|".join(load("names")["post_nominals"]))


def _past_post_nominals(text: str, e: int) -> int:
    """Where a name's post-nominal letters end ("A B KC, MP"): `e` where it has none."""
    m = _post_nominals_re().match(text, e, min(len(text), e + 40))
    return m.end() if m else e


class _Shift:
    """A match on a slice, with offsets into the whole text."""

    def __init__(self, m: re.Match[str], off: int):
        self.m, self.off = m, off

    def start(self, g: str | int = 0) -> int:
        return self.m.start(g) + self.off


def _scope(text: str, pos: int, a: int, b: int, p: Mention, in_clause: list[Mention], subjects: list[Mention]) -> tuple[int, int]:
    """The part of a clause that speaks of one person: up to a 'his nephew' or the next named person."""
    if "list" in p.attrs:
        return a, b
    end = b
    k = KIN.search(text, pos, b)
    if k and not re.search(r",\s+(?:she|he)\b", text[k.end():b]):
        end = k.start()
    others = [q for q in in_clause if q is not p and "list" not in q.attrs]
    # "Rolando Choc Pop, president of the council, and the teacher Marcos Xol Ical were remanded": a coordinated
    # subject shares the predicate after it; "convicted A, youth coordinator B and C": objects share the verb before
    after = _first_uncoordinated(text, p, sorted((q for q in others if q.evidence.start > pos),
                                                 key=lambda q: q.evidence.start), forward=True)
    before = _first_uncoordinated(text, p, sorted((q for q in others if q.evidence.end <= pos),
                                                  key=lambda q: -q.evidence.end), forward=False)
    if after is not None:
        end = min(end, after.evidence.start)
        lead = NEXT_PERSONS_ROLE.search(text, pos, end)
        if lead:
            end = lead.start()
    return (max(a, before.evidence.end) if before is not None else a), end


def _first_uncoordinated(text: str, p: Mention, row: list[Mention], forward: bool) -> Mention | None:
    """Walking from p through the names in `row`, the first one not joined to the last by a coordination."""
    cur = p
    for q in row:
        gap = text[cur.evidence.end:q.evidence.start] if forward else text[q.evidence.end:cur.evidence.start]
        if not COORDINATED.fullmatch(gap):
            return q
        cur = q
    return None


def _measure_date(events: list[Event], mtype: str) -> str | None:
    for ev in events:
        if ev.type == mtype or (mtype == "administrative_sanction" and ev.type == "administrative_sanction"):
            return ev.date
    for ev in events:
        if ev.date:
            return ev.date
    return None


@lru_cache(maxsize=None)
def _plural_title_res() -> tuple[tuple[str, re.Pattern[str]], ...]:
    spec = load("names").get("plural_titles", {})
    # "judges E and F", "magistrates including Mr. G"
    return tuple((role, re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\s+(?:(?:including|such\s+as|namely)\s+)?"
                                   r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?$", re.I))
                 for role, words in spec.items())



def _plural_titles(text: str, persons: list[Mention]) -> None:
    """A title in the plural before a list of names (names.yaml `plural_titles`) gives each name its role:
    "represented by Maîtres A, B, C and D" are four lawyers, "judges E and F" two officials."""
    people = sorted(persons, key=lambda p: p.evidence.start)
    for i, p in enumerate(people):
        before = text[max(0, p.evidence.start - 40):p.evidence.start]
        role = next((r for r, rx in _plural_title_res() if rx.search(before)), None)
        if role is None:
            continue
        _add(p.roles, role)
        prev = p
        for q in people[i + 1:]:
            if not NAMES_GAP.fullmatch(text, prev.evidence.end, q.evidence.start):
                break
            _add(q.roles, role)
            if p.attrs.get("counsel"):
                q.attrs["counsel"] = True  # "represented by Maîtres A, B and C": counsel in this case, each of them
            prev = q


def _add(lst: list[str], x: str) -> None:
    if x not in lst:
        lst.append(x)
