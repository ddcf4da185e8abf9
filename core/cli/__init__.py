"""Command line: one module per subcommand group (core/cli/<group>.py with ``register``).

The RNN group keeps its command name ``rnn`` (a documented contract: ``python -m core rnn
train``) and also answers to ``lstm``, the area's one name in pages/, core/, i18n/ and tests/;
its module is core/cli/lstm.py.

Handlers import heavy packages lazily so ``python -m core --help`` stays fast. Every
``--json`` output is one JSON object on the last stdout line. A PlaygroundError becomes a
Japanese message on stderr and exit status 2.
"""
from __future__ import annotations

import argparse
import importlib
import sys

GROUPS = [
    ("basics", "ニューラルネットの基礎: softmax・エントロピー・逆伝播・2D 分類 / NN basics"),
    ("env", "実行環境（デバイス・バージョン）を表示 / show device and versions"),
    ("word2vec", "単語ベクトル: 類似語・アナロジー・評価・学習 / word vectors"),
    ("rnn", "RNN / LSTM / GRU の学習と勾配 / recurrent networks (別名 / alias: lstm)"),
    ("seq2seq", "系列変換（日付正規化・翻訳）/ encoder-decoder"),
    ("attention", "注意機構の計算 / attention math"),
    ("transformer", "Transformer: ミニ GPT・ミニ BERT の学習と生成 / mini Transformer models"),
    ("bert", "BERT: 穴埋め・感情分析・ファインチューニング / BERT"),
    ("models", "モデルの状態・ダウンロード・ウォームアップ / models"),
    ("bench", "ベンチマーク（JSON を出力）/ benchmarks"),
    ("classroom", "授業モード: 確認クイズ / classroom quick checks"),
    ("serve", "N 個のプロセス + Redis + HAProxy で起動（大教室）/ serve N workers behind a sticky proxy"),
]
MODULES = {"rnn": "lstm"}  # command name → module under core/cli/ where they differ
ALIASES = {"rnn": ["lstm"]}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m core",
        description="NLP Playground のコマンドライン（ページと同じ関数を呼びます）。",
    )
    sub = parser.add_subparsers(dest="group", metavar="GROUP")
    for name, help_text in GROUPS:
        module = importlib.import_module(f"core.cli.{MODULES.get(name, name)}")
        p = sub.add_parser(name, help=help_text, description=help_text, aliases=ALIASES.get(name, []))
        module.register(p)
    return parser


def main(argv: list[str] | None = None) -> int:
    from core import PlaygroundError
    from core.cli.common import fail

    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        if args.group is None:
            parser.print_help()
            return 0
        # a group without a subcommand: print that group's help
        parser.parse_args([args.group, "--help"])
        return 0
    try:
        rc = handler(args)
    except PlaygroundError as exc:
        return fail(exc)
    except KeyboardInterrupt:
        print("中断しました。", file=sys.stderr)
        return 130
    return int(rc or 0)
