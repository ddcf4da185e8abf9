"""`python -m core bert baseline ...` (issue #9): mean word vectors → linear layer.

    python -m core bert baseline --data pn.tsv --labels pos,neg --epochs 30 --seed 0 --json

last stdout line: {"test_accuracy", "macro_f1", "train_examples", "seconds", "token_coverage", ...}
(``--data sample`` uses the built-in sample data). Heavy imports happen inside the handler.
"""
from __future__ import annotations

import argparse

from core.cli.common import add_json, both, emit, progress_bar
def register(sub) -> None:
    """Adds the `baseline` subcommand to the `bert` group's subparsers."""
    p = sub.add_parser(
        "baseline",
        help=both("cli.bert.baseline"),
        description="文の単語ベクトル（chiVe 300 次元）の平均を線形層 (nn.Linear) で分類します。"
                    "データは jrte の pn.tsv 形式か CSV（文,ラベル）。--data sample で内蔵サンプル。")
    p.add_argument("--data", required=True, metavar="FILE",
                   help="pn.tsv（タブ区切り 5 列, usage 列で分割）か CSV text,label、または sample")
    p.add_argument("--labels", default="all", help="使うラベル: pos,neg / pos,neu,neg / all（既定 all）")
    p.add_argument("--epochs", type=int, default=30, help="エポック数（既定 30）")
    p.add_argument("--seed", type=int, default=0, help="乱数シード（既定 0）")
    p.add_argument("--lr", type=float, default=0.01, help="学習率（既定 0.01）")
    p.add_argument("--batch-size", type=int, default=32, help="ミニバッチの大きさ（既定 32）")
    p.add_argument("--hidden", type=int, default=0, help="隠れ層 (ReLU) のユニット数。0 = 線形層だけ（既定）")
    p.add_argument("--optimizer", choices=("adam", "sgd"), default="adam", help="最適化手法（既定 adam）")
    p.add_argument("--vectors", default=None,
                   help="単語ベクトルのファイル（word2vec 形式 / gensim .kv）。省略時は同梱の chiVe")
    add_json(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from core.bert import baseline, data

    if args.data.strip().lower() == "sample":
        labelled = data.sample_dataset()
    else:
        labelled = data.load_labelled(args.data)
    labelled = data.select_labels(labelled, args.labels)
    baseline.check_config(args.epochs, args.lr, args.batch_size, args.hidden, args.optimizer)
    from core.word2vec import vectors

    kv = vectors.load_vectors(args.vectors) if args.vectors else vectors.default_vectors()
    bar = progress_bar(args.epochs, "baseline")
    try:
        result = baseline.train_baseline(labelled, kv, epochs=args.epochs, lr=args.lr,
                                         batch_size=args.batch_size, hidden=args.hidden,
                                         optimizer=args.optimizer, seed=args.seed, on_progress=bar)
    finally:
        bar.close()
    out = result.summary()
    out["notes"] = labelled.notes + result.notes
    return emit(out, args.json, _human)


def _human(r: dict) -> str:
    lines = [
        f"テスト正解率 (accuracy): {r['test_accuracy']:.3f}   多数派クラスの割合: {r['majority_rate']:.3f} ({r['majority_label']})",
        f"macro-F1: {r['macro_f1']:.3f}",
        f"学習データ: {r['train_examples']} 文   単語の被覆率 (token coverage): {r['token_coverage']:.1%}",
        f"時間: {r['seconds']:.1f} 秒   ラベル: {', '.join(r['labels'])}",
        "混同行列 (行 = 正解, 列 = 予測):",
        *("  " + " ".join(f"{v:5d}" for v in row) for row in r["confusion"]),
    ]
    lines += [f"注: {n}" for n in r.get("notes", [])]
    return "\n".join(lines)
