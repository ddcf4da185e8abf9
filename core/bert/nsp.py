"""Next-sentence prediction (NSP) data for the mini-BERT: BERT's second pre-training task.

From a text split into sentences s_1 … s_n (in their order), each training example is

    [CLS] A [SEP] B [SEP]     segment ids (token_type_ids) 0 … 0 1 … 1

with A = s_i and, 50 % of the time, B = s_{i+1} (IsNext, label 0), otherwise B = a random
sentence s_j, j ∉ {i, i+1} (NotNext, label 1) — labels as in transformers' BertForPreTraining.
A Linear(hidden, 2) layer on the pooled [CLS] vector (pooled = tanh(W_p h_[CLS] + b_p)) predicts
the label:

    L_NSP = − log softmax(W_nsp · pooled + b_nsp)_label          L = L_MLM + L_NSP

and the masked-LM corruption (core.bert.mlm.choose) is applied to A and B together. NSP can
only be learnt where the next sentence says something about the previous one: on the built-in
text, the story's sentences follow each other and the word2vec sample corpus cycles through its
categories (a food sentence is followed by a place sentence, …).
"""
from __future__ import annotations

import random

IS_NEXT, NOT_NEXT = 0, 1
CLS_ID, SEP_ID = 2, 3  # core.bert.wordpiece.SPECIALS order: [PAD] [UNK] [CLS] [SEP] [MASK]


def draw(i: int, n: int, rng: random.Random) -> tuple[int, int]:
    """(index of B, label) for A = s_i (0 ≤ i < n − 1): the real next sentence or a random one."""
    if rng.random() < 0.5:
        return i + 1, IS_NEXT
    j = rng.randrange(n - 2)
    j = j if j < i else j + 2  # skip i and i + 1
    return j, NOT_NEXT


def pair_ids(a: list[int], b: list[int], max_len: int) -> tuple[list[int], list[int]]:
    """([CLS] a [SEP] b [SEP] ids, token_type_ids); a and b are cut to fit ``max_len`` in all."""
    room = max_len - 3
    keep_a = min(len(a), max(room // 2, room - len(b)))
    a, b = a[:keep_a], b[:room - keep_a]
    return [CLS_ID, *a, SEP_ID, *b, SEP_ID], [0] * (len(a) + 2) + [1] * (len(b) + 1)


def pairs(pieces: list[list[int]], starts, rng: random.Random, max_len: int):
    """Examples for the A-indices ``starts``: a list of (ids, token_type_ids, label)."""
    n = len(pieces)
    out = []
    for i in starts:
        j, label = draw(i, n, rng)
        ids, tt = pair_ids(pieces[i], pieces[j], max_len)
        out.append((ids, tt, label))
    return out


def examples(sentences: list[str], k: int = 6, seed: int = 0) -> list[dict]:
    """The pair construction on ``k`` examples (for the page): A, B, the label and where B came from."""
    rng = random.Random(seed)
    n = len(sentences)
    out = []
    for i in rng.sample(range(n - 1), min(k, n - 1)):
        j, label = draw(i, n, rng)
        out.append({"i": i, "a": sentences[i], "j": j, "b": sentences[j], "label": label})
    return out
