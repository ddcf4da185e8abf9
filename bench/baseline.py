"""Sentiment baseline (issue #9): mean chiVe vectors → linear layer on jrte pn.tsv.

    .venv/bin/python -m bench.baseline [PN_TSV] [--quick]  →  one JSON object

Target: positive vs negative, test accuracy clearly above the majority-class rate, in < 30 s
on 2 CPU cores. Reports the CLI's wall time (fresh process: imports + vectors + training) and
the in-process figures for pos/neg and for all three classes, plus the built-in sample.
``--quick`` (the test suite's run): the built-in sample only, 3 epochs.
"""
from __future__ import annotations

if __name__ == "__main__" and not __package__:  # `python bench/NAME.py` runs as `python -m bench.NAME`
    import os
    import sys
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    os.execve(sys.executable, [sys.executable, "-m", "bench." + os.path.basename(__file__)[:-3], *sys.argv[1:]],
              {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))})

import argparse
import json
import os
import pathlib
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _run(data, labels, kv, hidden=0, epochs=30):
    from core.bert import baseline

    r = baseline.train_baseline(data, kv, epochs=epochs, seed=0, hidden=hidden)
    s = r.summary()
    return {k: s[k] for k in ("test_accuracy", "majority_rate", "macro_f1", "train_examples", "seconds",
                              "token_coverage")} | {"labels": labels, "hidden": hidden}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pn_tsv", nargs="?", default=None)
    ap.add_argument("--quick", action="store_true", help="the built-in sample only, 3 epochs (seconds)")
    args = ap.parse_args(argv)
    from core.bert import data as bert_data
    from core.bert import pn as pn_data

    pn = None if args.quick else pathlib.Path(args.pn_tsv) if args.pn_tsv else pn_data.find_pn()
    out: dict = {"cpu_count": os.cpu_count(), "quick": args.quick}
    if pn is not None:
        t0 = time.perf_counter()
        cli = subprocess.run([sys.executable, "-m", "core", "bert", "baseline", "--data", str(pn),
                              "--labels", "pos,neg", "--json"], cwd=ROOT, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        result = json.loads(cli.stdout.strip().splitlines()[-1]) if cli.returncode == 0 else {"error": cli.stderr[-500:]}
        out["cli_pn_pos_neg"] = {"wall_s": round(wall, 2), **{k: result.get(k) for k in (
            "test_accuracy", "majority_rate", "macro_f1", "train_examples", "seconds", "token_coverage", "error")
            if k in result}}
    from core.word2vec.vectors import default_vectors

    t0 = time.perf_counter()
    kv = default_vectors()
    out["vectors_load_s"] = round(time.perf_counter() - t0, 2)
    if pn is not None:
        full = bert_data.load_labelled(pn)
        out["pn_pos_neg"] = _run(bert_data.select_labels(full, "pos,neg"), "pos,neg", kv)
        out["pn_all"] = _run(full, "all", kv)
        out["pn_pos_neg_hidden64"] = _run(bert_data.select_labels(full, "pos,neg"), "pos,neg", kv, hidden=64)
    out["sample_all"] = _run(bert_data.sample_dataset(), "all", kv, epochs=3 if args.quick else 30)
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
