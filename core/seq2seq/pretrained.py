"""事前学習済み翻訳 (pretrained MT): Helsinki-NLP/opus-mt-ja-en (MarianMT, a Transformer
encoder–decoder) through ``generate``, loaded with eager attention so the cross-attention
(source–target attention) weights of every layer and head can be shown.

The model source (hub id or directory) comes from core.hub (task "translation"): the page's
override > PLAYGROUND_MODEL_TRANSLATION > the default id. Offline and not downloaded, loading
raises ModelUnavailable naming the model and the fetch command.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core import InputTooLong, InvalidInput, download, hub

TASK = "translation"
DEFAULT_MODEL_ID = hub.spec(TASK).default  # "Helsinki-NLP/opus-mt-ja-en"
MAX_INPUT_CHARS = 300
MAX_BEAM = 8


@dataclass
class LoadedMarian:
    source: str
    tokenizer: object
    model: object

    @property
    def device(self):
        return next(self.model.parameters()).device


def load_marian(source: str | None = None, device=None) -> LoadedMarian:
    """Tokenizer + MarianMTModel (eval mode, eager attention) from a hub id or a directory."""
    src = hub.resolve(TASK, source)
    found = download.locate_or_fetch(src)
    try:
        from transformers import MarianMTModel, MarianTokenizer

        tokenizer = MarianTokenizer.from_pretrained(found.load_arg)
        model = MarianMTModel.from_pretrained(found.load_arg, attn_implementation="eager",
                                              trust_remote_code=hub.TRUST_REMOTE_CODE)
    except Exception as exc:  # every loader failure becomes a clear message
        raise hub.unavailable_from_error(src, exc) from exc
    from core.device import get_device, inference_dtype

    device = device or get_device()
    model = model.to(device)
    if device.type == "cuda":
        model = model.to(inference_dtype())
    model.eval()
    return LoadedMarian(src, tokenizer, model)


@dataclass
class PretrainedTranslation:
    output: str
    src_tokens: list[str]
    out_tokens: list[str]
    cross_attention: np.ndarray  # (layers, heads, len(out_tokens), len(src_tokens))

    def layer_head(self, layer: int, head: int | None = None) -> np.ndarray:
        """One head's (out × src) map, or the mean over heads when head is None."""
        a = self.cross_attention[layer]
        return a.mean(axis=0) if head is None else a[head]


def translate_pretrained(loaded: LoadedMarian, text: str, beam: int = 4, max_new_tokens: int = 128) -> PretrainedTranslation:
    """Translate with generate(), then run the model once more on the chosen output (teacher
    forcing) with output_attentions=True: row t of layer l, head h is where the decoder looked
    while producing output token t."""
    import torch

    from core.text import normalize_input

    text = normalize_input(text or "")
    if not text:
        raise InvalidInput("翻訳する文を入力してください（空です）。",
                           en="Enter a sentence to translate (it is empty).")
    if len(text) > MAX_INPUT_CHARS:
        raise InputTooLong(f"入力が長すぎます（{len(text)} 文字）。{MAX_INPUT_CHARS} 文字以内にしてください。",
                           en=f"The input is too long ({len(text)} characters). Use at most {MAX_INPUT_CHARS}.")
    if not isinstance(beam, int) or not 1 <= beam <= MAX_BEAM:
        raise InvalidInput(f"ビーム幅 (beam width) は 1〜{MAX_BEAM} にしてください（{beam}）。",
                           en=f"The beam width must be 1–{MAX_BEAM} ({beam}).")
    tok, model = loaded.tokenizer, loaded.model
    max_pos = int(getattr(model.config, "max_position_embeddings", 512) or 512)
    max_new_tokens = max(1, min(max_new_tokens, max_pos - 2))  # positions beyond the table would fail
    enc = tok([text], return_tensors="pt", truncation=True, max_length=min(256, max_pos)).to(loaded.device)
    with torch.inference_mode():
        gen = model.generate(**enc, num_beams=beam, max_new_tokens=max_new_tokens, do_sample=False)
        out = model(**enc, decoder_input_ids=gen[:, :-1], output_attentions=True, return_dict=True)
    cross = torch.stack([a[0] for a in out.cross_attentions]).float().cpu().numpy()  # (L, H, T, S)
    produced = gen[0, 1:].tolist()
    return PretrainedTranslation(
        output=tok.decode(gen[0], skip_special_tokens=True),
        src_tokens=tok.convert_ids_to_tokens(enc["input_ids"][0].tolist()),
        out_tokens=tok.convert_ids_to_tokens(produced),
        cross_attention=cross)
