"""Fill-mask with BERT's masked-language-model head, and the tokenization inspector.

For each [MASK] at position i the model gives a distribution over the vocabulary:

    P(w | context) = softmax(W_out · LayerNorm(GELU(W · h_i)) + b)_w

where h_i is the last encoder layer's vector at i. All masks are predicted in ONE forward pass
and independently of each other (BERT does not see its own guesses for the other masks).
Our path runs the encoder once and applies the vocabulary head only at the mask positions
(the other positions' 32,768-way outputs are never needed).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from core import InvalidInput
from core.i18n import Text
from core.text import require_text

MAX_MASKS = 20  # predicted per request; more are left as [MASK] with a notice
MAX_CHARS = 2000
DEFAULT_TOP_K = 5
MAX_TOP_K = 50
MASK = "[MASK]"
# what people type for a blank: ＿＿ (2+ full-width underscores), __ , ［MASK］, [mask], ［ＭＡＳＫ］
_ALIASES = re.compile(r"＿{2,}|_{2,}|[［\[]\s*(?:MASK|mask|Mask|ＭＡＳＫ)\s*[］\]]")


def normalize_masks(text: str) -> str:
    """Turn ＿＿ / ［MASK］ / [mask] … into the model's [MASK] token."""
    return _ALIASES.sub(MASK, text)


@dataclass
class MaskPrediction:
    position: int  # index in the token sequence (0 = [CLS])
    candidates: list[tuple[str, float]]  # (token, probability), best first
    original: str | None = None  # click-to-mask: the token that was there
    original_prob: float | None = None
    original_rank: int | None = None  # 1 = the model's top choice

    def as_dict(self) -> dict:
        d = {"position": self.position, "candidates": [[t, p] for t, p in self.candidates]}
        if self.original is not None:
            d.update(original=self.original, original_prob=self.original_prob, original_rank=self.original_rank)
        return d


@dataclass
class FillMaskResult:
    masks: list[MaskPrediction]
    filled: str  # the text with each predicted [MASK] replaced by its top candidate
    tokens: list[str]  # the model's input tokens ([CLS] … [SEP]) after truncation
    notes: list[str] = field(default_factory=list)  # truncation / cap notices (Japanese)

    def as_dict(self) -> dict:
        return {"masks": [m.as_dict() for m in self.masks], "filled": self.filled}


def strip_piece(token: str) -> str:
    """WordPiece continuation pieces carry '##': '##し' → 'し'."""
    return token[2:] if token.startswith("##") else token


def join_pieces(tokens: list[str]) -> str:
    """Re-join tokens without the spaces decode() puts between Japanese words."""
    return "".join(strip_piece(t) for t in tokens)


def special_ids(tokenizer) -> list[int]:
    ids = set(tokenizer.all_special_ids or [])
    return sorted(i for i in ids if i is not None and i >= 0)


def encode(loaded, text: str, *, max_length: int | None = None):
    """Tokenize ``text`` for the model: ([CLS] ids [SEP], tokens, notes). Over max_length
    tokens the text is truncated (a notice says how many tokens were dropped)."""
    tok = loaded.tokenizer
    limit = int(max_length or loaded.max_length)
    pieces = tok.tokenize(text)
    notes: list[str] = []
    room = limit - 2
    if len(pieces) > room:
        dropped = len(pieces) - room
        notes.append(Text("bert.fm.note.cut", room=room, dropped=dropped, limit=limit))
        pieces = pieces[:room]
    tokens = [tok.cls_token, *pieces, tok.sep_token]
    ids = tok.convert_tokens_to_ids(tokens)
    return ids, tokens, notes


def _mlm_head(model):
    """(encoder, head) of a BERT masked LM, or (None, None) for other architectures."""
    encoder = getattr(model, "bert", None)
    cls = getattr(model, "cls", None)
    head = getattr(cls, "predictions", None)
    return encoder, head


def mask_logits(loaded, ids: list[int], positions: list[int], token_type_ids: list[int] | None = None):
    """Vocabulary logits at ``positions`` (tensor [len(positions), vocab]) in one forward pass."""
    import torch

    model = loaded.model
    dev = loaded.device
    input_ids = torch.tensor([ids], device=dev)
    tt = torch.tensor([token_type_ids], device=dev) if token_type_ids is not None else torch.zeros_like(input_ids)
    encoder, head = _mlm_head(model)
    with torch.inference_mode():
        if encoder is not None and head is not None:
            h = encoder(input_ids=input_ids, token_type_ids=tt).last_hidden_state  # [1, n, d]
            logits = head(h[0, positions])  # only the mask positions: [m, vocab]
        else:
            out = model(input_ids=input_ids, token_type_ids=tt)
            logits = out.logits[0, positions]
    return logits.float()


def top_candidates(loaded, logits, k: int):
    """Top-k (token, prob) per row; special tokens ([PAD], [CLS], [SEP], [MASK], [UNK]) are skipped."""
    import torch

    probs = torch.softmax(logits, dim=-1)
    special = special_ids(loaded.tokenizer)
    if special:
        probs[:, special] = 0.0
    values, indices = probs.topk(min(k, probs.shape[-1]), dim=-1)
    tok = loaded.tokenizer
    out = []
    for vals, idx in zip(values.tolist(), indices.tolist()):
        out.append([(t, float(p)) for t, p in zip(tok.convert_ids_to_tokens(idx), vals)])
    return out, probs


