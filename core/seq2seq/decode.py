"""Decoding: greedy search and beam search, with the attention matrix of the chosen output.

Greedy: y_t = argmax_y p(y | y_<t, x). Beam search (width k): keep the k partial outputs with
the highest log-probability log p(y_1…y_t | x) = Σ log p(y_i | y_<i, x); a hypothesis ends at
</s>; the candidates are the finished hypotheses, best first, with their log-probabilities.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import torch

from core import InputTooLong, InvalidInput, OutOfVocabulary
from core.device import cpu_threads
from core.seq2seq.data import BOS_ID, EOS, EOS_ID, detokenize, prepare, tokenize
from core.seq2seq.model import Seq2Seq, state_map

MAX_BEAM = 20
MAX_INPUT_CHARS = 300


@dataclass
class Translation:
    """output: the best output text; candidates: [(text, logprob)], best first; attention:
    (len(out_tokens), len(src_tokens)) weights a_t(s) of the best output (zeros for a model
    without attention; a Transformer's: its last layer, averaged over the heads); out_tokens end
    with "</s>"; extra["cross"] (Transformer only): (layers, heads, len(out_tokens), len(src_tokens))."""

    output: str
    candidates: list[tuple[str, float]]
    attention: np.ndarray
    src_tokens: list[str]
    out_tokens: list[str]
    has_attention: bool = True
    beam: int = 1
    extra: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"output": self.output, "candidates": [[t, float(lp)] for t, lp in self.candidates],
                "attention": self.attention.round(6).tolist(), "src_tokens": self.src_tokens,
                "out_tokens": self.out_tokens}


def check_beam(beam) -> int:
    try:
        k = int(beam)
    except (TypeError, ValueError):
        raise InvalidInput(f"ビーム幅 (beam width) は整数で指定してください（{beam!r}）。",
                           en=f"Give the beam width as an integer ({beam!r}).") from None
    if k != beam or not 1 <= k <= MAX_BEAM:
        raise InvalidInput(f"ビーム幅 (beam width) は 1〜{MAX_BEAM} の整数にしてください（{beam}）。"
                           "1 は貪欲法 (greedy) です。",
                           en=f"The beam width must be an integer from 1 to {MAX_BEAM} ({beam}). "
                              "1 is greedy search.")
    return k


def source_tokens(model: Seq2Seq, text: str) -> list[str]:
    """Validate and tokenise one input the way the model was trained."""
    from core.text import normalize_input

    cleaned = normalize_input(text if text is not None else "")
    if not cleaned:
        raise InvalidInput("入力が空です。変換したい文字列を入力してください（例: 平成6年9月27日）。",
                           en="The input is empty. Enter the text to convert (e.g. 平成6年9月27日).")
    if len(cleaned) > MAX_INPUT_CHARS:
        raise InputTooLong(f"入力が長すぎます（{len(cleaned)} 文字）。{MAX_INPUT_CHARS} 文字以内にしてください。",
                           en=f"The input is too long ({len(cleaned)} characters). Use at most {MAX_INPUT_CHARS}.")
    meta = model.meta
    tokens = tokenize(prepare(cleaned, meta.get("normalize", "")), meta.get("src_level", "char"))
    unknown = model.src_vocab.unknown(tokens)
    if unknown:
        shown = "、".join(" " if u == "▁" else u for u in unknown[:10])
        raise OutOfVocabulary(
            f"学習データにない{'文字' if meta.get('src_level') == 'char' else '単語'}が含まれています: 「{shown}」。"
            "学習データに出てくる文字・単語だけで入力してください（語彙外 (out of vocabulary)）。",
            en=f"It contains {'characters' if meta.get('src_level') == 'char' else 'words'} not in the training data: \"{shown}\". "
               "Use only characters and words that appear in the training data (out of vocabulary).",
            word=unknown[0], suggestions=[])
    max_len = int(meta.get("max_src_len", 10**6))
    if len(tokens) > max_len:
        raise InputTooLong(
            f"入力が学習データのどれよりも長すぎます（{len(tokens)} トークン、学習データの最長は {max_len}）。"
            "短くしてください。",
            en=f"The input is longer than anything in the training data ({len(tokens)} tokens; the longest there is {max_len}). "
               "Shorten it.")
    return tokens


def _encode(model: Seq2Seq, tokens: list[str]):
    device = next(model.parameters()).device
    ids = model.src_vocab.encode(tokens)
    if model.config.reverse_input:
        ids = ids[::-1]
    src = torch.tensor([ids], dtype=torch.long, device=device)
    src_len = torch.tensor([len(ids)], dtype=torch.long, device=device)
    enc, state = model.encode(src, src_len)
    mask = torch.ones(1, len(ids), dtype=torch.bool, device=device)
    return enc, state, mask


def _max_out(model: Seq2Seq) -> int:
    return int(model.meta.get("max_tgt_len", 50)) * 2 + 5


def greedy(model: Seq2Seq, tokens: list[str]):
    enc, state, mask = _encode(model, tokens)
    y = torch.tensor([BOS_ID], device=enc.device)
    out, rows, logp_sum = [], [], 0.0
    for _ in range(_max_out(model)):
        logp, state, a = model.step(y, state, enc, mask)
        lp, y = logp.max(-1)
        logp_sum += float(lp)
        out.append(int(y))
        rows.append(a[0].cpu().numpy() if a is not None else np.zeros(len(tokens), dtype=np.float32))
        if int(y) == EOS_ID:
            break
    return [(out, logp_sum, np.stack(rows))]


def beam_search(model: Seq2Seq, tokens: list[str], k: int):
    """Returns up to k (ids, logprob, attention rows) hypotheses, best first."""
    enc, state, mask = _encode(model, tokens)
    S = len(tokens)
    device = enc.device
    seqs: list[list[int]] = [[]]
    rows: list[list[np.ndarray]] = [[]]
    scores = torch.zeros(1, device=device)
    y = torch.tensor([BOS_ID], device=device)
    finished: list[tuple[list[int], float, np.ndarray]] = []
    for _ in range(_max_out(model)):
        n = len(seqs)
        enc_n, mask_n = enc.expand(n, -1, -1), mask.expand(n, -1)
        logp, state, a = model.step(y, state, enc_n, mask_n)
        total = scores.unsqueeze(1) + logp  # (n, V)
        top_s, top_i = total.view(-1).topk(min(2 * k, total.numel()))
        V = logp.shape[1]
        new_seqs, new_rows, new_scores, keep = [], [], [], []
        a_np = a.cpu().numpy() if a is not None else np.zeros((n, S), dtype=np.float32)
        for s, flat in zip(top_s.tolist(), top_i.tolist()):
            b, tok = divmod(flat, V)
            hyp_rows = rows[b] + [a_np[b]]
            if tok == EOS_ID:
                finished.append((seqs[b] + [tok], s, np.stack(hyp_rows)))
            else:
                new_seqs.append(seqs[b] + [tok])
                new_rows.append(hyp_rows)
                new_scores.append(s)
                keep.append(b)
            if len(new_seqs) == k:
                break
        finished.sort(key=lambda h: -h[1])
        # log-probabilities only fall: stop once k hypotheses ended and no live one can beat them
        if not new_seqs or (len(finished) >= k and new_scores[0] < finished[k - 1][1]):
            break
        idx = torch.tensor(keep, device=device)
        state = state_map(state, lambda t, idx=idx: t.index_select(1, idx))
        seqs, rows = new_seqs, new_rows
        scores = torch.tensor(new_scores, device=device)
        y = torch.tensor([s[-1] for s in seqs], device=device)
    if len(finished) < k:  # out of steps: unfinished hypotheses count as candidates too
        finished += [(sq, sc, np.stack(r)) for sq, sc, r in zip(seqs, scores.tolist(), rows) if r]
        finished.sort(key=lambda h: -h[1])
    return finished[:k]


def translate(model: Seq2Seq, text: str, beam: int = 1) -> Translation:
    """The input → output, the candidates with log-probabilities and the attention matrix."""
    k = check_beam(beam)
    tokens = source_tokens(model, text)
    level = model.meta.get("tgt_level", "char")
    extra = {}
    with torch.inference_mode(), cpu_threads(1, next(model.parameters()).device):
        hyps = greedy(model, tokens) if k == 1 else beam_search(model, tokens, k)
        if model.config.cell == "transformer":  # every layer and head: (N, h, T_out, S)
            src_ids = model.src_vocab.encode(tokens)[::-1 if model.config.reverse_input else 1]
            cross = model.cross_attention(src_ids, hyps[0][0]).cpu().numpy()
            extra["cross"] = cross[..., ::-1].copy() if model.config.reverse_input else cross
    candidates = []
    for ids, lp, _ in hyps:
        candidates.append((detokenize(model.tgt_vocab.decode(ids), level), float(lp)))
    best_ids, _, att = hyps[0]
    out_tokens = model.tgt_vocab.decode(best_ids)
    if best_ids and best_ids[-1] == EOS_ID:
        out_tokens = out_tokens + [EOS]
    att = np.asarray(att, dtype=np.float32)[:len(out_tokens)]
    if model.config.reverse_input:
        att = att[:, ::-1].copy()
    return Translation(output=candidates[0][0], candidates=candidates, attention=att,
                       src_tokens=list(tokens), out_tokens=out_tokens,
                       has_attention=model.config.attention != "none", beam=k, extra=extra)
