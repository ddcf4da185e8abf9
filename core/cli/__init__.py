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

from core.cli.common import both

GROUPS = [
    ("basics", both("cli.group.basics")),
    ("env", both("cli.group.env")),
    ("word2vec", both("cli.group.word2vec")),
    ("rnn", both("cli.group.rnn")),
    ("seq2seq", both("cli.group.seq2seq")),
    ("attention", both("cli.group.attention")),
    ("transformer", both("cli.group.transformer")),
    ("bert", both("cli.group.bert")),
    ("models", both("cli.group.models")),
    ("bench", both("cli.group.bench")),
    ("classroom", both("cli.group.classroom")),
    ("serve", both("cli.group.serve")),
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
