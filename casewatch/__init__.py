"""casewatch: grounded case files from scattered reports on persecuted activists."""

__version__ = "0.1.0"
