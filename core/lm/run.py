"""The language-model run every next-token model shares (``LMRun``): the text, its tokens and
vocabulary, the validation part (the last 10 % of the tokens), the mini-batches of ``seq_len`` + 1
tokens, the cross-entropy loss, perplexity, the next-token probabilities after a prompt and
generation. A model brings only its network (core/lstm/lm.py: RNNLMRun, core/transformer/lm.py:
GPTRun), so both models' validation losses (nats per token) and perplexities exp(loss) compare
directly.

    L = −(1/T) Σ_t log P(w_{t+1} | w_1 … w_t),    perplexity = exp(L)

The baseline every model must beat is the unigram model, a model without context:
P(w) = (c(w) + 1) / (N + |V|) from the counts c of the training part (add-one smoothing), its
perplexity exp(−(1/T) Σ_t log P(w_{t+1})) on the same validation tokens.
"""
from __future__ import annotations

import math

import torch

from core import InvalidInput, OutOfVocabulary
from core.limits import CLASSROOM, Limits
from core.lm.sampling import check_temperature, check_top_k, check_top_p, probabilities, sample
from core.lm.text import Vocab, prepare_text, tokens_of
from core.training import TrainConfig, TrainingRun, single_thread

MAX_GENERATE = 400


def token_loss(logits: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """L = −(1/T) Σ_t log P(w_{t+1} | w_≤t) over every position of every sequence:
    logits (B, T, V), targets y (B, T)."""
    return torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), y.reshape(-1))


def unigram_perplexity(train_ids: torch.Tensor, target_ids: torch.Tensor, vocab_size: int) -> float:
    """exp(−mean log P(w)) of ``target_ids`` under the add-one unigram model of ``train_ids``."""
    counts = torch.bincount(train_ids.cpu(), minlength=vocab_size).double()
    log_p = torch.log((counts + 1) / (counts.sum() + vocab_size))
    return math.exp(-float(log_p[target_ids.cpu()].mean()))


def check_length(n) -> int:
    n = int(n)
    if not (1 <= n <= MAX_GENERATE):
        raise InvalidInput(f"生成する長さは 1〜{MAX_GENERATE} にしてください。",
                           en=f"The length to generate must be 1–{MAX_GENERATE}.")
    return n


class LMRun(TrainingRun):
    """A token language model on a text: its tokens, vocabulary, the last 10 % held out, and the
    mini-batches of ``seq_len`` + 1 tokens (inputs w_1 … w_L, targets w_2 … w_{L+1}).

    A subclass provides ``_build_model``, ``val_loss`` and ``_logits_after(ids)`` (the logits of
    the token after ``ids`` and whatever state continues it); ``_advance`` feeds one more token
    (default: read the whole sequence again)."""

    def __init__(self, text: str | None, level: str, cfg: TrainConfig, seq_len: int = 48, *,
                 limits: Limits = CLASSROOM):
        self.text = prepare_text(text, limits)
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

    def loss(self, logits, y):
        return token_loss(logits, y)

    def val_loss(self) -> float:
        """Mean cross entropy (nats per token) on the held-out last 10 % (or the training text
        when the text is too short to hold some out)."""
        raise NotImplementedError

    def perplexity(self) -> float:
        return math.exp(min(50.0, self.val_loss()))

    @property
    def best_val_ppl(self) -> float | None:
        return math.exp(min(50.0, self.best_val_loss)) if self.best_epoch is not None else None

    def unigram_ppl(self) -> float | None:
        """The perplexity of a model without context (add-one unigram of the training part) on
        the validation targets val_loss reads: the line a language model has to get below."""
        if self.train_ids is None:
            return None
        ids = self.val_ids if self.val_ids is not None else self.train_ids
        return unigram_perplexity(self.train_ids, ids[1:], len(self.vocab))

    # --- using the model --------------------------------------------------------------------
    def _prompt_ids(self, prompt: str) -> list[int]:
        prompt = (prompt or "").replace("\r", "")
        toks = tokens_of(prompt, self.level) if prompt else []
        if self.level == "word" and toks and toks[-1] == "\n" and not prompt.endswith("\n"):
            toks = toks[:-1]
        # every text is read as if it starts after a line break
        return [self.vocab.stoi["\n"]] + self.vocab.encode(toks)

    def default_prompt(self) -> str:
        """A prompt the model knows: the first tokens of the training text's first line (two
        characters, or one word); without a text, the most frequent token."""
        for line in (self.text or "").split("\n"):
            if line.strip():
                toks = [tok for tok in tokens_of(line.strip(), self.level) if tok != "\n"]
                return "".join(toks[:2 if self.level == "char" else 1])
        return (self.vocab.examples(1) or [""])[0]

    def usable_prompt(self, prompt: str | None) -> tuple[str, OutOfVocabulary | None]:
        """``prompt`` when the model knows all its tokens, else the default prompt and the error
        that says which tokens it does not know (for a message, never a failed command)."""
        if prompt is None:
            return self.default_prompt(), None
        try:
            self._prompt_ids(prompt)
        except OutOfVocabulary as exc:
            return self.default_prompt(), exc
        return prompt, None

    def _logits_after(self, ids: list[int]):
        raise NotImplementedError

    def _advance(self, ids: list[int], state):
        """The logits after ``ids`` whose last token was just appended (and the new state)."""
        return self._logits_after(ids)

    def top_k(self, prompt: str, k: int = 10, temperature: float = 1.0) -> list[tuple[str, float]]:
        """The k most probable next tokens after ``prompt`` with their probabilities P_τ."""
        logits, _ = self._logits_after(self._prompt_ids(prompt))
        p = probabilities(logits, temperature)
        values, idx = torch.topk(p, min(int(k), len(self.vocab)))
        return [(self.vocab.itos[i], float(v)) for v, i in zip(values.tolist(), idx.tolist())]

    @torch.no_grad()
    def generate(self, prompt: str, n: int = 100, temperature: float = 1.0, seed: int = 0,
                 top_k: int | None = None, top_p: float | None = None) -> str:
        """Autoregressive generation: sample one token from P_τ (restricted to the k most probable
        with ``top_k``, to the nucleus of mass p with ``top_p``; τ = 0: greedy), append it, repeat
        ``n`` times."""
        n = check_length(n)
        check_temperature(temperature)
        k, p = check_top_k(top_k, len(self.vocab)), check_top_p(top_p)
        gen = torch.Generator().manual_seed(int(seed))
        ids = self._prompt_ids(prompt)
        out: list[str] = []
        with single_thread():
            logits, state = self._logits_after(ids)
            for step in range(n):
                if step:
                    logits, state = self._advance(ids, state)
                i = sample(logits, temperature, k, p, gen)
                ids.append(i)
                out.append(self.vocab.itos[i])
        return "".join(out)
