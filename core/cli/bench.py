"""`python -m core bench ...`: benchmarks that print JSON (not timed tests)."""
from __future__ import annotations

import argparse

from core.cli.common import add_json, both, emit
WHAT = ("neighbors", "attention", "fill-mask", "translate")  # the default mix
EXTRA = ("lstm-train",)  # opt-in: LSTM training within the per-session caps
MAX_USERS = 200
MAX_DURATION_S = 600


def register(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    load = sub.add_parser("load", help=both("cli.bench.load"))
    load.add_argument("--users", type=int, default=40, help=f"同時ユーザー数 (1〜{MAX_USERS}, default 40)")
    load.add_argument("--duration", type=float, default=60,
                      help=f"負荷をかける秒数 (1〜{MAX_DURATION_S}, default 60)。30 秒以内に全員が入室")
    load.add_argument("--think", default="5,15", help="操作の間の考える時間 MIN,MAX 秒 (default 5,15)")
    load.add_argument("--what", default=",".join(WHAT),
                      help=f"{','.join(WHAT)}（と {','.join(EXTRA)}）の組み合わせ (default: {','.join(WHAT)})")
    load.add_argument("--model", default=None,
                      help="fill-mask のモデル（hub ID かディレクトリ）。省略時は bert-base-japanese-v3 と同じ構成のランダム重み")
    load.add_argument("--url", default=None,
                      help="既に動いているサーバー（http://127.0.0.1:PORT のみ）。省略時は streamlit run を自分で起動・停止")
    add_json(load)
    load.set_defaults(handler=run_load)
    costs = sub.add_parser("costs", help="ページごとの 1 回の再実行のコスト（CPU 秒・壁時計・セッションあたり RSS）")
    costs.add_argument("--reruns", type=int, default=5, help="各操作の繰り返し回数 (1〜50, default 5)")
    costs.add_argument("--sessions", type=int, default=10, help="RSS を測る追加セッション数 (1〜50, default 10)")
    add_json(costs)
    costs.set_defaults(handler=run_costs)


def _parse_think(text: str) -> tuple[float, float]:
    from core import InvalidInput

    try:
        lo, hi = (float(x) for x in text.split(","))
    except ValueError:
        raise InvalidInput(f"--think は MIN,MAX（秒）で指定してください（例: 5,15。指定: {text}）。") from None
    if not 0 <= lo <= hi <= 120:
        raise InvalidInput(f"--think は 0 ≤ MIN ≤ MAX ≤ 120 秒で指定してください（指定: {text}）。")
    return lo, hi


def _check_url(url: str | None) -> None:
    from urllib.parse import urlparse

    from core import InvalidInput

    if url is None:
        return
    u = urlparse(url)
    if u.scheme != "http" or u.hostname not in ("127.0.0.1", "localhost") or not u.port:
        raise InvalidInput(f"--url は http://127.0.0.1:PORT の形でこのマシンのサーバーを指定してください（指定: {url}）。")


def run_load(args: argparse.Namespace) -> int:
    from core import InvalidInput

    what = [w.strip() for w in args.what.split(",") if w.strip()]
    unknown = sorted(set(what) - set(WHAT) - set(EXTRA))
    if unknown or not what:
        raise InvalidInput(f"--what に使えるのは {', '.join(WHAT + EXTRA)} です（指定: {args.what}）。")
    if not 1 <= args.users <= MAX_USERS:
        raise InvalidInput(f"--users は 1〜{MAX_USERS} で指定してください。")
    if not 1 <= args.duration <= MAX_DURATION_S:
        raise InvalidInput(f"--duration は 1〜{MAX_DURATION_S} 秒で指定してください。")
    think = _parse_think(args.think)
    _check_url(args.url)
    from bench import loadtest  # the benchmarks live beside core (bench/), not inside it
    result = loadtest.load(args.users, args.duration, think, what, model=args.model, url=args.url)
    return emit(result, args.json)


def run_costs(args: argparse.Namespace) -> int:
    from core import InvalidInput

    if not 1 <= args.reruns <= 50 or not 1 <= args.sessions <= 50:
        raise InvalidInput("--reruns と --sessions は 1〜50 で指定してください。")
    from bench import costs
    return emit(costs.measure(reruns=args.reruns, sessions=args.sessions), args.json)
