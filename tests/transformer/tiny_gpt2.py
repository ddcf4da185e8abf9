"""A tiny GPT-2 built offline (random weights, byte-level BPE without merges: every UTF-8 byte is
a token) — stands in for a pretrained Japanese GPT in tests."""
from __future__ import annotations

import json
import pathlib


def bytes_to_unicode() -> dict[int, str]:
    """GPT-2's byte → printable character table (the byte-level BPE's alphabet)."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, (chr(c) for c in cs)))


def build(out: pathlib.Path, seed: int = 0) -> pathlib.Path:
    import torch
    from transformers import GPT2Config, GPT2LMHeadModel

    out = pathlib.Path(out)
    out.mkdir(parents=True, exist_ok=True)
    vocab = {ch: i for i, ch in enumerate(bytes_to_unicode().values())}
    vocab["<|endoftext|>"] = len(vocab)
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    (out / "merges.txt").write_text("#version: 0.2\n", encoding="utf-8")
    (out / "tokenizer_config.json").write_text(json.dumps({"tokenizer_class": "GPT2Tokenizer",
                                                           "model_max_length": 64}), encoding="utf-8")
    torch.manual_seed(seed)
    cfg = GPT2Config(vocab_size=len(vocab), n_positions=64, n_embd=32, n_layer=2, n_head=2,
                     bos_token_id=len(vocab) - 1, eos_token_id=len(vocab) - 1)
    GPT2LMHeadModel(cfg).save_pretrained(str(out), safe_serialization=True)
    return out
