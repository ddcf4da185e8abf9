"""The command-line contract of issue #7, checked from outside (subprocess) with fixture models."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT


def run_cli(*args, env_extra: dict | None = None, timeout: int = 240):
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", OMP_NUM_THREADS="1",
               PYTHONIOENCODING="utf-8")
    for k in ("PLAYGROUND_MODEL_FILL_MASK", "PLAYGROUND_MODEL_SENTIMENT", "PLAYGROUND_MODEL_TRANSLATION",
              "PLAYGROUND_MODELS_DIR"):
        env.pop(k, None)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "core", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout)


def last_json(proc) -> dict:
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_fill_mask_contract(tiny_models):
    p = run_cli("bert", "fill-mask", "東北大学で[MASK]の研究を＿＿。", "--model", str(tiny_models["mlm"]),
                "--top-k", "3", "--json")
    out = last_json(p)
    assert set(out) == {"masks", "filled"}
    assert len(out["masks"]) == 2
    for m in out["masks"]:
        assert set(m) == {"position", "candidates"} and isinstance(m["position"], int)
        assert len(m["candidates"]) == 3
        assert all(isinstance(t, str) and 0 <= pr <= 1 for t, pr in m["candidates"])
    assert "[MASK]" not in out["filled"] and " " not in out["filled"] and "##" not in out["filled"]
    assert out["filled"].startswith("東北大学で")


def test_sentiment_contract_default_from_env(tiny_models):
    p = run_cli("bert", "sentiment", "とても良いホテルでした", "--json",
                env_extra={"PLAYGROUND_MODEL_SENTIMENT": str(tiny_models["classifier"])})
    out = last_json(p)
    assert set(out) == {"label", "scores"}
    assert set(out["scores"]) == {"positive", "negative"} and out["label"] in out["scores"]
    assert abs(sum(out["scores"].values()) - 1) < 1e-4


def test_finetune_contract(tiny_models, tmp_path):
    from core.bert import data

    save = tmp_path / "ft"
    p = run_cli("bert", "finetune", "--data", str(data.SAMPLE_PATH), "--model", str(tiny_models["mlm"]),
                "--epochs", "1", "--max-train", "40", "--max-eval", "20", "--labels", "pos,neg",
                "--lr", "1e-3", "--save", str(save), "--json")
    out = last_json(p)
    for key in ("test_accuracy", "macro_f1", "train_examples", "seconds", "loss_first", "loss_last"):
        assert key in out
    assert out["train_examples"] == 40 and 0 <= out["test_accuracy"] <= 1
    assert (save / "model.safetensors").is_file()
    from core.bert import models

    assert models.load_classifier(str(save)).labels == ["positive (1)", "negative (-1)"]


def test_models_status_json_and_errors(tiny_models, tmp_path):
    out = last_json(run_cli("models", "status", "--json",
                            env_extra={"PLAYGROUND_MODEL_FILL_MASK": str(tiny_models["mlm"])}))
    rows = {r["task"]: r for r in out["models"]}
    assert set(rows) == {"fill-mask", "sentiment", "translation"}
    assert rows["fill-mask"]["available"] and rows["fill-mask"]["origin"] == "env"
    assert rows["translation"]["source"] == "Helsinki-NLP/opus-mt-ja-en"
    assert not rows["sentiment"]["available"] and out["all_available"] is False


def main(argv, capsys, monkeypatch):
    """The same CLI in-process (bad-input paths: exit status 2 and the message on stderr)."""
    from core.cli import main as cli_main

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    for k in ("PLAYGROUND_MODEL_FILL_MASK", "PLAYGROUND_MODEL_SENTIMENT"):
        monkeypatch.delenv(k, raising=False)
    rc = cli_main(argv)
    cap = capsys.readouterr()
    return rc, cap.out, cap.err


def test_cli_bad_input_exit_2(tiny_models, tmp_path, capsys, monkeypatch):
    # offline + missing: exit 2 with the model name and the fetch command, no traceback
    rc, _, err = main(["bert", "sentiment", "良い", "--json"], capsys, monkeypatch)
    assert rc == 2 and "llm-book/bert-base-japanese-v3-marc_ja" in err
    assert "python -m core models download" in err and "Traceback" not in err
    rc, _, err = main(["bert", "fill-mask", "マスクなし", "--model", str(tiny_models["mlm"]), "--json"],
                      capsys, monkeypatch)
    assert rc == 2 and "[MASK]" in err
    rc, _, err = main(["bert", "fill-mask", "[MASK]", "--model", str(tmp_path), "--json"], capsys, monkeypatch)
    assert rc == 2 and "モデルではありません" in err
    rc, _, err = main(["bert", "fill-mask", "[MASK]", "--model", "no-such-org/no-such-bert", "--json"],
                      capsys, monkeypatch)
    assert rc == 2 and "no-such-org/no-such-bert" in err
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    rc, _, err = main(["bert", "finetune", "--data", str(bad), "--model", str(tiny_models["mlm"]), "--json"],
                      capsys, monkeypatch)
    assert rc == 2 and "列" in err
    rc, _, err = main(["bert", "finetune", "--data", str(data_sample()), "--model", str(tiny_models["mlm"]),
                       "--labels", "pos,foo", "--json"], capsys, monkeypatch)
    assert rc == 2 and "foo" in err
    rc, out, err = main(["models", "download", "--task", "sentiment", "--json"], capsys, monkeypatch)
    assert rc == 2 and "HF_HUB_OFFLINE" in err
    assert json.loads(out.strip().splitlines()[-1])["failed"][0]["source"] == "llm-book/bert-base-japanese-v3-marc_ja"


def data_sample():
    from core.bert import data

    return data.SAMPLE_PATH
