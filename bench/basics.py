"""/basics page (issue #17) figures.

    .venv/bin/python -m bench.basics [--seeds 3] [--quick]  →  one JSON object

- the 2-D playground with the page's defaults (2 hidden layers × 8 tanh units, Adam η = 0.03,
  mini-batch 32, 60 epochs, 400 points, noise 0.1): wall seconds from settings to a trained model
  (data, model, training on one CPU thread as the app does), final test accuracy, and the first
  epoch at which the test accuracy reached 95 %, for XOR and circles (the acceptance target:
  ≥ 95 % in ≤ 10 s on 2 cores) and, for information, spirals and two blobs;
- the cost of one live decision-boundary frame (P(class 1) on the 50 × 50 grid + its figure);
- the page's own path (an AppTest session clicking 学習を開始 with the defaults: live progress,
  loss chart and boundary frames included) for XOR and circles;
- the machine's load average while measuring (the project machine is shared).

``--quick`` (the test suite's run): XOR only, one seed, 5 epochs, one frame, no page run.
"""
from __future__ import annotations

if __name__ == "__main__" and not __package__:  # `python bench/NAME.py` runs as `python -m bench.NAME`
    import os
    import sys
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    os.execve(sys.executable, [sys.executable, "-m", "bench." + os.path.basename(__file__)[:-3], *sys.argv[1:]],
              {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))})

import argparse
import json
import os
import statistics
import time


def train_once(dataset: str, seed: int, epochs: int | None = None) -> dict:
    from core.basics.playground import PlaygroundConfig, PlaygroundRun

    cfg = PlaygroundConfig(dataset=dataset, seed=seed, **({"epochs": epochs} if epochs else {}))
    t0 = time.perf_counter()
    run = PlaygroundRun(cfg).fit()
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


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="XOR, one seed, 5 epochs, no page run (seconds)")
    args = ap.parse_args(argv)
    epochs = 5 if args.quick else None
    if args.quick:
        args.seeds = 1
    import torch

    from core.basics.playground import PlaygroundConfig

    train_once("xor", 99, epochs)  # warm-up (first torch ops)
    out: dict = {"defaults": {k: v for k, v in PlaygroundConfig().__dict__.items() if k not in ("dataset", "seed")},
                 "cpu_count": os.cpu_count(), "torch_threads_default": torch.get_num_threads(),
                 "load_average_before": round(os.getloadavg()[0], 2), "datasets": {}, "quick": args.quick}
    for dataset in ("xor",) if args.quick else ("xor", "circles", "spirals", "blobs"):
        runs = [train_once(dataset, seed, epochs) for seed in range(args.seeds)]
        out["datasets"][dataset] = {
            "seeds": args.seeds,
            "seconds_median": round(statistics.median(r["seconds"] for r in runs), 3),
            "seconds_max": round(max(r["seconds"] for r in runs), 3),
            "test_acc_min": round(min(r["test_acc"] for r in runs), 4),
            "test_acc_median": round(statistics.median(r["test_acc"] for r in runs), 4),
            "epoch_95": [r["epoch_95"] for r in runs],
        }
    out["boundary_frame_ms"] = round(frame_ms(1 if args.quick else 10), 1)
    out["page"] = {} if args.quick else {name: page_seconds(name) for name in ("xor", "circles")}
    out["load_average_after"] = round(os.getloadavg()[0], 2)
    for name in ("xor",) if args.quick else ("xor", "circles"):
        d = out["datasets"][name]
        out[f"{name}_meets_target"] = d["test_acc_min"] >= 0.95 and d["seconds_max"] <= 10
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
