"""BERT page (issue #7) figures.

    .venv/bin/python -m bench.bert [--quick]  →  one JSON object

- fill-mask latency for a 32-token sentence (one [MASK]) on the bert-base-japanese-v3
  architecture (vocab 32768, 12 layers, d=768) with random weights (same cost as trained ones):
  our path (core.bert.fill_mask: encoder once, vocabulary head only at the mask) vs
  transformers' fill-mask pipeline (BertForMaskedLM over the same weights), interleaved in the
  same run; median and best of ``REPEATS`` calls each.
- sentiment throughput: one batch of 64 sentences through core.bert.sentiment.classify.
Runs on the device core.device picks (CUDA when present: fp16 for ours, as the app loads it).
``--quick`` (the test suite's run): tiny models, 2 repeats, a batch of 8.
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
import pathlib
import shutil
import statistics
import tempfile
import time

REPEATS = 15
WARMUP = 3
SENTENCES = ["このホテルは駅から近くて便利でした。", "部屋は広くてきれいでしたが、朝食はあまりおいしくなかった。",
             "スタッフの対応がとても丁寧で感動しました。", "値段のわりにサービスが悪い。"]


def _sync():
    import torch

    if torch.cuda.is_available():
        torch.cuda.synchronize()


def _timed(fn) -> float:
    _sync()
    t0 = time.perf_counter()
    fn()
    _sync()
    return time.perf_counter() - t0


def sentence_of(tokenizer, n_tokens: int) -> str:
    """A Japanese sentence with one [MASK] whose input is exactly n_tokens ([CLS]…[SEP])."""
    base = "東北大学で[MASK]の研究をしています。" + "今日はとても良い天気です。京都には古いお寺がたくさんあります。" * 4
    pieces = tokenizer.tokenize(base)
    text = base
    while len(pieces) > n_tokens - 2:
        text = text[:-1]
        pieces = tokenizer.tokenize(text)
    assert len(pieces) == n_tokens - 2, len(pieces)
    return text


def bench_fill_mask(model_dir: pathlib.Path, repeats: int = REPEATS, warmup: int = WARMUP) -> dict:
    import torch
    from transformers import BertForMaskedLM, pipeline

    from core import device
    from core.bert import fill_mask, models

    ours = models.load_masked_lm(str(model_dir))
    ref = BertForMaskedLM.from_pretrained(str(model_dir), dtype=device.inference_dtype()).to(device.get_device()).eval()
    pipe = pipeline("fill-mask", model=ref, tokenizer=ours.tokenizer, device=device.get_device())
    text = sentence_of(ours.tokenizer, 32)
    for _ in range(warmup):
        fill_mask.fill_mask(ours, text, top_k=5)
        pipe(text, top_k=5)
    t_ours, t_pipe = [], []
    with torch.inference_mode():
        for _ in range(repeats):  # interleaved: both see the same machine load
            t_ours.append(_timed(lambda: fill_mask.fill_mask(ours, text, top_k=5)))
            t_pipe.append(_timed(lambda: pipe(text, top_k=5)))
    med_o, med_p = statistics.median(t_ours), statistics.median(t_pipe)
    paired = statistics.median(p / o for o, p in zip(t_ours, t_pipe))  # per-iteration, cancels load drift
    return {"paired_ratio_median": round(paired, 3), "tokens": 32, "ours_ms_median": round(med_o * 1000, 2), "ours_ms_best": round(min(t_ours) * 1000, 2),
            "pipeline_ms_median": round(med_p * 1000, 2), "pipeline_ms_best": round(min(t_pipe) * 1000, 2),
            "speedup_median": round(med_p / med_o, 3), "ours_not_slower": paired >= 1.0}


def bench_sentiment(model_dir: pathlib.Path, batch: int = 64) -> dict:
    from core.bert import models, sentiment

    loaded = models.load_classifier(str(model_dir))
    texts = [SENTENCES[i % len(SENTENCES)] + f"（{i}）" for i in range(batch)]
    sentiment.classify(loaded, texts[:8], batch_size=8)  # warm-up
    times = [_timed(lambda: sentiment.classify(loaded, texts, batch_size=batch)) for _ in range(3)]
    med = statistics.median(times)
    return {"batch": batch, "seconds_median": round(med, 3), "sentences_per_s": round(batch / med, 1),
            "max_length": sentiment.DEFAULT_MAX_LENGTH}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="tiny models, 2 repeats, batch 8 (seconds)")
    args = ap.parse_args(argv)
    import torch

    from core import device
    from core.bert import tiny

    tmp = pathlib.Path(tempfile.mkdtemp(prefix="bench-bert-"))
    try:
        t0 = time.perf_counter()
        size = "tiny" if args.quick else "base"
        mlm_dir = tiny.build(tmp / "base-pretraining", "pretraining", size=size)
        cls_dir = tiny.build(tmp / "base-classifier", "classifier", size=size)
        build_s = time.perf_counter() - t0
        info = device.info()
        out = {"device": info.as_dict(), "torch_threads": torch.get_num_threads(),
               "architecture": "tiny BERT (--quick)" if args.quick else
               "bert-base-japanese-v3 config (vocab 32768, 12 layers, 768 hidden), random weights",
               "build_seconds": round(build_s, 1), "quick": args.quick,
               "fill_mask": bench_fill_mask(mlm_dir, *((2, 1) if args.quick else ())),
               "sentiment": bench_sentiment(cls_dir, 8 if args.quick else 64)}
        if info.type != "cuda":
            out["cuda"] = "no CUDA device here: run this script on a GPU machine for the CUDA figures"
        print(json.dumps(out, ensure_ascii=False))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
