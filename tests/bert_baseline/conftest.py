"""Fixtures of the baseline tests: a tiny KeyedVectors (8-d, built in memory) whose positive
words point one way and negative words the other, and toy labelled data made of those words."""
from __future__ import annotations

import numpy as np
import pytest

from core.bert import data as bert_data

POS = ["良い", "最高", "快適", "親切", "美味しい", "きれい"]
NEG = ["悪い", "最悪", "不便", "汚い", "まずい", "うるさい"]
NEUTRAL = ["部屋", "ホテル", "料理", "スタッフ", "が", "は", "でし", "た", "です", "の", "コンピューター"]


@pytest.fixture(scope="session")
def tiny_kv():
    from gensim.models import KeyedVectors

    rng = np.random.default_rng(0)
    words = POS + NEG + NEUTRAL
    vecs = rng.normal(0, 0.3, size=(len(words), 8)).astype(np.float32)
    vecs[: len(POS), 0] += 2.0
    vecs[len(POS): len(POS) + len(NEG), 0] -= 2.0
    kv = KeyedVectors(vector_size=8, count=len(words), dtype=np.float32)
    kv.add_vectors(words, vecs)
    kv.playground_label = "tiny test vectors (8-d)"
    return kv


def toy_rows(n: int = 60, seed: int = 1) -> list[tuple[str, int]]:
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        noun = NEUTRAL[rng.integers(0, 4)]
        if i % 2:
            rows.append((f"{noun}が{POS[rng.integers(0, len(POS))]}です。", 1))
        else:
            rows.append((f"{noun}が{NEG[rng.integers(0, len(NEG))]}です。", -1))
    return rows


@pytest.fixture
def toy_data() -> bert_data.LabelledData:
    body = "\n".join(f"{text},{label}" for text, label in toy_rows())
    return bert_data.load_labelled(("toy.csv", body.encode("utf-8")))
