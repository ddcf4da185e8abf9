"""mini-BERT MLM pre-training figures (issue 13, item 4).

    .venv/bin/python -m bench.minibert [--seconds 60] [--threads 1] [--quick]  →  one JSON object

On the built-in text (core.bert.pretrain.builtin_text) with the page's default mini-BERT
(2 layers, d = 128, 2 heads, batch 32, lr 1e-3): the time to learn the WordPiece vocabulary,
then ``--seconds`` of MLM pre-training: throughput (sentences/s; tokens/s counting
real tokens, not padding), MLM loss first → last (mean of the last 20 steps), masked-token accuracy on the
held-out 10 % (fixed masking), and the fill-mask top-5 for 父は昼に[MASK]を食べた。 before and
after. Runs on the device core.device picks (CUDA when present).
``--quick`` (the test suite's run): 2 seconds of pre-training.
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
import time


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--threads", type=int, default=None, help="torch CPU threads (default: torch's)")
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--d-model", type=int, default=128)
    ap.add_argument("--quick", action="store_true", help="2 seconds of pre-training")
    args = ap.parse_args(argv)
    if args.quick:
        args.seconds = 2.0
    import torch

    from core import device
    from core.bert import pretrain
    from core.bert import wordpiece as wp

    if args.threads:
        torch.set_num_threads(args.threads)
    text = pretrain.builtin_text()
    t0 = time.perf_counter()
    sents, _ = pretrain.sentences_of(text)
    vocab = wp.train_vocab(wp.pretokenize(sents), pretrain.PretrainConfig.vocab_size)
    vocab_s = time.perf_counter() - t0
    cfg = pretrain.PretrainConfig(layers=args.layers, d_model=args.d_model, heads=2, seconds=args.seconds)
    res = pretrain.pretrain(text, cfg)
    s = res.summary()
    print(json.dumps({
        "device": str(device.get_device()), "train_threads": 1 if device.get_device().type == "cpu" else None,  # core.device.cpu_threads(1)
        "text": "built-in", "sentences": s["sentences"], "vocab_size": s["vocab_size"],
        "vocab_seconds": round(vocab_s, 2), "vocab_size_alone": len(vocab), "layers": cfg.layers, "d_model": cfg.d_model, "params": s["params"],
        "budget_seconds": args.seconds, "steps": s["steps"], "batch_size": cfg.batch_size,
        "sentences_per_s": s["sentences_per_s"], "tokens_per_s": s["tokens_per_s"],
        "mlm_loss_first": round(s["mlm_loss_first"], 3), "mlm_loss_last": round(s["mlm_loss_last"], 3),
        "val_masked_accuracy": round(s["val_masked_accuracy"], 3), "probe": cfg.probe,
        "probe_before": res.snapshots[0]["predictions"], "probe_after": res.snapshots[-1]["predictions"],
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
