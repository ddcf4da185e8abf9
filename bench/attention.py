"""Attention page (issue #6) figures.

    .venv/bin/python -m bench.attention [--quick]  →  one JSON object

``--quick`` (the test suite's run): a tiny BERT, 32 tokens, a 64 × 128 encoding, one repeat.

Targets (CPU): the model view figure for a 128-token input on bert-base-sized weights
(random weights cost the same as trained ones) builds in ≤ 2 s; the positional encoding
512 × 1024 in ≤ 0.2 s. We report the encoder forward pass (output_attentions=True), the
figure build, and the JSON serialisation Streamlit does on top (reported, not part of "build").
Each figure is the best of ``REPEATS`` runs (the machine is shared; the median is reported too).
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
import statistics
import tempfile
import time
from types import SimpleNamespace

REPEATS = 3
TEXT = ("東北大学で自然言語処理を研究しています。今日はとても良い天気です。このホテルは駅から近くて便利でした。"
        "部屋は広くてきれいでしたが、朝食はあまりおいしくなかった。スタッフの対応がとても丁寧で感動しました。") * 6


def _times(fn, repeats=REPEATS):
    out, value = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        value = fn()
        out.append(time.perf_counter() - t0)
    return {"best_s": round(min(out), 4), "median_s": round(statistics.median(out), 4)}, value


def bert_base_model_view(quick: bool = False) -> dict:
    import torch
    from transformers import BertConfig, BertJapaneseTokenizer, BertModel

    from core.attention import bert as attention_bert
    from core.attention import figures as attention_figures
    from core.bert import tiny
    from core.bert.models import quiet_transformers

    quiet_transformers()
    torch.set_grad_enabled(False)
    cfg = BertConfig(**(dict(tiny.TINY, vocab_size=512) if quick else tiny.BASE_V3))
    cfg._attn_implementation = "eager"
    torch.manual_seed(0)
    model = BertModel(cfg, add_pooling_layer=False).eval()
    with tempfile.TemporaryDirectory() as d:
        (pathlib.Path(d) / "vocab.txt").write_text("\n".join(tiny.build_vocab(size=cfg.vocab_size)) + "\n",
                                                   encoding="utf-8")
        (pathlib.Path(d) / "tokenizer_config.json").write_text(json.dumps(tiny.TOKENIZER_CONFIG), encoding="utf-8")
        tok = BertJapaneseTokenizer.from_pretrained(d)
    loaded = SimpleNamespace(model=model, tokenizer=tok, max_length=512)
    tokens = 32 if quick else 128
    repeats = 1 if quick else REPEATS
    forward, ma = _times(lambda: attention_bert.bert_attention(loaded, TEXT, max_tokens=tokens), repeats)
    n = len(ma.tokens)
    cells = ma.n_layers * ma.n_heads * n * n
    with_csv = cells <= attention_figures.MODEL_VIEW_CSV_MAX  # what the page does: no CSV frame for a grid this large
    build, (fig, _) = _times(lambda: attention_figures.model_view(ma.attn, ma.tokens, layers=range(ma.n_layers),
                                                  heads=range(ma.n_heads), with_data=with_csv), repeats)
    frame, (_, df) = _times(lambda: attention_figures.model_view(ma.attn, ma.tokens, layers=range(ma.n_layers),
                                                  heads=range(ma.n_heads), with_data=True), repeats=1)
    ser, js = _times(lambda: fig.to_json(), repeats=1)
    return {"tokens": n, "layers": ma.n_layers, "heads": ma.n_heads, "params_millions": round(
        sum(p.numel() for p in model.parameters()) / 1e6, 1),
        "forward": forward, "figure_build": build, "page_offers_csv": with_csv,
        "figure_plus_long_csv_frame": frame, "csv_rows": len(df), "figure_to_json": ser,
        "figure_json_mb": round(len(js) / 1e6, 2),
        "target_s": 2.0, "meets_target": build["best_s"] <= 2.0}


def positional_encoding(quick: bool = False) -> dict:
    from core import attention
    from core.attention import figures as attention_figures

    n, d = (64, 128) if quick else (512, 1024)
    repeats = 1 if quick else 5
    compute, pe = _times(lambda: attention.positional_encoding(n, d), repeats=repeats)
    build, _ = _times(lambda: attention_figures.pe_heatmap(pe), repeats=repeats)
    both, _ = _times(lambda: attention_figures.pe_heatmap(attention.positional_encoding(n, d)), repeats=repeats)
    return {"shape": [n, d], "compute": compute, "figure_build": build, "compute_plus_figure": both,
            "target_s": 0.2, "meets_target": both["best_s"] <= 0.2}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="tiny sizes, one repeat (seconds)")
    args = ap.parse_args(argv)
    import torch

    result = {"device": "cpu", "threads": torch.get_num_threads(), "quick": args.quick,
              "positional_encoding": positional_encoding(args.quick),
              "model_view_bert_base_128": bert_base_model_view(args.quick)}
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
