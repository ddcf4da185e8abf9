"""T5 as the notes mean it: one encoder–decoder trained on several tasks at once, the task named
by a prefix of the input ("task instruction + input → output"):

    日付の正規化: 平成6年9月27日  →  1994-09-27
    足し算: 16+75                →  91
    英訳: 私は猫を見た            →  i saw a cat          (the toy grammar, character level)

Every task's pairs are split 90 / 10; the multi-task model trains on the union of the training
parts (prefixed, shuffled together), and for comparison one model per task trains on that task
alone with the same budget (the same seconds, the same architecture). Accuracy is exact match on
each task's validation part — does sharing one model help or hurt at this budget?

The model is an encoder–decoder of the seq2seq page, character level, one shared vocabulary:
by default the GRU with additive attention (it learns these tasks within a classroom's minute
on a CPU), or with ``cell="transformer"`` the Transformer encoder–decoder that T5 is.
"""
from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from core import InvalidInput
from core.seq2seq.data import Pairs
from core.seq2seq.train import TrainConfig, Trainer, exact_matches

TASKS = ("dates", "addition", "translate")
PREFIX = {"dates": "日付の正規化: ", "addition": "足し算: ", "translate": "英訳: "}
MAX_SECONDS = 300
MAX_PER_TASK = 20_000


def check_tasks(tasks) -> list[str]:
    names = [t.strip() for t in (tasks.split(",") if isinstance(tasks, str) else tasks) if t and t.strip()]
    bad = [t for t in names if t not in TASKS]
    if bad or not names:
        raise InvalidInput(f"タスクは {', '.join(TASKS)} から選んでください（{', '.join(bad) or '空'}）。",
                           en=f"Choose the tasks from {', '.join(TASKS)} ({', '.join(bad) or 'none'}).")
    return list(dict.fromkeys(names))


def generate(task: str, n: int, seed: int = 0) -> list[tuple[str, str]]:
    """``n`` raw (source, target) pairs of one task, without prefix."""
    if task == "dates":
        from core.seq2seq.dates import generate_dates

        return generate_dates(n, seed)
    if task == "addition":
        from core.seq2seq.addition import generate_addition

        return generate_addition(n, seed, digits=2)
    from core.seq2seq.grammar import generate_pairs

    return generate_pairs(n, seed)


def task_pairs(task: str, raw: list[tuple[str, str]], prefix: bool) -> Pairs:
    return Pairs([((PREFIX[task] if prefix else "") + s, t) for s, t in raw], "char", "char", normalize="nfkc")


@dataclass
class MultitaskResult:
    tasks: list[str]
    per_task: dict[str, float] = field(default_factory=dict)  # the multi-task model, per task
    single_task: dict[str, float] = field(default_factory=dict)  # one model per task
    seconds: float = 0.0  # the budget each model had
    trainers: dict[str, Trainer] = field(default_factory=dict)  # "multi" and each task name
    stopped: bool = False

    def summary(self) -> dict:
        return {"per_task": dict(self.per_task), "single_task": dict(self.single_task),
                "seconds": round(self.seconds, 3)}


def run(tasks, *, seconds: float = 60.0, n_per_task: int = 3000, seed: int = 0, cell: str = "gru",
        hidden: int = 64, heads: int = 4, layers: int = 2, on_progress: Callable | None = None,
        should_stop: Callable[[], bool] | None = None) -> MultitaskResult:
    """Train the multi-task model, then each single-task model, ``seconds`` each (wall clock,
    checked after every mini-batch). on_progress(done_seconds, total_seconds, {name: exact match})."""
    from core.seq2seq.transformer import LR

    tasks = check_tasks(tasks)
    if not 0 < float(seconds) <= MAX_SECONDS:
        raise InvalidInput(f"学習時間 (seconds) は 0 より大きく {MAX_SECONDS} 以下にしてください。",
                           en=f"The training time must be greater than 0 and at most {MAX_SECONDS} seconds.")
    if not 20 <= int(n_per_task) <= MAX_PER_TASK:
        raise InvalidInput(f"タスクごとのデータ数は 20〜{MAX_PER_TASK:,} にしてください。",
                           en=f"The examples per task must be 20–{MAX_PER_TASK:,}.")
    raws = {t: generate(t, int(n_per_task), seed) for t in tasks}
    cut = {t: len(r) - max(1, len(r) // 10) for t, r in raws.items()}
    val = {t: task_pairs(t, raws[t][cut[t]:], prefix=True) for t in tasks}
    mixed = [((PREFIX[t] + s), g) for t in tasks for s, g in raws[t][:cut[t]]]
    random.Random(seed).shuffle(mixed)
    res = MultitaskResult(tasks, seconds=float(seconds))
    total = float(seconds) * (1 + len(tasks))
    jobs = [("multi", Pairs(mixed, "char", "char", normalize="nfkc"), val[tasks[0]])]
    jobs += [(t, task_pairs(t, raws[t][:cut[t]], prefix=True), val[t]) for t in tasks]
    for k, (name, train, first_val) in enumerate(jobs):
        cfg = TrainConfig(epochs=200, batch_size=64, lr=LR if cell == "transformer" else 1e-2, seed=seed)
        arch = dict(heads=heads, layers=layers) if cell == "transformer" else dict(emb=16, attention="additive")
        trainer = Trainer(train, first_val, cfg, cell=cell, hidden=hidden, meta={"dataset": f"multitask:{name}"}, **arch)
        res.trainers[name] = trainer
        t0 = time.perf_counter()

        def out_of_time(t0=t0) -> bool:
            return time.perf_counter() - t0 >= seconds or (should_stop is not None and should_stop())

        while not out_of_time():
            trainer.one_epoch(out_of_time)
            if on_progress is not None:
                on_progress(min(total, k * seconds + time.perf_counter() - t0), total, {})
        trainer.model.eval()
        if should_stop is not None and should_stop():
            res.stopped = True
        targets = tasks if name == "multi" else [name]
        for t in targets:
            acc = float(exact_matches(trainer.model, val[t]).mean())
            (res.per_task if name == "multi" else res.single_task)[t] = acc
        trainer.release()
        if on_progress is not None:
            on_progress((k + 1) * seconds, total, {f"{name}": res.per_task.get(name) or res.single_task.get(name, 0.0)}
                        if name != "multi" else {})
        if res.stopped:
            break
    return res
