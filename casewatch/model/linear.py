"""Linear classifiers read from JSON weights (trained by ``train.py``): no
library is needed to apply them, and the weights are a small data file."""
from __future__ import annotations

import math
from typing import Any


class Linear:
    """kind: binary (one weight per feature), multiclass (softmax), multilabel (a sigmoid per class)."""

    def __init__(self, spec: dict[str, Any]):
        self.kind: str = spec["kind"]
        self.classes: list[str] = spec.get("classes", ["no", "yes"])
        self.coef: dict[str, list[float]] = spec["coef"]
        self.intercept: list[float] = spec["intercept"]
        self.thresholds: list[float] = spec.get("thresholds", [0.5] * len(self.intercept))
        self.threshold: float = spec.get("threshold", 0.5)

    def scores(self, feats: dict[str, float]) -> list[float]:
        out = list(self.intercept)
        for f, v in feats.items():
            w = self.coef.get(f)
            if w is not None and v:
                for k, wk in enumerate(w):
                    out[k] += wk * v
        return out

    def proba(self, feats: dict[str, float]) -> list[float]:
        s = self.scores(feats)
        if self.kind == "multiclass":
            m = max(s)
            e = [math.exp(x - m) for x in s]
            z = sum(e)
            return [x / z for x in e]
        return [1 / (1 + math.exp(-max(-30.0, min(30.0, x)))) for x in s]

    def p_yes(self, feats: dict[str, float]) -> float:
        return self.proba(feats)[0]

    def best(self, feats: dict[str, float]) -> tuple[str, float]:
        p = self.proba(feats)
        k = max(range(len(p)), key=p.__getitem__)
        return self.classes[k], p[k]

    def labels(self, feats: dict[str, float]) -> list[tuple[str, float]]:
        """multilabel: the classes over their thresholds, else the likeliest one."""
        p = self.proba(feats)
        out = [(c, pk) for c, pk, t in zip(self.classes, p, self.thresholds) if pk >= t]
        if not out:
            k = max(range(len(p)), key=p.__getitem__)
            out = [(self.classes[k], p[k])]
        return out
