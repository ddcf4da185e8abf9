"""seq2seq benchmark (issue #5), prints one JSON object.

1. Time to reach 99% validation exact match on 50,000 generated date pairs (char level,
   additive attention, the default recipe of core.seq2seq.date_model) — on CPU, and on CUDA
   when present.
2. The same budget (the epochs the attention model started, rounded up) without attention: overall and
   longest-input exact match (the acceptance check "clearly lower on long inputs").
3. Decoding latency of the committed date model: greedy vs beam 5 (median ms per input).
4. Transformer vs GRU+additive: the Transformer encoder–decoder (TRANSFORMER recipe below, the
   same data and split) trained to 99 % validation exact match; both times side by side
   (``--skip-transformer`` leaves it out).

    .venv/bin/python -m bench.seq2seq [--quick] [--skip-train] [--skip-transformer] [--threads N]

``--quick`` (the test suite's run): 400 pairs, one epoch per model, no target, no CUDA run.
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
import statistics
import time

import torch

from core.seq2seq import checkpoint, date_model
from core.seq2seq.data import dataset, split
from core.seq2seq.decode import translate
from core.seq2seq.train import TrainConfig, Trainer, accuracy_by_length
from core.seq2seq.transformer import LR

# d_model 64, 4 heads, 2 + 2 pre-LN layers; equivalent to
#   python -m core seq2seq train --pairs dates.tsv --cell transformer --hidden 64 --heads 4 --layers 2 \
#       --batch-size 64 --lr 2e-3 --lr-decay --epochs 8 --target-accuracy 0.99 --json
# (a constant lr 1e-3 plateaued at 96–97 % validation exact match after 4–7 epochs)
TRANSFORMER = {"model": {"hidden": 64, "cell": "transformer", "heads": 4, "layers": 2},
               "train": {"batch_size": 64, "lr": LR, "epochs": 8, "lr_decay": True}}


def time_to_target(device, n, threads, attention="additive", epochs=None, target=0.99, recipe=None):
    r = date_model.RECIPE
    if recipe is not None:  # another model on the same data: its model options and training overrides
        r = {**r, "model": recipe["model"], "train": {**r["train"], **recipe["train"]}}
    pairs = dataset("dates", n, seed=r["data_seed"])
    train, val = split(pairs, r["val_fraction"])
    tcfg = dict(r["train"], target_accuracy=target if epochs is None else None, threads=threads,
                evals_per_epoch=4 if epochs is None else 1)  # check the target every quarter epoch
    if epochs is not None:
        tcfg["epochs"] = epochs
    t0 = time.perf_counter()
    model = r["model"] if recipe is not None else {**r["model"], "attention": attention}
    cpu0 = time.process_time()
    tr = Trainer(train, val, TrainConfig(**tcfg), device=torch.device(device), **model)
    res = tr.run()
    wall = time.perf_counter() - t0
    out = {"device": device, "attention": tr.model.config.attention, "model": tr.model.config.as_dict() | {"params": tr.model.n_parameters()},
           "threads": threads, "pairs": n, "process_cpu_seconds": round(time.process_time() - cpu0, 1),
           "epochs_run": res.epochs_run, "val_exact_match": round(res.val_exact_match, 4),
           "train_seconds": round(res.seconds, 2), "wall_seconds_incl_setup": round(wall, 2),
           "reached_target": res.reached_target,
           "per_epoch": [{"epoch": h["epoch"], "val_em": round(h["val_exact_match"], 4),
                          "seconds": round(h["seconds"], 1)} for h in res.history]}
    return out, tr


def latency(model, texts, beam, reps=3):
    times = []
    for _ in range(reps):
        for s in texts:
            t0 = time.perf_counter()
            translate(model, s, beam=beam)
            times.append((time.perf_counter() - t0) * 1000)
    return round(statistics.median(times), 2)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="400 pairs, one epoch per model (seconds)")
    p.add_argument("--skip-train", action="store_true")
    p.add_argument("--skip-transformer", action="store_true")
    p.add_argument("--threads", type=int, default=1)
    args = p.parse_args(argv)
    n, epochs = (400, 1) if args.quick else (50_000, None)
    cuda = torch.cuda.is_available() and not args.quick
    result = {"bench": "seq2seq", "torch_threads_default": torch.get_num_threads(), "cpu_count": os.cpu_count(),
              "quick": args.quick}
    if not args.skip_train:
        cpu, tr = time_to_target("cpu", n, args.threads, epochs=epochs)
        result["time_to_99_cpu"] = cpu
        groups_att = accuracy_by_length(tr.model, tr.val_pairs)
        none, tr0 = time_to_target("cpu", n, args.threads, attention="none", epochs=cpu["epochs_run"])
        groups_none = accuracy_by_length(tr0.model, tr0.val_pairs)
        result["same_budget_without_attention"] = {
            "epochs": cpu["epochs_run"], "val_exact_match_with": cpu["val_exact_match"],
            "val_exact_match_without": none["val_exact_match"],
            "by_length_with": groups_att, "by_length_without": groups_none,
            "seconds_without": none["train_seconds"]}
        if cuda:
            result["time_to_99_cuda"], _ = time_to_target("cuda", n, None)
        if not args.skip_transformer:
            tf, _ = time_to_target("cpu", n, args.threads, epochs=epochs, recipe=TRANSFORMER)
            result["transformer_vs_gru_time_to_99"] = {
                "transformer": tf, "gru_additive_train_seconds": cpu["train_seconds"],
                "transformer_train_seconds": tf["train_seconds"],
                "both_reached_target": cpu["reached_target"] and tf["reached_target"]}
            if cuda:
                result["transformer_time_to_99_cuda"], _ = time_to_target("cuda", n, None, recipe=TRANSFORMER)
    model = checkpoint.load(date_model.COMMITTED, device=torch.device("cpu"))
    texts = ["平成6年9月27日", "TUESDAY, SEPTEMBER 27, 1994", "9/27/94", "令和元年五月一日", "27 Sep 1994"]
    translate(model, texts[0], beam=5)  # warm-up
    reps = 1 if args.quick else 3
    result["decode_latency_ms_cpu"] = {"greedy": latency(model, texts, 1, reps), "beam5": latency(model, texts, 5, reps),
                                       "inputs": len(texts)}
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
