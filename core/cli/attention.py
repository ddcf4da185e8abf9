"""`python -m core attention ...`: the attention page's math from the command line.

- ``attention weights TEXT [--d-k N] [--seed S] [--no-scale] [--causal] [--json]`` →
  ``{"tokens": [...], "d_k": N, "weights": [[...]], "scaled": [[...]]}`` (seeded random token
  vectors, like the page's "random" option).
- ``attention pe [--max-len L] [--d-model D] [--json]`` → ``{"shape": [L, D], "seconds": ...,
  "dot_by_offset": [...]}`` (sinusoidal positional encoding, PE(0)·PE(k) for k = 0..L−1).
- ``attention find-head --model DIR_OR_ID --text TEXT --from WORD --to WORD [--json]`` →
  ``{"layer": l, "head": h, "weight": w}``: the head of a BERT that attends most from one word
  to the other (core.attention.heads); a note on stderr when no head clearly does it.
"""
from __future__ import annotations

import argparse
import time

from core.cli.common import add_json, both, emit


def register(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    w = sub.add_parser("weights", help=both("cli.attention.weights"))
    w.add_argument("text")
    w.add_argument("--d-k", type=int, default=8)
    w.add_argument("--seed", type=int, default=0)
    w.add_argument("--no-scale", action="store_true", help="√d_k で割らない")
    w.add_argument("--causal", action="store_true", help="因果マスク (causal mask)")
    add_json(w)
    w.set_defaults(handler=_weights)
    pe = sub.add_parser("pe", help=both("cli.attention.pe"))
    pe.add_argument("--max-len", type=int, default=100)
    pe.add_argument("--d-model", type=int, default=512)
    add_json(pe)
    pe.set_defaults(handler=_pe)
    fh = sub.add_parser("find-head", help=both("cli.attention.find-head"))
    fh.add_argument("--model", required=True, metavar="DIR_OR_ID", help="BERT のディレクトリまたは Hub の ID")
    fh.add_argument("--text", required=True)
    fh.add_argument("--from", dest="from_word", required=True, metavar="WORD", help="注意する側の語（例: その）")
    fh.add_argument("--to", dest="to_word", required=True, metavar="WORD", help="注意される側の語（例: 法律）")
    add_json(fh)
    fh.set_defaults(handler=_find_head)


def _weights(args: argparse.Namespace) -> int:
    from core import attention

    tok = attention.tokens_of(args.text)
    d_model = 64
    X = attention.standardize(attention.random_token_vectors(tok.tokens, d_model, seed=args.seed))
    W_Q, W_K, W_V = attention.projections(d_model, args.d_k, seed=args.seed)
    s = attention.steps(X, W_Q, W_K, W_V, scale=not args.no_scale, causal=args.causal)
    result = {"tokens": tok.tokens, "d_k": s.d_k, "scaled": not args.no_scale, "causal": args.causal,
              "weights": [[round(float(v), 6) for v in row] for row in s.weights]}

    def human(r: dict) -> str:
        width = max(len(t) for t in r["tokens"]) + 1
        lines = [" " * width + " ".join(f"{t:>6}" for t in r["tokens"])]
        for t, row in zip(r["tokens"], r["weights"]):
            lines.append(f"{t:<{width}}" + " ".join(f"{v:6.3f}" for v in row))
        return "\n".join(lines)

    return emit(result, args.json, human)


def _pe(args: argparse.Namespace) -> int:
    from core import attention

    t0 = time.perf_counter()
    pe = attention.positional_encoding(args.max_len, args.d_model)
    seconds = time.perf_counter() - t0
    offsets, dots = attention.pe_dot_by_offset(pe, 0)
    return emit({"shape": list(pe.shape), "seconds": round(seconds, 5),
                 "dot_by_offset": [round(float(v), 4) for v in dots]}, args.json)


def _find_head(args: argparse.Namespace) -> int:
    import sys

    from core.attention import heads
    from core.bert.models import load_encoder_with_attentions

    loaded = load_encoder_with_attentions(args.model)
    r = heads.find_head(loaded, args.text, args.from_word, args.to_word)
    if not r.found:
        print(f"注意: どのヘッドもはっきりとは「{args.from_word}」→「{args.to_word}」を見ていません（最大 {r.weight:.3f}、"
              f"一様なら {r.uniform:.3f}、ほかの語から {r.others:.3f}）。", file=sys.stderr)

    def human(out: dict) -> str:
        verdict = "見つかりました" if r.found else "はっきり見ているヘッドはありません"
        return (f"layer {out['layer']} head {out['head']}: weight {out['weight']:.3f} ({verdict}; "
                f"uniform {r.uniform:.3f}, others {r.others:.3f})")

    return emit({"layer": r.layer, "head": r.head, "weight": round(r.weight, 6)}, args.json, human)
