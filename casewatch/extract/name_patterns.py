"""The patterns names are found with: the shape of a name's words, and the cue patterns built once from
data/names.yaml (titles, place and organisation heads, UN mandates)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..model.names import given_abbreviations
from .data import load
from .prefilter import fast

# letters beyond ASCII: Solórzano, Näkkäläjärvi, Tiúl, Şahin, Əliyev, Жанар
UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽƏА-ЯЁІЇЄҚҒҮҰӘӨҺ"
LO = "a-zß-öø-ÿā-žǎǐǒǔəа-яёіїєқғүұәөһ"
NAME_TOKEN = rf"(?:(?:Mc|Mac|O['’]|[Ee]l-|[Aa]l-)?[{UP}][{LO}]+(?:[-'’][{UP}][{LO}]+)*(?:-[{LO}]{{2,}}\b)?|[{UP}]\.|(?:Ma|Md|Mohd|Muhd|Wm|Jos|Fco)\.)"
NAME = rf"{NAME_TOKEN}(?:[ \t]+(?:de|da|dos|van|von|bin|ibn|al|el|del|la|le)[ \t]+{NAME_TOKEN}|[ \t]+{NAME_TOKEN}){{1,3}}"
NAME_RE = re.compile(rf"\b{NAME}\b")
LIST_RE = re.compile(rf"(?P<items>(?:Ms\.?\s+|Mr\.?\s+|Mrs\.?\s+)?{NAME}(?:\s*,\s*(?:and\s+)?(?:Ms\.?\s+|Mr\.?\s+|Mrs\.?\s+)?{NAME})+(?:\s*,?\s+and\s+(?:Ms\.?\s+|Mr\.?\s+|Mrs\.?\s+)?{NAME})?)")


def _honorific_re() -> re.Pattern[str]:
    """An honorific of names.yaml (`honorifics`: "Mr", "Sra.", "Ustaz") and the capitalised name after it, with its
    particles ("Sr. Eduardo del Castillo del Carpio")."""
    d = load("names")
    words = "|".join(sorted({re.escape(k.rstrip(".")) for k in d["honorifics"]} - {"H\\.E"}, key=len, reverse=True))
    particles = "|".join(sorted(map(re.escape, d["name_particles"]), key=len, reverse=True))
    return re.compile(rf"\b(?:H\.E\.\s+)?(?:{words})\.?\s+(?P<name>{NAME_TOKEN}(?:[ \t]+(?:(?:{particles})[ \t]+)?{NAME_TOKEN}){{0,3}})")


HONORIFIC_RE = _honorific_re()
ACRONYM_RE = re.compile(r"(?P<long>(?:[A-Z][\w’'-]+\s+)(?:(?:of|for|on|and|the|in|de|du|des|la|le)\s+|[A-Z][\w’'-]+\s+){0,10}[A-Z][\w’'-]+)\s+\((?P<short>[A-Z][A-Za-z]{1,9})\)")
TRANSLATION_RE = re.compile(r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,4})\s+\((?P<alt>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,4})\)")

# "Thpong district", "Kampong Speu province", "Por Sen Chey district": a place's name of up to three words before
# its kind of place
PLACE_SUFFIX_RE = re.compile(r"\b(?P<name>[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){0,2})[ \t]+(?P<suffix>region|province|district|oblast|county|governorate|prefecture|Region|Province|District|Oblast|County|Governorate|Prefecture)\b")
ORG_CUE_RE = re.compile(r"\b(?:(?:a\s+)?(?:leader|founder|member|members|head|director) of|affiliated with(?: the)?)\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})")
ORG_PHRASE_RE = re.compile(
    r"\b(?:the\s+)?(?P<name>(?:(?:[A-Z][\w’'-]+(?:’s|'s)?)[ \t]+)?(?:Chinese|Russian|Turkish|US|American|British|French|German|[A-Z][a-z]+(?:’s|'s)?)[ \t]+"
    r"(?:Embassy|Consulate|consulate|embassy|Foreign Ministry|Ministry of [A-Z][a-z]+(?: [A-Z][a-z]+)*|Interior Ministry|Justice Ministry)"
    r"(?:[ \t]+in[ \t]+[A-Z][a-z]+)?)")
# "Gazi Yaşargil Training and Research Hospital", "Elazığ High Security Prison": where people are held or treated
FACILITY_RE = re.compile(rf"(?P<name>(?:[ae]l-)?[{UP}][\w’'-]+(?:\s+(?:(?:and|of|for|the|de)\s+)?[{UP}][\w’'-]+){{0,6}}\s+"
                         r"(?:Hospital|Prison|Penitentiary|Detention Cent(?:re|er)|Remand Prison|Penal Colony|Clinic|Jail)"
                         r"(?:\s+No\.\s?\d{1,3}\b)?)\b")  # "Pretrial Detention Centre No. 8": the number is the name
DATELINE_RE = re.compile(rf"^[ \t]*(?P<places>[{UP}]{{3,}}(?:[ \t][{UP}]{{3,}})?(?:/[{UP}]{{3,}}(?:[ \t][{UP}]{{3,}})?)*)"
                         r"(?:,[^\n–—]{0,30}?)?[ \t]+(?:–|—|--?)[ \t]+(?=[A-Z][a-z][^\n]{60,})", re.M)
HONOR_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Atty)\.?\s*$")
HONOR_LEAD = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Atty)\.?\s+")
JUNK_TAIL = re.compile(r"(?:^|\s)(?:No|Nos|Sec|Art|Para)\.?$")
# a byline: at a line's start or after a separator of the page's furniture ("Monitor | By A B | Published …",
# "**By A B in Harare**", "By A B. C — 18 October 2018"), then a separator, a place or an outlet, or the line's end
BYLINE_RE = re.compile(rf"(?:^[ \t]*[*_]{{0,3}}|[|·•—–][ \t]*)(?:By|Written by|Reporting by|Text:)[ \t]+"
                       rf"(?P<name>{NAME_TOKEN}(?:[ \t]+{NAME_TOKEN}){{1,3}})"
                       rf"(?=[ \t]*(?:$|[|·,•*_—–]|and\b|(?:in|for)[ \t]+[{UP}][^\n]{{0,60}}?(?:$|[|·,•*_—–])))", re.M)
STRIP_RE = re.compile(r"^(?:the|The)\s+|(?:’s|'s)$")
# a court caption's or a Spanish-style name with the maternal surname after "y": "JUAN DELA CRUZ y SANTOS",
# "Juan Dela Cruz y Santos"; the name is the part before "y" (a second full name after "y" is a conjunction)
_WS = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_CAPS_TOKEN = rf"(?:[{UP}]{{2,}}(?:[-'’][{UP}]+)*\.?|[{UP}]\.)"
MATERNAL_RE = re.compile(
    rf"(?<![\w.])(?P<name>{_CAPS_TOKEN}(?:{_WS}{_CAPS_TOKEN}){{1,4}}){_WS}[yY]{_WS}(?P<mat>[{UP}]{{2,}})\b(?![ \t]+[{UP}]{{2,}})"
    rf"|(?<![\w.])(?P<name2>{NAME_TOKEN}(?:[ \t]+(?:{NAME_TOKEN}|(?:Jr|Sr)\.?)){{1,4}})[ \t]+y[ \t]+(?P<mat2>[{UP}][{LO}]+)\b"
    rf"(?![ \t]+[{UP}][{LO}])")
# a nickname in quotes after a full name: Hitler Jessia Chiconda "Samussuku", José Gomes Hata "Cheick Hata",
# A, known as "Nito"
NICK_AFTER = re.compile(rf"[ \t]*,?[ \t]*(?:\(?(?:(?:also|better|popularly)[ \t]+)?known[ \t]+as[ \t]+|\(?alias[ \t]+|\(?a\.k\.a\.?[ \t]+|\()?"
                        rf"[\"“«](?P<nick>[{UP}][\w'’.-]+(?:[ \t][{UP}][\w'’.-]+){{0,2}})[\"”»]")
# a nickname in quotes inside a name: Teodoro "Teddy" Gallardo Jr., Rogelio “Jojo” Villanueva
NICKNAME_RE = re.compile(
    rf"(?<![\w.])(?P<name>{NAME_TOKEN}(?:[ \t]+{NAME_TOKEN}){{0,2}}[ \t]+[\"“](?P<nick>[{UP}][{LO}]+(?:[ \t][{UP}][{LO}]+){{0,2}})[\"”]"
    rf"[ \t]+{NAME_TOKEN}(?:[ \t]+{NAME_TOKEN}){{0,2}}(?:[ \t]+(?:II|III|IV)\b)?)")


@lru_cache(maxsize=None)
def possessive_cut() -> re.Pattern[str]:
    """Where a name ends: at a bracket, or at a possessive ("China's Foreign Ministry" is a ministry's name after
    it), except the possessive of names.yaml possessive_bodies ("the Urumqi Municipal People's Court")."""
    words = "".join(f"(?<!\\b{re.escape(w)})" for w in load("names")["possessive_bodies"])
    return re.compile(rf"\s*\(|{words}(?:’s|'s)\s")


def alternation(*keys: str) -> str:
    """names.yaml's word lists KEYS as one regex alternation, longest first (so "prison complex" beats "prison")."""
    d = load("names")
    return "|".join(sorted((re.escape(w) for k in keys for w in d[k]), key=len, reverse=True))


