"""The command-line contract of issue #4, checked from outside (subprocess)."""
import json
import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def cli(*args, timeout=180):
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    return subprocess.run([sys.executable, "-m", "core", "rnn", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def run_main(capsys, *args):
    """The same command in-process (no torch import per call): (exit status, stdout, stderr)."""
    from core.cli import main

    rc = main(["rnn", *args])
    out = capsys.readouterr()
    return rc, out.out, out.err


def last_json(proc):
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_train_json_contract():
    """LSTM on sine: the JSON keys of the contract, and val_mse < 0.01 (10 epochs are plenty;
    the default is 40)."""
    out = last_json(cli("train", "--task", "sine", "--cell", "lstm", "--epochs", "10", "--hidden", "16",
                        "--seed", "1", "--json"))
    assert set(out) == {"cell", "task", "val_mse", "seconds", "epochs"}
    assert out["cell"] == "lstm" and out["task"] == "sine" and out["epochs"] == 10
    assert out["val_mse"] < 0.01 and out["seconds"] > 0


def test_gradnorm_json_contract():
    out = last_json(cli("gradnorm", "--cell", "gru", "--steps", "30", "--json"))
    assert list(out) == ["norms"] and len(out["norms"]) == 30
    assert all(n > 0 for n in out["norms"])


def test_lstm_is_an_alias_of_the_rnn_group(capsys):
    """The area's one name (lstm) reaches the same commands as the contract's `rnn`."""
    rc_rnn, out_rnn, _ = run_main(capsys, "gradnorm", "--cell", "gru", "--steps", "6", "--json")
    from core.cli import main

    rc = main(["lstm", "gradnorm", "--cell", "gru", "--steps", "6", "--json"])
    out = capsys.readouterr().out
    assert rc == rc_rnn == 0
    assert json.loads(out.strip().splitlines()[-1]) == json.loads(out_rnn.strip().splitlines()[-1])


def test_gradnorm_default_rnn_vanishes_faster_than_lstm(capsys):
    norms = {}
    for cell in ("rnn", "lstm"):
        rc, out, _ = run_main(capsys, "gradnorm", "--cell", cell, "--json")
        assert rc == 0
        norms[cell] = json.loads(out.strip().splitlines()[-1])["norms"]
    rnn, lstm = norms["rnn"], norms["lstm"]
    assert len(rnn) == len(lstm) == 50
    assert (rnn[0] / rnn[-1]) < 1e-3 * (lstm[0] / lstm[-1])


@pytest.mark.parametrize("args,needle", [
    (["train", "--hidden", "0"], "隠れ状態"),
    (["train", "--hidden", "100000"], "4,096"),  # the operator's machine caps (classroom caps: --classroom-limits)
    (["train", "--epochs", "0"], "エポック"),
    (["train", "--lr", "0"], "学習率"),
    (["train", "--lr", "100", "--epochs", "2"], "発散"),
    (["train", "--length", "60", "--window", "100"], "窓の長さ"),
    (["gradnorm", "--steps", "1"], "系列の長さ"),
])
def test_bad_input_exit_2(capsys, args, needle):
    rc, out, err = run_main(capsys, *args, "--json")
    assert rc == 2, (rc, err)
    assert needle in err and "Traceback" not in err


def test_bad_input_exit_2_from_outside():
    proc = cli("train", "--epochs", "0", "--json")
    assert proc.returncode == 2 and "エポック" in proc.stderr and "Traceback" not in proc.stderr


def test_lm_command(tmp_path, capsys):
    f = tmp_path / "t.txt"
    f.write_bytes(("ねこがすき。いぬもすき。とりもすき。" * 5).encode("cp932"))
    rc, out, err = run_main(capsys, "lm", "--text-file", str(f), "--epochs", "1", "--hidden", "8", "--prompt", "ねこ",
                            "--top-k", "3", "--json")
    assert rc == 0, err
    out = json.loads(out.strip().splitlines()[-1])
    assert out["level"] == "char" and len(out["top_k"]) == 3 and out["generated"].startswith("ねこ")
    # after a finished training, a prompt the text lacks is a note and the text's start, not a failure
    rc, out, err = run_main(capsys, "lm", "--prompt", "Q", "--epochs", "1", "--hidden", "8", "--json")
    out = json.loads(out.strip().splitlines()[-1])
    assert rc == 0 and "出てこない" in err and "出てこない" in out["prompt_note"]
    assert out["generated"].startswith(out["prompt"]) and out["prompt"] == "春に"


def test_the_operator_machine_caps_unless_classroom_limits(capsys, monkeypatch):
    """hidden 300 is over the classroom's cap (256) but fine on the operator's own machine."""
    monkeypatch.delenv("PLAYGROUND_CLASSROOM_LIMITS", raising=False)
    rc, out, err = run_main(capsys, "train", "--hidden", "300", "--epochs", "1", "--length", "100", "--json")
    assert rc == 0, err
    rc, _, err = run_main(capsys, "train", "--hidden", "300", "--epochs", "1", "--classroom-limits", "--json")
    assert rc == 2 and "教室用サーバー" in err
    monkeypatch.setenv("PLAYGROUND_CLASSROOM_LIMITS", "1")
    rc, _, err = run_main(capsys, "train", "--hidden", "300", "--epochs", "1", "--json")
    assert rc == 2 and "教室用サーバー" in err
