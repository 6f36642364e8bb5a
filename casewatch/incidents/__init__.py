"""incidents: the main attack each document reports, as an incident record
(casewatch.incident/1, ../shared/eval/INCIDENT.md): the named victims with
their type, sex and age group; the violation types; the perpetrator; where
and when.  Every field is grounded in the document's text where it can be.

Rules propose (names, places, dates, cue phrases in data/*.yaml); small
linear classifiers trained on HRDsAttack's training split (data/model.json,
``casewatch train hrdsattack``) decide.  Imports only the model, the errors
and the steps before it (extract's date and name helpers).
"""
from __future__ import annotations

from .build import SCHEMA, build_record, build_records, models
from .view import DocView

__all__ = ["SCHEMA", "DocView", "build_record", "build_records", "models"]
