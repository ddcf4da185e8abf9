"""Choosing the next token from a language model's logits z (one per vocabulary entry).

    temperature τ:  P_τ(w) = exp(z_w / τ) / Σ_v exp(z_v / τ)   (τ → 0: always the most likely token;
                    τ = 1: the model's own P; τ > 1: flatter)
    top-k:          keep the k most probable tokens, renormalise
    top-p (nucleus): keep the fewest most probable tokens whose probabilities add up to ≥ p, renormalise

Applied in that order (τ, then k, then p), as most generation libraries do. The same functions
serve the LSTM language model and the mini-GPT.
"""
from __future__ import annotations

import math

import torch

from core import InvalidInput

MAX_TEMPERATURE = 3.0


def check_temperature(temperature) -> float:
    try:
        t = float(temperature)
    except (TypeError, ValueError):
        raise InvalidInput("温度 (temperature) は 0〜3 の数値で指定してください。",
                           en="Give the temperature as a number from 0 to 3.") from None
    if not math.isfinite(t) or not (0.0 <= t <= MAX_TEMPERATURE):
        raise InvalidInput(f"温度 (temperature) {temperature} は範囲外です。"
                           "0〜3 にしてください（0 = いつも最も確率の高いもの）。",
                           en=f"The temperature {temperature} is out of range. Use 0–3 (0 = always the most probable one).")
    return t


def check_top_k(top_k, vocab_size: int) -> int:
    """k of top-k sampling; 0 or None = no limit. Larger than the vocabulary = the vocabulary."""
    if top_k is None or top_k == 0:
        return 0
    try:
        k = int(top_k)
    except (TypeError, ValueError):
        raise InvalidInput("top-k は整数で指定してください（0 = 制限なし）。",
                           en="Give top-k as an integer (0 = no limit).") from None
    if k < 0:
        raise InvalidInput(f"top-k が {top_k} です。0（制限なし）以上にしてください。",
                           en=f"top-k is {top_k}. Use 0 (no limit) or more.")
    return min(k, int(vocab_size))


def check_top_p(top_p) -> float:
    """p of nucleus sampling in (0, 1]; None = 1 (no limit)."""
    if top_p is None:
        return 1.0
    try:
        p = float(top_p)
    except (TypeError, ValueError):
        raise InvalidInput("top-p は 0 より大きく 1 以下の数値で指定してください（1 = 制限なし）。",
                           en="Give top-p as a number greater than 0 and at most 1 (1 = no limit).") from None
    if not math.isfinite(p) or not (0.0 < p <= 1.0):
        raise InvalidInput(f"top-p が {top_p} です。0 より大きく 1 以下にしてください（1 = 制限なし）。",
                           en=f"top-p is {top_p}. Use a number greater than 0 and at most 1 (1 = no limit).")
    return p


def apply_temperature(logits: torch.Tensor, temperature: float = 1.0) -> torch.Tensor:
    """P_τ over the last dimension; τ = 0 puts all the probability on the argmax."""
    t = check_temperature(temperature)
    if t == 0:
        p = torch.zeros_like(logits)
        p.scatter_(-1, logits.argmax(-1, keepdim=True), 1.0)
        return p
    return torch.softmax(logits / t, dim=-1)


def top_k_filter(p: torch.Tensor, k: int) -> torch.Tensor:
    """Keep the k largest probabilities of a distribution p (V,), renormalised; k = 0: unchanged."""
    if not k or k >= p.shape[-1]:
        return p
    kth = torch.topk(p, k).values[..., -1:]
    kept = torch.where(p >= kth, p, torch.zeros_like(p))
    return kept / kept.sum(-1, keepdim=True)


def top_p_filter(p: torch.Tensor, top_p: float) -> torch.Tensor:
    """Nucleus: the fewest most probable tokens whose probabilities add up to ≥ top_p, renormalised."""
    if top_p >= 1.0:
        return p
    sorted_p, order = torch.sort(p, descending=True)
    before = torch.cumsum(sorted_p, -1) - sorted_p  # the mass of the tokens ranked above each one
    keep_sorted = before < top_p  # the first token is always kept
    keep = torch.zeros_like(keep_sorted).scatter(-1, order, keep_sorted)
    kept = torch.where(keep, p, torch.zeros_like(p))
    return kept / kept.sum(-1, keepdim=True)


def probabilities(logits: torch.Tensor, temperature: float = 1.0, top_k: int | None = 0,
                  top_p: float | None = 1.0) -> torch.Tensor:
    """The distribution the next token is drawn from: temperature, then top-k, then top-p."""
    p = apply_temperature(logits, temperature)
    p = top_k_filter(p, check_top_k(top_k, logits.shape[-1]))
    return top_p_filter(p, check_top_p(top_p))


def sample(logits: torch.Tensor, temperature: float = 1.0, top_k: int | None = 0, top_p: float | None = 1.0,
           generator: torch.Generator | None = None) -> int:
    """One token id drawn from ``probabilities`` (τ = 0: the most probable one, no draw)."""
    p = probabilities(logits, temperature, top_k, top_p).cpu()
    if check_temperature(temperature) == 0:
        return int(torch.argmax(p))
    return int(torch.multinomial(p, 1, generator=generator))
