"""The CLI contract of issue #3, checked from outside (subprocess)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def run(*args, timeout=180):
    proc = subprocess.run([sys.executable, "-m", "core", "word2vec", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)
    return proc


def last_json(proc):
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_neighbors_cat_json():
    proc = run("neighbors", "猫", "--json")
    assert proc.returncode == 0, proc.stderr
    out = last_json(proc)
    assert set(out) == {"word", "resolved", "neighbors"}
    assert out["word"] == "猫" and out["resolved"] == "猫" and len(out["neighbors"]) == 10
    words = [w for w, _ in out["neighbors"]]
    assert "犬" in words or "子猫" in words


def inproc(capsys, *args):
    """The same main() as `python -m core`, in-process (a subprocess per case costs seconds)."""
    from core.cli import main

    rc = main(["word2vec", *args])
    captured = capsys.readouterr()
    return rc, captured.out, captured.err


def test_neighbors_resolved_key_and_topn(capsys):
    rc, out, _ = inproc(capsys, "neighbors", "コンピュータ", "--topn", "3", "--json")
    out = json.loads(out.strip().splitlines()[-1])
    assert rc == 0 and out["resolved"] == "コンピューター" and len(out["neighbors"]) == 3


def test_oov_exits_2_from_outside():
    proc = run("neighbors", "🐱🐶", "--json")
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert "語彙にありません" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("args", [["neighbors", "猫", "--topn", "0", "--json"],
                                  ["neighbors", "猫", "--topn", "100000"], ["neighbors", "  ", "--json"],
                                  ["neighbors", "猫" * 10_000, "--json"], ["neighbors", "<b>qzxqzx</b>"],
                                  ["analogy", "--positive", "王様", "qzxqzx", "--negative", "男", "--json"],
                                  ["eval-pairs", "/nonexistent.csv", "--json"],
                                  ["neighbors", "猫", "--vectors", "/nonexistent.txt"]])
def test_bad_input_exits_2_with_message(args, capsys):
    rc, _, err = inproc(capsys, *args)
    assert rc == 2 and err.startswith("エラー"), err


def test_bad_uploads_exit_2(tmp_path, capsys):
    from core.cli import main

    binary = tmp_path / "b.csv"
    binary.write_bytes(b"\x00\x01" * 100)
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    sjis = tmp_path / "s.csv"
    sjis.write_bytes("word1,word2,score\n猫,犬,9\n猫,車,1\n東京,大阪,8\n".encode("cp932"))
    assert main(["word2vec", "eval-pairs", str(binary), "--json"]) == 2
    assert main(["word2vec", "train", "--corpus", str(empty), "--sg", "0", "--save", str(tmp_path / "x.kv")]) == 2
    capsys.readouterr()
    assert main(["word2vec", "eval-pairs", str(sjis), "--json"]) == 0
    assert json.loads(capsys.readouterr().out.strip().splitlines()[-1])["covered"] == 3


def test_analogy_and_eval_pairs(tmp_path, capsys):
    rc, out, _ = inproc(capsys, "analogy", "--positive", "東京", "フランス", "--negative", "日本", "--topn", "3", "--json")
    out = json.loads(out.strip().splitlines()[-1])
    assert rc == 0 and set(out) == {"answers"} and out["answers"][0][0] == "パリ"

    from core.word2vec import evaluate

    pairs = tmp_path / "pairs.csv"
    pairs.write_text(evaluate.SAMPLE_PAIRS_CSV + "qzxqzxq,猫,3\n", encoding="utf-8")
    rc, out, _ = inproc(capsys, "eval-pairs", str(pairs), "--json")
    out = json.loads(out.strip().splitlines()[-1])
    assert set(out) == {"pairs", "covered", "coverage", "spearman", "covered_exact", "coverage_exact",
                        "spearman_exact"}
    assert out["pairs"] == 36 and out["covered"] == 35 and out["coverage"] == pytest.approx(35 / 36)
    assert out["covered_exact"] <= out["covered"] and out["spearman_exact"] is not None
    assert 0.3 < out["spearman"] <= 1


def test_train_from_outside_then_use_the_vectors(tmp_path, capsys):
    from core.word2vec import sample_corpus

    corpus = tmp_path / "corpus.txt"
    corpus.write_text(sample_corpus.text(1500), encoding="utf-8")
    kv_path = tmp_path / "out.kv"
    proc = run("train", "--corpus", str(corpus), "--sg", "1", "--epochs", "3", "--save", str(kv_path), "--json")
    assert proc.returncode == 0, proc.stderr
    out = last_json(proc)
    assert set(out) == {"words_per_sec", "seconds", "vocab"} and out["vocab"] > 100 and out["words_per_sec"] > 0
    rc, out, _ = inproc(capsys, "neighbors", "猫", "--vectors", str(kv_path), "--topn", "3", "--json")
    out = json.loads(out.strip().splitlines()[-1])
    assert out["resolved"] == "猫" and len(out["neighbors"]) == 3