def _check_top_k(top_k: int) -> int:
    try:
        k = int(top_k)
    except (TypeError, ValueError):
        raise InvalidInput("候補の数 (top-k) は整数で指定してください。",
                           en="Give the number of candidates (top-k) as an integer.") from None
    if not 1 <= k <= MAX_TOP_K:
        raise InvalidInput(f"候補の数 (top-k) は 1〜{MAX_TOP_K} にしてください。",
                           en=f"The number of candidates (top-k) must be 1–{MAX_TOP_K}.")
    return k


def fill_mask(loaded, text: str, *, top_k: int = DEFAULT_TOP_K) -> FillMaskResult:
    """Predict every [MASK] of ``text`` (up to MAX_MASKS). ＿＿ / ［MASK］ are accepted too."""
    k = _check_top_k(top_k)
    text = normalize_masks(require_text(text, max_chars=MAX_CHARS, what="文"))
    n_typed = text.count(MASK)
    if n_typed == 0:
        raise InvalidInput("文に [MASK] がありません。予測させたい場所に [MASK]（または ＿＿）を入れてください。"
                           "例: 東北大学で[MASK]の研究をしています。",
                           en="The sentence has no [MASK]. Put [MASK] (or ＿＿) where the model should predict a word. "
                              "Example: 東北大学で[MASK]の研究をしています。")
    ids, tokens, notes = encode(loaded, text)
    mask_id = loaded.tokenizer.mask_token_id
    positions = [i for i, t in enumerate(ids) if t == mask_id]
    if len(positions) < n_typed:
        notes.append(Text("bert.fm.note.masks_cut", n=n_typed - len(positions)))
    if len(positions) > MAX_MASKS:
        notes.append(Text("bert.fm.note.too_many", n=len(positions), max=MAX_MASKS))
        positions = positions[:MAX_MASKS]
    if len(positions) > 1:
        n_words = max(1, len(ids) - 2)
        if len(positions) / n_words > 0.3:
            notes.append(Text("bert.fm.note.dense"))
    if not positions:
        raise InvalidInput("予測できる [MASK] が残っていません（文が長すぎて切り捨てられました）。[MASK] を文の前のほうに置いてください。",
                           en="No [MASK] is left to predict (the sentence was too long and was cut). Put [MASK] nearer the start of the sentence.")
    logits = mask_logits(loaded, ids, positions)
    cands, _ = top_candidates(loaded, logits, k)
    masks = [MaskPrediction(p, c) for p, c in zip(positions, cands)]
    # re-join: keep the user's own text between the masks, put the top candidate into each
    parts = text.split(MASK)
    filled = parts[0]
    for j, part in enumerate(parts[1:]):
        filled += (strip_piece(masks[j].candidates[0][0]) if j < len(masks) else MASK) + part
    return FillMaskResult(masks=masks, filled=filled, tokens=tokens, notes=notes)


def predict_at(loaded, text: str, index: int, *, top_k: int = DEFAULT_TOP_K) -> FillMaskResult:
    """Click-to-mask: replace the token at ``index`` (0 = [CLS]) by [MASK] and predict it.
    Also reports the probability and rank of the token that was there."""
    k = _check_top_k(top_k)
    text = require_text(text, max_chars=MAX_CHARS, what="文")
    ids, tokens, notes = encode(loaded, text)
    if not 1 <= index <= len(ids) - 2:
        raise InvalidInput(f"位置 {index} のトークンはありません（1〜{len(ids) - 2} を選んでください）。",
                           en=f"There is no token at position {index} (choose 1–{len(ids) - 2}).")
    original_id = ids[index]
    masked = list(ids)
    masked[index] = loaded.tokenizer.mask_token_id
    logits = mask_logits(loaded, masked, [index])
    cands, probs = top_candidates(loaded, logits, k)
    p = probs[0]
    p_orig = float(p[original_id])
    rank = int((p > p_orig).sum().item()) + 1
    pred = MaskPrediction(index, cands[0], original=tokens[index], original_prob=p_orig, original_rank=rank)
    filled_tokens = list(tokens[1:-1])
    filled_tokens[index - 1] = cands[0][0][0]
    return FillMaskResult(masks=[pred], filled=join_pieces(filled_tokens), tokens=tokens, notes=notes)


@dataclass
class WordRow:
    word: str  # MeCab word (形態素)
    pieces: list[str]  # its WordPiece pieces (## = continues the previous piece)
    ids: list[int]


def inspect_tokens(loaded_or_tokenizer, text: str) -> list[WordRow]:
    """MeCab → WordPiece → ids, word by word (BertJapaneseTokenizer's two stages)."""
    tok = getattr(loaded_or_tokenizer, "tokenizer", loaded_or_tokenizer)
    text = require_text(text, max_chars=MAX_CHARS, what="文")
    word_tok = getattr(tok, "word_tokenizer", None)
    sub_tok = getattr(tok, "subword_tokenizer", None)
    rows: list[WordRow] = []
    if word_tok is not None and sub_tok is not None:
        never = [t for t in (getattr(tok, "all_special_tokens", []) or []) if t]
        pattern = "(" + "|".join(re.escape(t) for t in sorted(never, key=len, reverse=True)) + ")"
        for segment in (re.split(pattern, text) if never else [text]):
            if not segment.strip():
                continue
            words = [segment] if segment in never else word_tok.tokenize(segment)
            for w in words:
                pieces = [w] if w in never else sub_tok.tokenize(w)
                rows.append(WordRow(w, pieces, tok.convert_tokens_to_ids(pieces)))
    else:  # another tokenizer: one row per token
        for p in tok.tokenize(text):
            rows.append(WordRow(strip_piece(p), [p], tok.convert_tokens_to_ids([p])))
    return rows
