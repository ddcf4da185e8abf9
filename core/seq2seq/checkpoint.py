"""Checkpoints: ``model.safetensors`` (weights) + ``config.json`` (model config, vocabularies,
tokenisation settings, training summary). Never pickle."""
from __future__ import annotations

import json
import pathlib

from core import InvalidInput, ModelUnavailable
from core.seq2seq.data import Vocab
from core.seq2seq.build import build_model
from core.seq2seq.model import Seq2Seq, Seq2SeqConfig

FORMAT = "nlp-playground-seq2seq"
VERSION = 1


def save(model: Seq2Seq, directory, extra: dict | None = None) -> pathlib.Path:
    from safetensors.torch import save_file

    d = pathlib.Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    state = {k: v.detach().cpu().contiguous() for k, v in model.state_dict().items()}
    save_file(state, str(d / "model.safetensors"))
    config = {"format": FORMAT, "version": VERSION, "model": model.config.as_dict(),
              "src_vocab": model.src_vocab.itos, "tgt_vocab": model.tgt_vocab.itos,
              "meta": model.meta, **(extra or {})}
    (d / "config.json").write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
    return d


def load(directory, device=None) -> Seq2Seq:
    """Load a saved model in eval mode (on ``device``, default core.device.get_device())."""
    from safetensors.torch import load_file

    d = pathlib.Path(directory)
    cfg_path, w_path = d / "config.json", d / "model.safetensors"
    if not cfg_path.exists() or not w_path.exists():
        raise ModelUnavailable(
            f"モデルのフォルダ {d} に config.json と model.safetensors がありません。",
            en=f"The model folder {d} has no config.json and model.safetensors.",
            hint="python -m core seq2seq train --pairs FILE.tsv --save DIR で学習して保存できます。",
            hint_en="python -m core seq2seq train --pairs FILE.tsv --save DIR trains and saves one.")
    try:
        config = json.loads(cfg_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidInput(f"{cfg_path} を読めません（{exc}）。",
                           en=f"Cannot read {cfg_path} ({exc}).") from None
    if config.get("format") != FORMAT:
        raise InvalidInput(f"{cfg_path} は seq2seq のチェックポイントではありません。",
                           en=f"{cfg_path} is not a seq2seq checkpoint.")
    model = build_model(Seq2SeqConfig(**config["model"]), Vocab(list(config["src_vocab"])),
                    Vocab(list(config["tgt_vocab"])), config.get("meta", {}))
    model.load_state_dict(load_file(str(w_path)))
    if device is None:
        from core.device import get_device

        device = get_device()
    model.to(device).eval()
    model.checkpoint_info = {k: v for k, v in config.items() if k not in ("src_vocab", "tgt_vocab")}
    return model
