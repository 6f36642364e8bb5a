"""Benchmark commands (registered on the main app)."""
from __future__ import annotations
