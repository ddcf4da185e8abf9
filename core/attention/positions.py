"""Positional encodings side by side (issue 27, item 4): the sinusoidal table's wavelengths, the
learned position embeddings of a BERT trained here, and RoPE's rotation angles.

Sinusoidal: PE(pos, 2i) = sin(pos · ω_i), PE(pos, 2i+1) = cos(pos · ω_i), ω_i = 10000^(−2i/d), so
dimension pair i repeats every λ_i = 2π / ω_i = 2π · 10000^(2i/d) positions: from 2π (i = 0) up to
nearly 10000 · 2π (i = d/2 − 1) — a geometric progression of wavelengths.
Learned: BERT keeps a trained table P (max positions × d) and adds P[pos]; nothing forces it to be
periodic, it is whatever helped the masked-LM loss.
RoPE: the same frequencies θ_i = 10000^(−2i/d_k) used as rotation angles pos · θ_i of Q and K
(core.attention.rope), so only the offset between two positions matters.
"""
from __future__ import annotations

import math

import numpy as np


def wavelengths(d_model: int) -> list[dict]:
    """One row per dimension pair (2i, 2i+1): ω_i and λ_i = 2π · 10000^(2i/d_model)."""
    rows = []
    for i in range(d_model // 2):
        omega = 10000.0 ** (-2 * i / d_model)
        rows.append({"pair": f"{2 * i}, {2 * i + 1}", "i": i, "omega": omega, "wavelength": 2 * math.pi / omega})
    return rows


def learned_table(model_dir: str, max_len: int = 100) -> np.ndarray:
    """The trained position embeddings P[0:max_len] (max_len × d) of a BERT directory (read with
    safetensors, no model built)."""
    from pathlib import Path

    from safetensors.numpy import load_file

    weights = load_file(str(Path(model_dir) / "model.safetensors"))
    name = next(k for k in weights if k.endswith("embeddings.position_embeddings.weight"))
    return weights[name][:max_len]


def rope_angles(max_len: int, d_k: int) -> np.ndarray:
    """pos · θ_i mod 2π (max_len × d_k/2): how far each coordinate pair is rotated at each position."""
    from core.attention.rope import angles

    return np.mod(angles(max_len, d_k).numpy(), 2 * math.pi)
