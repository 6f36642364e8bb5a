"""How a snapshot of a case file is kept: compressed JSON (databases made before keep plain JSON, still read)."""
from __future__ import annotations

import json
from typing import Any


def pack(data: dict[str, Any]) -> str:
    import base64
    import zlib
    return "z1:" + base64.b64encode(zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"), 6)).decode("ascii")


def unpack(stored: str) -> dict[str, Any]:
    """A snapshot as stored: compressed ("z1:"), or plain JSON as databases made before kept it."""
    if stored.startswith("z1:"):
        import base64
        import zlib
        return json.loads(zlib.decompress(base64.b64decode(stored[3:])).decode("utf-8"))
    return json.loads(stored)
