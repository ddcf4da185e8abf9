"""CLI contract: `python -m core transformer pretrain-mlm --text-file FILE [--seconds S]
[--save DIR] --json`, then `python -m core bert fill-mask TEXT --model DIR --json`."""
from __future__ import annotations

from tests.minibert.conftest import small_text
from tests.test_cli import last_json, run_cli

KEYS = {"mlm_loss_first", "mlm_loss_last", "val_masked_accuracy", "nsp_accuracy", "seconds", "params", "vocab_size"}


def test_pretrain_mlm_then_fill_mask_on_the_saved_directory(tmp_path):
    text = tmp_path / "text.txt"
    text.write_text(small_text(300), encoding="utf-8")
    out = tmp_path / "mini"
    r = run_cli("transformer", "pretrain-mlm", "--text-file", str(text), "--seconds", "3", "--layers", "1",
                "--d-model", "32", "--save", str(out), "--json", timeout=600)
    assert r.returncode == 0, r.stderr
    data = last_json(r.stdout)
    assert KEYS <= set(data)
    assert data["mlm_loss_first"] > 0 and data["params"] > 0 and data["vocab_size"] > 100
    assert 0 <= data["val_masked_accuracy"] <= 1 and data["seconds"] > 0
    assert 0 <= data["nsp_accuracy"] <= 1  # validation pairs, 50 % real / 50 % random next sentences
    assert data["saved"] == str(out) and (out / "model.safetensors").is_file()
    r = run_cli("bert", "fill-mask", "父は昼に[MASK]を食べた。", "--model", str(out), "--json")
    assert r.returncode == 0, r.stderr
    fm = last_json(r.stdout)
    assert len(fm["masks"]) == 1 and len(fm["masks"][0]["candidates"]) == 5
    assert fm["filled"].startswith("父は昼に") and "[MASK]" not in fm["filled"]


def test_pretrain_mlm_bad_input_exits_2_with_a_japanese_message(tmp_path):
    short = tmp_path / "short.txt"
    short.write_text("今日は良い天気です。明日は雨が降るでしょう。", encoding="utf-8")
    r = run_cli("transformer", "pretrain-mlm", "--text-file", str(short), "--seconds", "1", "--json")
    assert r.returncode == 2 and "文が少なすぎます" in r.stderr and "Traceback" not in r.stderr
    r = run_cli("transformer", "pretrain-mlm", "--text-file", str(tmp_path / "missing.txt"), "--json")
    assert r.returncode == 2 and "ありません" in r.stderr
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"a" * (6 * 1024 * 1024))
    r = run_cli("transformer", "pretrain-mlm", "--text-file", str(huge), "--json")
    assert r.returncode == 2 and "大きすぎます" in r.stderr
    text = tmp_path / "text.txt"
    text.write_text(small_text(100), encoding="utf-8")
    r = run_cli("transformer", "pretrain-mlm", "--text-file", str(text), "--d-model", "30", "--heads", "4", "--json")
    assert r.returncode == 2 and "割り切れる" in r.stderr
