"""Which capitalised words name an organisation of the case."""
from __future__ import annotations

from casewatch.extract.names import find_names

from .conftest import doc


def test_a_kind_of_body_alone_is_no_organisation():
    text = ("The Court rejected the appeal of the Velmora Teachers' Union, and the Council said the Groups had "
            "misreported it.")
    ents = [("ORG", text.index(w), text.index(w) + len(w)) for w in ("Court", "Council", "Groups",
                                                                      "Velmora Teachers' Union")]
    orgs = {text[h.start:h.end] for h in find_names(doc(text), ents) if h.kind == "organization"}
    assert "Velmora Teachers' Union" in orgs
    assert not orgs & {"Court", "Council", "Groups"}
