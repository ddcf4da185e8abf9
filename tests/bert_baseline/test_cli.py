"""`python -m core bert baseline` contract (issue #9), checked from outside via subprocess."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

CONTRACT = ["test_accuracy", "macro_f1", "train_examples", "seconds", "token_coverage"]


def run_cli(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "core", "bert", "baseline", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


def last_json(stdout: str) -> dict:
    return json.loads(stdout.strip().splitlines()[-1])


def test_sample_json_contract():
    r = run_cli("--data", "sample", "--epochs", "3", "--seed", "1", "--json")
    assert r.returncode == 0, r.stderr
    out = last_json(r.stdout)
    assert set(CONTRACT) <= set(out)
    assert out["train_examples"] == 216 and out["epochs_run"] == 3
    assert 0 <= out["test_accuracy"] <= 1 and 0 <= out["macro_f1"] <= 1
    assert 0.9 < out["token_coverage"] <= 1 and out["seconds"] > 0
    assert len(out["confusion"]) == 3


def test_pn_tsv_pos_neg_beats_majority(pn_tsv):
    """Acceptance: positive vs negative on jrte pn.tsv, clearly above the majority-class rate."""
    r = run_cli("--data", str(pn_tsv), "--labels", "pos,neg", "--json")
    assert r.returncode == 0, r.stderr
    out = last_json(r.stdout)
    assert out["labels"] == ["positive (1)", "negative (-1)"]
    assert out["train_examples"] == 2379 + 580
    assert out["majority_rate"] == pytest.approx(336 / 414, abs=1e-3)
    assert out["test_accuracy"] > out["majority_rate"] + 0.05, out
    assert out["macro_f1"] > 0.75


@pytest.mark.parametrize("args,needle", [
    (["--data", "/nonexistent/pn.tsv"], "見つかりません"),
    (["--data", "sample", "--labels", "happy,sad"], "ラベル指定"),
    (["--data", "sample", "--epochs", "0"], "エポック数"),
    (["--data", "sample", "--lr", "-1"], "学習率"),
])
def test_bad_input_exit_2(args, needle):
    r = run_cli(*args, "--json")
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert needle in r.stderr and "Traceback" not in r.stderr


def test_bad_file_exit_2(tmp_path):
    f = tmp_path / "bad.tsv"
    f.write_text("a\tb\tc\n", encoding="utf-8")
    r = run_cli("--data", str(f), "--json")
    assert r.returncode == 2 and "列数" in r.stderr
