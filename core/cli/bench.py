"""`python -m core bench ...`: benchmarks that print JSON (not timed tests)."""
from __future__ import annotations

import argparse

from core.cli.common import add_json, emit

WHAT = ("neighbors", "fill-mask", "translate")


def register(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    load = sub.add_parser("load", help="N 人の同時アクセス（AppTest のセッション）/ concurrent sessions load test")
    load.add_argument("--sessions", type=int, default=30, help="同時セッション数 (default 30)")
    load.add_argument("--what", default=",".join(WHAT), help="neighbors,fill-mask,translate の組み合わせ")
    load.add_argument("--model", default=None,
                      help="fill-mask のモデル（hub ID かディレクトリ）。省略時は bert-base-japanese-v3 と同じ構成のランダム重み")
    load.add_argument("--rounds", type=int, default=1, help="各セッションが繰り返す回数")
    load.add_argument("--browsers", type=int, default=0, help="実ブラウザ（Chromium）のページ数（0 で無し）")
    add_json(load)
    load.set_defaults(handler=run_load)


def _load_bench_module(name: str):
    """Import bench/<name>.py (the benchmarks live beside core, not inside it)."""
    import importlib.util
    import pathlib
    import sys

    path = pathlib.Path(__file__).resolve().parents[2] / "bench" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"playground_bench_{name}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def run_load(args: argparse.Namespace) -> int:
    from core import InvalidInput

    loadtest = _load_bench_module("loadtest")

    what = [w.strip() for w in args.what.split(",") if w.strip()]
    unknown = sorted(set(what) - set(WHAT))
    if unknown or not what:
        raise InvalidInput(f"--what に使えるのは {', '.join(WHAT)} です（指定: {args.what}）。")
    if not 1 <= args.sessions <= 200:
        raise InvalidInput("--sessions は 1〜200 で指定してください。")
    result = loadtest.load(args.sessions, what, model=args.model, rounds=max(1, args.rounds),
                           browsers=max(0, args.browsers))
    return emit(result, args.json)
