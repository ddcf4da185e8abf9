"""BERT attention for the attention page (issue #6): the weights of every layer and head of an
encoder loaded with eager attention, and the clearly UNTRAINED small encoder shown offline.
(Split from core/attention.py, which keeps the plain tensor functions.)"""
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
            raise InvalidInput("特殊トークン（[CLS]/[SEP]）を除くと何も残りません。文を入力してください。")
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

        raise ModelUnavailable("このモデルは注意の重みを返しません（attn_implementation=\"eager\" で読み込んでください）。")
    attn = torch.stack([a[0] for a in out.attentions]).float().cpu().numpy()
    special_ids = {i for i in (tok.cls_token_id, tok.sep_token_id, tok.pad_token_id) if i is not None}
    return ModelAttention(tokens=tok.convert_ids_to_tokens(ids), attn=attn,
                          segments=enc["token_type_ids"][0].tolist(),
                          special=[i in special_ids for i in ids], dropped=max(0, full - len(ids)))


UNTRAINED = dict(hidden_size=64, num_hidden_layers=4, num_attention_heads=4, intermediate_size=128,
                 max_position_embeddings=512, type_vocab_size=2, pad_token_id=0,
                 initializer_range=0.2)  # larger than BERT's 0.02: random but not uniform patterns
UNTRAINED_VERSION = 2  # bump when the recipe changes (the cache dir name carries it)
KANA = "".join(chr(c) for c in range(0x3041, 0x3097)) + "".join(chr(c) for c in range(0x30A1, 0x30FB)) + "ー"
EXTRA_TEXT = ("猫が窓のそばで寝ている。それはとても気持ちよさそうだ。私は甘いバナナが好きです。"
              "彼女は昨日図書館で借りた本を今日返した。犬が公園を走っている。" + KANA)


def untrained_encoder_dir():
    """Where the app keeps the untrained demo encoder (versioned: a new build gets a new folder)."""
    from core.paths import cache_dir

    return cache_dir(f"attention-untrained-encoder-v{UNTRAINED_VERSION}")


def build_untrained_encoder(out_dir=None, *, seed: int = 0):
    """A small RANDOM BERT encoder (4 layers × 4 heads, d=64) with a BertJapaneseTokenizer
    (MeCab + WordPiece, vocabulary from core.bert.tiny), marked ``playground_untrained``.
    Offline stand-in so the model view / head view can be explored without the hub."""
    import json
    import pathlib

    from transformers import BertConfig, BertModel
    from transformers.utils import logging as tlog

    from core.bert import tiny

    tlog.disable_progress_bar()
    out = pathlib.Path(out_dir) if out_dir is not None else untrained_encoder_dir()
    if (out / "config.json").is_file() and (out / "vocab.txt").is_file():
        return out
    vocab = tiny.build_vocab(tiny.SAMPLE_TEXT + EXTRA_TEXT)
    cfg = BertConfig(vocab_size=len(vocab), **UNTRAINED)
    cfg.playground_untrained = True
    torch.manual_seed(seed)
    model = BertModel(cfg).eval()
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(out), safe_serialization=True)
    (out / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    (out / "tokenizer_config.json").write_text(json.dumps(tiny.TOKENIZER_CONFIG, ensure_ascii=False, indent=2),
                                               encoding="utf-8")
    return out