PLACE_TOKEN = rf"(?:(?:[ae]l-)?[{UP}][{LO}]+(?:-(?:[ae]l-)?[{UP}][{LO}]+)*)"
PLACE_NAME = rf"{PLACE_TOKEN}(?:[ \t]+{PLACE_TOKEN}){{0,2}}"
# names.yaml place_intro, then a place's name of up to three words, Romance particles inside ("Villa de Zaachila")
PLACE_INTRO_RE = re.compile(rf"\b(?:{alternation('place_intro')})[ \t]+(?P<name>{PLACE_TOKEN}"
                            rf"(?:[ \t]+(?:(?:de|del|de la|do|da|dos|das)[ \t]+)?{PLACE_TOKEN}){{0,2}})")


@lru_cache(maxsize=None)
def place_cue_res() -> tuple[re.Pattern[str], ...]:
    """Places named by the words around them (data/names.yaml): "his home in X", "the A and B districts",
    "X police station", a world region."""
    d = load("names")
    homes = alternation("place_in_cues")
    plural = "|".join(re.escape(w[:-1] + "ies" if w.endswith("y") else w + "s") for w in d["place_suffixes"])
    heads = alternation("place_heads_lower")
    regions = alternation("world_regions")
    return tuple(map(fast, (re.compile(rf"\b(?:{homes})[ \t]+in[ \t]+(?P<name>{PLACE_NAME})\b"),
            re.compile(rf"\b(?P<a>{PLACE_TOKEN}(?:[ \t]+{PLACE_TOKEN})?)[ \t]+and[ \t]+"
                       rf"(?P<b>{PLACE_TOKEN}(?:[ \t]+{PLACE_TOKEN})?)[ \t]+(?:{plural})\b"),
            re.compile(rf"(?P<name>\b(?P<own>{PLACE_TOKEN}(?:[ \t]+{PLACE_TOKEN})?)[ \t]+(?:{heads}))\b"),
            re.compile(rf"(?<![{UP}][{LO}] )(?<![{UP}][{LO}]{{2}} )(?<!\band )(?P<name>\b(?:{regions}))\b(?![ \t]+[{UP}])"))))


