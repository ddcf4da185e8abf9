"""A pretrained Japanese GPT (issue 27, item 10) and the mini-GPT trained here behind one small
interface: next-token probabilities under temperature / top-k / top-p (nucleus), step-by-step
generation, and the attention of every layer and head.

    P_τ(w) = softmax(z / τ)                         temperature τ (τ → 0: greedy)
    top-k:  keep the k most probable tokens, renormalise
    top-p:  keep the smallest set of most probable tokens whose mass reaches p, renormalise

The pretrained model comes through core.hub (allow-list, download button, size cap, memory
budget in core.resources) as a transformers causal LM (GPT-2 architecture, eager attention,
``trust_remote_code`` off). Offline, the page uses the mini-GPT (core.transformer.lm.GPTRun)
through :class:`MiniGPTLM`, labelled as such.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import torch

from core import InvalidInput, ModelUnavailable, hub
from core.text import require_text

MAX_PROMPT_CHARS = 300
MAX_STEPS = 40
MAX_TOKENS = 64  # attention views: the last 64 tokens


@dataclass
class CausalLM:
    """A loaded causal LM: ``logits(text)`` for the next token, ``attention(text)``."""

    model: object
    tokenizer: object
    source: str
    label: str
    pretrained: bool = True

    def _ids(self, text: str) -> list[int]:
        ids = self.tokenizer(text, add_special_tokens=False)["input_ids"]
        if not ids:
            raise InvalidInput("トークンがありません。文を入力してください。", en="There are no tokens. Enter some text.")
        return list(ids)[-MAX_TOKENS:]

    def tokens(self, ids: list[int]) -> list[str]:
        return [self.tokenizer.decode([i]) for i in ids]

    @torch.no_grad()
    def logits(self, ids: list[int]) -> torch.Tensor:
        x = torch.tensor([ids], device=next(self.model.parameters()).device)
        return self.model(input_ids=x).logits[0, -1].float().cpu()

    @torch.no_grad()
    def attention(self, text: str) -> tuple[list[str], torch.Tensor]:
        ids = self._ids(text)
        x = torch.tensor([ids], device=next(self.model.parameters()).device)
        out = self.model(input_ids=x, output_attentions=True)
        return self.tokens(ids), torch.stack([a[0] for a in out.attentions]).float().cpu()  # (L, H, n, n)


class MiniGPTLM:
    """The mini-GPT trained here (core.transformer.lm.GPTRun) with the same interface."""

    pretrained = False

    def __init__(self, run, label: str = "mini-GPT"):
        self.run, self.source, self.label = run, "mini-GPT", label

    def _ids(self, text: str) -> list[int]:
        return self.run._prompt_ids(text)[-self.run.context:]

    def tokens(self, ids: list[int]) -> list[str]:
        return [self.run.vocab.itos[i] for i in ids]

    @torch.no_grad()
    def logits(self, ids: list[int]) -> torch.Tensor:
        return self.run._logits_after(ids)[0].float().cpu()

    def attention(self, text: str):
        return self.run.attention(text)


def load(source: str) -> CausalLM:
    """A transformers causal LM from a hub id or a directory, eager attention, eval mode."""
    from transformers import AutoModelForCausalLM

    from core.bert.models import common_kwargs, eval_model, hub_tokenizer
    from core.download import locate_or_fetch

    found = locate_or_fetch(source)
    kwargs = common_kwargs(found)
    tok = hub_tokenizer(found)
    try:
        model = AutoModelForCausalLM.from_pretrained(found.load_arg, attn_implementation="eager", **kwargs)
    except ModelUnavailable:
        raise
    except Exception as exc:
        raise hub.unavailable_from_error(source, exc) from exc
    return CausalLM(eval_model(model), tok, source, source)


def filtered(logits: torch.Tensor, temperature: float = 1.0, top_k: int = 0, top_p: float = 1.0) -> torch.Tensor:
    """P after temperature, top-k and top-p (nucleus) filtering, renormalised (V,)."""
    if not 0.0 <= float(temperature) <= 10.0:
        raise InvalidInput("温度 (temperature) は 0〜10 にしてください。", en="The temperature must be 0–10.")
    if not 0.0 < float(top_p) <= 1.0:
        raise InvalidInput("top-p は 0 より大きく 1 以下にしてください。", en="top-p must be greater than 0 and at most 1.")
    if int(top_k) < 0:
        raise InvalidInput("top-k は 0 以上にしてください（0 = 制限なし）。", en="top-k must be 0 or more (0 = no limit).")
    z = logits.float()
    if temperature == 0:
        p = torch.zeros_like(z)
        p[int(z.argmax())] = 1.0
        return p
    p = torch.softmax(z / float(temperature), dim=-1)
    if top_k and top_k < len(p):
        kth = torch.topk(p, int(top_k)).values[-1]
        p = torch.where(p >= kth, p, torch.zeros_like(p))
    if top_p < 1.0:
        order = torch.argsort(p, descending=True)
        cum = torch.cumsum(p[order], 0)
        keep = cum - p[order] < float(top_p) * p.sum()  # the smallest prefix reaching mass p
        mask = torch.zeros_like(p, dtype=torch.bool)
        mask[order[keep]] = True
        p = torch.where(mask, p, torch.zeros_like(p))
    return p / p.sum()


@dataclass
class NextToken:
    candidates: list[tuple[str, float, float]]  # (token, P before filtering, P after) best first
    kept: int  # tokens with P after > 0


def next_token(lm, text: str, *, temperature: float = 1.0, top_k: int = 0, top_p: float = 1.0,
               show: int = 10) -> NextToken:
    text = require_text(text, max_chars=MAX_PROMPT_CHARS, what="文")
    z = lm.logits(lm._ids(text))
    raw = torch.softmax(z, dim=-1)
    p = filtered(z, temperature, top_k, top_p)
    order = torch.argsort(raw, descending=True)[:show].tolist()
    cands = [(lm.tokens([i])[0], float(raw[i]), float(p[i])) for i in order]
    return NextToken(cands, int((p > 0).sum()))


@dataclass
class Step:
    token: str
    p: float
    top: list[tuple[str, float]] = field(default_factory=list)


def generate_steps(lm, text: str, n: int = 10, *, temperature: float = 1.0, top_k: int = 0, top_p: float = 1.0,
                   seed: int = 0) -> list[Step]:
    """Sample ``n`` tokens one at a time, recording each step's choice and its top-5."""
    text = require_text(text, max_chars=MAX_PROMPT_CHARS, what="文")
    if not 1 <= int(n) <= MAX_STEPS:
        raise InvalidInput(f"生成するトークン数は 1〜{MAX_STEPS} にしてください。", en=f"Generate 1–{MAX_STEPS} tokens.")
    gen = torch.Generator().manual_seed(int(seed))
    ids = lm._ids(text)
    steps = []
    for _ in range(int(n)):
        p = filtered(lm.logits(ids[-MAX_TOKENS:]), temperature, top_k, top_p)
        i = int(torch.multinomial(p, 1, generator=gen))
        top = torch.topk(p, min(5, int((p > 0).sum()))).indices.tolist()
        steps.append(Step(lm.tokens([i])[0], float(p[i]), [(lm.tokens([j])[0], float(p[j])) for j in top]))
        ids.append(i)
    return steps
