"""誤差逆伝播 (backpropagation): the chain rule on one neuron, checked against PyTorch autograd.

Forward (the graph on the page):
    u = w·x + b,   y = σ(u),   E = −[t log y + (1 − t) log(1 − y)]    (binary cross entropy)
Backward (連鎖律, each node multiplies the gradient that arrives by its local derivative):
    ∂E/∂y = −t/y + (1 − t)/(1 − y)
    ∂E/∂u = ∂E/∂y · σ′(u) = ∂E/∂y · y(1 − y) = y − t
    ∂E/∂w = ∂E/∂u · x,    ∂E/∂b = ∂E/∂u · 1,    ∂E/∂x = ∂E/∂u · w
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core import InvalidInput

DEFAULTS = {"x": 1.5, "w": 0.8, "b": -0.5, "t": 1.0}
LIMIT = 5.0  # |x|, |w|, |b| ≤ 5 keeps |u| ≤ 30, where σ(u) is still distinguishable from 0 and 1


@dataclass
class Graph:
    forward: dict[str, float]  # x, w, b, t, u, y, E
    manual: dict[str, float]  # ∂E/∂y, ∂E/∂u, ∂E/∂w, ∂E/∂b, ∂E/∂x by the chain rule
    autograd: dict[str, float]  # the same five from loss.backward()

    @property
    def max_abs_diff(self) -> float:
        """max |manual − autograd| / max(1, |autograd|): absolute for ordinary gradients, relative for
        a huge ∂E/∂y (≈ 1e13 when y saturates near 1 with t = 0, where float64 keeps ~16 digits)."""
        return max(abs(self.manual[k] - self.autograd[k]) / max(1.0, abs(self.autograd[k])) for k in self.autograd)


def forward_backward(x: float, w: float, b: float, t: float) -> Graph:
    """Forward values and the chain-rule gradients of E w.r.t. w, b, x, and autograd's (float64)."""
    for name, v in (("x", x), ("w", w), ("b", b)):
        if not math.isfinite(float(v)) or abs(float(v)) > LIMIT:
            raise InvalidInput(f"{name} は −{LIMIT:g}〜{LIMIT:g} の数にしてください。",
                               en=f"{name} must be a number from −{LIMIT:g} to {LIMIT:g}.")
    if t not in (0, 1, 0.0, 1.0):
        raise InvalidInput("正解 t は 0 か 1 にしてください。",
                           en="The target t must be 0 or 1.")
    import torch

    u = w * x + b
    y = 1.0 / (1.0 + math.exp(-u))
    E = -(t * math.log(y) + (1 - t) * math.log(1 - y))
    dE_dy = -t / y + (1 - t) / (1 - y)
    dE_du = dE_dy * y * (1 - y)  # = y − t
    manual = {"∂E/∂y": dE_dy, "∂E/∂u": dE_du, "∂E/∂w": dE_du * x, "∂E/∂b": dE_du, "∂E/∂x": dE_du * w}

    X = torch.tensor(float(x), dtype=torch.float64, requires_grad=True)
    W = torch.tensor(float(w), dtype=torch.float64, requires_grad=True)
    B = torch.tensor(float(b), dtype=torch.float64, requires_grad=True)
    U = W * X + B
    Y = torch.sigmoid(U)
    U.retain_grad()  # keep ∂E/∂u and ∂E/∂y of the inner nodes too
    Y.retain_grad()
    T = torch.tensor(float(t), dtype=torch.float64)
    # the same E written out (F.binary_cross_entropy's backward clamps y(1 − y) at 1e-12, which
    # changes the gradient of a saturated y near u = 30)
    loss = -(T * torch.log(Y) + (1 - T) * torch.log(1 - Y))
    loss.backward()  # autograd walks the same graph backwards
    auto = {"∂E/∂y": Y.grad.item(), "∂E/∂u": U.grad.item(), "∂E/∂w": W.grad.item(), "∂E/∂b": B.grad.item(),
            "∂E/∂x": X.grad.item()}
    return Graph(forward={"x": x, "w": w, "b": b, "t": t, "u": u, "y": y, "E": E}, manual=manual, autograd=auto)


