"""Transformer figures (issue #13): mini-GPT vs the LSTM LM on the same text, tokens, split and
wall-clock budget.

    .venv/bin/python -m bench.transformer [--budget 60] [--text FILE] [--quick]  →  one JSON object

Text: the sentences of ../shared/data/pn.tsv (hotel reviews, first ~19,000 characters — the
LM's text cap is 20,000), or the LSTM page's built-in text when that file is absent. Both models
train on one CPU thread (as in the app) with the CLI defaults (mini-GPT: d_model 64, 2 layers,
4 heads, context 64; LSTM: hidden 128), character level. Reported per model: validation
perplexity (last 10 % of the tokens) at 30 s and at the end of the budget (the last
validation at or before that time; validation runs after every epoch), the kept model's
(best epoch: both runs keep their best-validation weights and stop early after 5 epochs without
a better one), how the run ended, epochs, tokens/s (target tokens of the training mini-batches
per second) and parameters; and the unigram perplexity of the same validation tokens (a model
without context: the line both must get below). Total ≤ 2 × budget.
``--quick`` (the test suite's run): the built-in text, a 2-second budget per model.
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
import math
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
PN = ROOT.parent / "shared" / "data" / "pn.tsv"


def bench_text(path: str | None) -> tuple[str | None, str]:
    if path:
        return pathlib.Path(path).read_text(encoding="utf-8")[:19_000], path
    if PN.exists():
        lines, n = [], 0
        for row in PN.read_text(encoding="utf-8").splitlines():
            parts = row.split("\t")
            if len(parts) > 2 and n < 19_000:
                lines.append(parts[2])
                n += len(parts[2]) + 1
        return "\n".join(lines), "pn.tsv"
    return None, "builtin"


def measure(run, budget: float, marks=(30.0,)) -> dict:
    count = [0]
    batches = run._batches

    def counting(gen):
        for x, y in batches(gen):
            count[0] += y.numel()
            yield x, y

    run._batches = counting
    run.fit(seconds=budget)
    out = {"epochs": run.epochs_done, "seconds": round(run.seconds, 1),
           "tokens_per_s": round(count[0] / run.seconds, 1),
           "params": sum(p.numel() for p in run.model.parameters())}
    for mark in (*marks, budget):
        seen = [h for h in run.history if h["seconds"] <= mark + 1e-9]
        out[f"val_ppl_{int(mark)}s"] = round(math.exp(seen[-1]["val_loss"]), 2) if seen else None
    out["val_ppl_final"] = round(run.perplexity(), 2)  # the kept (best) model
    out.update({"best_epoch": run.best_epoch, "stopped": run.status,
                "last_val_ppl": round(math.exp(run.last_val_loss), 2) if run.history else None})
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--budget", type=float, default=60.0)
    ap.add_argument("--text", default=None)
    ap.add_argument("--quick", action="store_true", help="the built-in text, 2 s per model")
    args = ap.parse_args(argv)
    from core.lstm.lm import RNNLMRun, lm_config
    from core.transformer.lm import GPTRun, gpt_config

    text, source = (None, "builtin") if args.quick else bench_text(args.text)
    budget, marks = (2.0, ()) if args.quick else (args.budget, (30.0,))
    gpt = GPTRun(text, "char", gpt_config(epochs=300))
    lstm = RNNLMRun(text, "char", lm_config(epochs=300))
    result = {"text": source, "tokens": gpt.n_tokens, "vocab": len(gpt.vocab), "device": str(gpt.device),
              "budget_s": budget, "quick": args.quick, "unigram_ppl": round(gpt.unigram_ppl(), 2),
              "mini_gpt": measure(gpt, budget, marks), "lstm": measure(lstm, budget, marks)}
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
