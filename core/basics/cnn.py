"""畳み込みニューラルネット (CNN, the notes' §9.2): convolution step by step, as similarity, channels
and parameter counts, pooling, normalisation and skip connections.

    output size      H_out = ⌊(H + 2P − k) / S⌋ + 1            (k: filter size, S: stride, P: padding)
    one output       u_ij = Σ_{a,b} x_{iS+a, jS+b} w_ab + b  = patchᵀ w + b,   y_ij = ReLU(u_ij)
    as similarity    ‖x − w‖² = ‖x‖² − 2 xᵀw + ‖w‖²  → the inner product is largest where the patch
                     looks most like the filter (for patches of the same norm)
    channels         input (H, W, C_in), filters (C_out, k, k, C_in): u = Σ_c (x_c ∗ w_c) + b
    parameters       conv: C_out (k² C_in + 1)  (shared over all positions)
                     fully connected to the same output: (H W C_in + 1) · H_out W_out C_out
    pooling          max / average over each p × p block (stride p)
    normalisation    x̂ = (x − μ_B) / √(σ²_B + ε) over the mini-batch, then γ x̂ + β
    skip connection  y = x + F(x): ∂y/∂x = I + ∂F/∂x, the gradient always has the identity path

numpy for the teaching maths (checked against torch.nn.functional.conv2d in the tests); torch for
the normalisation / skip demos, imported lazily.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core import InvalidInput

N = 8  # the images are N × N


def _image(kind: str) -> np.ndarray:
    x = np.zeros((N, N))
    if kind == "vline":
        x[1:7, 3] = 1
    elif kind == "hline":
        x[4, 1:7] = 1
    elif kind == "cross":
        x[1:7, 3] = 1
        x[4, 1:7] = 1
    elif kind == "diag":
        x[np.arange(1, 7), np.arange(1, 7)] = 1
    elif kind == "square":
        x[2:6, 2] = x[2:6, 5] = x[2, 2:6] = x[5, 2:6] = 1
    return x


IMAGES = {k: _image(k) for k in ("vline", "hline", "cross", "diag", "square")}
FILTERS = {
    "vline": np.array([[0, 1, 0], [0, 1, 0], [0, 1, 0]], dtype=np.float64),  # looks like a vertical bar
    "hline": np.array([[0, 0, 0], [1, 1, 1], [0, 0, 0]], dtype=np.float64),
    "diag": np.eye(3),
    "edge": np.array([[1, 0, -1], [1, 0, -1], [1, 0, -1]], dtype=np.float64),  # vertical edge (Sobel-like)
}
MAX_SIZE = 32


def out_size(n: int, k: int, stride: int, padding: int) -> int:
    """⌊(n + 2P − k) / S⌋ + 1."""
    return (n + 2 * padding - k) // stride + 1


def check(x: np.ndarray, w: np.ndarray, stride: int, padding: int) -> None:
    if not 1 <= stride <= 4 or not 0 <= padding <= 3:
        raise InvalidInput("ストライドは 1〜4、パディングは 0〜3 にしてください。",
                           en="Use a stride of 1–4 and a padding of 0–3.")
    if out_size(x.shape[0], w.shape[0], stride, padding) < 1 or out_size(x.shape[1], w.shape[1], stride, padding) < 1:
        raise InvalidInput("フィルタが画像（パディング込み）より大きいので、出力がありません。パディングを増やしてください。",
                           en="The filter is larger than the (padded) image: no output. Add padding.")


@dataclass
class Conv:
    """One 2-D convolution (one channel, one filter), every step kept for the page."""

    x_pad: np.ndarray  # (H + 2P, W + 2P)
    w: np.ndarray  # (k, k)
    bias: float
    stride: int
    padding: int
    u: np.ndarray  # (H_out, W_out) before the activation
    y: np.ndarray  # (H_out, W_out) ReLU(u)

    def window(self, n: int) -> tuple[int, int, int, int]:
        """Output position n (row-major) → (i, j, top, left) of its window in x_pad."""
        i, j = divmod(n, self.u.shape[1])
        return i, j, i * self.stride, j * self.stride

    def patch(self, n: int) -> np.ndarray:
        _, _, r, c = self.window(n)
        k = self.w.shape[0]
        return self.x_pad[r:r + k, c:c + k]


def conv2d(x: np.ndarray, w: np.ndarray, stride: int = 1, padding: int = 0, bias: float = 0.0) -> Conv:
    """u_ij = Σ_ab x_pad[iS + a, jS + b] w_ab + b (cross-correlation, as torch's conv2d), y = ReLU(u)."""
    x, w = np.asarray(x, dtype=np.float64), np.asarray(w, dtype=np.float64)
    check(x, w, stride, padding)
    xp = np.pad(x, padding)
    k = w.shape[0]
    Ho, Wo = out_size(x.shape[0], k, stride, padding), out_size(x.shape[1], k, stride, padding)
    u = np.empty((Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            u[i, j] = float((xp[i * stride:i * stride + k, j * stride:j * stride + k] * w).sum()) + bias
    return Conv(x_pad=xp, w=w, bias=bias, stride=stride, padding=padding, u=u, y=np.maximum(u, 0.0))


@dataclass
class Similarity:
    inner: np.ndarray  # (H_out, W_out)  patchᵀ w
    dist2: np.ndarray  # (H_out, W_out)  ‖patch − w‖²
    patch_norm2: np.ndarray  # ‖patch‖²
    w_norm2: float  # ‖w‖²


def similarity(x: np.ndarray, w: np.ndarray, stride: int = 1, padding: int = 0) -> Similarity:
    """Per window: xᵀw and ‖x − w‖² = ‖x‖² − 2xᵀw + ‖w‖² (computed directly, so the identity is checked)."""
    c = conv2d(x, w, stride, padding)
    k = w.shape[0]
    d2, n2 = np.empty_like(c.u), np.empty_like(c.u)
    for n in range(c.u.size):
        i, j, _, _ = c.window(n)
        p = c.patch(n)
        d2[i, j] = float(((p - c.w) ** 2).sum())
        n2[i, j] = float((p ** 2).sum())
    del k
    return Similarity(inner=c.u, dist2=d2, patch_norm2=n2, w_norm2=float((c.w ** 2).sum()))


def params(H: int, W: int, C_in: int, C_out: int, k: int, stride: int = 1, padding: int = 0) -> dict:
    """Parameter counts: a conv layer (shared weights) vs a fully connected layer with the same
    input and output sizes."""
    for name, v in (("H", H), ("W", W), ("C_in", C_in), ("C_out", C_out), ("k", k)):
        if not 1 <= int(v) <= 4096:
            raise InvalidInput(f"{name} は 1〜4096 にしてください。", en=f"Use 1–4096 for {name}.")
    Ho, Wo = out_size(H, k, stride, padding), out_size(W, k, stride, padding)
    if Ho < 1 or Wo < 1:
        raise InvalidInput("フィルタが入力より大きいので出力がありません。", en="The filter is larger than the input.")
    conv = C_out * (k * k * C_in + 1)
    fc = (H * W * C_in + 1) * (Ho * Wo * C_out)
    return {"out_shape": (Ho, Wo, C_out), "conv": conv, "fc": fc, "ratio": fc / conv}


def conv_channels(x: np.ndarray, w: np.ndarray, bias: np.ndarray | None = None) -> np.ndarray:
    """x: (H, W, C_in), w: (C_out, k, k, C_in) → (H_out, W_out, C_out), stride 1, no padding:
    u[..., o] = Σ_c conv2d(x[..., c], w[o, ..., c]) + b_o."""
    x, w = np.asarray(x, dtype=np.float64), np.asarray(w, dtype=np.float64)
    C_out, C_in = w.shape[0], w.shape[3]
    if x.shape[2] != C_in:
        raise InvalidInput(f"入力のチャネル数 {x.shape[2]} とフィルタのチャネル数 {C_in} が違います。",
                           en=f"The input has {x.shape[2]} channels but the filter has {C_in}.")
    b = np.zeros(C_out) if bias is None else np.asarray(bias, dtype=np.float64)
    return np.stack([sum(conv2d(x[..., c], w[o, ..., c]).u for c in range(C_in)) + b[o] for o in range(C_out)], axis=-1)


def rgb_example() -> tuple[np.ndarray, np.ndarray]:
    """An 8 × 8 RGB image (a red vertical bar and a blue horizontal bar) and two 3 × 3 × 3 filters:
    filter 0 finds red vertical bars, filter 1 blue horizontal ones."""
    x = np.zeros((N, N, 3))
    x[1:7, 2, 0] = 1  # red vertical
    x[5, 1:7, 2] = 1  # blue horizontal
    w = np.zeros((2, 3, 3, 3))
    w[0, :, :, 0] = FILTERS["vline"]
    w[1, :, :, 2] = FILTERS["hline"]
    return x, w


def pool(x: np.ndarray, size: int = 2, mode: str = "max") -> np.ndarray:
    """Max or average over each size × size block (stride = size; a ragged edge is dropped)."""
    if mode not in ("max", "avg") or not 1 <= size <= 4:
        raise InvalidInput("プーリングは max か avg、大きさは 1〜4 です。", en="Pooling is max or avg, size 1–4.")
    H, W = (x.shape[0] // size) * size, (x.shape[1] // size) * size
    blocks = x[:H, :W].reshape(H // size, size, W // size, size)
    return blocks.max(axis=(1, 3)) if mode == "max" else blocks.mean(axis=(1, 3))


def shift_demo(kind: str = "vline", filt: str = "vline", shift: int = 1, size: int = 2, mode: str = "max") -> dict:
    """The same pattern shifted right by ``shift`` pixels: how many values of the feature map and of
    the pooled map change (pooling makes the output less sensitive to small shifts)."""
    x = IMAGES[kind]
    xs = np.roll(x, shift, axis=1)
    a, b = conv2d(x, FILTERS[filt]).y, conv2d(xs, FILTERS[filt]).y
    pa, pb = pool(a, size, mode), pool(b, size, mode)
    return {"x": x, "x_shift": xs, "fmap": a, "fmap_shift": b, "pooled": pa, "pooled_shift": pb,
            "fmap_changed": float((~np.isclose(a, b)).mean()), "pooled_changed": float((~np.isclose(pa, pb)).mean())}


def norm_skip_demo(depth: int = 20, width: int = 32, seed: int = 0) -> dict:
    """Two effects, measured on a random mini-batch (64 × width) through ``depth`` layers:

    - normalisation: the std of the activations per layer of Linear + ReLU, with and without a
      batch normalisation (mini-batch mean 0, std 1) after each linear layer (inputs scaled by 5);
    - skip connection: ‖∂L/∂x‖ at the input of a tanh net with small weights, h ← tanh(hW) vs
      h ← h + tanh(hW) (L = Σ of the last layer's outputs).
    """
    if not 2 <= depth <= 50:
        raise InvalidInput("層の数は 2〜50 にしてください。", en="Use 2–50 layers.")
    import torch
    from torch import nn

    g = torch.Generator().manual_seed(seed)
    x = 5 * torch.randn(64, width, generator=g)
    Ws = [torch.randn(width, width, generator=g) * (2.0 / width) ** 0.5 * 1.5 for _ in range(depth)]
    stds = {"plain": [], "bn": []}
    with torch.no_grad():
        for name in stds:
            h = x
            for W in Ws:
                h = h @ W
                if name == "bn":
                    h = (h - h.mean(dim=0)) / torch.sqrt(h.var(dim=0, unbiased=False) + 1e-5)  # x̂ (γ = 1, β = 0)
                h = torch.relu(h)
                stds[name].append(float(h.std()))
    small = [torch.randn(width, width, generator=g) * 0.5 / width ** 0.5 for _ in range(depth)]
    grads = {}
    for name in ("plain", "skip"):
        xi = torch.randn(64, width, generator=torch.Generator().manual_seed(seed + 1)).requires_grad_(True)
        h = xi
        for W in small:
            h = torch.tanh(h @ W) if name == "plain" else h + torch.tanh(h @ W)  # y = x + F(x)
        h.sum().backward()
        grads[name] = float(xi.grad.norm())
    del nn
    return {"std_plain": stds["plain"], "std_bn": stds["bn"], "grad_plain": grads["plain"], "grad_skip": grads["skip"]}
