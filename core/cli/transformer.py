"""`python -m core transformer ...`: train a mini-GPT on a text file and generate with it;
pre-train a mini-BERT (``pretrain-mlm``, core/cli/mlm.py).

    python -m core transformer train-lm --text-file FILE [--level char|word] [--seconds S]
        [--epochs N] [--layers L] [--heads H] [--d-model D] [--pos sinusoidal|learned|rope] [--seed S]
        [--save DIR] [--dropout P] [--weight-decay L] [--patience N] [--classroom-limits] --json
        → {"val_loss", "val_ppl", "best_val_loss", "best_val_ppl", "best_epoch", "last_val_loss",
           "last_val_ppl", "epochs", "stopped", "overfitting", "unigram_ppl", "train_tokens", "seconds", "params"}
    python -m core transformer generate --model DIR [--length N] [--temperature T] [--top-k K] [--top-p P]
        PROMPT --json
        → {"text"}
    python -m core transformer pretrain-mlm --text-file FILE [--seconds S] [--save DIR] --json
        → {"mlm_loss_first", "mlm_loss_last", "val_masked_accuracy", "nsp_accuracy", "seconds", "params", "vocab_size"}
    python -m core transformer multitask --tasks dates,addition[,translate] [--seconds S] --json
        → {"per_task": {"dates": acc, ...}, "single_task": {"dates": acc, ...}, "seconds": S}

val_loss is the mean cross entropy (nats per token) on the last 10 % of the tokens, val_ppl its
exp — computed exactly as `python -m core rnn lm` does, on the same tokens. The run keeps the
weights of its best epoch (lowest val_loss), so val_loss = best_val_loss and --save stores them;
last_* are the last epoch's; unigram_ppl is a model without context on the same tokens (the line
to get below). The caps are what this machine can hold (a text of up to 2,000,000 characters);
--classroom-limits (or PLAYGROUND_CLASSROOM_LIMITS=1) applies the classroom server's (the pages').
"""
from __future__ import annotations

import argparse

from core.cli.common import (add_json, add_lm_options, both, emit, epochs_for, lm_overrides, lm_result, lm_summary,
                             progress_bar)
from core.cli.mlm import register_pretrain
from core.cli.multitask import register_multitask


def register(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    tr = sub.add_parser("train-lm", help=both("cli.transformer.train-lm"))
    tr.add_argument("--text-file", default=None, help="学習テキスト（UTF-8 / Shift-JIS）。省略時は組み込みの文章")
    tr.add_argument("--level", default="char", choices=("char", "word"))
    tr.add_argument("--seconds", type=float, default=None, help="学習時間の上限（秒）")
    tr.add_argument("--epochs", type=int, default=None,
                    help="エポック数 (default: 30、--seconds があれば時間が尽きるまで最大 300)")
    tr.add_argument("--layers", type=int, default=2)
    tr.add_argument("--heads", type=int, default=4)
    tr.add_argument("--d-model", type=int, default=64)
    tr.add_argument("--context", type=int, default=64, help="文脈の長さ（トークン）")
    tr.add_argument("--pos", default="sinusoidal", choices=("sinusoidal", "learned", "rope"),
                    help="位置エンコーディング: 正弦波 (既定) / 学習する位置埋め込み / RoPE（回転）")
    tr.add_argument("--lr", type=float, default=None, help="学習率 (default: 0.003)")
    tr.add_argument("--seed", type=int, default=0)
    tr.add_argument("--save", default=None, help="保存先フォルダ（safetensors + JSON）")
    add_lm_options(tr)
    add_json(tr)
    tr.set_defaults(handler=_train_lm)

    ge = sub.add_parser("generate", help=both("cli.transformer.generate"))
    ge.add_argument("prompt", metavar="PROMPT")
    ge.add_argument("--model", required=True, help="train-lm --save で保存したフォルダ")
    ge.add_argument("--length", type=int, default=60)
    ge.add_argument("--temperature", type=float, default=0.8)
    ge.add_argument("--top-k", type=int, default=0, help="確率の高い k 個からだけ選ぶ（0 = 制限なし）")
    ge.add_argument("--top-p", type=float, default=1.0,
                    help="確率の高い順に足して p に届くまでの候補からだけ選ぶ（nucleus、1 = 制限なし）")
    ge.add_argument("--seed", type=int, default=0)
    add_json(ge)
    ge.set_defaults(handler=_generate)

    register_pretrain(sub)
    register_multitask(sub)


def read_text(path: str | None) -> str | None:
    import pathlib

    from core import InvalidInput
    from core.text import decode_upload

    if path is None:
        return None
    p = pathlib.Path(path)
    if not p.is_file():
        raise InvalidInput(f"テキストファイル {path} が見つかりません。")
    return decode_upload(p.read_bytes())


def _train_lm(args: argparse.Namespace) -> int:
    from core.limits import cli_limits
    from core.transformer.lm import GPT_TRAIN_DEFAULTS, GPTRun, gpt_config

    limits = cli_limits(args.classroom_limits)
    cfg = gpt_config(epochs=epochs_for(args.epochs, args.seconds, GPT_TRAIN_DEFAULTS.epochs, limits),
                     lr=GPT_TRAIN_DEFAULTS.lr if args.lr is None else args.lr, seed=args.seed, max_seconds=None,
                     **lm_overrides(args))
    run = GPTRun(read_text(args.text_file), args.level, cfg, context=args.context, d_model=args.d_model,
                 h=args.heads, n_layers=args.layers, pos=args.pos, limits=limits)
    bar = progress_bar(run.cfg.epochs, f"mini-GPT {args.level}")
    try:
        run.fit(on_progress=bar, seconds=args.seconds)
    finally:
        bar.close()
    result = {**lm_result(run), "params": run.n_params()}
    if args.save:
        run.save(args.save)
    return emit(result, args.json, lambda r: (
        f"ミニ GPT: 検証損失 {r['val_loss']:.3f}（パープレキシティ {r['val_ppl']:.1f}）、学習 {r['train_tokens']:,} "
        f"トークン、{r['seconds']:.1f} 秒、パラメータ {r['params']:,}\n" + lm_summary(r)))


def _generate(args: argparse.Namespace) -> int:
    from core.transformer.lm import GPTRun

    run = GPTRun.load(args.model)
    text = run.generate(args.prompt, args.length, args.temperature, args.seed, top_k=args.top_k, top_p=args.top_p)
    return emit({"text": text}, args.json, lambda r: args.prompt + r["text"])
