"""Warm-up before class: load every default model this machine has and build/cache the demo
models on disk, so the first page view in class is instant.

``python -m core models warmup [--json]`` → ``{"prepared": [...], "skipped": [{"name", "why"}],
"seconds": ...}``. Works offline: hub models that are not on disk are listed as skipped with the
reason and the command that fetches them.
"""
from __future__ import annotations

import time
from typing import Callable

from core import PlaygroundError


def _vectors() -> str:
    from core.word2vec import vectors

    kv = vectors.default_vectors()
    return f"chiVe 単語ベクトル ({len(kv.index_to_key):,} 語 × {kv.vector_size} 次元)"


def _tokenizer() -> str:
    from core import text

    text.warm()
    return "MeCab (fugashi + unidic-lite) と Sudachi"


def _seq2seq_date_model() -> str:
    from core.seq2seq import date_model

    date_model.load_or_train()
    return "seq2seq 日付の正規化モデル (char, additive attention)"


def _untrained_bert() -> str:
    from core.bert import tiny

    tiny.ensure_demo("pretraining")
    tiny.ensure_demo("masked_lm")
    return "学習前の小さな BERT（オフライン用のデモ: BERT ページと注意のページ）"


def _mini_bert() -> str:
    from core.bert import saved

    out = saved.ensure_default()
    card = saved.card_of(out) or {}
    return f"mini-BERT（このアプリで学習, {card.get('label', '')}）: {out}"


def _hub_steps() -> list[tuple[str, Callable[[], str]]]:
    from core import hub

    steps = []
    for row in hub.status_all():
        task, source = row["task"], row["source"]

        def load(task=task, source=source, row=row) -> str:
            if not row["available"]:
                hub.locate(source)  # not here: its own error (both languages) when it has one
                raise PlaygroundError("ローカルにありません（読み込み時にダウンロードします）",
                                      en="Not on this machine (downloaded when first loaded).",
                                      hint=hub.fetch_command(source))
            if task == "translation":
                from core.seq2seq import pretrained

                pretrained.load_marian(source)
            else:
                from core.bert import models

                {"fill-mask": models.load_masked_lm, "sentiment": models.load_classifier}[task](source)
            return f"{task}: {source}"

        steps.append((f"{task}: {source}", load))
    return steps


def warmup(on_step: Callable[[str, str], None] | None = None) -> dict:
    t0 = time.perf_counter()
    prepared, skipped = [], []
    steps: list[tuple[str, Callable[[], str]]] = [
        ("tokenizer", _tokenizer),
        ("word2vec: chiVe", _vectors),
        ("seq2seq: date model", _seq2seq_date_model),
        ("bert: untrained demo", _untrained_bert),
        ("bert: mini-BERT trained here", _mini_bert),
    ]
    try:
        steps += _hub_steps()
    except Exception as exc:  # noqa: BLE001
        skipped.append({"name": "hub models", "why": f"{type(exc).__name__}: {exc}"})
    for name, step in steps:
        if on_step:
            on_step(name, "start")
        try:
            prepared.append(step())
        except PlaygroundError as exc:
            why = exc.message + (f"  →  {exc.hint}" if exc.hint else "")
            skipped.append({"name": name, "why": why})
        except Exception as exc:  # noqa: BLE001 - warm-up reports, it does not crash
            skipped.append({"name": name, "why": f"{type(exc).__name__}: {exc}"})
        if on_step:
            on_step(name, "done")
    return {"prepared": prepared, "skipped": skipped, "seconds": round(time.perf_counter() - t0, 2)}
