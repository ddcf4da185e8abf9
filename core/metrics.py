"""Classification metrics shared by the sentiment baseline and BERT fine-tuning, so both tables
are computed the same way: accuracy, per-class precision / recall / F1, macro-F1, confusion."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class Metrics:
    """accuracy, macro-F1, per-class precision/recall/F1 and the confusion matrix
    (``confusion[i][j]`` = examples of true class i predicted as j)."""

    accuracy: float
    macro_f1: float
    per_class: list[dict]
    confusion: list[list[int]]
    n: int

    def as_dict(self) -> dict:
        return {"accuracy": self.accuracy, "macro_f1": self.macro_f1, "per_class": self.per_class,
                "confusion": self.confusion, "n": self.n}


def metrics_from(y_true, y_pred, label_names: list[str]) -> Metrics:
    """Accuracy, macro-F1 (mean of per-class F1; a class never predicted nor present counts 0)."""
    k = len(label_names)
    conf = np.zeros((k, k), dtype=np.int64)
    for t, p in zip(y_true, y_pred):
        conf[int(t), int(p)] += 1
    n = int(conf.sum())
    per_class = []
    for c in range(k):
        tp = int(conf[c, c])
        fp = int(conf[:, c].sum()) - tp
        fn = int(conf[c, :].sum()) - tp
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_class.append({"label": label_names[c], "precision": prec, "recall": rec, "f1": f1,
                          "support": int(conf[c, :].sum())})
    acc = float(np.trace(conf)) / n if n else 0.0
    return Metrics(accuracy=acc, macro_f1=float(np.mean([p["f1"] for p in per_class])),
                   per_class=per_class, confusion=conf.tolist(), n=n)
