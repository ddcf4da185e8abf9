"""RoPE, rotary position embedding (Su et al. 2021; the newer notes' positional encoding).

Instead of adding a position vector to the embedding, RoPE rotates each pair of coordinates
(2i, 2i+1) of a query and of a key by the angle pos · θ_i, θ_i = 10000^(−2i/d_k):

    [q'_{2i}  ]   [cos pos·θ_i   −sin pos·θ_i] [q_{2i}  ]
    [q'_{2i+1}] = [sin pos·θ_i    cos pos·θ_i] [q_{2i+1}]

so q'_mᵀ k'_n depends on the positions only through m − n (a rotation by mθ then by −nθ):
attention sees *relative* positions, and V is left alone.
"""
from __future__ import annotations

import torch


def angles(n: int, d_k: int, *, base: float = 10000.0, device=None) -> torch.Tensor:
    """pos · θ_i for pos = 0 … n−1 and i = 0 … d_k/2 − 1: (n, d_k // 2)."""
    theta = base ** (-torch.arange(0, d_k - 1, 2, dtype=torch.float32, device=device) / d_k)  # (d_k/2,)
    return torch.arange(n, dtype=torch.float32, device=device)[:, None] * theta[None, :]


def rotate(x: torch.Tensor, offset: int = 0) -> torch.Tensor:
    """Apply RoPE to x (…, n, d_k) whose rows are positions offset … offset + n − 1 (d_k even)."""
    n, d_k = x.shape[-2], x.shape[-1]
    a = angles(offset + n, d_k, device=x.device)[offset:].to(x.dtype)  # (n, d_k/2)
    cos, sin = a.cos(), a.sin()
    x_even, x_odd = x[..., 0::2], x[..., 1::2]  # (…, n, d_k/2)
    out = torch.empty_like(x)
    out[..., 0::2] = x_even * cos - x_odd * sin
    out[..., 1::2] = x_even * sin + x_odd * cos
    return out


def relative_scores(d_k: int = 64, n: int = 32, *, seed: int = 0) -> torch.Tensor:
    """q'_mᵀ k'_n for one fixed q and k placed at every pair of positions (n, n): constant along
    each diagonal m − n (what the page shows to make "relative" visible)."""
    g = torch.Generator().manual_seed(seed)
    q, k = torch.randn(d_k, generator=g), torch.randn(d_k, generator=g)
    Q = rotate(q.expand(n, d_k).clone())
    K = rotate(k.expand(n, d_k).clone())
    return Q @ K.T
