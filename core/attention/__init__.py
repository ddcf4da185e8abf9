"""Attention and the Transformer's building blocks as plain tensor functions (issue #6).

The names follow the lecture:

    Attention(Q, K, V) = softmax(Q Kᵀ / √d_k) V                      (scaled dot-product)
    MultiHead(Q, K, V) = Concat(head_1, …, head_h) W^O,
        head_i = Attention(Q W_Q^i, K W_K^i, V W_V^i),  d_k = d_v = d_model / h
    FFN(x) = max(0, x W_1 + b_1) W_2 + b_2                          (position-wise)
    PE(pos, 2i) = sin(pos / 10000^(2i/d_model)),  PE(pos, 2i+1) = cos(pos / 10000^(2i/d_model))

Matrices multiply from the right (Q = X W_Q, X has one row per token), as on the slides.
Masks are boolean with torch's SDPA convention: True = "may attend", False = hidden (−∞ score);
a float mask is added to the scores (0 = attend, −∞ = hidden).
Every function is checked numerically against torch (tests/attention/test_core.py):
``scaled_dot_product`` against ``torch.nn.functional.scaled_dot_product_attention``,
``multi_head`` against ``torch.nn.MultiheadAttention``.

The package: this module (the tensor functions), bert.py (attention read out of a BERT),
figures.py (the attention page's plotly figures).
"""
from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field

import numpy as np
import torch

from core import InputTooLong, InvalidInput

MAX_TOKENS = 24  # step-by-step views: annotated n × n heatmaps stay readable
MAX_TEXT_CHARS = 5000  # a text box may hold a long paste; tokens are capped after tokenising
D_K_RANGE = (2, 64)
MAX_PE_LEN = 2048
MAX_PE_DIM = 2048


# --- masks and the core formula ---------------------------------------------------------------

def causal_mask(n: int, device=None) -> torch.Tensor:
    """The decoder's causal mask: position t may look at positions ≤ t only.

    Returns a bool (n, n) lower-triangular matrix, True = may attend.
    """
    if n < 1:
        raise InvalidInput("マスクの大きさは 1 以上にしてください。",
                           en="The mask size must be at least 1.")
    return torch.ones(n, n, dtype=torch.bool, device=device).tril()


def attention_scores(Q: torch.Tensor, K: torch.Tensor, *, scale: bool = True) -> torch.Tensor:
    """Q Kᵀ (/ √d_k when ``scale``): one score per (query, key) pair."""
    scores = Q @ K.transpose(-2, -1)
    if scale:
        scores = scores / math.sqrt(Q.shape[-1])
    return scores


def masked(scores: torch.Tensor, mask: torch.Tensor | None) -> torch.Tensor:
    """Scores with hidden positions set to −∞ (softmax then gives them weight 0).

    ``mask`` is bool (True = may attend) or a float mask that is added to the scores
    (0 = attend, −∞ = hidden; torch's additive ``attn_mask``).
    """
    if mask is None:
        return scores
    if mask.is_floating_point():
        return scores + mask.to(scores.dtype)
    return scores.masked_fill(~mask.to(torch.bool), float("-inf"))


def scaled_dot_product(Q: torch.Tensor, K: torch.Tensor, V: torch.Tensor, *,
                       mask: torch.Tensor | None = None, scale: bool = True
                       ) -> tuple[torch.Tensor, torch.Tensor]:
    """softmax(Q Kᵀ / √d_k) V.

    Q: (…, n_q, d_k), K: (…, n_k, d_k), V: (…, n_k, d_v); mask: bool (n_q, n_k), True = attend.
    ``scale=False`` drops the 1/√d_k (to show softmax saturation).
    Returns (output (…, n_q, d_v), weights (…, n_q, n_k)).
    """
    weights = torch.softmax(masked(attention_scores(Q, K, scale=scale), mask), dim=-1)
    return weights @ V, weights


def hard_attention(weights: torch.Tensor) -> torch.Tensor:
    """Hard attention: each query takes the one key with the largest weight (one-hot argmax)."""
    idx = weights.argmax(dim=-1, keepdim=True)
    return torch.zeros_like(weights).scatter_(-1, idx, 1.0)


