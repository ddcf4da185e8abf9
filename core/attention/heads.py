"""Attention heads that do something (the Transformer paper's figures 3–5, in Japanese): search
every layer × head of a BERT for the head that attends most from one word to another.

For a word span F (the query tokens of, e.g., the pronoun その) and a word span T (the key
tokens of its antecedent 法律), head (l, h) with weights α^{l,h} ∈ R^{n×n} scores

    w(l, h) = mean_{q ∈ F} Σ_{k ∈ T} α^{l,h}_{q,k}          (the share of F's attention on T)

and the search returns argmax_{l,h} w. It is honest about failure: the best head only "does
it" when w is at least twice what uniform attention would give (|T| / n) and at least 1.5 times
the attention the other words pay to T (a head that looks at T from everywhere is not resolving
the pronoun). Otherwise ``found`` is False and the page says that no head does it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from core import InvalidInput

CLS = "[CLS]"  # as a from-word: the sentence vector a classifier reads
MIN_OVER_UNIFORM = 2.0
MIN_OVER_OTHERS = 1.5

# The paper's examples as Japanese presets: (key, text, from word, to word)
PRESETS = [
    ("pronoun", "法律は決して完璧にはならないが、その適用は公正であるべきだ。", "その", "法律"),
    ("distant", "多くの州が、登録や投票の手続きをより難しくする新しい法律を可決した。", "難しく", "手続き"),
    ("animal", "猫が窓のそばで寝ている。それはとても気持ちよさそうだ。", "それ", "猫"),
    # the notes' review example: in sentiment, attention gathers on the polar words ([CLS] → 親切)
    ("sentiment", "部屋は狭かったが、スタッフはとても親切で、朝食も最高だった。", CLS, "親切"),
]


@dataclass
class HeadSearch:
    layer: int
    head: int
    weight: float  # w(layer, head)
    scores: np.ndarray  # (L, H): w for every head
    from_positions: list[int]
    to_positions: list[int]
    tokens: list[str]
    uniform: float  # |T| / n
    others: float  # the best head's attention into T from the other (non-special, non-F) tokens
    found: bool
    attention: np.ndarray = field(repr=False, default=None)  # (n, n) of the best head

    def as_dict(self) -> dict:
        return {"layer": self.layer, "head": self.head, "weight": round(float(self.weight), 6),
                "found": self.found, "uniform": round(self.uniform, 6), "others": round(float(self.others), 6),
                "from_tokens": [self.tokens[i] for i in self.from_positions],
                "to_tokens": [self.tokens[i] for i in self.to_positions]}


def token_surfaces(tokenizer, text: str, tokens: list[str], special: list[bool]) -> list[str]:
    """What each token stands for in ``text``. For a MeCab + WordPiece tokenizer (Japanese BERT)
    a word the vocabulary lacks becomes one [UNK]: its surface is the MeCab word, so 法律 is
    found even as [UNK]. Otherwise (or if the counts disagree) the tokens themselves."""
    plain = [tok.removeprefix("##") for tok in tokens]
    words = getattr(tokenizer, "word_tokenizer", None)
    pieces = getattr(tokenizer, "subword_tokenizer", None)
    if words is None or pieces is None:
        return plain
    try:
        surfaces = []
        for w in words.tokenize(text):
            ps = pieces.tokenize(w)
            if ps == [tokenizer.unk_token] or len(ps) == 1:
                surfaces.append(w)
            else:
                surfaces += [p.removeprefix("##") for p in ps]
    except Exception:  # noqa: BLE001 - any tokenizer quirk: fall back to the tokens
        return plain
    inner = [i for i, sp in enumerate(special) if not sp]
    if len(surfaces) < len(inner) or any(tokens[i] != tokenizer.unk_token and plain[i] != surfaces[k]
                                         for k, i in enumerate(inner)):
        return plain
    out = list(plain)
    for k, i in enumerate(inner):
        out[i] = surfaces[k]
    return out


def word_positions(tokens: list[str], special: list[bool], word: str, *, avoid: set[int] = frozenset()) -> list[int]:
    """Token positions covering the first occurrence of ``word`` in the text the tokens spell
    (WordPiece '##' removed, special tokens skipped) that does not overlap ``avoid``. ``tokens``
    may be the surfaces of token_surfaces (so [UNK] words are found too)."""
    from core.text import normalize_input

    word = normalize_input(word or "").replace(" ", "")
    if not word:
        raise InvalidInput("探す単語が空です。", en="The word to look for is empty.")
    if word.upper() == CLS and special and special[0]:
        return [0]  # [CLS] itself (what a sentence classifier reads)
    spelled, owner = "", []
    for i, (tok, sp) in enumerate(zip(tokens, special)):
        if sp:
            continue
        piece = tok.removeprefix("##")
        spelled += piece
        owner += [i] * len(piece)
    start = spelled.find(word)
    while start >= 0:
        pos = sorted(set(owner[start:start + len(word)]))
        if not set(pos) & set(avoid):
            return pos
        start = spelled.find(word, start + 1)
    raise InvalidInput(f"「{word}」が文のトークンに見つかりません（トークン: {' '.join(tokens)}）。"
                       "文に含まれる語を選んでください（語彙にない文字は [UNK] になります）。",
                       en=f"\"{word}\" is not among the sentence's tokens ({' '.join(tokens)}). Pick a word of the "
                          "sentence (characters missing from the vocabulary become [UNK]).")


def search(attn: np.ndarray, tokens: list[str], special: list[bool], from_word: str, to_word: str,
           surfaces: list[str] | None = None) -> HeadSearch:
    """The head search on precomputed weights ``attn`` (L, H, n, n)."""
    F = word_positions(surfaces or tokens, special, from_word)
    T = word_positions(surfaces or tokens, special, to_word, avoid=set(F))
    A = np.asarray(attn, dtype=np.float64)
    scores = A[:, :, F][:, :, :, T].sum(-1).mean(-1)  # (L, H)
    layer, head = np.unravel_index(int(scores.argmax()), scores.shape)
    weight = float(scores[layer, head])
    n = len(tokens)
    inner = [i for i in range(n) if not special[i]]
    if F == [0] and special[0]:  # from [CLS]: compare with what [CLS] pays to as many other words
        rest_keys = [i for i in inner if i not in T]
        others = float(A[layer, head][0, rest_keys].mean()) * len(T) if rest_keys else 0.0
    else:
        rest = [i for i in inner if i not in F and i not in T]
        others = float(A[layer, head][rest][:, T].sum(-1).mean()) if rest else 0.0
    uniform = len(T) / n
    found = weight >= MIN_OVER_UNIFORM * uniform and weight >= MIN_OVER_OTHERS * others
    return HeadSearch(int(layer), int(head), weight, scores.astype(np.float32), F, T, list(tokens), uniform,
                      others, bool(found), attention=A[layer, head].astype(np.float32))


def find_head(loaded, text: str, from_word: str, to_word: str) -> HeadSearch:
    """Run the encoder (eager attention, every layer and head) on ``text`` and search it."""
    from core.attention.bert import bert_attention

    ma = bert_attention(loaded, text)
    surfaces = token_surfaces(loaded.tokenizer, text, ma.tokens, ma.special)
    return search(ma.attn, ma.tokens, ma.special, from_word, to_word, surfaces)
