"""Tiny BERT fixture models, built offline once per test session through core.bert.tiny and
loaded by the tests through exactly the app's loading code (core.bert.models)."""
from __future__ import annotations

import pathlib

import pytest

from core.bert import tiny


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory) -> dict[str, pathlib.Path]:
    """{"mlm": BertForMaskedLM, "pretraining": BertForPreTraining (has NSP), "classifier": ...}."""
    return tiny.build_fixture_set(tmp_path_factory.mktemp("tiny-bert"))


@pytest.fixture(scope="session")
def loaded_mlm(tiny_models):
    from core.bert import models

    return models.load_masked_lm(str(tiny_models["pretraining"]))


@pytest.fixture(scope="session")
def loaded_classifier(tiny_models):
    from core.bert import models

    return models.load_classifier(str(tiny_models["classifier"]))


@pytest.fixture
def bert_env(monkeypatch, tiny_models):
    """Point the app's model sources at the tiny fixture dirs (env-var overrides of core.hub)."""
    monkeypatch.setenv("PLAYGROUND_MODEL_FILL_MASK", str(tiny_models["pretraining"]))
    monkeypatch.setenv("PLAYGROUND_MODEL_SENTIMENT", str(tiny_models["classifier"]))
    return tiny_models


@pytest.fixture(autouse=True)
def _one_torch_thread(one_torch_thread):
    """Every test here on one torch thread (tests/conftest.one_torch_thread)."""
