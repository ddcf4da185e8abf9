"""The command-line contract of issue #13, checked from outside (subprocess)."""
import json
import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
TEXT = "春になると、町の川沿いに桜が咲きます。朝、猫は窓のそばで目をさまします。猫は外を見て、鳥の声を聞きます。\n" * 12


def cli(*args, timeout=240):
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    return subprocess.run([sys.executable, "-m", "core", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def last_json(proc):
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.fixture
def text_file(tmp_path):
    f = tmp_path / "t.txt"
    f.write_bytes(TEXT.encode("cp932"))  # Shift-JIS uploads are read too
    return f


def test_train_lm_save_and_generate(tmp_path, text_file):
    out = last_json(cli("transformer", "train-lm", "--text-file", str(text_file), "--epochs", "2",
                        "--layers", "1", "--heads", "2", "--d-model", "16", "--seed", "1",
                        "--save", str(tmp_path / "gpt"), "--json"))
    assert set(out) == {"val_loss", "val_ppl", "train_tokens", "seconds", "params", "best_val_loss", "best_val_ppl",
                        "best_epoch", "last_val_loss", "last_val_ppl", "epochs", "stopped", "overfitting", "unigram_ppl"}
    from core.lm.text import prepare_text

    n_tokens = len(prepare_text(TEXT))  # the LSTM LM's text check and character tokens
    assert out["train_tokens"] == n_tokens - n_tokens // 10  # the last 10 % is held out
    assert out["val_ppl"] == pytest.approx(2.718281828 ** out["val_loss"], rel=1e-6)
    assert out["params"] > 0 and out["seconds"] > 0
    gen = last_json(cli("transformer", "generate", "--model", str(tmp_path / "gpt"), "--length", "12",
                        "--temperature", "0.7", "--top-k", "3", "--top-p", "0.9", "猫は", "--json"))
    assert set(gen) == {"text"} and len(gen["text"]) == 12 and set(gen["text"]) <= set(TEXT + "\n")


def test_seconds_bound_both_models_same_split(text_file):
    gpt = last_json(cli("transformer", "train-lm", "--text-file", str(text_file), "--seconds", "1",
                        "--layers", "1", "--heads", "2", "--d-model", "16", "--json"))
    lstm = last_json(cli("rnn", "lm", "--text-file", str(text_file), "--seconds", "1", "--hidden", "16",
                         "--json"))
    assert {"val_loss", "val_ppl", "perplexity", "top_k", "generated", "train_tokens"} <= set(lstm)
    assert lstm["train_tokens"] == gpt["train_tokens"]
    assert lstm["val_ppl"] == pytest.approx(2.718281828 ** lstm["val_loss"], rel=1e-6)
    # 300 epochs would take far longer than the budget: the bound stopped both
    # (an epoch or a slow first batch may overrun by a little on a busy machine)
    assert gpt["seconds"] < 60 and lstm["seconds"] < 60


@pytest.mark.parametrize("args, words", [
    (["--d-model", "30", "--heads", "4"], "割り切れません"),
    (["--layers", "0"], "層の数"),
    (["--context", "5000"], "文脈の長さ"),
])
def test_bad_input_exits_2_with_a_message(args, words):
    proc = cli("transformer", "train-lm", *args, "--json")
    assert proc.returncode == 2 and words in proc.stderr and "Traceback" not in proc.stderr


def test_generate_without_a_model(tmp_path):
    proc = cli("transformer", "generate", "--model", str(tmp_path / "none"), "猫", "--json")
    assert proc.returncode == 2 and "train-lm" in proc.stderr
