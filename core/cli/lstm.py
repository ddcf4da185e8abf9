"""`python -m core rnn ...`: train a forecaster, gradient norms through time, a tiny language model.

    python -m core rnn train --task sine --cell lstm [--classroom-limits] --json
        → {"cell", "task", "val_mse", "seconds", "epochs"}
    python -m core rnn gradnorm --cell rnn --steps 50 --json
        → {"norms": [‖∂L_T/∂h_k‖ for k = 1..T]}
    python -m core rnn lm --level char [--prompt 猫は] [--seconds S] [--dropout P] [--weight-decay L]
        [--patience N] [--classroom-limits] --json
        → {"level", "cell", "vocab", "val_loss", "val_ppl", "perplexity", "best_val_loss", "best_val_ppl",
           "best_epoch", "last_val_loss", "last_val_ppl", "epochs", "stopped", "overfitting", "unigram_ppl",
           "seconds", "train_tokens", "prompt", "top_k", "generated"[, "prompt_note"]}
        (val_loss on the last 10 % of the tokens, as `transformer train-lm`; the command keeps the
        best epoch's weights, so val_loss = best_val_loss; last_* is the last epoch's; unigram_ppl
        is a model without context on the same tokens. The prompt defaults to the start of the
        training text; a prompt with characters the text lacks gets "prompt_note" and the default.)

The caps are what this machine can hold; --classroom-limits (or PLAYGROUND_CLASSROOM_LIMITS=1)
applies the classroom server's (the pages'), e.g. a text of at most 20,000 characters.
"""
from __future__ import annotations

import argparse

from core.cli.common import (add_classroom_limits, add_json, add_lm_options, both, emit, epochs_for, lm_overrides,
                             lm_result, lm_summary, progress_bar)

TASKS = ("sine", "sines", "damped", "square", "random_walk", "sunspots", "co2")