def sampled_hard_attention(weights: torch.Tensor, *, seed: int = 0) -> torch.Tensor:
    """Hard attention as the notes define it: each query picks ONE key by sampling from its
    attention distribution, j ~ Categorical(α_q1, …, α_qn), as a one-hot row. Seeded (a
    torch.Generator), so the same seed picks the same keys; masked keys (weight 0) are never
    picked. Averaged over many draws the one-hot rows approach the soft weights α."""
    flat = weights.detach().reshape(-1, weights.shape[-1]).float().cpu()  # (queries, keys)
    gen = torch.Generator(device="cpu").manual_seed(int(seed))
    idx = torch.multinomial(flat, 1, generator=gen)  # (queries, 1)
    return torch.zeros_like(flat).scatter_(-1, idx, 1.0).reshape(weights.shape).to(weights)


def sample_frequencies(weights: torch.Tensor, n: int, *, seed: int = 0) -> torch.Tensor:
    """How often each key is picked in ``n`` seeded draws of hard attention (per query)."""
    flat = weights.detach().reshape(-1, weights.shape[-1]).float().cpu()
    gen = torch.Generator(device="cpu").manual_seed(int(seed))
    idx = torch.multinomial(flat, int(n), replacement=True, generator=gen)  # (queries, n)
    counts = torch.zeros_like(flat).scatter_add_(-1, idx, torch.ones_like(idx, dtype=flat.dtype))
    return (counts / n).reshape(weights.shape)


def entropy(weights: torch.Tensor) -> torch.Tensor:
    """Entropy of each attention distribution in nats (0 = all weight on one key)."""
    w = weights.clamp_min(1e-12)
    return -(weights * w.log()).sum(-1)


# --- step by step ------------------------------------------------------------------------------

@dataclass
class Steps:
    """Everything the step-by-step view shows, for one set of token vectors X (n × d_model)."""

    X: torch.Tensor
    W_Q: torch.Tensor
    W_K: torch.Tensor
    W_V: torch.Tensor
    Q: torch.Tensor
    K: torch.Tensor
    V: torch.Tensor
    scores: torch.Tensor  # Q Kᵀ
    scaled: torch.Tensor  # Q Kᵀ / √d_k
    weights: torch.Tensor  # softmax of the scaled (or unscaled) scores, masked if causal
    output: torch.Tensor  # weights V
    weights_unscaled: torch.Tensor  # softmax(Q Kᵀ) without the scaling, same mask
    hard: torch.Tensor  # one-hot argmax of ``weights``
    hard_output: torch.Tensor  # hard V (the picked value vector)
    mask: torch.Tensor | None
    d_k: int
    scale: bool = True

    @property
    def d_model(self) -> int:
        return self.X.shape[-1]


def steps(X: torch.Tensor, W_Q: torch.Tensor, W_K: torch.Tensor, W_V: torch.Tensor, *,
          scale: bool = True, causal: bool = False) -> Steps:
    """Self-attention step by step: Q = X W_Q, K = X W_K, V = X W_V, then softmax(QKᵀ/√d_k) V."""
    Q, K, V = X @ W_Q, X @ W_K, X @ W_V
    d_k = Q.shape[-1]
    mask = causal_mask(X.shape[0], device=X.device) if causal else None
    scores = attention_scores(Q, K, scale=False)
    scaled = scores / math.sqrt(d_k)
    weights = torch.softmax(masked(scaled if scale else scores, mask), dim=-1)
    weights_unscaled = torch.softmax(masked(scores, mask), dim=-1)
    hard = hard_attention(weights)
    return Steps(X=X, W_Q=W_Q, W_K=W_K, W_V=W_V, Q=Q, K=K, V=V, scores=scores, scaled=scaled,
                 weights=weights, output=weights @ V, weights_unscaled=weights_unscaled,
                 hard=hard, hard_output=hard @ V, mask=mask, d_k=d_k, scale=scale)


# --- multi-head --------------------------------------------------------------------------------

