"""CLI contract: `python -m core seq2seq train / translate / data dates` (checked from outside)."""
import json
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]


def cli(*args, timeout=300):
    env = dict(os.environ, HF_HUB_OFFLINE="1", OMP_NUM_THREADS="1")
    return subprocess.run([sys.executable, "-m", "core", "seq2seq", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_data_dates_prints_n_tsv_lines():
    r = cli("data", "dates", "--n", "25")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) == 25 and all(len(line.split("\t")) == 2 for line in lines)
    assert all(len(line.split("\t")[1]) == 10 for line in lines)


def test_train_then_translate(tmp_path):
    pairs = tmp_path / "p.tsv"
    r = cli("data", "dates", "--n", "300")
    pairs.write_text("\n".join(f"  {line.split(chr(9))[0]} \t {line.split(chr(9))[1]} "
                               for line in r.stdout.splitlines()), encoding="utf-8")
    r = cli("train", "--pairs", str(pairs), "--attention", "dot", "--cell", "lstm", "--tokens", "char",
            "--epochs", "2", "--target-accuracy", "0.99", "--val-fraction", "0.2", "--seed", "1",
            "--save", str(tmp_path / "m"), "--hidden", "16", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout.strip().splitlines()[-1])
    assert set(out) == {"val_exact_match", "seconds", "epochs_run", "train_pairs", "val_pairs"}
    assert out["train_pairs"] == 240 and out["val_pairs"] == 60 and out["epochs_run"] == 2
    assert 0.0 <= out["val_exact_match"] <= 1.0
    assert (tmp_path / "m" / "model.safetensors").exists() and (tmp_path / "m" / "config.json").exists()
    r = cli("translate", "--model", str(tmp_path / "m"), "--beam", "3", "1994年9月27日", "--json")
    assert r.returncode == 0, r.stderr
    tr = json.loads(r.stdout.strip().splitlines()[-1])
    assert set(tr) == {"output", "candidates", "attention"}
    assert 1 <= len(tr["candidates"]) <= 3 and isinstance(tr["candidates"][0][1], float)
    assert tr["output"] == tr["candidates"][0][0]
    assert len(tr["attention"][0]) == len("1994年9月27日")
    r = cli("translate", "--model", str(tmp_path / "m"), "--beam", "0", "1994", "--json")
    assert r.returncode == 2 and "Traceback" not in r.stderr and "ビーム幅" in r.stderr


def in_process(capsys, *args):
    from core.cli import main

    rc = main(["seq2seq", *args])
    return rc, capsys.readouterr()


def test_translate_bad_inputs_in_process(tmp_path, capsys):
    """The same entry point as `python -m core` (core.cli.main), without a new interpreter each time."""
    (tmp_path / "p.tsv").write_text("\n".join(f"{i} x\t{i}" for i in range(30)), encoding="utf-8")
    rc, _ = in_process(capsys, "train", "--pairs", str(tmp_path / "p.tsv"), "--epochs", "1", "--hidden", "8",
                       "--save", str(tmp_path / "m"), "--json")
    assert rc == 0
    rc, out = in_process(capsys, "translate", "--model", str(tmp_path / "m"), "3 x", "--json")
    assert rc == 0 and set(json.loads(out.out.strip().splitlines()[-1])) == {"output", "candidates", "attention"}
    for args in (["--beam", "1000", "3"], [""], ["☃☃"], ["1" * 50]):
        rc, out = in_process(capsys, "translate", "--model", str(tmp_path / "m"), *args, "--json")
        assert rc == 2 and "エラー" in out.err, (args, out.err)
    rc, out = in_process(capsys, "translate", "--model", str(tmp_path / "nothing"), "3", "--json")
    assert rc == 2 and "エラー" in out.err


def test_train_bad_inputs(tmp_path, capsys):
    bad = tmp_path / "bad.tsv"
    bad.write_text("a\tb\nno tab\n", encoding="utf-8")
    binary = tmp_path / "bin.tsv"
    binary.write_bytes(b"\x00\x01\x02\x03" * 100)
    good = tmp_path / "good.tsv"
    good.write_text("a\tb\nc\td\n", encoding="utf-8")
    cases = [["--pairs", str(bad)], ["--pairs", str(binary)], ["--pairs", str(good), "--epochs", "0"],
             ["--pairs", str(tmp_path / "missing.tsv")], ["--pairs", str(good), "--val-fraction", "1.5"]]
    r = cli("train", *cases[0], "--json")  # one from outside, the rest through core.cli.main
    assert r.returncode == 2 and "Traceback" not in r.stderr and "2 行目" in r.stderr
    for args in cases[1:]:
        rc, out = in_process(capsys, "train", *args, "--json")
        assert rc == 2, (args, out)
        assert "エラー" in out.err
    rc, out = in_process(capsys, "data", "dates", "--n", "0")
    assert rc == 2


def test_train_transformer_then_translate(tmp_path, capsys):
    """--cell transformer: the same contract and JSON as the RNN models; translate works on the saved model."""
    r = cli("data", "dates", "--n", "200")
    (tmp_path / "p.tsv").write_text(r.stdout, encoding="utf-8")
    r = cli("train", "--pairs", str(tmp_path / "p.tsv"), "--cell", "transformer", "--hidden", "16", "--heads", "2",
            "--layers", "1", "--epochs", "1", "--val-fraction", "0.2", "--lr-decay", "--save", str(tmp_path / "m"),
            "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout.strip().splitlines()[-1])
    assert set(out) == {"val_exact_match", "seconds", "epochs_run", "train_pairs", "val_pairs"}
    assert out["train_pairs"] == 160 and out["epochs_run"] == 1
    config = json.loads((tmp_path / "m" / "config.json").read_text(encoding="utf-8"))
    assert config["model"]["cell"] == "transformer" and config["model"]["heads"] == 2 and config["model"]["layers"] == 1
    assert config["train"]["lr_decay"] is True
    rc, res = in_process(capsys, "translate", "--model", str(tmp_path / "m"), "--beam", "2", "1994年9月27日", "--json")
    assert rc == 0, res.err
    tr = json.loads(res.out.strip().splitlines()[-1])
    assert set(tr) == {"output", "candidates", "attention"} and tr["output"] == tr["candidates"][0][0]
    assert len(tr["attention"][0]) == len("1994年9月27日")
    for bad, fragment in ((["--heads", "3"], "割り切"), (["--layers", "0"], "層の数")):
        rc, res = in_process(capsys, "train", "--pairs", str(tmp_path / "p.tsv"), "--cell", "transformer",
                             "--hidden", "16", *bad, "--json")
        assert rc == 2 and fragment in res.err, (bad, res.err)
