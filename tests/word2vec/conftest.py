"""word2vec fixtures: the embedded chiVe vectors (converted once into the user cache) and a
tiny KeyedVectors built in memory for fast tests."""
from __future__ import annotations

import numpy as np
import pytest


@pytest.fixture(scope="session")
def chive():
    from core.word2vec.vectors import default_vectors

    return default_vectors()


TINY_WORDS = ["猫", "犬", "子猫", "魚", "肉", "東京", "大阪", "パリ", "日本", "フランス", "王", "女王", "男", "女"]


@pytest.fixture(scope="session")
def tiny_kv():
    """14 words in 8 dimensions with a planted structure: animals close, cities close,
    and 女王 = 王 − 男 + 女 exactly."""
    from gensim.models import KeyedVectors

    rng = np.random.default_rng(0)
    base = {w: rng.normal(size=8).astype(np.float32) for w in TINY_WORDS}
    base["犬"] = base["猫"] + 0.2 * rng.normal(size=8).astype(np.float32)
    base["子猫"] = base["猫"] + 0.1 * rng.normal(size=8).astype(np.float32)
    base["大阪"] = base["東京"] + 0.2 * rng.normal(size=8).astype(np.float32)
    base["女王"] = base["王"] - base["男"] + base["女"]
    kv = KeyedVectors(vector_size=8, count=0)
    kv.add_vectors(TINY_WORDS, np.stack([base[w] for w in TINY_WORDS]))
    kv.fill_norms()
    return kv
