"""BERT attention for the attention page (issue #6): the weights of every layer and head of an
encoder loaded with eager attention, and the clearly UNTRAINED small encoder shown offline.
(core/attention/__init__.py keeps the plain tensor functions.)"""
from __future__ import annotations

from dataclasses import dataclass

import torch

from core import InvalidInput
from core.attention import MAX_TEXT_CHARS

# --- attention of a real model (BERT) -------------------------------------------------------------

MAX_MODEL_TOKENS = 128  # model view / head view: WordPiece tokens incl. [CLS]/[SEP]


@dataclass
class ModelAttention:
    """The attention weights of every layer and head of an encoder for one input.

    ``attn`` is a float32 numpy array (L, H, n, n): layer, head, query position, key position.
    """

    tokens: list[str]
    attn: "object"
    segments: list[int]
    special: list[bool]
    dropped: int = 0

    @property
    def n_layers(self) -> int:
        return int(self.attn.shape[0])

    @property
    def n_heads(self) -> int:
        return int(self.attn.shape[1])

    def without_special(self) -> "ModelAttention":
        """Drop the [CLS]/[SEP] rows and columns (rows then no longer sum to 1, as in bertviz)."""
        keep = [i for i, s in enumerate(self.special) if not s]
        if not keep:
            raise InvalidInput("特殊トークン（[CLS]/[SEP]）を除くと何も残りません。文を入力してください。",
                               en="Nothing is left without the special tokens ([CLS]/[SEP]). Enter a sentence.")
        a = self.attn[:, :, keep][:, :, :, keep]
        return ModelAttention([self.tokens[i] for i in keep], a, [self.segments[i] for i in keep],
                              [False] * len(keep), self.dropped)


def bert_attention(loaded, text_a: str, text_b: str | None = None, *,
                   max_tokens: int = MAX_MODEL_TOKENS) -> ModelAttention:
    """Run a BERT encoder (loaded with eager attention) with ``output_attentions=True``.

    ``loaded`` is a ``core.bert.models.LoadedModel`` (model + tokenizer). A sentence pair
    becomes ``[CLS] A [SEP] B [SEP]`` with token_type_ids 0/1. Longer inputs are cut to
    ``max_tokens`` WordPiece tokens; ``dropped`` says how many were cut.
    """
    from core.text import normalize_input, require_text

    text_a = require_text(text_a, max_chars=MAX_TEXT_CHARS, what="文 A")
    text_b = normalize_input(text_b or "") or None
    if text_b is not None:
        text_b = require_text(text_b, max_chars=MAX_TEXT_CHARS, what="文 B")
    tok, model = loaded.tokenizer, loaded.model
    max_tokens = int(min(max_tokens, getattr(loaded, "max_length", max_tokens) or max_tokens))
    full = len(tok(text_a, text_b, truncation=False)["input_ids"])
    enc = tok(text_a, text_b, truncation=True, max_length=max_tokens, return_tensors="pt",
              return_token_type_ids=True)
    ids = enc["input_ids"][0].tolist()
    device = next(model.parameters()).device
    with torch.inference_mode():
        out = model(**{k: v.to(device) for k, v in enc.items()}, output_attentions=True)
    if not out.attentions or out.attentions[0] is None:
        from core import ModelUnavailable

        raise ModelUnavailable("このモデルは注意の重みを返しません（attn_implementation=\"eager\" で読み込んでください）。",
                               en="This model does not return attention weights (load it with attn_implementation=\"eager\").")
    attn = torch.stack([a[0] for a in out.attentions]).float().cpu().numpy()
    special_ids = {i for i in (tok.cls_token_id, tok.sep_token_id, tok.pad_token_id) if i is not None}
    return ModelAttention(tokens=tok.convert_ids_to_tokens(ids), attn=attn,
                          segments=enc["token_type_ids"][0].tolist(),
                          special=[i in special_ids for i in ids], dropped=max(0, full - len(ids)))

