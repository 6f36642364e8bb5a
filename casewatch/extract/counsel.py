"""How reports name counsel and tell them from their clients: "Ana Pop's lawyer", "lawyer for the family, A",
"Lawyers for journalist B" (B is the client), a judgment's lines of appearances ("C and D, for the appellants",
"For the Accused: Adv. E"), a rank at the bar after the name ("F KC")."""
from __future__ import annotations

import re

from ..model import Mention

# a lawyer named as someone's counsel ("Ana Pop's lawyer", "his defence lawyer", "lawyer for the family", "who
# defended her"), as against a lawyer by trade who may be the accused ("rights lawyer Wang Yu was detained")
COUNSEL = re.compile(r"(?:['’]s|\bhis|\bher|\btheir|\bthe\s+family['’]s)\s+(?:\w+\s+)?(?:lawyers?|attorneys?|counsel)\b"
                     r"|\b(?:lawyers?|attorneys?|counsel)\s+(?:for|of|representing|acting\s+for)\b|\bdefen[cs]e\s+(?:lawyers?|counsel|attorneys?|team)\b"
                     r"|\bwho\s+(?:also\s+)?(?:defended|defends|represents|represented)\b|\bcounsel,?\s*(?:(?:Mr|Ms|Mrs|Dr)\.?\s*)?$"
                     # a party "represented by" the name, with or without the bar's title: "the defence, represented by
                     # Maîtres A, B …", "the State, represented by Maître C"
                     r"|\b(?:represented|defended|assisted)\s+by\s+(?:(?:Ma[iî]tres?|Me|Mr|Ms|Mrs|Dr|Adv|Atty|lawyers?|counsel|attorneys?|advocates?)\.?\s+)?$", re.I)
# counsel "for" someone named straight after, with no comma: the name is the client ("Lawyers for community journalist
# A B have asked …"); "lawyer for the family, C" names counsel in apposition
CLIENT_BEFORE = re.compile(r"\b(?:lawyers?|attorneys?|counsel)\s+(?:for|of|representing)\s+(?:[\w'’-]+\s+){0,3}$", re.I)
APPEARING_AFTER = re.compile(r"(?:(?:,|\s+and|\s*&)(?:[^.;\n]|\b[A-Z]\.){0,100}?)?,?\s+for\s+the\s+(?P<party>appellants?|respondents?|applicants?|"
                             r"petitioners?|accused(?:\s+persons?)?|defen[cs]e|defendants?|plaintiffs?|prosecution|state|crown|republic)\s*[.;]?\s*$", re.I)
# what may stand before a name on a line of appearances: other names and initials ("W. Marufu and J. Chigumba")
APPEARANCE_LINE_HEAD = re.compile(r"[\w.'’ \t,&-]{0,80}")
# the side counsel appear for: the accused's (a lawyer), or the State's, which answers the accused's appeal (an official)
DEFENCE_SIDE = re.compile(r"appellants?|applicants?|petitioners?|accused(?:\s+persons?)?|defen[cs]e|defendants?", re.I)
# a judgment's appearances, the line that opens with the party: "For the Accused:   Adv. A (instructed by B Attorneys)"
APPEARING = re.compile(r"[ \t]*(?:appearing\s+)?for\s+the\s+(?:accused|defen[cs]e|appellants?|applicants?|petitioners?|"
                       r"respondents?|defendants?|plaintiffs?)\s*:\s*(?:(?:Adv|Advocate|Mr|Ms|Mrs|Dr|Me|Atty)\.?\s+)?", re.I)
# after the name: "who defended her", "her lawyer", and a court's way of naming counsel ("X, SAN", "X, Esq.",
# "X, attorney-at-law", "X, one of the defence counsel")
COUNSEL_AFTER = re.compile(r",?\s*(?:who\s+(?:also\s+)?(?:defended|defends|represents|represented)|(?:his|her|their)\s+(?:\w+\s+)?(?:lawyer|counsel)"
                           r"|,\s*(?:SAN|Esq\.?|attorneys?-at-law|(?:one\s+of\s+)?the\s+defen[cs]e\s+(?:counsel|lawyers|team))(?![\w-]))", re.I)
BAR_RANK = re.compile(r",?\s+(?:KC|QC|SC|SAN)(?![\w-])")
# counsel named after the party they appear for, in apposition: "counsel for the accused, Me A", "lawyers for the
# defence, B and C" (the accused are the clients, not the name)
COUNSEL_FOR_PARTY = re.compile(r"\b(?:counsel|lawyers?|attorneys?|advocates?)\s+for\s+the\s+(?:accused|defen[cs]e|"
                               r"defendants?|applicants?|appellants?|petitioners?)\s*,\s*(?:(?:Me|Ma[iî]tres?|Mr|Ms|Mrs|Dr|Adv)\.?\s+)?$",
                               re.I)
# what parts two counsel named one after the other: "Me A and Me B", "Mr C, Ms D"
COUNSEL_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:(?:Me|Ma[iî]tre|Mr|Ms|Mrs|Dr|Adv|Atty)\.?\s+)?")


def counsel_in_a_row(text: str, persons: list[Mention]) -> None:
    """The names right after counsel named in apposition ("counsel for the accused, Me A and Me B") are counsel too,
    each a lawyer in this case, not the accused (in place)."""
    people = sorted(persons, key=lambda p: p.evidence.start)
    for p, q in zip(people, people[1:]):
        if p.attrs.get("counsel") and "lawyer" in p.roles and set(q.roles) <= {"lawyer"} and not q.attrs.get("client") and \
                COUNSEL_GAP.fullmatch(text, p.evidence.end, q.evidence.start):
            q.attrs["counsel"] = True
            if "lawyer" not in q.roles:
                q.roles.append("lawyer")
