"""`python -m core models ...` (issue #7): status and download of the hub models in core.hub.

- ``models status [--json]`` → ``{"models": [{"task", "source", "origin", "available", "where",
  "path", "message"}], "all_available": bool}`` (no network).
- ``models warmup [--json]`` → ``{"prepared": [...], "skipped": [{"name", "why"}], "seconds"}``:
  loads every default model the machine has and builds the demo models on disk (core.warmup).
- ``models download [--dir DIR] [--task TASK ...]`` fetches every default (or the given tasks'
  sources) into the Hugging Face cache, or into ``DIR/<org>/<name>`` (then set
  PLAYGROUND_MODELS_DIR=DIR so the app finds them), through core.download (progress on stderr;
  config.json last, so an interrupted download never counts as available).
"""
from __future__ import annotations

import argparse
import sys

from core.cli.common import add_json, both, emit


def register(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    st = sub.add_parser("status", help=both("cli.models.status"))
    add_json(st)
    st.set_defaults(handler=_status)

    dl = sub.add_parser("download", help=both("cli.models.download"))
    dl.add_argument("--dir", default=None, help="保存先（省略時は Hugging Face のキャッシュ）")
    dl.add_argument("--task", action="append", default=None,
                    help="このタスクのモデルだけ（fill-mask / sentiment / translation、複数可）")
    add_json(dl)
    dl.set_defaults(handler=_download)

    wu = sub.add_parser("warmup", help=both("cli.models.warmup"))
    add_json(wu)
    wu.set_defaults(handler=_warmup)


def _warmup(args: argparse.Namespace) -> int:
    from core import warmup

    def on_step(name: str, phase: str) -> None:
        if phase == "start":
            print(f"準備中: {name} …", file=sys.stderr, flush=True)

    result = warmup.warmup(on_step)

    def human(r: dict) -> str:
        lines = [f"用意できたもの ({len(r['prepared'])}):"] + [f"  ✓ {p}" for p in r["prepared"]]
        if r["skipped"]:
            lines += [f"用意できなかったもの ({len(r['skipped'])}):"] + \
                     [f"  - {s['name']}: {s['why']}" for s in r["skipped"]]
        lines.append(f"{r['seconds']:.1f} 秒")
        return "\n".join(lines)

    return emit(result, args.json, human)


def _status(args: argparse.Namespace) -> int:
    from core import hub

    rows = hub.status_all()

    def human(r: dict) -> str:
        lines = []
        for m in r["models"]:
            mark = "✔" if m["available"] else "✘"
            where = m["path"] or m["message"] or ""
            lines.append(f"{mark} {m['task']:<12} {m['source']}  ({m['origin']})  {where}")
        return "\n".join(lines)

    return emit({"models": rows, "all_available": all(r["available"] for r in rows)}, args.json, human)


def _download(args: argparse.Namespace) -> int:
    from core import ModelUnavailable, hub

    tasks = args.task or list(hub.BUNDLED)
    done, failed = [], []
    for task in tasks:
        source = hub.resolve(task) if task in hub.MODELS else task
        if hub.is_local(source):
            done.append({"task": task, "source": source, "path": source, "skipped": "local directory"})
            continue
        print(f"ダウンロード中: {source} …", file=sys.stderr)
        try:
            path = _fetch_with_bar(source, args.dir)
        except ModelUnavailable as exc:
            print(f"失敗: {exc.message}", file=sys.stderr)
            failed.append({"task": task, "source": source, "message": exc.message})
            continue
        done.append({"task": task, "source": source, "path": str(path)})
    if args.dir and done:
        print(f"アプリに使わせるには: export {hub.MODELS_DIR_ENV}={args.dir}", file=sys.stderr)
    emit({"downloaded": done, "failed": failed}, args.json)
    return 2 if failed else 0


def _fetch_with_bar(source: str, dest: str | None):
    """core.download.fetch (config.json last, so an interrupted download is never "available")
    with a tqdm bar of bytes on stderr."""
    from tqdm import tqdm

    from core import download

    info = download.card(source, timeout=30)
    with tqdm(total=info.size_bytes, unit="B", unit_scale=True, desc=source, file=sys.stderr) as bar:
        def on_progress(p) -> None:
            bar.update(p.done_bytes - bar.n)

        return download.fetch(source, dest, on_progress=on_progress, known=info)
