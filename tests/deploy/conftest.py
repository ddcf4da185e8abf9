"""Fixtures for the deployment tests: the tiny fixture models served by tests/localhub.py under
the default hub ids, and the environment a subprocess needs to use that Hub."""
from __future__ import annotations

import os
import pathlib

import pytest

from core import hub

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def hub_repos(tmp_path_factory) -> dict[str, pathlib.Path]:
    """{default hub id: directory} for the three tasks, tiny models built offline."""
    from core.bert import tiny
    from tests.seq2seq.tiny_marian import build as build_marian

    root = tmp_path_factory.mktemp("hub-repos")
    return {
        hub.spec("fill-mask").default: tiny.build(root / "mlm", "pretraining"),
        hub.spec("sentiment").default: tiny.build(root / "cls", "classifier"),
        hub.spec("translation").default: build_marian(root / "marian"),
    }


def hub_env(url: str | None, home: pathlib.Path, **extra) -> dict:
    """Environment of a `python -m core ...` subprocess that talks to the Hub at ``url``."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PLAYGROUND_MODEL", "HF_", "TRANSFORMERS_OFFLINE"))}
    env.update(HF_HOME=str(home), HF_HUB_OFFLINE="0", PYTHONPATH=str(ROOT), HF_HUB_DISABLE_TELEMETRY="1",
               HF_HUB_ETAG_TIMEOUT="5", HF_HUB_DOWNLOAD_TIMEOUT="10")
    if url:
        env["HF_ENDPOINT"] = url
    env.update(extra)
    return env
