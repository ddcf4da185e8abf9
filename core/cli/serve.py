"""`python -m core serve --workers N [--port P]`: a lecture hall on one machine.

N `streamlit run app.py` workers on free local ports, one Redis (Debian's redis-server, unless
``PLAYGROUND_REDIS_URL`` names one) whose URL the workers get as ``PLAYGROUND_REDIS_URL`` (the
classroom's shared state), and HAProxy in front (deploy/haproxy.cfg, the template compose.yaml's
proxy mounts too): a sticky inserted cookie, WebSockets, health checks on /_stcore/health.
``--workers 1`` without ``PLAYGROUND_REDIS_URL`` is one plain server on the port (today's single
process); with it, one worker behind the proxy. Contract: the address to open is the FIRST stdout line; it serves until Ctrl-C or
SIGTERM, which stop every process it started. The launcher is stkit/server.py's ``Hall`` (the
same one tests/multiproc and the benchmarks start).
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
import time

from core.cli.common import both

MAX_WORKERS = 16  # deploy/haproxy.cfg's server-template slots (compose) — the same bound here


def register(p: argparse.ArgumentParser) -> None:
    p.add_argument("--workers", type=int, default=2, help=f"streamlit のプロセス数 (1〜{MAX_WORKERS}, default 2)")
    p.add_argument("--port", type=int, default=8501, help="学生が開くポート（プロキシ; default 8501; 0 = 空いているポート）")
    p.add_argument("--address", default="0.0.0.0",
                   help="待ち受けるアドレス (default 0.0.0.0: 教室のネットワークから。127.0.0.1 でこのマシンだけ)")
    p.add_argument("--log-dir", default=None, help="ログと Redis のデータの置き場所 (default: 一時ディレクトリ)")
    p.set_defaults(handler=run)


def _port_free(address: str, port: int) -> bool:
    import socket

    with socket.socket() as s:
        try:
            s.bind((address, port))
        except OSError:
            return False
    return True


def run(args: argparse.Namespace) -> int:
    import pathlib

    from core import InvalidInput, classstore
    from stkit import server as serve

    if not 1 <= args.workers <= MAX_WORKERS:
        raise InvalidInput(f"--workers は 1〜{MAX_WORKERS} で指定してください。",
                           en=f"--workers must be 1 to {MAX_WORKERS}.")
    if not 0 <= args.port <= 65535:
        raise InvalidInput("--port は 0〜65535 で指定してください（0: 空いているポート）。",
                           en="--port must be 0 to 65535 (0: a free port).")
    if args.port and not _port_free(args.address, args.port):
        raise InvalidInput(f"ポート {args.port} は使用中です。--port で別のポートを指定してください（0: 空いているポート）。",
                           en=f"Port {args.port} is in use. Choose another with --port (0: a free port).")
    redis_url = os.environ.get(classstore.REDIS_URL_ENV, "").strip() or None
    if redis_url:
        classstore.check_url(redis_url)  # the classroom's own check: a clear message, no password echoed
        if args.workers > 1:  # several workers must share it: an unreachable one stops here, not mid-class
            try:
                classstore.RedisStore(redis_url).ping()
            except classstore.StoreUnavailable as exc:
                raise InvalidInput(
                    "PLAYGROUND_REDIS_URL の Redis に接続できません。Redis を起動するか、PLAYGROUND_REDIS_URL を"
                    "外して core serve に Redis を起動させてください。",
                    en="The Redis of PLAYGROUND_REDIS_URL cannot be reached. Start it, or unset PLAYGROUND_REDIS_URL "
                       "and let core serve start one.", hint=exc.hint) from None

    def stop_on_signal(signum, frame):  # SIGTERM (systemd, docker, kill) as Ctrl-C
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop_on_signal)
    # Ctrl-C / SIGINT stops the hall even when this process was started with SIGINT ignored (a
    # shell's background job `core serve &`, nohup, some CI runners: Python keeps an inherited
    # "ignore" and would never raise KeyboardInterrupt)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    hall = None
    try:
        try:
            hall = serve.Hall(args.workers, port=args.port, redis_url=redis_url, address=args.address,
                              log_dir=pathlib.Path(args.log_dir) if args.log_dir else None, offline=False,
                              die_with_parent=True)
        except RuntimeError as exc:
            raise InvalidInput(f"起動できませんでした: {exc}", en=f"Could not start: {exc}") from None
        print(hall.url, flush=True)  # the contract: the first stdout line
        where = f"proxy {hall.url}, " if hall.proxy else ""
        print(f"{where}workers {', '.join(f'{n}=127.0.0.1:{p}' for n, p in hall.pool())}, "
              f"redis {hall.redis_url or '-'}, logs {hall.log_dir}. {both('cli.serve.running')}",
              file=sys.stderr, flush=True)
        reported: set[str] = set()
        while True:
            for problem in hall.problems():
                if problem not in reported:
                    reported.add(problem)
                    print(f"{both('cli.serve.warning')}: {problem}", file=sys.stderr, flush=True)
            if (hall.proxy is not None and hall.proxy.proc.poll() is not None) or \
                    all(s.proc.poll() is not None for s in hall.servers):
                print(both("cli.serve.dead"), file=sys.stderr)
                return 1
            time.sleep(1)
    except KeyboardInterrupt:
        print(both("cli.serve.stopping"), file=sys.stderr, flush=True)
        return 0
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        if hall is not None:
            hall.stop()
