"""Next-token prediction: a character- or word-level RNN language model on a short Japanese text.

Loss: cross entropy L = −(1/T) Σ_t log P(w_{t+1} | w_1 … w_t), trained with truncated BPTT on
chunks of ``seq_len`` tokens. ``top_k`` reads P(next | prompt); ``generate`` samples with a
temperature τ: P_τ(w) ∝ exp(logit_w / τ) (τ → 0: always the most likely token; τ > 1: flatter).
"""
from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import torch

from core import InvalidInput
from core.lstm.corpus import Vocab, prepare_text, tokens_of
from core.lstm.models import TokenLM
from core.lstm.train import BIDIRECTIONAL_LM, BIDIRECTIONAL_LM_EN, Progress, Stop, TrainConfig, TrainingRun, single_thread

MAX_GENERATE = 400
LM_DEFAULTS = TrainConfig(cell="lstm", hidden=128, epochs=30, lr=0.005, batch_size=16, clip=1.0)


class LMRun(TrainingRun):
    """A token language model on a text: its tokens, vocabulary, the last 10 % held out, and the
    mini-batches of ``seq_len`` + 1 tokens (truncated BPTT with k = seq_len)."""

    def __init__(self, text: str | None = None, level: str = "char", cfg: TrainConfig | None = None,
                 seq_len: int = 48):
        cfg = (cfg or LM_DEFAULTS).validated()
        if cfg.bidirectional:
            raise InvalidInput(BIDIRECTIONAL_LM,
                               en=BIDIRECTIONAL_LM_EN)
        self.text = prepare_text(text)
        self.level = level
        tokens = tokens_of(self.text, level)
        self.vocab = Vocab.build(tokens, level)
        super().__init__(cfg)
        ids = torch.tensor(self.vocab.encode(tokens, what="テキスト"), dtype=torch.long)
        n_val = len(ids) // 10 if len(ids) >= 200 else 0
        self.train_ids = ids[:len(ids) - n_val].to(self.device)
        self.val_ids = ids[len(ids) - n_val:].to(self.device) if n_val else None
        self.seq_len = max(4, min(int(seq_len), (len(self.train_ids) - 1) // 2))
        self._init_model()

    def _build_model(self) -> torch.nn.Module:
        return TokenLM(self.cfg.cell, len(self.vocab), self.cfg.hidden, self.cfg.layers)

    @property
    def n_tokens(self) -> int:
        return len(self.train_ids) + (0 if self.val_ids is None else len(self.val_ids))

    def _batches(self, gen: torch.Generator):
        L, ids = self.seq_len, self.train_ids
        offset = int(torch.randint(0, L, (1,), generator=gen))
        starts = torch.arange(offset, len(ids) - L - 1 + 1, L // 2 or 1)
        if len(starts) == 0:
            starts = torch.tensor([0])
        starts = starts[torch.randperm(len(starts), generator=gen)]
        idx = starts.to(self.device)[:, None] + torch.arange(L + 1, device=self.device)[None, :]
        chunks = ids[idx]
        for s in range(0, len(chunks), self.cfg.batch_size):
            c = chunks[s:s + self.cfg.batch_size]
            yield c[:, :-1], c[:, 1:]

    def loss(self, out, y):
        logits, _ = out  # TokenLM returns (logits, state)
        return token_loss(logits, y)

    @torch.no_grad()
    def val_loss(self) -> float:
        """Mean cross entropy (nats per token) on the held-out last 10 % (or the training text
        when the text is too short to hold some out)."""
        self.model.eval()
        ids = self.val_ids if self.val_ids is not None else self.train_ids
        logits, _ = self.model(ids[None, :-1], fused=self.cfg.fused)
        return torch.nn.functional.cross_entropy(logits[0], ids[1:]).item()

    def perplexity(self) -> float:
        return math.exp(min(50.0, self.val_loss()))

    # --- using the model --------------------------------------------------------------------
    def _prompt_ids(self, prompt: str) -> list[int]:
        prompt = (prompt or "").replace("\r", "")
        toks = tokens_of(prompt, self.level) if prompt else []
        if self.level == "word" and toks and toks[-1] == "\n" and not prompt.endswith("\n"):
            toks = toks[:-1]
        # every text is read as if it starts after a line break
        return [self.vocab.stoi["\n"]] + self.vocab.encode(toks)

    @torch.no_grad()
    def _logits_after(self, ids: list[int]):
        self.model.eval()
        x = torch.tensor([ids], device=self.device)
        logits, state = self.model(x, fused=self.cfg.fused)
        return logits[0, -1], state

    def top_k(self, prompt: str, k: int = 10, temperature: float = 1.0) -> list[tuple[str, float]]:
        """The k most probable next tokens after ``prompt`` with their probabilities."""
        logits, _ = self._logits_after(self._prompt_ids(prompt))
        p = _probs(logits, temperature)
        values, idx = torch.topk(p, min(int(k), len(self.vocab)))
        return [(self.vocab.itos[i], float(v)) for v, i in zip(values.tolist(), idx.tolist())]

    @torch.no_grad()
    def generate(self, prompt: str, n: int = 100, temperature: float = 1.0, seed: int = 0) -> str:
        """Continue ``prompt`` by sampling ``n`` tokens from P_τ (τ = 0: greedy)."""
        n = int(n)
        if not (1 <= n <= MAX_GENERATE):
            raise InvalidInput(f"生成する長さは 1〜{MAX_GENERATE} にしてください。",
                               en=f"The length to generate must be 1–{MAX_GENERATE}.")
        _check_temperature(temperature)
        gen = torch.Generator().manual_seed(int(seed))
        logits, state = self._logits_after(self._prompt_ids(prompt))
        out: list[str] = []
        with single_thread():
            self._sample(out, n, logits, state, temperature, gen)
        return "".join(out)

    def _sample(self, out, n, logits, state, temperature, gen) -> None:
        for _ in range(n):
            p = _probs(logits, temperature).cpu()
            i = int(torch.argmax(p)) if temperature == 0 else int(torch.multinomial(p, 1, generator=gen))
            out.append(self.vocab.itos[i])
            logits, state = self.model(torch.tensor([[i]], device=self.device), state, fused=self.cfg.fused)
            logits = logits[0, -1]


def _check_temperature(temperature: float) -> float:
    try:
        t = float(temperature)
    except (TypeError, ValueError):
        raise InvalidInput("温度 (temperature) は 0〜3 の数値で指定してください。",
                           en="Give the temperature as a number from 0 to 3.") from None
    if not (0.0 <= t <= 3.0) or not np.isfinite(t):
        raise InvalidInput(f"温度 (temperature) {temperature} は範囲外です。0〜3 にしてください（0 = いつも最も確率の高いもの）。",
                           en=f"The temperature {temperature} is out of range. Use 0–3 (0 = always the most probable one).")
    return t


def token_loss(logits: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """L = −(1/T) Σ_t log P(w_{t+1} | w_≤t) over every position of every sequence:
    logits (B, T, V), targets y (B, T)."""
    return torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), y.reshape(-1))


def _probs(logits: torch.Tensor, temperature: float) -> torch.Tensor:
    t = _check_temperature(temperature)
    if t == 0:
        p = torch.zeros_like(logits)
        p[torch.argmax(logits)] = 1.0
        return p
    return torch.softmax(logits / t, dim=-1)


def train_lm(text: str | None = None, level: str = "char", cfg: TrainConfig | None = None, *,
             on_progress: Progress | None = None, should_stop: Stop | None = None,
             seconds: float | None = None) -> LMRun:
    return LMRun(text, level, cfg).fit(on_progress, should_stop, seconds=seconds)


def lm_config(**overrides) -> TrainConfig:
    return replace(LM_DEFAULTS, **overrides)