def register(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    tr = sub.add_parser("train", help=both("cli.rnn.train"))
    tr.add_argument("--task", default="sine", choices=TASKS, help="系列 (default: sine)")
    tr.add_argument("--cell", default="lstm", choices=("rnn", "lstm", "gru"))
    tr.add_argument("--epochs", type=int, default=None, help="エポック数 (default: 40)")
    tr.add_argument("--hidden", type=int, default=None, help="隠れ状態の次元 (default: 32)")
    tr.add_argument("--layers", type=int, default=1)
    tr.add_argument("--lr", type=float, default=None, help="学習率 (default: 0.01)")
    tr.add_argument("--clip", type=float, default=1.0, help="勾配クリッピングの閾値 V（0 でなし）")
    tr.add_argument("--window", type=int, default=20, help="窓の長さ")
    tr.add_argument("--length", type=int, default=400, help="系列の長さ（合成データ）")
    tr.add_argument("--noise", type=float, default=0.0, help="ノイズの標準偏差（合成データ）")
    tr.add_argument("--seed", type=int, default=0)
    tr.add_argument("--explicit", action="store_true", help="fused ではなく式どおりのセルで計算")
    add_classroom_limits(tr)
    add_json(tr)
    tr.set_defaults(handler=_train)

    gn = sub.add_parser("gradnorm", help=both("cli.rnn.gradnorm"))
    gn.add_argument("--cell", default="rnn", choices=("rnn", "lstm", "gru"))
    gn.add_argument("--steps", type=int, default=50, help="系列の長さ T (default: 50)")
    gn.add_argument("--hidden", type=int, default=32)
    gn.add_argument("--scale", type=float, default=1.0, help="W_h の倍率")
    gn.add_argument("--gate-bias", type=float, default=1.0, help="忘却/更新ゲートのバイアス初期値")
    gn.add_argument("--seed", type=int, default=0)
    add_json(gn)
    gn.set_defaults(handler=_gradnorm)

    lm = sub.add_parser("lm", help="文字/単語単位の言語モデル: 次のトークンの確率と生成")
    lm.add_argument("--level", default="char", choices=("char", "word"))
    lm.add_argument("--cell", default="lstm", choices=("rnn", "lstm", "gru"))
    lm.add_argument("--text-file", default=None, help="学習テキスト（UTF-8 / Shift-JIS）。省略時は組み込みの文章")
    lm.add_argument("--epochs", type=int, default=None, help="エポック数 (default: 30、--seconds があれば最大 300)")
    lm.add_argument("--seconds", type=float, default=None, help="学習時間の上限（秒）")
    lm.add_argument("--hidden", type=int, default=128)
    lm.add_argument("--prompt", default=None, help="生成の書き出し (default: 学習テキストの冒頭)")
    lm.add_argument("--top-k", type=int, default=5)
    lm.add_argument("--temperature", type=float, default=0.8)
    lm.add_argument("--length", type=int, default=60)
    lm.add_argument("--seed", type=int, default=0)
    add_lm_options(lm)
    add_json(lm)
    lm.set_defaults(handler=_lm)


def _train(args: argparse.Namespace) -> int:
    from core.limits import cli_limits
    from core.lstm.data import make_series, make_windows
    from core.lstm.train import RNNConfig, train_forecaster

    limits = cli_limits(args.classroom_limits)
    defaults = RNNConfig()
    cfg = RNNConfig(cell=args.cell,
                    hidden=defaults.hidden if args.hidden is None else args.hidden,
                    layers=args.layers,
                    epochs=defaults.epochs if args.epochs is None else args.epochs,
                    lr=defaults.lr if args.lr is None else args.lr,
                    clip=args.clip, seed=args.seed, fused=not args.explicit,
                    max_seconds=None).validated(limits=limits)
    data = make_windows(make_series(args.task, args.length, args.noise, args.seed), args.window)
    bar = progress_bar(cfg.epochs, f"{args.cell} {args.task}")
    try:
        run = train_forecaster(data, cfg, on_progress=bar, limits=limits)
    finally:
        bar.close()
    result = {"cell": args.cell, "task": args.task, "val_mse": run.val_mse(),
              "seconds": round(run.seconds, 3), "epochs": run.epochs_done}
    return emit(result, args.json, lambda r: (
        f"{r['cell']} / {r['task']}: 検証 MSE (val_mse) = {r['val_mse']:.3g}、"
        f"{r['epochs']} エポック、{r['seconds']:.1f} 秒"))


def _gradnorm(args: argparse.Namespace) -> int:
    from core.lstm.probes import gradient_norms

    g = gradient_norms(args.cell, args.steps, hidden=args.hidden, scale=args.scale,
                       gate_bias=args.gate_bias, seed=args.seed)
    return emit({"norms": g.norms}, args.json, lambda r: "\n".join(
        f"k={k:4d}  ‖∂L_T/∂h_k‖ = {n:.3e}" for k, n in enumerate(r["norms"], 1)))


def _lm(args: argparse.Namespace) -> int:
    import pathlib

    import sys

    from core.limits import cli_limits
    from core.lstm.lm import LM_DEFAULTS, lm_config, train_lm
    from core.text import decode_upload

    limits = cli_limits(args.classroom_limits)
    text = decode_upload(pathlib.Path(args.text_file).read_bytes()) if args.text_file else None
    cfg = lm_config(cell=args.cell, epochs=epochs_for(args.epochs, args.seconds, LM_DEFAULTS.epochs, limits),
                    hidden=args.hidden, seed=args.seed, max_seconds=None,
                    **lm_overrides(args)).validated(limits=limits)
    bar = progress_bar(cfg.epochs, f"LM {args.level}")
    try:
        run = train_lm(text, args.level, cfg, on_progress=bar, seconds=args.seconds, limits=limits)
    finally:
        bar.close()
    result = {"level": args.level, "cell": args.cell, "vocab": len(run.vocab), **lm_result(run)}
    result["perplexity"] = result["val_ppl"]
    prompt, unknown = run.usable_prompt(args.prompt)
    if unknown is not None:  # training is done: a prompt the model cannot read is a note, not a failure
        result["prompt_note"] = f"{unknown.message} 学習テキストの冒頭「{prompt}」から生成しました。"
        print(result["prompt_note"], file=sys.stderr)
    result.update({"prompt": prompt,
                   "top_k": [{"token": tok, "p": p} for tok, p in run.top_k(prompt, args.top_k)],
                   "generated": prompt + run.generate(prompt, args.length, args.temperature, args.seed)})
    return emit(result, args.json, lambda r: (
        f"語彙 {r['vocab']}、検証損失 {r['val_loss']:.3f}（パープレキシティ {r['perplexity']:.1f}）\n"
        + lm_summary(r) + "\n"
        + "\n".join(f"  {d['token']!r}: {d['p']:.3f}" for d in r["top_k"]) + "\n生成: " + r["generated"]))
