"""RNN, LSTM and GRU written from the lecture's equations, plus stacking and bidirectionality.

Every cell owns the same four tensors as torch's layers, in torch's gate order, so weights can
be copied from ``torch.nn.RNN / LSTM / GRU`` (tests check the outputs agree within 1e-5):

    W_x  (G·H × input)   input weights of all gates, stacked
    W_h  (G·H × H)       recurrent weights of all gates, stacked
    b_x, b_h  (G·H)      torch keeps two biases; the lecture's b is b_x + b_h

``Recurrent`` stacks cells into layers (layer l reads the outputs of layer l − 1) and, when
bidirectional, runs a second cell from the last time step to the first and joins both hidden
states [h→_t ; h←_t]. ``forward(fused=True)`` hands the very same parameters to torch's fused
kernels (cuDNN on CUDA) for speed; ``fused=False`` or ``record=True`` runs the explicit cells
step by step and can record every gate.
"""
from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field

import torch
from torch import Tensor, nn

GATES = {
    "rnn": ("h",),
    "lstm": ("i", "f", "c_tilde", "o", "c", "h"),
    "gru": ("r", "z", "n", "h"),
}
"""What ``record=True`` stores per time step, per cell type (c_tilde in LSTM = candidate c̃_t;
z in GRU = update gate z_t, n = candidate h̃_t)."""

N_BLOCKS = {"rnn": 1, "lstm": 4, "gru": 3}

# The fused path hands cuDNN the cells' own parameters (not one flat buffer): correct, a little
# slower, and torch says so on every call. Once is enough.
warnings.filterwarnings("once", message=".*not part of single contiguous chunk of memory.*")


class _Cell(nn.Module):
    kind = ""

    def __init__(self, input_size: int, hidden_size: int):
        super().__init__()
        g = N_BLOCKS[self.kind]
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.W_x = nn.Parameter(torch.empty(g * hidden_size, input_size))
        self.W_h = nn.Parameter(torch.empty(g * hidden_size, hidden_size))
        self.b_x = nn.Parameter(torch.empty(g * hidden_size))
        self.b_h = nn.Parameter(torch.empty(g * hidden_size))
        self.reset_parameters()

    def reset_parameters(self) -> None:
        """torch's initialisation: every weight ~ U(−1/√H, 1/√H)."""
        bound = 1.0 / math.sqrt(self.hidden_size)
        for p in (self.W_x, self.W_h, self.b_x, self.b_h):
            nn.init.uniform_(p, -bound, bound)

    def zero_state(self, batch: int, device=None, dtype=None):
        h = torch.zeros(batch, self.hidden_size, device=device, dtype=dtype)
        return (h, h.clone()) if self.kind == "lstm" else h


class RNNCell(_Cell):
    """Simple (Elman) RNN:  h_t = tanh(W_x x_t + W_h h_{t−1} + b)."""

    kind = "rnn"

    def forward(self, x_t: Tensor, h_prev: Tensor, record: dict | None = None) -> Tensor:
        h_t = torch.tanh(x_t @ self.W_x.T + self.b_x + h_prev @ self.W_h.T + self.b_h)
        if record is not None:
            record["h"].append(h_t)
        return h_t


class LSTMCell(_Cell):
    """LSTM block (Hochreiter & Schmidhuber 1997), rows of W in the order i, f, c̃, o:

        i_t = σ(W_i [h_{t−1}, x_t] + b_i)        input gate  (入力ゲート)
        f_t = σ(W_f [h_{t−1}, x_t] + b_f)        forget gate (忘却ゲート)
        c̃_t = tanh(W_c [h_{t−1}, x_t] + b_c)     candidate (候補)
        o_t = σ(W_o [h_{t−1}, x_t] + b_o)        output gate (出力ゲート)
        c_t = f_t ⊙ c_{t−1} + i_t ⊙ c̃_t          memory cell (記憶セル)
        h_t = o_t ⊙ tanh(c_t)

    ``peephole=True``: the other set of notes (Gers & Schmidhuber 2000; Greff et al. 2017) lets
    the gates look at the cell, written there with z (block input = our c̃_t), y (block output = h_t),
    W (input weights = our W_x), R (recurrent weights = our W_h) and peephole vectors p:

        z_t = tanh(W_z x_t + R_z y_{t−1} + b_z)
        i_t = σ(W_i x_t + R_i y_{t−1} + p_in ⊙ c_{t−1} + b_i)
        f_t = σ(W_f x_t + R_f y_{t−1} + p_for ⊙ c_{t−1} + b_f)
        c_t = z_t ⊙ i_t + c_{t−1} ⊙ f_t
        o_t = σ(W_o x_t + R_o y_{t−1} + p_out ⊙ c_t + b_o)      (the new c_t)
        y_t = tanh(c_t) ⊙ o_t

    With p = 0 (their initial value) it is exactly the LSTM above.
    """

    kind = "lstm"

    def __init__(self, input_size: int, hidden_size: int, peephole: bool = False):
        super().__init__(input_size, hidden_size)
        self.peephole = peephole
        if peephole:
            self.p_in = nn.Parameter(torch.zeros(hidden_size))
            self.p_for = nn.Parameter(torch.zeros(hidden_size))
            self.p_out = nn.Parameter(torch.zeros(hidden_size))

    def forward(self, x_t: Tensor, state: tuple[Tensor, Tensor], record: dict | None = None):
        h_prev, c_prev = state
        a = x_t @ self.W_x.T + self.b_x + h_prev @ self.W_h.T + self.b_h
        a_i, a_f, a_c, a_o = a.chunk(4, dim=-1)
        if self.peephole:
            a_i = a_i + self.p_in * c_prev
            a_f = a_f + self.p_for * c_prev
        i_t = torch.sigmoid(a_i)
        f_t = torch.sigmoid(a_f)
        c_tilde = torch.tanh(a_c)  # candidate c̃_t
        c_t = f_t * c_prev + i_t * c_tilde
        if self.peephole:
            a_o = a_o + self.p_out * c_t
        o_t = torch.sigmoid(a_o)
        h_t = o_t * torch.tanh(c_t)
        if record is not None:
            for name, value in (("i", i_t), ("f", f_t), ("c_tilde", c_tilde), ("o", o_t), ("c", c_t), ("h", h_t)):
                record[name].append(value)
        return h_t, c_t


