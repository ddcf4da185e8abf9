"""Fixtures of the hostile-input tests: a private cache dir, the tiny BERT models as the
operator's defaults, one torch thread, and a Hub: a fake one that answers sizes (a 100 GB
repository included) and records every download attempt (``shared_server``: the page tests and
the sweep), or tests/localhub.py serving a 1 MB repository over HTTP (``online_server``: the
download tests, the real huggingface_hub code)."""
from __future__ import annotations

import pathlib
import types

import pytest


@pytest.fixture(scope="session")
def tiny_bert(tmp_path_factory) -> dict[str, pathlib.Path]:
    from core.bert import tiny

    return tiny.build_fixture_set(tmp_path_factory.mktemp("hostile-tiny-bert"))


@pytest.fixture(autouse=True)
def _one_torch_thread():
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


class FakeHub:
    """HfApi.model_info with sizes (bigscience/bloom: ~100 GB of safetensors; tiny/ok-model:
    ~1 MB; anything else: not found), what core.download.card asks; and a recorder of
    snapshot_download (core.download.fetch, the app's one download path) and of the download
    functions transformers would call itself (a loader must never reach them)."""

    SIZES = {"bigscience/bloom": [("config.json", 1_000)] + [(f"model-{i:05d}.safetensors", 5_000_000_000)
                                                             for i in range(20)],
             "tiny/ok-model": [("config.json", 1_000), ("model.safetensors", 1_000_000)]}

    def __init__(self):
        self.downloads: list[str] = []
        self.info_calls: list[str] = []

    def model_info(self, repo_id, *args, **kwargs):
        self.info_calls.append(repo_id)
        if repo_id not in self.SIZES:
            raise OSError(f"404 RepositoryNotFound: {repo_id}")
        return types.SimpleNamespace(siblings=[types.SimpleNamespace(rfilename=n, size=s)
                                               for n, s in self.SIZES[repo_id]],
                                     card_data=None, tags=[], sha=None)

    def recorder(self, name):
        def download(*args, **kwargs):
            self.downloads.append(str(args[0]) if args else str(kwargs.get("repo_id")))
            raise OSError("network unreachable (test: downloads are recorded, never performed)")
        return download


@pytest.fixture
def fake_hub(monkeypatch):
    import huggingface_hub
    import huggingface_hub.file_download
    import transformers.utils.hub as thub

    hub = FakeHub()
    monkeypatch.setattr(huggingface_hub.HfApi, "model_info", lambda _api, repo_id, *a, **k: hub.model_info(repo_id))
    for mod in (huggingface_hub, huggingface_hub.file_download, thub):
        for name in ("snapshot_download", "hf_hub_download"):
            if hasattr(mod, name):
                monkeypatch.setattr(mod, name, hub.recorder(name))
    return hub


def _class_server(monkeypatch, tmp_path, tiny_bert) -> pathlib.Path:
    """A class server as the README recommends for Community Cloud: downloads ON, the tiny
    models as the operator's defaults, a private cache (returned), no config file."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("PLAYGROUND_CACHE_DIR", str(cache))
    monkeypatch.setenv("PLAYGROUND_CONFIG", str(tmp_path / "no-playground.toml"))
    monkeypatch.setenv("PLAYGROUND_HUB_DOWNLOAD", "1")
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setenv("PLAYGROUND_MODEL_FILL_MASK", str(tiny_bert["pretraining"]))
    monkeypatch.setenv("PLAYGROUND_MODEL_SENTIMENT", str(tiny_bert["classifier"]))
    for name in ("PLAYGROUND_ALLOW_CUSTOM_MODELS", "PLAYGROUND_MODEL_ROOTS", "PLAYGROUND_ALLOW_SAVE",
                 "PLAYGROUND_MAX_DOWNLOAD_MB", "PLAYGROUND_MODELS_DIR", "PLAYGROUND_ALLOWED_FILL_MASK",
                 "PLAYGROUND_UI_DOWNLOAD"):
        monkeypatch.delenv(name, raising=False)
    return cache


@pytest.fixture
def shared_server(monkeypatch, tmp_path, tiny_bert, fake_hub):
    """The class server of :func:`_class_server` with the fake Hub."""
    cache = _class_server(monkeypatch, tmp_path, tiny_bert)
    return types.SimpleNamespace(cache=cache, tmp=tmp_path, hub=fake_hub, tiny=tiny_bert)


OK_MODEL = "tiny/ok-model"


@pytest.fixture
def online_server(monkeypatch, tmp_path, tiny_bert):
    """The class server of :func:`_class_server` talking to tests/localhub.py, which holds
    ``tiny/ok-model`` (config.json and a 1,000,000-byte weights file), with an empty HF cache."""
    from tests.localhub import LocalHub, use

    repo = tmp_path / "ok-model"
    repo.mkdir()
    (repo / "config.json").write_text("{}", encoding="utf-8")
    (repo / "model.safetensors").write_bytes(bytes(1_000_000))
    cache = _class_server(monkeypatch, tmp_path, tiny_bert)
    with LocalHub({OK_MODEL: repo}) as local:
        use(monkeypatch, local, tmp_path / "hf-cache")
        yield types.SimpleNamespace(cache=cache, tmp=tmp_path, hub=local, tiny=tiny_bert)
