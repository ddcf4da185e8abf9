"""Sentence classification with a fine-tuned BERT: p(y | x) = softmax(W · h_[CLS] + b).

Works with any LoadedModel of kind "classifier": the shared cached one or a model the session
fine-tuned (core.bert.finetune). Labels come from the model's config.id2label.
"""
from __future__ import annotations

from dataclasses import dataclass

from core import InputTooLong, InvalidInput
from core.text import normalize_input, require_text

MAX_LINES = 500  # batch mode cap (a class shares the server)
MAX_CHARS = 1000  # one sentence
DEFAULT_MAX_LENGTH = 128


@dataclass
class Prediction:
    text: str
    label: str
    scores: dict[str, float]  # label → probability
    truncated: bool = False

    def as_dict(self) -> dict:
        return {"label": self.label, "scores": self.scores}


def _labels(loaded) -> list[str]:
    id2label = getattr(loaded, "id2label", None) or {}
    if not id2label:
        n = int(loaded.model.config.num_labels)
        return [f"LABEL_{i}" for i in range(n)]
    return [id2label[i] for i in sorted(id2label)]


def classify(loaded, texts: list[str], *, batch_size: int = 32, max_length: int = DEFAULT_MAX_LENGTH,
             on_progress=None) -> list[Prediction]:
    """Label probabilities for each text (batched, padded per batch, truncated to max_length)."""
    import torch

    labels = _labels(loaded)
    tok = loaded.tokenizer
    model = loaded.model
    dev = loaded.device
    max_length = int(min(max_length, loaded.max_length))
    out: list[Prediction] = []
    for start in range(0, len(texts), batch_size):
        chunk = texts[start:start + batch_size]
        enc = tok(chunk, padding=True, truncation=True, max_length=max_length, return_tensors="pt")
        lengths = [len(tok.tokenize(t)) + 2 for t in chunk] if len(chunk) <= 64 else [0] * len(chunk)
        enc = {k: v.to(dev) for k, v in enc.items()}
        with torch.inference_mode():
            logits = model(**enc).logits.float()
        probs = torch.softmax(logits, dim=-1).cpu().tolist()
        for t, p, n in zip(chunk, probs, lengths):
            scores = {lab: float(v) for lab, v in zip(labels, p)}
            best = max(scores, key=scores.get)
            out.append(Prediction(t, best, scores, truncated=n > max_length))
        if on_progress:
            on_progress(min(start + batch_size, len(texts)), len(texts), None)
    return out


def classify_one(loaded, text: str) -> Prediction:
    text = require_text(text, max_chars=MAX_CHARS, what="文")
    return classify(loaded, [text])[0]


def parse_lines(text: str, *, max_lines: int = MAX_LINES) -> list[str]:
    """Batch mode input: one sentence per line (empty lines dropped)."""
    lines = [normalize_input(ln) for ln in (text or "").split("\n")]
    lines = [ln for ln in lines if ln]
    if not lines:
        raise InvalidInput("文がありません。1 行に 1 文ずつ入力してください。",
                           en="No sentences. Enter one sentence per line.")
    if len(lines) > max_lines:
        raise InputTooLong(f"行が多すぎます（{len(lines):,} 行）。一度に {max_lines} 行までにしてください。",
                           en=f"Too many lines ({len(lines):,}). Use at most {max_lines} lines at a time.")
    long = [i + 1 for i, ln in enumerate(lines) if len(ln) > MAX_CHARS]
    if long:
        raise InputTooLong(f"{long[0]} 行目が長すぎます。1 行 {MAX_CHARS} 文字以内にしてください。",
                           en=f"Line {long[0]} is too long. Keep each line within {MAX_CHARS} characters.")
    return lines


def to_rows(preds: list[Prediction]) -> list[dict]:
    """Table rows for the page / CSV: text, label, one column per label."""
    return [{"text": p.text, "label": p.label, **{f"p({k})": round(v, 4) for k, v in p.scores.items()}}
            for p in preds]
