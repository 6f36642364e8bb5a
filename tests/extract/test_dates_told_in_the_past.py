"""A date written without its year reads as the last one before the report where its clause tells what happened,
and as the next one where it tells what is ahead. Invented people."""
from __future__ import annotations

from .conftest import doc


def _steps(x, text: str, published: str) -> set[tuple[str, str | None]]:
    return {(e.type, e.date) for e in x.extract(doc(text, published=published)).events}


def test_a_day_told_in_the_past_is_last_years_when_this_years_is_ahead(x):
    # a February report: 20 May is nearer ahead than behind, and the court's step is told in the past
    assert ("house_arrest", "2025-05-20") in _steps(
        x, "On 20 May the Court of Appeal sent three of them home under house arrest.", "2026-02-16")
    assert ("measure_extended", "2025-05") in _steps(
        x, "In May, after the court extended their detention a second time, Vesna Ilić refused food.", "2026-02-16")


def test_a_day_ahead_or_said_to_be_ahead_stays_ahead(x):
    # "has set … for": ahead, though "set" may be a verb in the past
    assert ("hearing", "2026-06-25") in _steps(x, "The court has set the arraignment of the two accused for June 25.",
                                               "2026-06-08")
    assert ("arrest", "2025-12-02") in _steps(x, "Vesna Ilić was arrested on 2 December.", "2026-02-16")
