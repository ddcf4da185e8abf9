"""/basics page (issue #17) figures.

    .venv/bin/python bench/basics.py [--seeds 3]  →  one JSON object

- the 2-D playground with the page's defaults (2 hidden layers × 8 tanh units, Adam η = 0.03,
  mini-batch 32, 60 epochs, 400 points, noise 0.1): wall seconds from settings to a trained model
  (data, model, training on one CPU thread as the app does), final test accuracy, and the first
  epoch at which the test accuracy reached 95 %, for XOR and circles (the acceptance target:
  ≥ 95 % in ≤ 10 s on 2 cores) and, for information, spirals and two blobs;
- the cost of one live decision-boundary frame (P(class 1) on the 50 × 50 grid + its figure);
- the page's own path (an AppTest session clicking 学習を開始 with the defaults: live progress,
  loss chart and boundary frames included) for XOR and circles;
- the machine's load average while measuring (the project machine is shared).
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def train_once(dataset: str, seed: int) -> dict:
    from core.basics.playground import PlaygroundConfig, PlaygroundRun

    t0 = time.perf_counter()
    run = PlaygroundRun(PlaygroundConfig(dataset=dataset, seed=seed)).fit()
    wall = time.perf_counter() - t0
    first = next((h["epoch"] for h in run.history if h["test_acc"] >= 0.95), None)
    return {"seconds": wall, "test_acc": run.last["test_acc"], "epoch_95": first}


def frame_ms(repeats: int = 10) -> float:
    from core.basics.figures import boundary_figure
    from core.basics.playground import PlaygroundConfig, PlaygroundRun

    run = PlaygroundRun(PlaygroundConfig(epochs=5)).fit()
    t0 = time.perf_counter()
    for _ in range(repeats):
        boundary_figure(run, "frame", "train", "test").to_json()
    return (time.perf_counter() - t0) / repeats * 1000


def page_seconds(dataset: str) -> dict:
    """The page's path: AppTest session, click 学習を開始 with the defaults, live progress, loss
    chart and boundary frames included; wall seconds of that script run and the test accuracy."""
    from tests.basics.apptest import open_section

    at = open_section("basics.tab.playground")
    at.radio(key="bpg_data").set_value(dataset)
    t0 = time.perf_counter()
    at.button(key="bpg__start").click().run(timeout=300)
    run = at.session_state["bpg_run"]
    return {"seconds": round(time.perf_counter() - t0, 2), "training_seconds": round(run.seconds, 2),
            "test_acc": round(run.last["test_acc"], 4), "status": run.status}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=3)
    args = ap.parse_args()
    import torch

    from core.basics.playground import PlaygroundConfig

    train_once("xor", 99)  # warm-up (first torch ops)
    out: dict = {"defaults": {k: v for k, v in PlaygroundConfig().__dict__.items() if k not in ("dataset", "seed")},
                 "cpu_count": os.cpu_count(), "torch_threads_default": torch.get_num_threads(),
                 "load_average_before": round(os.getloadavg()[0], 2), "datasets": {}}
    for dataset in ("xor", "circles", "spirals", "blobs"):
        runs = [train_once(dataset, seed) for seed in range(args.seeds)]
        out["datasets"][dataset] = {
            "seeds": args.seeds,
            "seconds_median": round(statistics.median(r["seconds"] for r in runs), 3),
            "seconds_max": round(max(r["seconds"] for r in runs), 3),
            "test_acc_min": round(min(r["test_acc"] for r in runs), 4),
            "test_acc_median": round(statistics.median(r["test_acc"] for r in runs), 4),
            "epoch_95": [r["epoch_95"] for r in runs],
        }
    out["boundary_frame_ms"] = round(frame_ms(), 1)
    out["page"] = {name: page_seconds(name) for name in ("xor", "circles")}
    out["load_average_after"] = round(os.getloadavg()[0], 2)
    for name in ("xor", "circles"):
        d = out["datasets"][name]
        out[f"{name}_meets_target"] = d["test_acc_min"] >= 0.95 and d["seconds_max"] <= 10
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
