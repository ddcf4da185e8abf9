"""LSTM page (issue #4) figures.

    .venv/bin/python -m bench.lstm [--quick]  →  one JSON object

- training throughput (sequences/s) of each cell, fused (torch's kernels) vs explicit (the
  cells written from the equations), on sine windows (window 20, batch 32, hidden 32);
- time until the validation MSE (one step ahead, series units) falls below 0.01 on sine with
  the CLI defaults (`python -m core rnn train --task sine --cell …`), and the final val_mse;
- the gradient lab's default setting: ‖∂L_T/∂h_1‖ / ‖∂L_T/∂h_T‖ per cell.
Training runs on one CPU thread (core.training.single_thread), as the app does.
``--quick`` (the test suite's run): the LSTM only, 5 steps, 2 epochs.
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
import time


def throughput(cell: str, fused: bool, steps: int = 60) -> float:
    import torch

    from core.lstm.data import make_series, make_windows
    from core.lstm.train import ForecastRun, RNNConfig
    from core.training import clip_gradient, single_thread

    run = ForecastRun(make_windows(make_series("sine", 1200), 20), RNNConfig(cell=cell, hidden=32, fused=fused))
    opt = torch.optim.Adam(run.model.parameters(), lr=0.01)
    gen = torch.Generator().manual_seed(0)
    batches = []
    while len(batches) < steps + 5:
        batches += list(run._batches(gen))
    with single_thread():
        for i, (X, y) in enumerate(batches):
            if i == 5:  # warm-up done
                t0 = time.perf_counter()
            opt.zero_grad()
            loss = run._loss(run.model, X, y)
            loss.backward()
            clip_gradient(run.model.parameters(), 1.0)
            opt.step()
            if run.device.type == "cuda":
                torch.cuda.synchronize()
        seconds = time.perf_counter() - t0
    return round(steps * 32 / seconds, 1)


def time_to_target(cell: str, target: float = 0.01, epochs: int | None = None) -> dict:
    from core.lstm.data import make_series, make_windows
    from core.lstm.train import ForecastRun, RNNConfig

    t0 = time.perf_counter()
    data = make_windows(make_series("sine"), 20)
    run = ForecastRun(data, RNNConfig(cell=cell, max_seconds=None, **({"epochs": epochs} if epochs else {})))
    reached = {}

    def progress(epoch, total, metrics):
        if "seconds" not in reached and metrics["val_loss"] < target:
            reached.update(seconds=round(time.perf_counter() - t0, 3), epoch=epoch)

    run.fit(progress)
    return {"seconds_to_val_mse_below_0.01": reached.get("seconds"), "epoch": reached.get("epoch"),
            "full_run_seconds": round(time.perf_counter() - t0, 3), "epochs": run.epochs_done,
            "val_mse": run.val_mse()}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="the LSTM only, 5 steps, 2 epochs (seconds)")
    args = ap.parse_args(argv)
    import torch

    from core.device import info
    from core.lstm.probes import compare_gradients

    result = {"device": info().name, "torch": torch.__version__, "cpu_threads_default": torch.get_num_threads(),
              "throughput_sequences_per_s": {}, "sine_default": {}, "gradient_decay_default": {},
              "quick": args.quick}
    cells = ("lstm",) if args.quick else ("rnn", "lstm", "gru")
    steps = 5 if args.quick else 60
    for cell in cells:
        result["throughput_sequences_per_s"][cell] = {"fused": throughput(cell, True, steps),
                                                      "explicit": throughput(cell, False, steps)}
    for cell in cells:
        result["sine_default"][cell] = time_to_target(cell, epochs=2 if args.quick else None)
    result["gradient_decay_default"] = {c: g.decay() for c, g in compare_gradients().items()}
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
