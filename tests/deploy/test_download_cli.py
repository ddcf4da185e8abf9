"""`python -m core models download / status` end to end against tests/localhub.py: the real
huggingface_hub download code over HTTP, no mocks (issue 14)."""
from __future__ import annotations

import json
import socket
import subprocess
import sys

import pytest

from tests.deploy.conftest import ROOT, hub_env
from tests.localhub import LocalHub

FILL = "tohoku-nlp/bert-base-japanese-v3"


def core_cli(*args, env, check_rc: int | None = 0):
    proc = subprocess.run([sys.executable, "-m", "core", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)
    if check_rc is not None:
        assert proc.returncode == check_rc, proc.stderr[-3000:]
    return proc


def last_json(proc) -> dict:
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_download_then_status_then_the_model_loads(hub_repos, tmp_path):
    with LocalHub(hub_repos, licenses={FILL: "apache-2.0"}) as h:
        env = hub_env(h.url, tmp_path / "hf")
        before = last_json(core_cli("models", "status", "--json", env=env))
        assert not before["all_available"]
        out = last_json(core_cli("models", "download", "--json", env=env))
        assert [d["task"] for d in out["downloaded"]] == ["fill-mask", "sentiment", "translation"]
        assert out["failed"] == []
    # the Hub is gone: everything is read from the cache, offline
    env = hub_env(None, tmp_path / "hf", HF_HUB_OFFLINE="1")
    status = last_json(core_cli("models", "status", "--json", env=env))
    assert status["all_available"], status
    assert {m["where"] for m in status["models"]} == {"cache"}
    filled = last_json(core_cli("bert", "fill-mask", "東北大学で[MASK]の研究をしています。", "--top-k", "3",
                                "--json", env=env))
    assert filled and "東北大学" in json.dumps(filled, ensure_ascii=False)


def test_download_into_a_directory_for_an_offline_server(hub_repos, tmp_path):
    with LocalHub(hub_repos) as h:
        env = hub_env(h.url, tmp_path / "hf")
        proc = core_cli("models", "download", "--task", "translation", "--dir", str(tmp_path / "models"),
                        "--json", env=env)
        assert "PLAYGROUND_MODELS_DIR" in proc.stderr
        assert "B/s" in proc.stderr or "B/" in proc.stderr  # the tqdm bar of bytes on stderr
    env = hub_env(None, tmp_path / "empty-hf", HF_HUB_OFFLINE="1", PLAYGROUND_MODELS_DIR=str(tmp_path / "models"))
    rows = {m["task"]: m for m in last_json(core_cli("models", "status", "--json", env=env))["models"]}
    assert rows["translation"]["available"] and rows["translation"]["where"] == "models_dir"
    assert not rows["fill-mask"]["available"]


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("how", ["hf_hub_offline", "unreachable"])
def test_offline_message_names_the_model_and_what_to_do(tmp_path, how):
    extra = {"HF_HUB_OFFLINE": "1"} if how == "hf_hub_offline" else {}
    env = hub_env(f"http://127.0.0.1:{_closed_port()}", tmp_path / "hf", **extra)
    proc = core_cli("models", "download", "--task", "fill-mask", env=env, check_rc=2)
    assert "Traceback" not in proc.stderr
    assert FILL in proc.stderr
    assert ("HF_HUB_OFFLINE" in proc.stderr) if how == "hf_hub_offline" else ("オフライン" in proc.stderr)
    status = last_json(core_cli("models", "status", "--json", env=env))
    row = next(m for m in status["models"] if m["task"] == "fill-mask")
    assert not row["available"] and "ダウンロード" in row["message"]


def test_unknown_model_is_reported_not_found(hub_repos, tmp_path):
    with LocalHub(hub_repos) as h:
        env = hub_env(h.url, tmp_path / "hf")
        proc = core_cli("models", "download", "--task", "nobody/no-such-model", env=env, check_rc=2)
    assert "見つかりません" in proc.stderr and "Traceback" not in proc.stderr


def test_interrupted_download_leaves_no_model_that_loads_and_resumes(hub_repos, tmp_path):
    env_args = dict(home=tmp_path / "hf")
    with LocalHub(hub_repos, break_after={"model.safetensors": 50_000}) as h:
        env = hub_env(h.url, **env_args)
        proc = core_cli("models", "download", "--task", "fill-mask", "--json", env=env, check_rc=2)
        assert last_json(proc)["failed"][0]["source"] == FILL
    offline = hub_env(None, HF_HUB_OFFLINE="1", **env_args)
    row = next(m for m in last_json(core_cli("models", "status", "--json", env=offline))["models"]
               if m["task"] == "fill-mask")
    assert not row["available"], row  # config.json never landed: nothing half-written to load
    core_cli("bert", "fill-mask", "東北大学で[MASK]の研究をしています。", "--json", env=offline, check_rc=2)
    with LocalHub(hub_repos) as h:  # the network is back: the same command completes
        core_cli("models", "download", "--task", "fill-mask", env=hub_env(h.url, **env_args))
    row = next(m for m in last_json(core_cli("models", "status", "--json", env=offline))["models"]
               if m["task"] == "fill-mask")
    assert row["available"]