@lru_cache(maxsize=None)
def place_apart_re() -> re.Pattern[str]:
    heads = alternation("place_heads_apart")
    return fast(re.compile(rf"(?P<name>\b{PLACE_TOKEN}(?:[ \t]+{PLACE_TOKEN}){{0,2}})[ \t]+(?:{heads})\b"))


@lru_cache(maxsize=None)
def business_re() -> re.Pattern[str]:
    heads = alternation("business_heads_lower")
    return fast(re.compile(rf"(?P<name>\b{PLACE_TOKEN}(?:[ \t]+{PLACE_TOKEN}){{0,3}})[ \t]+(?:{heads})\b"))


@lru_cache(maxsize=None)
def police_body_re() -> re.Pattern[str]:
    heads = alternation("org_heads_lower")
    return fast(re.compile(rf"(?<![\w’'])(?P<name>{PLACE_TOKEN}(?:[ \t]+{PLACE_TOKEN}){{0,2}}[ \t]+(?:{heads}))\b"))


@lru_cache(maxsize=None)
def title_lead_re() -> re.Pattern[str]:
    """A title of names.yaml's title_honorifics opening a name of capitalised words."""
    words = alternation("title_honorifics")
    return re.compile(rf"^(?:{words})\.?[ \t]+(?={NAME_TOKEN}(?:[ \t]+{NAME_TOKEN}){{0,4}}$)")


