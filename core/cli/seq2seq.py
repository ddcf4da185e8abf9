"""`python -m core seq2seq ...`: train / translate / data (issue #5).

    python -m core seq2seq train --pairs FILE.tsv [--attention none|dot|general|additive]
        [--cell gru|lstm|transformer] [--heads H] [--layers N] [--tokens char|word] [--epochs N] [--target-accuracy A]
        [--val-fraction F] [--seed S] [--lr-decay] [--save DIR] --json
    python -m core seq2seq translate --model DIR [--beam K] TEXT --json
    python -m core seq2seq data dates --n N        (also: data toy --n N)
    python -m core seq2seq data addition --n N [--digits D] [--seed S]   ("16+75<TAB>91")
"""
from __future__ import annotations

import argparse
import pathlib
import sys

from core.cli.common import add_json, both, emit, progress_bar


def register(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    t = sub.add_parser("train", help=both("cli.seq2seq.train"))
    t.add_argument("--pairs", required=True, metavar="FILE.tsv", help="「原文<TAB>訳文」の TSV")
    t.add_argument("--attention", choices=["none", "dot", "general", "additive"], default="additive")
    t.add_argument("--cell", choices=["gru", "lstm", "transformer"], default="gru",
                   help="transformer: encoder–decoder Transformer (d_model = --hidden)")
    t.add_argument("--heads", type=int, default=4, help="transformer: ヘッド数 h (d_model を割り切る数)")
    t.add_argument("--layers", type=int, default=2, help="transformer: encoder / decoder の層の数 N")
    t.add_argument("--tokens", choices=["char", "word"], default="char")
    t.add_argument("--epochs", type=int, default=10)
    t.add_argument("--target-accuracy", type=float, default=None,
                   help="検証の完全一致率がこの値に達したら止める（0–1）")
    t.add_argument("--val-fraction", type=float, default=0.1)
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--save", metavar="DIR", default=None, help="model.safetensors + config.json の保存先")
    t.add_argument("--hidden", type=int, default=64)
    t.add_argument("--emb", type=int, default=32)
    t.add_argument("--batch-size", type=int, default=128)
    t.add_argument("--lr", type=float, default=5e-3)
    t.add_argument("--teacher-forcing", type=float, default=1.0)
    t.add_argument("--lr-decay", action="store_true",
                   help=both("cli.seq2seq.train.lr-decay"))
    t.add_argument("--clip", type=float, default=1.0)
    t.add_argument("--reverse-input", action="store_true")
    add_json(t)
    t.set_defaults(handler=_train)

    dm = sub.add_parser("date-model", help=both("cli.seq2seq.date-model"))
    dm.add_argument("--save", metavar="DIR", default=None,
                    help="保存先（省略時は core/seq2seq/checkpoints/dates）")
    add_json(dm)
    dm.set_defaults(handler=_date_model)

    tr = sub.add_parser("translate", help=both("cli.seq2seq.translate"))
    tr.add_argument("--model", required=True, metavar="DIR")
    tr.add_argument("--beam", type=int, default=1, help="ビーム幅（1 = 貪欲法）")
    tr.add_argument("text", metavar="TEXT")
    add_json(tr)
    tr.set_defaults(handler=_translate)

    d = sub.add_parser("data", help=both("cli.seq2seq.data"))
    dsub = d.add_subparsers(dest="dataset", metavar="DATASET")
    for name in ("dates", "toy", "addition"):
        dp = dsub.add_parser(name, help=both(f"cli.seq2seq.data.{name}"))
        dp.add_argument("--n", type=int, required=True)
        dp.add_argument("--seed", type=int, default=0)
        if name == "addition":
            dp.add_argument("--digits", type=int, default=3, help="各数の最大桁数 D（1〜6）")
        dp.set_defaults(handler=_data, dataset=name)


def _read_pairs(path: str):
    from core import InvalidInput
    from core.seq2seq.data import read_tsv_bytes

    p = pathlib.Path(path)
    if not p.is_file():
        raise InvalidInput(f"対訳ファイル {path} がありません。パスを確かめてください。")
    return read_tsv_bytes(p.read_bytes())


def _train(args: argparse.Namespace) -> int:
    from core.seq2seq import checkpoint
    from core.seq2seq.data import Pairs, split
    from core.seq2seq.train import TrainConfig, Trainer

    cfg = TrainConfig(epochs=args.epochs, batch_size=args.batch_size, lr=args.lr,
                      teacher_forcing=args.teacher_forcing, clip=args.clip,
                      target_accuracy=args.target_accuracy, seed=args.seed, lr_decay=args.lr_decay,
                      evals_per_epoch=4 if args.target_accuracy is not None else 1)  # "as soon as": every ¼ epoch
    cfg.validate()
    raw = _read_pairs(args.pairs)
    pairs = Pairs(raw, args.tokens, args.tokens)
    train, val = split(pairs, args.val_fraction)
    trainer = Trainer(train, val, cfg, meta={"dataset": pathlib.Path(args.pairs).name},
                      emb=args.emb, hidden=args.hidden, cell=args.cell, attention=args.attention,
                      reverse_input=args.reverse_input, heads=args.heads, layers=args.layers)
    bar = progress_bar(cfg.epochs, "seq2seq")
    try:
        result = trainer.run(on_progress=bar)
    finally:
        bar.close()
    summary = result.summary()
    if args.save:
        checkpoint.save(result.model, args.save, {"train_summary": summary, **trainer.config_dict()})
    return emit(summary, args.json, lambda r: "\n".join(f"{k}: {v}" for k, v in r.items()))


def _translate(args: argparse.Namespace) -> int:
    from core.seq2seq import checkpoint
    from core.seq2seq.decode import check_beam, translate

    check_beam(args.beam)
    model = checkpoint.load(args.model)
    tr = translate(model, args.text, beam=args.beam)
    out = {"output": tr.output, "candidates": [[c, lp] for c, lp in tr.candidates],
           "attention": tr.attention.round(6).tolist()}

    def human(r):
        lines = [r["output"]]
        if len(r["candidates"]) > 1:
            lines += [f"  {lp:8.3f}  {c}" for c, lp in r["candidates"]]
        return "\n".join(lines)

    return emit(out, args.json, human)


def _data(args: argparse.Namespace) -> int:
    from core import InvalidInput
    from core.seq2seq.data import MAX_PAIRS

    if not 1 <= args.n <= MAX_PAIRS:
        raise InvalidInput(f"--n は 1〜{MAX_PAIRS:,} にしてください（{args.n}）。")
    if args.dataset == "dates":
        from core.seq2seq.dates import generate_dates

        pairs = generate_dates(args.n, args.seed)
    elif args.dataset == "addition":
        from core.seq2seq.addition import generate_addition

        pairs = generate_addition(args.n, args.seed, args.digits)
    else:
        from core.seq2seq.grammar import generate_pairs

        pairs = generate_pairs(args.n, args.seed)
    sys.stdout.write("".join(f"{s}\t{t}\n" for s, t in pairs))
    return 0


def _date_model(args: argparse.Namespace) -> int:
    """Retrain the committed date model with its fixed recipe (deterministic) and save it."""
    from core.seq2seq import checkpoint, date_model

    bar = progress_bar(date_model.RECIPE["train"]["epochs"], "dates")
    result = date_model.train_default(on_progress=bar)
    bar.close()
    save = args.save or str(date_model.COMMITTED)
    checkpoint.save(result.model, save, {"train_summary": result.summary(), "recipe": date_model.RECIPE})
    return emit({**result.summary(), "saved": save}, args.json)
