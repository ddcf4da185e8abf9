"""Next-token prediction with a recurrent network: a character- or word-level RNN / LSTM / GRU
language model on a short Japanese text.

    x_t = E[w_t],  h_t = RNN(x_t, h_{t−1}),  P(w_{t+1} | w_1 … w_t) = softmax(W_out h_t + b)

Trained with truncated BPTT on chunks of ``seq_len`` tokens (core.lm.LMRun's batches and loss,
core.training's loop). Generation carries h_t from token to token (no re-reading of the prompt).
"""
from __future__ import annotations

from dataclasses import replace

import torch

from core import InvalidInput
from core.limits import CLASSROOM, Limits
from core.lm import LMRun
from core.lstm.models import TokenLM
from core.lstm.train import BIDIRECTIONAL_LM, BIDIRECTIONAL_LM_EN, RNNConfig, RNNRun
from core.training import Progress, Stop

LM_DEFAULTS = RNNConfig(cell="lstm", hidden=128, epochs=30, lr=0.005, batch_size=16, clip=1.0)


class RNNLMRun(RNNRun, LMRun):
    """The recurrent language model on a text (the LM base's tokens, split and batches)."""

    cfg: RNNConfig

    def __init__(self, text: str | None = None, level: str = "char", cfg: RNNConfig | None = None,
                 seq_len: int = 48, *, limits: Limits = CLASSROOM):
        cfg = (cfg or LM_DEFAULTS).validated(limits=limits)
        if cfg.bidirectional:
            raise InvalidInput(BIDIRECTIONAL_LM, en=BIDIRECTIONAL_LM_EN)
        super().__init__(text, level, cfg, seq_len, limits=limits)

    def _build_model(self) -> torch.nn.Module:
        return TokenLM(self.cfg.cell, len(self.vocab), self.cfg.hidden, self.cfg.layers)

    def forward(self, model, X):
        logits, _ = model(X, fused=self.cfg.fused)  # TokenLM returns (logits, state)
        return logits

    @torch.no_grad()
    def val_loss(self) -> float:
        """Mean cross entropy (nats per token) on the held-out last 10 % (or the training text
        when the text is too short to hold some out), read in one pass from a zero state."""
        self.model.eval()
        ids = self.val_ids if self.val_ids is not None else self.train_ids
        logits, _ = self.model(ids[None, :-1], fused=self.cfg.fused)
        return torch.nn.functional.cross_entropy(logits[0], ids[1:]).item()

    # --- using the model --------------------------------------------------------------------
    @torch.no_grad()
    def _logits_after(self, ids: list[int]):
        self.model.eval()
        x = torch.tensor([ids], device=self.device)
        logits, state = self.model(x, fused=self.cfg.fused)
        return logits[0, -1], state

    @torch.no_grad()
    def _advance(self, ids: list[int], state):
        logits, state = self.model(torch.tensor([[ids[-1]]], device=self.device), state, fused=self.cfg.fused)
        return logits[0, -1], state


def train_lm(text: str | None = None, level: str = "char", cfg: RNNConfig | None = None, *,
             on_progress: Progress | None = None, should_stop: Stop | None = None,
             seconds: float | None = None, limits: Limits = CLASSROOM) -> RNNLMRun:
    return RNNLMRun(text, level, cfg, limits=limits).fit(on_progress, should_stop, seconds=seconds)


def lm_config(**overrides) -> RNNConfig:
    return replace(LM_DEFAULTS, **overrides)