@lru_cache(maxsize=None)
def title_honorific_re() -> re.Pattern[str]:
    words = alternation("title_honorifics")
    return fast(re.compile(rf"\b(?:{words})[ \t]+(?P<name>{NAME_TOKEN}(?:[ \t]+{NAME_TOKEN}){{1,4}})\b"))


@lru_cache(maxsize=None)
def title_run_re() -> re.Pattern[str]:
    """An instrument's title (data/names.yaml title_heads) through its topic: to a stop, a clause or a lower-case
    word after a comma ("Individuals, Groups and Organs of Society" runs on; ", also known as" ends it)."""
    heads = alternation("title_heads")
    return fast(re.compile(rf"\b(?:{heads})[ \t]+(?:on|of|for|against|relating to)[ \t]+(?P<rest>(?:[^.;:\n(),]|,[ \t]+(?=[{UP}]))+)"))


@lru_cache(maxsize=None)
def mandate_re() -> re.Pattern[str]:
    """A UN mandate's or body's name runs from its head through its topic, to a stop or the next clause."""
    heads = alternation("mandate_heads")
    stop = r"(?:and|to|which|who|has|have|had|was|were|is|are|as)[ \t]+(?:the\b|[A-Z])|(?:which|who|as)\b" \
        r"|in[ \t]+(?:the|a|an|its|one|their|his|her)\b" \
        r"|(?:found|finds|called|calls|said|says|urged|urges|expressed|concluded|considered|considers|noted|notes" \
        r"|wrote|adopted|issued|requested|welcomed|declared|transmitted|sent)\b"
    # "in Belarus" is a part of the topic, "in its report" not; a verb ends it ("… on Arbitrary Detention found that")
    word = rf"(?!{stop})[\w'’-]+"
    return fast(re.compile(rf"\b(?:{heads})[ \t]+on[ \t]+(?P<topic>{word}(?:[ \t]+{word}){{0,17}})"
                           rf"(?=[ \t]*(?:[;,.:\n()]|$)|[ \t]+(?:{stop}))"))


@lru_cache(maxsize=None)
def wrapped_title_re() -> re.Pattern[str]:
    words = alternation("person_titles", "titles")
    return fast(re.compile(rf"(?i:\b(?:{words}))[ \t]+(?P<name>{NAME_TOKEN}(?:[ \t]*\n?[ \t]*{NAME_TOKEN}){{1,2}})\b"))


@lru_cache(maxsize=None)
def occupation_before_re() -> re.Pattern[str]:
    """A person's occupation written just before a name ("the film-makers A and B", "the artist C"); a hyphen in a
    title may be left out ("cofounder")."""
    words = alternation("person_titles").replace("\\-", "-?")
    return re.compile(rf"(?-i:\b(?:the|a|an|and|with|by|of|to|for|as)\s+(?:[a-z][\w-]*\s+)?(?:{words})s?[ \t]+$)", re.I)


@lru_cache(maxsize=None)
def given_abbreviation_re(tail: str) -> re.Pattern[str]:
    """An abbreviated given name (model/data/translit.yaml: "Ma.", "Md.") standing alone, then TAIL."""
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(a) for a in given_abbreviations()) + r")" + tail)


@lru_cache(maxsize=None)
def inside_abbreviation_re() -> re.Pattern[str]:
    """A text that ends in an abbreviation a sentence goes on through (names.yaml `inside_abbreviations`)."""
    words = "|".join(re.escape(a) for a in load("names")["inside_abbreviations"])
    return re.compile(rf"(?<![\w.])(?:{words})\.$")


NUMBERED_CENTRE_RE = re.compile(rf"(?P<name>\b(?:[{UP}][\w’'-]+[ \t]+){{0,3}}(?P<q>[{UP}][\w’'-]+)[ \t]+Cent(?:re|er)"
                                r"[ \t]+(?:No\.[ \t]?)?\d{1,3})\b(?![.,/]\d)")
COURT_LEVEL_RE = re.compile(r"[ \t]+of[ \t]+(?:First[ \t]+Instance|Appeals?|Cassation)\b")
MINISTRY_RE = re.compile(r"\b(?P<head>Ministry|Minister) of (?P<dept>[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){0,2}"
                         r"(?:,?[ \t]+and[ \t]+(?P<more>[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){0,2}))?)\b(?![ \t]+[A-Z])")
