"""Queries on word vectors: neighbours, similarity of two words, the odd one out, analogy.

Every query goes through ``vectors.resolve`` (as typed → Sudachi → lemma → phrase) and returns
the Resolution of each input so a page can say how a word was found.

Cosine similarity: cos(a, b) = a·b / (‖a‖ ‖b‖). Analogy (3CosAdd, as gensim's most_similar):
the answer d maximises cos(d, b̂ − â + ĉ) over the vocabulary minus the question words, with
â = a / ‖a‖ — e.g. 王様 − 男 + 女 ≈ 女王 (positive 王様, 女; negative 男).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from core import InvalidInput, term_en
from core.word2vec.vectors import Resolution, query_item, word_vector

MAX_TOPN = 100
MAX_WORDS = 30  # words in one list field (doesnt_match, analogy sides, projection lists)

_SPLIT = re.compile(r"[\s,，、;；/／]+")


def check_topn(topn, *, maximum: int = MAX_TOPN) -> int:
    try:
        n = int(topn)
    except (TypeError, ValueError) as exc:
        raise InvalidInput(f"件数 (top-N) は 1〜{maximum} の整数で指定してください。",
                           en=f"Give the count (top-N) as an integer from 1 to {maximum}.") from exc
    if n < 1 or n > maximum:
        raise InvalidInput(f"件数 (top-N) が {n:,} です。1〜{maximum} の範囲で指定してください。",
                           en=f"The count (top-N) is {n:,}. Give a number from 1 to {maximum}.")
    return n


def split_words(text: str, *, what: str = "単語リスト", maximum: int = MAX_WORDS) -> list[str]:
    """'犬 猫、車' → ['犬', '猫', '車'] (space, comma, 、 separate words)."""
    if text is None:
        text = ""
    if isinstance(text, (list, tuple)):
        words = [str(w).strip() for w in text]
    else:
        if len(text) > 2000:
            from core import InputTooLong

            raise InputTooLong(f"{what}が長すぎます（{len(text):,} 文字）。単語を {maximum} 個までにしてください。",
                               en=f"The {term_en(what)} is too long ({len(text):,} characters). Use at most {maximum} words.")
        words = _SPLIT.split(str(text))
    words = [w for w in (w.strip() for w in words) if w]
    if len(words) > maximum:
        raise InvalidInput(f"{what}の単語が多すぎます（{len(words)} 個）。{maximum} 個までにしてください。",
                           en=f"Too many words in the {term_en(what)} ({len(words)}). Use at most {maximum}.")
    return words


@dataclass
class Neighbors:
    resolution: Resolution
    neighbors: list[tuple[str, float]]

    def as_dict(self) -> dict:
        return {"word": self.resolution.query, "resolved": self.resolution.key,
                "how": self.resolution.how, "neighbors": [[w, round(float(s), 6)] for w, s in self.neighbors]}


def neighbors(kv, word: str, topn: int = 10) -> Neighbors:
    """The top-N most similar keys to ``word`` by cosine similarity."""
    n = check_topn(topn)
    item, res = query_item(kv, word)
    if isinstance(item, np.ndarray):
        exclude = set(res.tokens)
        hits = kv.similar_by_vector(item, topn=n + len(exclude))
        hits = [(w, s) for w, s in hits if w not in exclude][:n]
    else:
        hits = kv.most_similar(item, topn=n)
    return Neighbors(res, [(str(w), float(s)) for w, s in hits])


def similarity(kv, a: str, b: str) -> tuple[float, Resolution, Resolution]:
    va, ra = word_vector(kv, a)
    vb, rb = word_vector(kv, b)
    return cosine(va, vb), ra, rb


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    na, nb = float(np.linalg.norm(a)), float(np.linalg.norm(b))
    if na == 0 or nb == 0:
        return 0.0
    return float(np.dot(a, b) / (na * nb))


@dataclass
class OddOneOut:
    odd: str  # the typed word that fits least
    scores: list[tuple[str, float]]  # (typed word, cosine to the mean of all), ascending
    resolutions: list[Resolution]


def doesnt_match(kv, words) -> OddOneOut:
    """gensim's doesnt_match with our lookup: the word farthest from the mean of the
    (unit-length) vectors of all words."""
    items = split_words(words, what="単語リスト")
    if len(items) < 3:
        raise InvalidInput("仲間外れ探し (doesnt_match) には 3 語以上を入力してください（例: 犬 猫 鳥 自動車）。",
                           en="Finding the odd one out (doesnt_match) needs at least 3 words (e.g. 犬 猫 鳥 自動車).")
    vecs, ress = [], []
    for w in items:
        v, r = word_vector(kv, w)
        vecs.append(v / (np.linalg.norm(v) or 1.0))
        ress.append(r)
    m = np.mean(vecs, axis=0)
    m = m / (np.linalg.norm(m) or 1.0)
    scored = sorted(((r.query, float(np.dot(v, m))) for v, r in zip(vecs, ress)), key=lambda x: x[1])
    return OddOneOut(odd=scored[0][0], scores=scored, resolutions=ress)


@dataclass
class Analogy:
    positive: list[Resolution]
    negative: list[Resolution]
    answers: list[tuple[str, float]]
    query_vector: np.ndarray

    def as_dict(self) -> dict:
        return {"positive": [r.key for r in self.positive], "negative": [r.key for r in self.negative],
                "answers": [[w, round(float(s), 6)] for w, s in self.answers]}


def analogy(kv, positive, negative=(), topn: int = 10) -> Analogy:
    """Answers to positive − negative (3CosAdd), question words excluded."""
    n = check_topn(topn)
    pos = split_words(positive, what="足す単語 (positive)")
    neg = split_words(negative, what="引く単語 (negative)")
    if not pos:
        raise InvalidInput("足す単語 (positive) を 1 語以上入力してください（例: 王様 女）。",
                           en="Enter at least one word to add (positive) (e.g. 王様 女).")
    resolved_pos, resolved_neg, vecs, weights, exclude = [], [], [], [], set()
    for words, sign, out in ((pos, 1.0, resolved_pos), (neg, -1.0, resolved_neg)):
        for w in words:
            v, r = word_vector(kv, w)  # raises OutOfVocabulary naming the missing word
            out.append(r)
            vecs.append(v / (np.linalg.norm(v) or 1.0))
            weights.append(sign)
            exclude.update(r.tokens if r.is_phrase else (r.key,))
    q = np.sum([wt * v for wt, v in zip(weights, vecs)], axis=0)
    q = q / (np.linalg.norm(q) or 1.0)
    hits = kv.similar_by_vector(q, topn=n + len(exclude))
    answers = [(str(w), float(s)) for w, s in hits if w not in exclude][:n]
    return Analogy(resolved_pos, resolved_neg, answers, q)


# Analogy presets (positive, negative, expected answer) and where each comes from: only
# No. 63 of 言語処理100本ノック ch. 7 (Spain − Madrid + Athens → Greece) is in the course notes;
# the others are common examples, labelled as such on the page.
SOURCE_KNOCK63 = "knock63"
SOURCE_COMMON = "common"
ANALOGY_PRESETS: list[dict] = [
    {"label": "スペイン − マドリード + アテネ → ギリシャ", "positive": "スペイン アテネ", "negative": "マドリード",
     "expected": "ギリシャ", "source": SOURCE_KNOCK63},
    {"label": "王様 − 男 + 女 → 女王", "positive": "王様 女", "negative": "男", "expected": "女王", "source": SOURCE_COMMON},
    {"label": "王 − 男 + 女 → 女王", "positive": "王 女", "negative": "男", "expected": "女王", "source": SOURCE_COMMON},
    {"label": "パリ − フランス + 日本 → 東京", "positive": "パリ 日本", "negative": "フランス", "expected": "東京",
     "source": SOURCE_COMMON},
    {"label": "東京 − 日本 + フランス → パリ", "positive": "東京 フランス", "negative": "日本", "expected": "パリ",
     "source": SOURCE_COMMON},
    {"label": "父 − 男 + 女 → 母", "positive": "父 女", "negative": "男", "expected": "母", "source": SOURCE_COMMON},
    {"label": "兄 − 男 + 女 → 姉", "positive": "兄 女", "negative": "男", "expected": "姉", "source": SOURCE_COMMON},
    {"label": "大きい − 小さい + 短い → 長い", "positive": "大きい 短い", "negative": "小さい", "expected": "長い",
     "source": SOURCE_COMMON},
]
