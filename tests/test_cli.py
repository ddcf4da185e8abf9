import json
import os
import subprocess
import sys

from tests.conftest import ROOT


def run_cli(*args, timeout=300, env: dict | None = None):
    full_env = None if env is None else {**os.environ, **env}
    return subprocess.run([sys.executable, "-m", "core", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, env=full_env)


def last_json(stdout: str) -> dict:
    return json.loads(stdout.strip().splitlines()[-1])


def test_help_lists_groups():
    r = run_cli("--help")
    assert r.returncode == 0
    for group in ("env", "word2vec", "rnn", "seq2seq", "bert", "models", "bench"):
        assert group in r.stdout


def test_help_does_not_import_torch():
    code = "import sys; from core.cli import build_parser; build_parser(); print('torch' in sys.modules)"
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert r.stdout.strip() == "False", r.stderr


def test_env_json():
    r = run_cli("env", "--json")
    assert r.returncode == 0, r.stderr
    data = last_json(r.stdout)
    assert data["device"]["type"] in ("cpu", "cuda", "mps")
    assert data["torch"].startswith("2.13")
    assert set(["transformers", "streamlit", "cuda_available"]) <= set(data)


def test_attention_weights_rows_sum_to_one_and_causal_hides_the_future():
    r = run_cli("attention", "weights", "バナナが好き", "--causal", "--json")
    assert r.returncode == 0, r.stderr
    data = last_json(r.stdout)
    assert data["tokens"] == ["バナナ", "が", "好き"]
    for i, row in enumerate(data["weights"]):
        assert abs(sum(row) - 1) < 1e-4
        assert all(v == 0 for v in row[i + 1:])
    bad = run_cli("attention", "weights", " ")
    assert bad.returncode == 2 and "空" in bad.stderr
