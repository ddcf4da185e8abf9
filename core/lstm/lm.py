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

LM_DEFAULTS = RNNConfig(cell="lstm", hidden=128, epochs=30, lr=0.005, batch_size=16, clip=1.0, dropout=0.2,
                        weight_decay=0.1, keep_best=True, patience=5)


VAL_PIECE = 4096  # tokens per forward pass of the validation loss


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
        return TokenLM(self.cfg.cell, len(self.vocab), self.cfg.hidden, self.cfg.layers, dropout=self.cfg.dropout)

    def forward(self, model, X):
        logits, _ = model(X, fused=self.cfg.fused)  # TokenLM returns (logits, state)
        return logits

    @torch.no_grad()
    def val_loss(self) -> float:
        """Mean cross entropy (nats per token) on the held-out last 10 % (or the training text
        when the text is too short to hold some out), read from a zero state in pieces of
        ``VAL_PIECE`` tokens, the state carried from piece to piece (one long pass, bounded memory)."""
        self.model.eval()
        ids = self.val_ids if self.val_ids is not None else self.train_ids
        total, count, state = 0.0, 0, None
        for s in range(0, len(ids) - 1, VAL_PIECE):
            piece = ids[s:s + VAL_PIECE + 1]  # inputs piece[:-1], targets piece[1:]
            logits, state = self.model(piece[None, :-1], state, fused=self.cfg.fused)
            total += torch.nn.functional.cross_entropy(logits[0], piece[1:], reduction="sum").item()
            count += len(piece) - 1
        return total / max(1, count)

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