class GRUCell(_Cell):
    """GRU (Cho et al. 2014), rows of W in the order r, z, h̃ (torch's convention):

        r_t = σ(W_r [h_{t−1}, x_t] + b_r)                       reset gate  (リセットゲート)
        z_t = σ(W_z [h_{t−1}, x_t] + b_z)                       update gate (更新ゲート)
        h̃_t = tanh(W_xh x_t + b_xh + r_t ⊙ (W_hh h_{t−1} + b_hh))  candidate (候補)
        h_t = (1 − z_t) ⊙ h̃_t + z_t ⊙ h_{t−1}

    (z_t ≈ 1 keeps the old state; some texts swap the roles of z_t and 1 − z_t.)
    """

    kind = "gru"

    def forward(self, x_t: Tensor, h_prev: Tensor, record: dict | None = None) -> Tensor:
        ax = x_t @ self.W_x.T + self.b_x
        ah = h_prev @ self.W_h.T + self.b_h
        ax_r, ax_z, ax_n = ax.chunk(3, dim=-1)
        ah_r, ah_z, ah_n = ah.chunk(3, dim=-1)
        r_t = torch.sigmoid(ax_r + ah_r)
        z_t = torch.sigmoid(ax_z + ah_z)
        n_t = torch.tanh(ax_n + r_t * ah_n)  # candidate h̃_t
        h_t = (1 - z_t) * n_t + z_t * h_prev
        if record is not None:
            for name, value in (("r", r_t), ("z", z_t), ("n", n_t), ("h", h_t)):
                record[name].append(value)
        return h_t


CELLS = {"rnn": RNNCell, "lstm": LSTMCell, "gru": GRUCell}


@dataclass
class RecurrentOutput:
    output: Tensor  # (B, T, D·H): the last layer's h_t (both directions joined)
    h_n: Tensor  # (L·D, B, H), torch's order: layer 0 fwd, layer 0 bwd, layer 1 fwd, …
    c_n: Tensor | None  # LSTM only, same shape as h_n
    trace: list[dict] = field(default_factory=list)  # record=True: per layer/direction {gate: (B, T, H)}


