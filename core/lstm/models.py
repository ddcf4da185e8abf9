"""The three small models of the page, each a Recurrent network plus an output layer."""
from __future__ import annotations

import torch
from torch import Tensor, nn

from core.lstm.cells import Recurrent


class Forecaster(nn.Module):
    """Window → next value:  ŷ_{t+1} = W_out h_t + b_out, where h_t is the last layer's hidden
    state after reading x_{t−w+1} … x_t. (Unidirectional: the future is unknown.)"""

    def __init__(self, cell: str, hidden: int, layers: int = 1, input_size: int = 1, peephole: bool = False):
        super().__init__()
        self.rnn = Recurrent(cell, input_size, hidden, layers, peephole=peephole)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x: Tensor, *, fused: bool = True) -> Tensor:
        out = self.rnn(x, fused=fused).output  # (B, T, H)
        return self.head(out[:, -1]).squeeze(-1)


class WindowMLP(nn.Module):
    """The autoregressive MLP the notes start from: a FIXED number w of inputs,

        ŷ_{t+1} = W_2 tanh(W_1 [x_{t−w+1}, …, x_t] + b_1) + b_2,

    so it can never look further back than w, and each input position has its own weights
    (an RNN reuses W_x, W_h at every step and could read a sequence of any length)."""

    def __init__(self, window: int, hidden: int):
        super().__init__()
        self.window = window
        self.hidden = nn.Linear(window, hidden)  # W_1, b_1
        self.head = nn.Linear(hidden, 1)  # W_2, b_2

    def forward(self, x: Tensor, *, fused: bool = True) -> Tensor:  # fused: same call as Forecaster
        x = x[:, -self.window:, 0]  # (B, T, 1) → (B, w): the last w values
        return self.head(torch.tanh(self.hidden(x))).squeeze(-1)


class Denoiser(nn.Module):
    """Sequence labelling, the whole noisy sequence is given:  ŷ_t = W_out [h→_t ; h←_t] + b.
    With ``bidirectional`` each output sees the past (h→_t) and the future (h←_t)."""

    def __init__(self, cell: str, hidden: int, bidirectional: bool = True, layers: int = 1):
        super().__init__()
        self.rnn = Recurrent(cell, 1, hidden, layers, bidirectional)
        self.head = nn.Linear(hidden * self.rnn.num_directions, 1)

    def forward(self, x: Tensor, *, fused: bool = True) -> Tensor:
        return self.head(self.rnn(x, fused=fused).output).squeeze(-1)  # (B, T)


class TokenLM(nn.Module):
    """Next-token language model:  x_t = E[w_t],  P(w_{t+1} | w_1 … w_t) = softmax(W_out h_t + b).

    With ``dropout`` p, training zeroes each entry of x_t and of h_t (before W_out) with
    probability p and scales the rest by 1/(1 − p) (the non-recurrent connections only, so the
    memory c_t is not disturbed); evaluation uses every unit."""

    def __init__(self, cell: str, vocab_size: int, hidden: int, layers: int = 1, embed: int = 32,
                 dropout: float = 0.0):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, embed)
        self.rnn = Recurrent(cell, embed, hidden, layers)
        self.drop = nn.Dropout(dropout)
        self.head = nn.Linear(hidden, vocab_size)

    def forward(self, ids: Tensor, state=None, *, fused: bool = True):
        r = self.rnn(self.drop(self.embed(ids)), state, fused=fused)
        state = (r.h_n, r.c_n) if r.c_n is not None else r.h_n
        return self.head(self.drop(r.output)), state
