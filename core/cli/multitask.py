"""`python -m core transformer multitask --tasks dates,addition[,translate] [--seconds S] --json`
(issue 27, item 8: T5-style multi-task learning with task prefixes).

→ last stdout line ``{"per_task": {"dates": acc, ...}, "single_task": {"dates": acc, ...},
"seconds": S}``: exact match on each task's validation part for the one model trained on every
task at once (per_task) and for one model per task (single_task), each model with the same
budget of S seconds.

The ``transformer`` group (core/cli/transformer.py) calls :func:`register_multitask`.
"""
from __future__ import annotations

import argparse

from core.cli.common import add_json, both, emit, progress_bar


def register_multitask(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("multitask", help=both("cli.transformer.multitask"),
                       description="「日付の正規化: …」「足し算: …」「英訳: …」のように接頭辞でタスクを指定し、1 つの "
                                   "encoder–decoder で全タスクを学習して、タスクごとに 1 つずつ学習したモデルと同じ予算で比べます。")
    p.add_argument("--tasks", default="dates,addition", help="カンマ区切り: dates, addition, translate")
    p.add_argument("--seconds", type=float, default=60.0, help="各モデルの学習時間（秒, 既定 60）")
    p.add_argument("--n-per-task", type=int, default=3000, help="タスクごとのデータ数（10% を検証に使用）")
    p.add_argument("--cell", choices=("gru", "transformer"), default="gru",
                   help="gru: GRU + 加法注意（既定、CPU で速い）/ transformer: T5 と同じ Transformer encoder–decoder")
    p.add_argument("--hidden", type=int, default=64)
    p.add_argument("--seed", type=int, default=0)
    add_json(p)
    p.set_defaults(handler=_multitask)
    return p


def _multitask(args: argparse.Namespace) -> int:
    from core.seq2seq import multitask as M

    tasks = M.check_tasks(args.tasks)
    bar = progress_bar(int(args.seconds * (1 + len(tasks))), "multitask")
    try:
        res = M.run(tasks, seconds=args.seconds, n_per_task=args.n_per_task, seed=args.seed, cell=args.cell,
                    hidden=args.hidden, on_progress=lambda s, total, m: bar(int(s), int(total), m))
    finally:
        bar.close()

    def human(r: dict) -> str:
        lines = [f"{'task':<10} {'multi-task':>10} {'single-task':>11}   ({r['seconds']:g} s each)"]
        lines += [f"{t:<10} {r['per_task'].get(t, 0):>10.3f} {r['single_task'].get(t, 0):>11.3f}" for t in tasks]
        return "\n".join(lines)

    return emit(res.summary(), args.json, human)