class Recurrent(nn.Module):
    """Stacked, optionally bidirectional RNN / LSTM / GRU over a batch-first sequence (B, T, F).

    Layer l, direction d is ``self.cells[l·D + d]``. The backward direction reads x_T … x_1;
    its outputs are put back in time order, so output[:, t] = [h→_t ; h←_t].
    """

    def __init__(self, cell: str, input_size: int, hidden_size: int, num_layers: int = 1,
                 bidirectional: bool = False, peephole: bool = False):
        super().__init__()
        if cell not in CELLS:
            raise ValueError(f"unknown cell {cell!r}")
        if peephole and cell != "lstm":
            raise ValueError("peephole connections are an LSTM option")
        self.peephole = peephole  # torch's fused kernels have none: peephole runs the explicit cells
        self.kind = cell
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.bidirectional = bidirectional
        self.num_directions = 2 if bidirectional else 1
        cells = []
        for layer in range(num_layers):
            n_in = input_size if layer == 0 else hidden_size * self.num_directions
            for _ in range(self.num_directions):
                cells.append(LSTMCell(n_in, hidden_size, peephole) if peephole else CELLS[cell](n_in, hidden_size))
        self.cells = nn.ModuleList(cells)

    # --- explicit path ---------------------------------------------------------------------
    def _run_direction(self, cell: _Cell, x: Tensor, state, reverse: bool, record: bool):
        rec = {g: [] for g in GATES[self.kind]} if record else None
        steps = range(x.shape[1] - 1, -1, -1) if reverse else range(x.shape[1])
        hs = [None] * x.shape[1]
        for t in steps:
            state = cell(x[:, t], state, rec)
            hs[t] = state[0] if self.kind == "lstm" else state
        trace = {}
        if rec is not None:
            # values are in processing order; the backward direction processed T … 1
            trace = {name: torch.stack(values[::-1] if reverse else values, dim=1)
                     for name, values in rec.items()}
        return torch.stack(hs, dim=1), state, trace

    def forward(self, x: Tensor, state=None, *, fused: bool = True, record: bool = False) -> RecurrentOutput:
        if record or not fused or self.peephole:
            return self._forward_explicit(x, state, record)
        return self._forward_fused(x, state)

    def _initial(self, state, k: int, B: int, x: Tensor):
        if state is None:
            return self.cells[k].zero_state(B, x.device, x.dtype)
        if self.kind == "lstm":
            return state[0][k], state[1][k]
        return state[k]

    def _forward_explicit(self, x: Tensor, state, record: bool) -> RecurrentOutput:
        B = x.shape[0]
        layer_in = x
        h_n, c_n, traces = [], [], []
        for layer in range(self.num_layers):
            outs = []
            for d in range(self.num_directions):
                k = layer * self.num_directions + d
                out, last, trace = self._run_direction(self.cells[k], layer_in,
                                                       self._initial(state, k, B, x), d == 1, record)
                outs.append(out)
                if self.kind == "lstm":
                    h_n.append(last[0])
                    c_n.append(last[1])
                else:
                    h_n.append(last)
                if record:
                    traces.append({"layer": layer, "direction": "backward" if d else "forward", **trace})
            layer_in = torch.cat(outs, dim=-1) if len(outs) > 1 else outs[0]
        return RecurrentOutput(layer_in, torch.stack(h_n), torch.stack(c_n) if c_n else None, traces)

    # --- fused path (torch kernels, same parameters) ----------------------------------------
    def flat_weights(self) -> list[Tensor]:
        """Parameters in torch's order: per layer, per direction: w_ih, w_hh, b_ih, b_hh."""
        out = []
        for c in self.cells:
            out += [c.W_x, c.W_h, c.b_x, c.b_h]
        return out

    def _forward_fused(self, x: Tensor, state) -> RecurrentOutput:
        B = x.shape[0]
        n = self.num_layers * self.num_directions
        if state is None:
            zeros = torch.zeros(n, B, self.hidden_size, device=x.device, dtype=x.dtype)
            state = (zeros, zeros) if self.kind == "lstm" else zeros
        args = (self.flat_weights(), True, self.num_layers, 0.0, self.training, self.bidirectional, True)
        if self.kind == "lstm":
            output, h_n, c_n = torch._VF.lstm(x, tuple(state), *args)
            return RecurrentOutput(output, h_n, c_n)
        fn = torch._VF.gru if self.kind == "gru" else torch._VF.rnn_tanh
        output, h_n = fn(x, state, *args)
        return RecurrentOutput(output, h_n, None)

    # --- weights from / to torch's layers ---------------------------------------------------
    def torch_names(self, k: int) -> tuple[str, ...]:
        layer, d = divmod(k, self.num_directions)
        suffix = f"_l{layer}" + ("_reverse" if d else "")
        return tuple(f"{w}{suffix}" for w in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"))

    @torch.no_grad()
    def copy_from_torch(self, module: nn.Module) -> "Recurrent":
        """Copy weights from a torch.nn.RNN / LSTM / GRU with the same shape (batch_first or not)."""
        for k, cell in enumerate(self.cells):
            for p, name in zip((cell.W_x, cell.W_h, cell.b_x, cell.b_h), self.torch_names(k)):
                p.copy_(getattr(module, name))
        return self

    @classmethod
    def like_torch(cls, module: nn.Module) -> "Recurrent":
        kind = {"RNN": "rnn", "LSTM": "lstm", "GRU": "gru"}[type(module).__name__]
        if kind == "rnn" and getattr(module, "nonlinearity", "tanh") != "tanh":
            raise ValueError("only tanh RNNs")
        model = cls(kind, module.input_size, module.hidden_size, module.num_layers, module.bidirectional)
        return model.copy_from_torch(module)

    def recurrent_matrices(self) -> list[Tensor]:
        """The W_h of every cell (the gradient lab scales them)."""
        return [c.W_h for c in self.cells]
