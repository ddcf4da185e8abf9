"""A mini-BERT trained in a few seconds (deterministic: fixed steps, seed 0) and saved into a
temporary cache dir, shared by the tests of this folder."""
from __future__ import annotations

import pathlib

import pytest

# small and quick: 1 layer, d = 32, 40 steps of 16 sentences
TINY = dict(layers=1, d_model=64, heads=2, vocab_size=500, batch_size=16, seconds=None, max_steps=40, lr=5e-3,
            eval_every=20, seed=0)


def small_text(n: int = 400) -> str:
    from core.word2vec import sample_corpus

    return sample_corpus.text(n, seed=0)


@pytest.fixture(autouse=True)
def _one_torch_thread(one_torch_thread):
    """Every test here on one torch thread (tests/conftest.one_torch_thread)."""


@pytest.fixture(scope="session")
def cache_root(tmp_path_factory) -> pathlib.Path:
    return tmp_path_factory.mktemp("minibert-cache")


@pytest.fixture(scope="session")
def trained(cache_root):
    """(PretrainResult, saved directory under <cache>/trained/mini-bert/tiny)."""
    from core.bert import pretrain
    from core.bert import saved

    res = pretrain.pretrain(small_text(), pretrain.PretrainConfig(**TINY), text_name="test text")
    out = saved.save(res, cache_root / "trained" / "mini-bert" / "tiny")
    return res, out


@pytest.fixture
def cache_env(monkeypatch, cache_root):
    """core.paths.cache_dir() → the session's temporary cache (where ``trained`` saved)."""
    monkeypatch.setenv("PLAYGROUND_CACHE_DIR", str(cache_root))
    return cache_root
