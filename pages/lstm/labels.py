"""Translated label dicts for the figures of core.lstm.figures."""
from __future__ import annotations

from core.lstm import CELL_LABELS
from pages.common.ui import t


def curve_labels() -> dict:
    return {"truth": t("lstm.lab.truth"), "one_step": t("lstm.lab.one_step"), "forecast": t("lstm.lab.forecast"),
            "train": t("lstm.lab.train"), "val": t("lstm.lab.val"), "train_loss": t("lstm.lab.train_loss"),
            "val_loss": t("lstm.lab.val_loss"), "epoch": t("lstm.lab.epoch"), "loss": t("lstm.lab.loss"),
            "value": t("lstm.lab.value"), "uni": t("lstm.bi.uni"), "bi": t("lstm.bi.bi"), **CELL_LABELS}


def gate_labels(cell: str) -> dict:
    return {"i": t("lstm.gate.i"), "f": t("lstm.gate.f"), "c_tilde": t("lstm.gate.c_tilde"), "o": t("lstm.gate.o"),
            "c": t("lstm.gate.c"), "h": t("lstm.gate.h"), "r": t("lstm.gate.r"), "z": t("lstm.gate.z_gru"),
            "n": t("lstm.gate.n")}