def check_heads(d_model: int, h: int) -> int:
    """d_k = d_model / h, or a clear message when that is not a whole number."""
    if h is None or int(h) < 1:
        raise InvalidInput(f"ヘッド数 h は 1 以上にしてください（h = {h}）。ヘッドが 0 個では注意を計算できません。",
                           en=f"The number of heads h must be at least 1 (h = {h}). Attention cannot be computed with 0 heads.")
    if d_model is None or int(d_model) < 1:
        raise InvalidInput(f"d_model は 1 以上にしてください（d_model = {d_model}）。",
                           en=f"d_model must be at least 1 (d_model = {d_model}).")
    if int(d_model) % int(h):
        raise InvalidInput(
            f"d_model = {d_model} は h = {h} で割り切れません。d_k = d_model / h が整数になるように"
            f"選んでください（例: h = {', '.join(str(d) for d in divisors(int(d_model))[:6])}）。",
            en=f"d_model = {d_model} is not divisible by h = {h}. Choose h so that d_k = d_model / h is an integer "
               f"(e.g. h = {', '.join(str(d) for d in divisors(int(d_model))[:6])}).")
    return int(d_model) // int(h)


def divisors(n: int) -> list[int]:
    return [d for d in range(1, n + 1) if n % d == 0]


def split_heads(x: torch.Tensor, h: int) -> torch.Tensor:
    """(n, d_model) → (h, n, d_k): head i gets columns i·d_k … (i+1)·d_k − 1."""
    n, d_model = x.shape[-2], x.shape[-1]
    return x.reshape(*x.shape[:-2], n, h, d_model // h).transpose(-3, -2)


def merge_heads(x: torch.Tensor) -> torch.Tensor:
    """(h, n, d_k) → (n, h·d_k): Concat(head_1, …, head_h)."""
    h, n, d_k = x.shape[-3], x.shape[-2], x.shape[-1]
    return x.transpose(-3, -2).reshape(*x.shape[:-3], n, h * d_k)


@dataclass
class MultiHead:
    """Results of ``multi_head``: per-head Q, K, V, weights and outputs, the concat and the output."""

    Q: torch.Tensor  # (h, n_q, d_k)
    K: torch.Tensor  # (h, n_k, d_k)
    V: torch.Tensor  # (h, n_k, d_k)
    weights: torch.Tensor  # (h, n_q, n_k)
    heads: torch.Tensor  # (h, n_q, d_k)
    concat: torch.Tensor  # (n_q, d_model)
    output: torch.Tensor  # (n_q, d_model) = concat W_O (+ b_O)
    h: int = 1
    d_k: int = 1


def multi_head(X_q: torch.Tensor, X_k: torch.Tensor, X_v: torch.Tensor,
               W_Q: torch.Tensor, W_K: torch.Tensor, W_V: torch.Tensor, W_O: torch.Tensor, h: int, *,
               b_Q: torch.Tensor | None = None, b_K: torch.Tensor | None = None,
               b_V: torch.Tensor | None = None, b_O: torch.Tensor | None = None,
               mask: torch.Tensor | None = None, rotate=None) -> MultiHead:
    """MultiHead(Q, K, V) = Concat(head_1, …, head_h) W^O with head_i = Attention(Q W_Q^i, K W_K^i, V W_V^i).

    W_Q, W_K, W_V, W_O are (d_model, d_model); the h heads are column blocks of width
    d_k = d_model / h (so the parameter count does not depend on h). X_* are (n, d_model).
    ``rotate`` (e.g. core.attention.rope.rotate) is applied to every head's Q and K: RoPE.
    """
    d_model = W_Q.shape[0]
    d_k = check_heads(d_model, h)

    def proj(x, W, b):
        y = x @ W
        return y + b if b is not None else y

    Q = split_heads(proj(X_q, W_Q, b_Q), h)
    K = split_heads(proj(X_k, W_K, b_K), h)
    V = split_heads(proj(X_v, W_V, b_V), h)
    if rotate is not None:  # RoPE: positions enter as rotations of Q and K, not as added vectors
        Q, K = rotate(Q), rotate(K)
    heads, weights = scaled_dot_product(Q, K, V, mask=mask)
    concat = merge_heads(heads)
    output = proj(concat, W_O, b_O)
    return MultiHead(Q=Q, K=K, V=V, weights=weights, heads=heads, concat=concat, output=output,
                     h=int(h), d_k=d_k)


def multi_head_params(d_model: int, h: int, *, bias: bool = True) -> dict:
    """Parameter count of one multi-head attention layer: 4·d_model² (+ 4·d_model biases).

    Each head has W_Q^i, W_K^i, W_V^i of size d_model × d_k with d_k = d_model / h, so
    h heads hold 3·h·d_model·d_k = 3·d_model² — the same for every h. W^O is d_model × d_model.
    """
    d_k = check_heads(d_model, h)
    per_head = 3 * d_model * d_k
    qkv = h * per_head
    out = d_model * d_model
    biases = 4 * d_model if bias else 0
    return {"d_model": d_model, "h": int(h), "d_k": d_k, "per_head_qkv": per_head,
            "W_QKV": qkv, "W_O": out, "bias": biases, "total": qkv + out + biases}


# --- position-wise FFN and positional encoding --------------------------------------------------

def ffn(x: torch.Tensor, W_1: torch.Tensor, b_1: torch.Tensor, W_2: torch.Tensor, b_2: torch.Tensor) -> torch.Tensor:
    """Position-wise feed-forward network: FFN(x) = max(0, x W_1 + b_1) W_2 + b_2 (same for every position)."""
    return torch.relu(x @ W_1 + b_1) @ W_2 + b_2


def positional_encoding(max_len: int, d_model: int, *, dtype=torch.float32) -> torch.Tensor:
    """Sinusoidal positional encoding, (max_len, d_model).

    PE(pos, 2i) = sin(pos / 10000^(2i/d_model)), PE(pos, 2i+1) = cos(pos / 10000^(2i/d_model)).
    """
    max_len, d_model = int(max_len), int(d_model)
    if max_len < 1 or d_model < 1:
        raise InvalidInput("系列長と d_model は 1 以上にしてください。",
                           en="The sequence length and d_model must be at least 1.")
    if max_len > MAX_PE_LEN or d_model > MAX_PE_DIM:
        raise InputTooLong(f"大きすぎます（{max_len} × {d_model}）。系列長は {MAX_PE_LEN}、"
                           f"d_model は {MAX_PE_DIM} までにしてください。",
                           en=f"Too large ({max_len} × {d_model}). Keep the sequence length up to {MAX_PE_LEN} "
                              f"and d_model up to {MAX_PE_DIM}.")
    pos = torch.arange(max_len, dtype=torch.float64).unsqueeze(1)
    two_i = torch.arange(0, d_model, 2, dtype=torch.float64)
    angle = pos / torch.pow(10000.0, two_i / d_model)
    pe = torch.zeros(max_len, d_model, dtype=torch.float64)
    pe[:, 0::2] = torch.sin(angle)
    pe[:, 1::2] = torch.cos(angle[:, : d_model // 2])
    return pe.to(dtype)


def pe_dot_by_offset(pe: torch.Tensor, p: int) -> tuple[torch.Tensor, torch.Tensor]:
    """PE(p)·PE(q) for every q: returns (q − p, dot). Depends on |p − q| only (Σ cos(ω_i (p − q)))."""
    p = int(p)
    if not 0 <= p < pe.shape[0]:
        raise InvalidInput(f"基準位置 p は 0〜{pe.shape[0] - 1} にしてください。",
                           en=f"The reference position p must be 0–{pe.shape[0] - 1}.")
    dots = pe @ pe[p]
    offsets = torch.arange(pe.shape[0]) - p
    return offsets, dots


# --- token vectors and projections ---------------------------------------------------------------

@dataclass
class TokenInput:
    """The tokens of a sentence, capped; ``dropped`` counts the tokens cut off by the cap."""

    tokens: list[str]
    dropped: int = 0
    notes: list[str] = field(default_factory=list)


def tokens_of(text: str, *, max_tokens: int = MAX_TOKENS) -> TokenInput:
    """fugashi tokens of ``text`` (empty → InvalidInput), capped at ``max_tokens``."""
    from core.text import require_text, wakati

    cleaned = require_text(text, max_chars=MAX_TEXT_CHARS, what="文")
    toks = wakati(cleaned)
    if not toks:
        raise InvalidInput("文から単語を取り出せませんでした。ひらがな・漢字などの文を入力してください。",
                           en="No words could be extracted from the sentence. Enter a sentence in Japanese (hiragana, kanji, …).")
    dropped = max(0, len(toks) - max_tokens)
    return TokenInput(tokens=toks[:max_tokens], dropped=dropped)


def _seed_of(token: str, seed: int) -> int:
    return int.from_bytes(hashlib.sha256(f"{seed}\x00{token}".encode()).digest()[:8], "little") & (2**63 - 1)


def random_token_vectors(tokens: list[str], d_model: int, *, seed: int = 0) -> torch.Tensor:
    """Random token vectors, (n, d_model): the same token always gets the same vector for a seed."""
    rows = [torch.randn(d_model, generator=torch.Generator().manual_seed(_seed_of(tok, seed)))
            for tok in tokens]
    return torch.stack(rows) if rows else torch.zeros(0, d_model)


def standardize(X: torch.Tensor, eps: float = 1e-6) -> torch.Tensor:
    """Each row to mean 0, variance 1 (LayerNorm without its gain and bias)."""
    mu = X.mean(-1, keepdim=True)
    var = X.var(-1, unbiased=False, keepdim=True)
    return (X - mu) / torch.sqrt(var + eps)


def projections(d_model: int, d_k: int, *, seed: int = 0, d_v: int | None = None
                ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Random W_Q, W_K (d_model × d_k) and W_V (d_model × d_v), entries ~ N(0, 1/d_model).

    With standardised X, Q and K entries then have variance ≈ 1 and Q Kᵀ has variance ≈ d_k:
    that is why the scores are divided by √d_k.
    """
    d_k = check_d_k(d_k)
    d_v = d_k if d_v is None else int(d_v)
    g = torch.Generator().manual_seed(int(seed))
    std = 1.0 / math.sqrt(d_model)
    return (torch.randn(d_model, d_k, generator=g) * std,
            torch.randn(d_model, d_k, generator=g) * std,
            torch.randn(d_model, d_v, generator=g) * std)


def check_d_k(d_k: int) -> int:
    lo, hi = D_K_RANGE
    if d_k is None or not lo <= int(d_k) <= hi:
        raise InvalidInput(f"d_k は {lo}〜{hi} にしてください（d_k = {d_k}）。",
                           en=f"d_k must be {lo}–{hi} (d_k = {d_k}).")
    return int(d_k)


def square_weights(d_model: int, *, seed: int = 0, n: int = 4) -> list[torch.Tensor]:
    """``n`` random (d_model × d_model) matrices ~ N(0, 1/d_model) (W_Q, W_K, W_V, W_O)."""
    g = torch.Generator().manual_seed(int(seed))
    std = 1.0 / math.sqrt(d_model)
    return [torch.randn(d_model, d_model, generator=g) * std for _ in range(n)]


def chive_token_vectors(tokens: list[str], kv, lookup, *, seed: int = 0
                        ) -> tuple[torch.Tensor, list[str]]:
    """chiVe vectors of ``tokens`` via ``lookup(kv, word) -> (vector, resolution)``.

    A token that is not in the vocabulary gets a random vector (seeded, same size); the returned
    notes say which tokens did. Returns (X (n, d), notes).
    """
    from core import PlaygroundError

    dim = int(kv.vector_size)
    rows, notes = [], []
    for tok in tokens:
        try:
            vec, _res = lookup(kv, tok)
            rows.append(torch.tensor(np.array(vec, dtype=np.float32)).reshape(-1))
        except PlaygroundError:  # out of vocabulary (or a token the lookup refuses)
            rows.append(random_token_vectors([tok], dim, seed=seed)[0])
            notes.append(tok)
    return torch.stack(rows), notes

