"""Saved mini-BERTs: where they live, how they are written, their provenance card.

A saved mini-BERT is a normal transformers directory (config.json, model.safetensors,
vocab.txt, tokenizer_config.json) plus ``minibert_card.json``: what it was trained on, how long,
how well — so the app can say "trained here on …, n sentences" and never call it Tohoku's BERT.
"""
from __future__ import annotations

import datetime
import json
import pathlib
import re

from core import InvalidInput
from core.bert import wordpiece as wp
from core.bert.pretrain import PretrainConfig, PretrainResult, pretrain
from core.paths import build_into, cache_dir, claim_dir

CARD = "minibert_card.json"
DEFAULT_NAME = "default"
DEFAULT_STEPS = 400  # the warm-up's default model: fixed steps (not seconds) → deterministic
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


def models_root() -> pathlib.Path:
    return cache_dir("trained", "mini-bert")


def model_dir(name: str) -> pathlib.Path:
    if not _NAME.fullmatch(name or "") or ".." in name:
        raise InvalidInput("保存名は英数字と . _ - の 64 文字までにしてください（例: my-mini-bert）。",
                           en="Use up to 64 letters, digits and . _ - for the save name (e.g. my-mini-bert).")
    return models_root() / name


def card(res: PretrainResult) -> dict:
    s = res.summary()
    return {"kind": "mini-bert", "trained_here": True, "text": res.text_name, "sentences": res.n_sentences,
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "steps": res.steps, "seconds": s["seconds"], "layers": res.config.layers,
            "d_model": res.config.d_model, "heads": res.config.heads, "vocab_size": len(res.vocab),
            "params": s["params"], "mlm_loss_last": s["mlm_loss_last"],
            "val_masked_accuracy": res.val_masked_accuracy, "nsp_accuracy": res.val_nsp_accuracy,
            "seed": res.config.seed,
            "label": f"trained here on {res.text_name}, {res.n_sentences} sentences"}


def save(res: PretrainResult, out_dir, *, replace: bool = True, owner: str | None = None) -> pathlib.Path:
    """config.json + model.safetensors + vocab.txt / tokenizer_config.json + the provenance card,
    built beside ``out_dir`` and moved in at once (core.paths.build_into): a reader never sees
    half a model. ``replace`` = a finished model already there gives way (the CLI's --save DIR)."""
    def build(tmp: pathlib.Path) -> None:
        res.model.config.playground_trained_here = True
        res.model.save_pretrained(str(tmp), safe_serialization=True)
        wp.write(tmp, res.vocab)
        (tmp / CARD).write_text(json.dumps({**card(res), "owner": owner}, ensure_ascii=False, indent=2),
                                encoding="utf-8")

    return build_into(pathlib.Path(out_dir).expanduser(), build, done=CARD, replace=replace)


def owned(owner: str | None) -> list[pathlib.Path]:
    """The mini-BERTs that ``owner`` (a session id) saved."""
    return [pathlib.Path(r["path"]) for r in _rows() if owner is not None and r.get("owner") == owner]


def save_for(res: PretrainResult, name: str, *, owner: str) -> pathlib.Path:
    """A student's save from the page, bounded by core.saving (the server's quota, the
    session's limit): ``name`` saved earlier by the same ``owner`` is replaced atomically;
    a name taken by someone else gets ``-2``, ``-3``, … (the returned path says where)."""
    from core import saving

    out = model_dir(name)
    mine = out.is_dir() and (card_of(out) or {}).get("owner") == owner
    with saving.room_for(saving.model_bytes(res.model), owned=owned(owner), replacing=out if mine else None):
        if not mine:
            out = claim_dir(out)  # ours now (mkdir is atomic), empty until the swap
        return save(res, out, replace=True, owner=owner)


def card_of(path) -> dict | None:
    """The provenance card of a saved mini-BERT directory, or None (not trained here)."""
    try:
        c = json.loads((pathlib.Path(str(path)).expanduser() / CARD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return c if isinstance(c, dict) and c.get("trained_here") else None


def saved_models() -> list[dict]:
    """The mini-BERTs under cache_dir("trained", "mini-bert"): {"name", "path", **card} — the
    warm-up's default and the newest PLAYGROUND_MAX_LISTED_MODELS others (core.saving)."""
    from core import saving

    rows = _rows()
    keep = {str(p) for p in saving.newest([pathlib.Path(r["path"]) for r in rows if r["name"] != DEFAULT_NAME])}
    return [r for r in rows if r["name"] == DEFAULT_NAME or r["path"] in keep]


def _rows() -> list[dict]:
    root = models_root()
    rows = []
    for d in sorted(root.iterdir()) if root.is_dir() else []:
        c = card_of(d) if d.is_dir() and not d.name.startswith(".") else None
        if c is not None and (d / "config.json").is_file():
            rows.append({"name": d.name, "path": str(d), **c})
    return rows


def ensure_default(steps: int = DEFAULT_STEPS) -> pathlib.Path:
    """The warm-up's mini-BERT (built-in text, seed 0, ``steps`` steps: deterministic), trained
    once into models_root()/default; returns its directory. Two processes racing: the first
    to finish wins, the other's copy is dropped."""
    out = model_dir(DEFAULT_NAME)
    if card_of(out) is None or not (out / "model.safetensors").is_file():
        save(pretrain(None, PretrainConfig(seconds=None, max_steps=steps, seed=0)), out, replace=False)
    return out