MODEL_IDIOM = '''import torch
from torch import nn

class Neuron(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(1, 1)          # w と b

    def forward(self, inputs):             # 順伝播: u = w·x + b, y = σ(u)
        return torch.sigmoid(self.fc(inputs))

model = Neuron()
outputs = model(inputs)                    # model(...) が forward(...) を呼ぶ
loss = nn.functional.binary_cross_entropy(outputs, targets)
loss.backward()                            # 逆伝播: 各パラメータの .grad に ∂E/∂w, ∂E/∂b
optimizer.step()                           # p′ = p − η ∂E/∂p
'''
MODEL_IDIOM_EN = (MODEL_IDIOM.replace("# w と b", "# w and b")
                  .replace("# 順伝播: ", "# forward: ")
                  .replace("# model(...) が forward(...) を呼ぶ", "# model(...) calls forward(...)")
                  .replace("# 逆伝播: 各パラメータの .grad に ∂E/∂w, ∂E/∂b", "# backward: ∂E/∂w, ∂E/∂b into each .grad"))


def run_model_idiom(x: float, w: float, b: float, t: float, eta: float = 0.5) -> dict:
    """Run the idiom above for real: ``outputs = model(inputs)`` (counting how often forward ran),
    ``loss.backward()``, one SGD step. Returns outputs, loss, grads, forward calls, new w, b."""
    import torch
    from torch import nn

    class Neuron(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(1, 1, dtype=torch.float64)
            self.calls = 0

        def forward(self, inputs):  # inputs: (N × 1) → outputs (N × 1)
            self.calls += 1
            return torch.sigmoid(self.fc(inputs))

    model = Neuron()
    with torch.no_grad():
        model.fc.weight.fill_(w)
        model.fc.bias.fill_(b)
    inputs = torch.tensor([[float(x)]], dtype=torch.float64)  # (1 × 1)
    targets = torch.tensor([[float(t)]], dtype=torch.float64)
    optimizer = torch.optim.SGD(model.parameters(), lr=eta)
    outputs = model(inputs)
    loss = nn.functional.binary_cross_entropy(outputs, targets)
    optimizer.zero_grad()
    loss.backward()
    grads = {"∂E/∂w": model.fc.weight.grad.item(), "∂E/∂b": model.fc.bias.grad.item()}
    optimizer.step()
    return {"outputs": outputs.item(), "loss": loss.item(), "grads": grads, "forward_calls": model.calls,
            "w_new": model.fc.weight.item(), "b_new": model.fc.bias.item()}


# --- local derivatives along a deep chain: ReLU′ = 1 vs σ′ ≤ 0.25 ----------------------------------

DERIVATIVES = {
    "sigmoid": lambda u: (s := 1.0 / (1.0 + np.exp(-u))) * (1.0 - s),  # σ′ = σ(1 − σ) ≤ 0.25 (at u = 0)
    "tanh": lambda u: 1.0 - np.tanh(u) ** 2,  # tanh′ ≤ 1, below 1 away from 0
    "relu": lambda u: (np.asarray(u) > 0).astype(np.float64),  # ReLU′ = 1 for u > 0, 0 otherwise
}
MAX_DEPTH = 50


def deep_chain(depth: int = 10, x: float = 1.0, w: float = 1.0, b: float = 0.1) -> dict[str, dict[str, np.ndarray]]:
    """A chain of ``depth`` one-unit layers y_l = f(u_l), u_l = w·y_{l−1} + b, y_0 = x, for each of
    sigmoid / tanh / ReLU. Returns per activation: u (L,), the local derivative f′(u_l) (L,), and
    ∂y_L/∂y_{l−1} = Π_{j ≥ l} w·f′(u_j) (L,): what reaches layer l from the output."""
    if not 1 <= int(depth) <= MAX_DEPTH:
        raise InvalidInput(f"層の数が {depth} です。1〜{MAX_DEPTH} にしてください。",
                           en=f"The depth is {depth}. Use 1–{MAX_DEPTH}.")
    from core.basics.neuron import ACTIVATIONS

    out = {}
    for name, d in DERIVATIVES.items():
        f, y, us = ACTIVATIONS[name], float(x), []
        for _ in range(int(depth)):
            u = w * y + b
            us.append(u)
            y = float(f(u))
        u = np.array(us)
        local = d(u)  # f′(u_l)
        reach = np.cumprod((w * local)[::-1])[::-1]  # Π_{j ≥ l} w f′(u_j)
        out[name] = {"u": u, "local": local, "reach": reach}
    return out
