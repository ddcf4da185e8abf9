"""How BERT's pre-training data is made: the masked-LM procedure and next-sentence prediction.

Masked LM (Devlin et al. 2019): of the input tokens (not [CLS]/[SEP]), 15% are chosen; each
chosen token becomes [MASK] with probability 80%, a random vocabulary word with 10%, and stays
unchanged with 10%. The model must predict the ORIGINAL token at every chosen position:

    loss = − Σ_{i ∈ chosen} log P(x_i | x̃)      (x̃ = the corrupted sequence)

Next-sentence prediction: the input is ``[CLS] A [SEP] B [SEP]`` with segment ids
(token_type_ids) 0 for A and 1 for B; a 2-class linear layer on the pooled [CLS] vector says
whether B really follows A ("IsNext", 50% of training pairs) or is a random sentence.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from core import InvalidInput
from core.i18n import Text
from core.bert import fill_mask as fm
from core.text import require_text

P_CHOOSE = 0.15
P_MASK, P_RANDOM = 0.8, 0.1  # the remaining 0.1 keeps the token


@dataclass
class MaskDecision:
    position: int  # index in the token sequence (0 = [CLS])
    original: str
    action: str  # "mask" | "random" | "keep"
    became: str  # the token the model sees there
    predictions: list[tuple[str, float]] = field(default_factory=list)  # model's top-k at that position
    original_prob: float | None = None

    @property
    def recovered(self) -> bool:
        return bool(self.predictions) and self.predictions[0][0] == self.original

    def as_dict(self) -> dict:
        return {"position": self.position, "original": self.original, "action": self.action,
                "became": self.became, "predictions": [[t, p] for t, p in self.predictions],
                "original_prob": self.original_prob, "recovered": self.recovered}


@dataclass
class MaskingResult:
    tokens: list[str]  # original tokens with [CLS]/[SEP]
    corrupted: list[str]  # what the model sees
    decisions: list[MaskDecision]
    seed: int
    notes: list[str] = field(default_factory=list)


def choose(n_tokens: int, rng: random.Random, *, p_choose: float = P_CHOOSE,
           p_mask: float = P_MASK, p_random: float = P_RANDOM) -> list[tuple[int, str]]:
    """The procedure on token indices 0..n_tokens-1: round(15%) of them (at least one) are
    chosen, each gets "mask" (80%), "random" (10%) or "keep" (10%)."""
    if n_tokens <= 0:
        return []
    n_pick = max(1, round(n_tokens * p_choose))
    picked = sorted(rng.sample(range(n_tokens), n_pick))
    out = []
    for i in picked:
        u = rng.random()
        out.append((i, "mask" if u < p_mask else ("random" if u < p_mask + p_random else "keep")))
    return out


def procedure_stats(n_tokens: int = 100, trials: int = 2000, seed: int = 0) -> dict:
    """Empirical shares over many draws (no model): chosen ≈ 15%, of those ≈ 80/10/10."""
    rng = random.Random(seed)
    counts = {"mask": 0, "random": 0, "keep": 0}
    chosen = 0
    for _ in range(trials):
        for _, action in choose(n_tokens, rng):
            counts[action] += 1
            chosen += 1
    return {"chosen_share": chosen / (n_tokens * trials),
            **{f"{k}_share": v / max(1, chosen) for k, v in counts.items()}, "trials": trials}


def _random_token_ids(tokenizer) -> list[int]:
    special = set(fm.special_ids(tokenizer))
    vocab = tokenizer.get_vocab()
    return sorted(i for t, i in vocab.items() if i not in special and not t.startswith("[unused"))


def apply(loaded, text: str, *, seed: int = 0, top_k: int = 5, predict: bool = True) -> MaskingResult:
    """Apply the 15% / 80-10-10 procedure to ``text`` (seeded) and, with ``predict``, ask the
    model for the original token at every chosen position (one forward pass)."""
    text = require_text(text, max_chars=fm.MAX_CHARS, what="文")
    try:
        seed = int(seed)
    except (TypeError, ValueError):
        raise InvalidInput("シード (seed) は整数にしてください。",
                           en="The seed must be an integer.") from None
    ids, tokens, notes = fm.encode(loaded, text)
    n = len(ids) - 2
    if n < 1:
        raise InvalidInput("トークンがありません。文を入力してください。",
                           en="There are no tokens. Enter a sentence.")
    rng = random.Random(seed)
    tok = loaded.tokenizer
    pool = _random_token_ids(tok)
    corrupted_ids = list(ids)
    decisions: list[MaskDecision] = []
    for j, action in choose(n, rng):
        i = j + 1  # skip [CLS]
        if action == "mask":
            corrupted_ids[i] = tok.mask_token_id
        elif action == "random":
            corrupted_ids[i] = rng.choice(pool)
        decisions.append(MaskDecision(i, tokens[i], action, tok.convert_ids_to_tokens(corrupted_ids[i])))
    if n < 7:
        notes.append(Text("bert.mlm.note.rounded", n=n, k=len(decisions)))
    if predict and decisions:
        positions = [d.position for d in decisions]
        logits = fm.mask_logits(loaded, corrupted_ids, positions)
        cands, probs = fm.top_candidates(loaded, logits, top_k)
        for d, c, p in zip(decisions, cands, probs):
            d.predictions = c
            d.original_prob = float(p[ids[d.position]])
    return MaskingResult(tokens=tokens, corrupted=tok.convert_ids_to_tokens(corrupted_ids),
                         decisions=decisions, seed=seed, notes=notes)


@dataclass
class NSPResult:
    tokens: list[str]  # [CLS] A [SEP] B [SEP]
    token_type_ids: list[int]  # 0 for A (and [CLS], first [SEP]), 1 for B
    is_next: float | None  # P(IsNext); None when the checkpoint has no NSP head
    has_head: bool
    notes: list[str] = field(default_factory=list)


def next_sentence(loaded, sentence_a: str, sentence_b: str) -> NSPResult:
    """Build the NSP input and, when the checkpoint has a trained NSP head, P(IsNext) =
    softmax(W_nsp · pooled_[CLS])_0."""
    import torch

    a = require_text(sentence_a, max_chars=500, what="文 A")
    b = require_text(sentence_b, max_chars=500, what="文 B")
    tok = loaded.tokenizer
    piece_a, piece_b = tok.tokenize(a), tok.tokenize(b)
    room = loaded.max_length - 3
    notes: list[str] = []
    if len(piece_a) + len(piece_b) > room:
        keep_a = min(len(piece_a), room // 2)
        piece_a, piece_b = piece_a[:keep_a], piece_b[:room - keep_a]
        notes.append(Text("bert.mlm.note.cut", room=room))
    tokens = [tok.cls_token, *piece_a, tok.sep_token, *piece_b, tok.sep_token]
    # segment ids (token_type_ids): 0 for [CLS] A [SEP], 1 for B [SEP]
    tt = [0] * (len(piece_a) + 2) + [1] * (len(piece_b) + 1)
    input_ids = tok.convert_tokens_to_ids(tokens)
    head = getattr(getattr(loaded.model, "cls", None), "seq_relationship", None)
    encoder = getattr(loaded.model, "bert", None)
    if not loaded.has_nsp or head is None or encoder is None:
        return NSPResult(tokens, tt, None, False, notes + [
                         Text("bert.nsp.note.no_head")])
    dev = loaded.device
    with torch.inference_mode():
        out = encoder(input_ids=torch.tensor([input_ids], device=dev),
                      token_type_ids=torch.tensor([tt], device=dev))
        logits = head(out.pooler_output).float()
        p = torch.softmax(logits, dim=-1)[0]
    return NSPResult(tokens, tt, float(p[0]), True, notes)
