"""Amounts as claims: an amount in brackets after another is its conversion, not a second claim."""
from __future__ import annotations

from .conftest import doc


def test_a_conversion_in_brackets_is_no_claim_of_its_own(x):
    ex = x.extract(doc("The judge found Mr. Oleg Petrenko guilty and fined him 150,000 roubles (approximately 1,550 "
                       "euros).", published="2026-06-10"))
    amounts = [c.value for c in ex.claims if c.topic.startswith("amount")]
    assert amounts == ["RUB 150,000"]