PLACE_LIST_BEFORE = re.compile(r"\b(?:in|at|from|near|across)\s+$")
MEDIA_RE = re.compile(rf"\b(?:told|(?:as )?seen by|according to|interview with)\s+(?P<name>[{UP}][{LO}]+(?:[{UP}][{LO}]+)?)\b(?!\s+[A-Z])")
# the title line under a signature: "Special Rapporteur on …", "Secretary-General, …", "Presiding Judge"
_SIGNED_AS = r"(?:[A-Z][\w-]*\s+){0,3}(?:Rapporteur|Chair|Director|President|Secretary|Coordinator|Chair-Rapporteur|Expert|Member|of the|Judge|Justice|Magistrate|Prosecutor|Clerk)"
SIGNATURE_RE = re.compile(rf"^(?P<name>[{UP}][{LO}]+(?:[- ](?:(?:van der|van den|von der|van|von|de|da|del|della|la|le)[ ])?[{UP}][{LO}]+){{1,3}}|[{UP}]{{2,}}(?:[ ](?:[{UP}]\.|[{UP}]{{2,}}(?:-[{UP}]{{2,}})?)){{1,3}})[ \t]*\n(?=[ \t]*{_SIGNED_AS})", re.M)
ORG_BEFORE = re.compile(r"\b(?:group|movement|organi[sz]ation|NGO|party|union|association|network|newspaper|outlet|website|agency)\s+$", re.I)
# a work's title, not a name: "the book Backlash: China's Struggle…" ("book" anywhere just before, the others adjacent)
BOOK_BEFORE = re.compile(r"(?-i:\bbook\b)|\b(?:film|report|novel|documentary)\s+$", re.I)
# an age in apposition: "Haddad, 53, was handed …", "Kim, aged 61, said": only a person has one
AGE_AFTER = re.compile(r"^,\s*(?:aged\s+)?\d{1,2}\s*,")
PERSON_AFTER = re.compile(r"^,?\s+(?:said|says|told|added|explained|wrote|noted|stated|joined|staged|was|is|has|had|remains|remained|spent|went|who\b|an?\s+(?:\d+-year-old|ethnic|human rights|journalist|lawyer|activist|blogger|citizen|member|leader|woman|man|mother|father))")


@lru_cache(maxsize=None)
def title_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Words that stand before or after a person's name: "chairperson X", "X, secretary of …", "X, 64,"."""
    words = alternation("person_titles")
    before = re.compile(rf"\b(?:said|says|told|release of|{words})\s+$", re.I)
    after = re.compile(rf"^(?:,\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){{0,2}}(?:{words})\b|,\s+\d{{1,3}},|,\s+respectively\b)", re.I)
    return before, after


@lru_cache(maxsize=None)
def known_orgs_re() -> re.Pattern[str]:
    names = sorted(load("names")["known_orgs"], key=len, reverse=True)
    return fast(re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b"))


UN_REF_RE = re.compile(r"(?:AL|UA|OL|JAL|JUA|JOL)\s+[A-Z]{3}$")


# the patterns scanned over every whole text, each led by the characters its matches can start with (prefilter.py)
(NAME_RE, LIST_RE, HONORIFIC_RE, ACRONYM_RE, TRANSLATION_RE, PLACE_INTRO_RE, PLACE_SUFFIX_RE, ORG_CUE_RE, ORG_PHRASE_RE,
 FACILITY_RE, DATELINE_RE, BYLINE_RE, MATERNAL_RE, NICKNAME_RE, NUMBERED_CENTRE_RE, MINISTRY_RE, MEDIA_RE,
 SIGNATURE_RE) = map(fast, (NAME_RE, LIST_RE, HONORIFIC_RE, ACRONYM_RE, TRANSLATION_RE, PLACE_INTRO_RE, PLACE_SUFFIX_RE,
                            ORG_CUE_RE, ORG_PHRASE_RE, FACILITY_RE, DATELINE_RE, BYLINE_RE, MATERNAL_RE, NICKNAME_RE,
                            NUMBERED_CENTRE_RE, MINISTRY_RE, MEDIA_RE, SIGNATURE_RE))
