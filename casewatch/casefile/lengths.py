"""Days and lengths of time as case files write them: an ISO date at day precision, "two months" read as (2,
"months"), and a length added to a day.  The state of a person (state.py) reads the ends of measures with them, and
the outputs (agenda, dossier) reach them through outputs/common.py."""
from __future__ import annotations

import re
from datetime import date, timedelta

from ..extract.dates import add_months
from ..extract.numbers import value as number_value

_UNITS = {"day": "days", "days": "days", "week": "weeks", "weeks": "weeks",
          "month": "months", "months": "months", "year": "years", "years": "years"}
_LENGTH = re.compile(r"(?P<n>\d+(?:\.\d+)?|[a-z]+(?:[\s-][a-z]+)?)\s*(?:-\s*)?(?P<unit>days?|weeks?|months?|years?)\b",
                     re.IGNORECASE)


def day(value: str | None) -> date | None:
    """An ISO date at day precision, else None ("2025-11" and "2025" are not days)."""
    if not value or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _number(words: str) -> float | None:
    """ "10", "two", "twenty-one"; in "further two" the last word is the number."""
    words = words.lower().strip()
    v = number_value(words)
    return v if v is not None else number_value(words.split()[-1]) if words.split() else None


def parse_length(text: str | None) -> tuple[int, str] | None:
    """ "10 days" -> (10, "days"); "two months" -> (2, "months"); "a further 3 weeks" -> (3, "weeks")."""
    if not text:
        return None
    m = _LENGTH.search(text)
    if not m:
        return None
    n = _number(m.group("n"))
    if n is None or n != int(n) or n <= 0:
        return None
    return int(n), _UNITS[m.group("unit").lower()]


def add_length(start: date, length: tuple[int, str]) -> date:
    n, unit = length
    if unit == "days":
        return start + timedelta(days=n)
    if unit == "weeks":
        return start + timedelta(weeks=n)
    if unit == "months":
        return add_months(start, n)
    return add_months(start, 12 * n)
