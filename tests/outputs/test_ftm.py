"""Every FtM line is a valid entity of the expected schemata."""
from __future__ import annotations

import json

from followthemoney import model

from casewatch.outputs import EXPORTERS

EXPECTED = {"Person", "Organization", "Event", "CourtCase", "CourtCaseParty", "Mention", "Documentation", "PlainText"}


def test_every_line_validates(seeds_cf):
    lines = EXPORTERS["ftm"](seeds_cf).splitlines()
    ids, schemata, refs = set(), set(), []
    for line in lines:
        data = json.loads(line)
        proxy = model.get_proxy(data, cleaned=False)
        assert proxy.id and proxy.id not in ids
        ids.add(proxy.id)
        schemata.add(proxy.schema.name)
        proxy.schema.validate(proxy.to_dict())                       # values valid for their types
        assert not [r for r in proxy.schema.required if not proxy.get(r)], data
        for name, values in data["properties"].items():
            prop = proxy.schema.get(name)
            assert prop is not None, name
            for v in values:
                assert prop.type.clean(v, proxy=proxy) is not None, (name, v)
            if prop.type.name == "entity":
                refs += values
        assert model.get_proxy(proxy.to_dict(), cleaned=False).to_dict() == proxy.to_dict()   # round-trip
    assert EXPECTED <= schemata
    assert set(refs) <= ids                                            # no dangling references
    assert sum(1 for line in lines if json.loads(line)["schema"] == "PlainText") == len(seeds_cf["documents"])
    assert sum(1 for line in lines if json.loads(line)["schema"] == "Person") == len(seeds_cf["persons"])
