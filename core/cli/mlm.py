"""`python -m core transformer pretrain-mlm ...` (issue 13, item 4: mini-BERT).

``transformer pretrain-mlm --text-file FILE [--seconds S] [--save DIR] --json``
→ last stdout line ``{"mlm_loss_first", "mlm_loss_last", "val_masked_accuracy", "nsp_accuracy",
"seconds", "params", "vocab_size", ...}`` (nsp_accuracy: next-sentence prediction on the
validation pairs, 50 % real / 50 % random; null with --no-nsp); the saved directory then works with
``python -m core bert fill-mask TEXT --model DIR --json``.

The ``transformer`` group (core/cli/transformer.py) calls :func:`register_pretrain` with its
``add_subparsers()`` object.
"""
from __future__ import annotations

import argparse
import pathlib
import sys

from core.cli.common import add_json, both, emit, progress_bar


def register_pretrain(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add ``pretrain-mlm`` to the ``transformer`` group's subparsers ``sub``."""
    p = sub.add_parser("pretrain-mlm", help=both("cli.transformer.pretrain-mlm"),
                       description="テキストから WordPiece 語彙（MeCab で分かち書き）を作り、小さな BERT を"
                                   "マスク言語モデル (15%, 80/10/10) で事前学習します。")
    p.add_argument("--text-file", default=None,
                   help="学習に使うテキスト（UTF-8 / Shift-JIS、1 行 1 文が目安）。省略時は組み込みの例文")
    p.add_argument("--seconds", type=float, default=60.0, help="学習時間の上限（秒, 既定 60）")
    p.add_argument("--max-steps", type=int, default=100_000, help="ステップ数の上限")
    p.add_argument("--layers", type=int, default=2, help="エンコーダの層数 N（既定 2）")
    p.add_argument("--d-model", type=int, default=128, help="隠れ次元 d（既定 128）")
    p.add_argument("--heads", type=int, default=2, help="ヘッド数 h（既定 2）")
    p.add_argument("--vocab-size", type=int, default=2000, help="WordPiece 語彙の大きさの目安（既定 2000）")
    p.add_argument("--lr", type=float, default=1e-3, help="学習率（既定 1e-3）")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--probe", default="父は昼に[MASK]を食べた。", help="学習中に穴埋めを観察する文")
    p.add_argument("--no-nsp", action="store_true", help="次文予測 (NSP) を学習しない（MLM だけ、1 文ずつ）")
    p.add_argument("--save", default=None, help="保存先ディレクトリ（transformers の形式 + minibert_card.json）")
    add_json(p)
    p.set_defaults(handler=_pretrain)
    return p


def _read_text(path: str) -> tuple[str, str]:
    from core import InvalidInput
    from core.text import decode_upload

    f = pathlib.Path(path).expanduser()
    if not f.is_file():
        raise InvalidInput(f"ファイル {path} がありません。パスを確かめてください。")
    return decode_upload(f.read_bytes(), what=f"ファイル {f.name}"), f.name


def _pretrain(args: argparse.Namespace) -> int:
    from core.bert import pretrain
    from core.bert import saved

    text, name = _read_text(args.text_file) if args.text_file else (None, None)
    cfg = pretrain.PretrainConfig(layers=args.layers, d_model=args.d_model, heads=args.heads, vocab_size=args.vocab_size,
                           lr=args.lr, batch_size=args.batch_size, seconds=args.seconds, max_steps=args.max_steps,
                           seed=args.seed, probe=args.probe, nsp=not args.no_nsp)
    bar = progress_bar(1, "mini-BERT MLM")
    try:
        res = pretrain.pretrain(text, cfg, text_name=name, on_progress=bar)
    finally:
        bar.close()
    for note in res.notes:
        print(note, file=sys.stderr)
    out = res.summary()
    out["probe"] = {"text": cfg.probe, "first": res.snapshots[0]["predictions"],
                    "last": res.snapshots[-1]["predictions"]}
    if args.save:
        out["saved"] = str(saved.save(res, args.save))

    def human(r: dict) -> str:
        lines = [f"MLM loss {r['mlm_loss_first']:.3f} → {r['mlm_loss_last']:.3f}  masked accuracy (val) "
                 f"{r['val_masked_accuracy']:.3f}  ({r['steps']} steps, {r['seconds']:.1f} s, {r['params']:,} params, "
                 f"vocab {r['vocab_size']})"
                 + ("" if r.get("nsp_accuracy") is None else f"  NSP accuracy (val) {r['nsp_accuracy']:.3f}"),
                 f"{cfg.probe}: " + "  ".join(f"{t} {p:.3f}" for t, p in r["probe"]["last"])]
        if r.get("saved"):
            lines.append(f"保存先: {r['saved']}\n  python -m core bert fill-mask \"{cfg.probe}\" --model {r['saved']}")
        return "\n".join(lines)

    return emit(out, args.json, human)
