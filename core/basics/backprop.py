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
