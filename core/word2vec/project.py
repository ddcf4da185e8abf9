"""Project a set of word vectors to 2D / 3D with PCA or t-SNE (scikit-learn).

Word sets: the neighbours of query words (one colour group per query), a typed list, or the
top-K most frequent words. An analogy a : b = c : d is drawn as two arrows a→b and c→d in the
same projection (parallel arrows = the same vector offset).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

import numpy as np

from core import InvalidInput
from core.i18n import Text, t
from core.word2vec.query import analogy as run_analogy
from core.word2vec.query import check_topn, split_words
from core.word2vec.vectors import word_vector

MAX_POINTS = 1000
METHODS = ("pca", "tsne")


@dataclass
class WordSet:
    words: list[str]  # labels (typed or neighbour words)
    groups: list[str]  # colour group of each word
    vectors: np.ndarray  # (n, d)
    notes: list[str] = field(default_factory=list)  # how words were found / skipped

    def add(self, label: str, group: str, vec: np.ndarray) -> None:
        if label in self.words:
            return
        self.words.append(label)
        self.groups.append(group)
        self.vectors = vec[None, :] if self.vectors.size == 0 else np.vstack([self.vectors, vec[None, :]])


def _empty(kv) -> WordSet:
    return WordSet([], [], np.zeros((0, kv.vector_size), dtype=np.float32))


def _left_out(missing: list[str], lang: str) -> str:
    return t("w2v.proj.left_out", lang, words=t("w2v.found.sep", lang).join(missing))


TYPED_GROUP = Text("w2v.proj.group.typed")  # legend names of the projection
ANALOGY_GROUP = Text("w2v.proj.group.analogy")


def neighbor_set(kv, queries, per_query: int = 15) -> WordSet:
    """Each query word and its neighbours, grouped by query."""
    from core.word2vec.query import neighbors

    n = check_topn(per_query, maximum=200)
    ws = _empty(kv)
    for q in split_words(queries, what="中心の単語"):
        nb = neighbors(kv, q, n)
        vec, res = word_vector(kv, q)
        ws.add(res.query, res.query, vec)
        if res.how != "as typed" or res.shared_row:
            ws.notes.append(Text.of(res.explain))
        for w, _ in nb.neighbors:
            ws.add(w, res.query, np.asarray(kv[w], dtype=np.float32))
    if not ws.words:
        raise InvalidInput("中心の単語を 1 語以上入力してください（例: 猫 東京 りんご）。",
                           en="Enter at least one centre word (e.g. 猫 東京 りんご).")
    return ws


def list_set(kv, words, group_by_line: bool = False) -> WordSet:
    """A typed list; OOV words are skipped and listed in ``notes`` (at least 3 must remain)."""
    from core import OutOfVocabulary

    ws = _empty(kv)
    items = split_words(words, what="単語リスト", maximum=MAX_POINTS)
    missing = []
    for w in items:
        try:
            vec, res = word_vector(kv, w)
        except OutOfVocabulary:
            missing.append(w)
            continue
        ws.add(res.query, TYPED_GROUP, vec)
    if missing:
        ws.notes.append(Text.of(functools.partial(_left_out, missing)))
    if len(ws.words) < 3:
        raise InvalidInput("射影するには語彙にある単語が 3 語以上必要です（例: 犬 猫 馬 東京 大阪 京都）。",
                           en="Projecting needs at least 3 words in the vocabulary (e.g. 犬 猫 馬 東京 大阪 京都).")
    return ws


def frequent_set(kv, k: int = 300, skip: int = 0) -> WordSet:
    """The top-K keys in vocabulary order (frequency order for chiVe and gensim-trained vectors)."""
    k = check_topn(k, maximum=MAX_POINTS)
    keys = kv.index_to_key[skip:skip + k]
    return WordSet([str(w) for w in keys], ["頻度上位"] * len(keys),
                   np.asarray(kv.vectors[skip:skip + len(keys)], dtype=np.float32))


@dataclass
class Arrow:
    start: str
    end: str
    label: str


def add_analogy(kv, ws: WordSet, positive: str, negative: str) -> tuple[list[Arrow], str]:
    """Add the words of an analogy b − a + c = d to the set and return two arrows with the same
    offset: a→c and b→d. ``positive`` = "b c", ``negative`` = "a": 王様 女 − 男 gives the arrows
    男→女 and 王様→女王 (the answer d is the top answer)."""
    pos = split_words(positive, what="足す単語 (positive)")
    neg = split_words(negative, what="引く単語 (negative)")
    if len(pos) != 2 or len(neg) != 1:
        raise InvalidInput("矢印を描くアナロジーは「足す 2 語・引く 1 語」にしてください（例: 王様 女 − 男）。",
                           en="The analogy for the arrow must be \"2 words to add, 1 to subtract\" (e.g. 王様 女 − 男).")
    result = run_analogy(kv, pos, neg, topn=1)
    if not result.answers:
        raise InvalidInput("アナロジーの答えが見つかりません。",
                           en="No answer to the analogy was found.")
    answer = result.answers[0][0]
    b, c = result.positive
    a = result.negative[0]
    group = ANALOGY_GROUP
    for res in (a, b, c):
        vec, _ = word_vector(kv, res.query)
        ws.add(res.query, group, vec)
    ws.add(answer, group, np.asarray(kv[answer], dtype=np.float32))
    # b − a + c = d  ⇔  a→c and b→d are the same offset (男→女, 王様→女王)
    arrows = [Arrow(a.query, c.query, f"{a.query} → {c.query}"), Arrow(b.query, answer, f"{b.query} → {answer}")]
    return arrows, answer


def project(vectors: np.ndarray, method: str = "pca", dims: int = 2, *, perplexity: float = 30.0,
            seed: int = 0) -> np.ndarray:
    """(n, d) → (n, dims). PCA on the unit-length vectors (cosine geometry); t-SNE with
    cosine distances and PCA initialisation, perplexity clipped below n."""
    method = str(method).lower()
    if method not in METHODS:
        raise InvalidInput(f"射影の方法は PCA か t-SNE を選んでください（{method} は使えません）。",
                           en=f"Choose PCA or t-SNE as the projection ({method} cannot be used).")
    if dims not in (2, 3):
        raise InvalidInput("次元は 2 か 3 を選んでください。",
                           en="Choose 2 or 3 dimensions.")
    X = np.asarray(vectors, dtype=np.float64)
    n = X.shape[0]
    if n < 3:
        raise InvalidInput("射影するには 3 語以上が必要です。",
                           en="Projecting needs at least 3 words.")
    if n > MAX_POINTS:
        raise InvalidInput(f"点が多すぎます（{n:,} 語）。{MAX_POINTS:,} 語までにしてください。",
                           en=f"Too many points ({n:,} words). Use at most {MAX_POINTS:,}.")
    norms = np.linalg.norm(X, axis=1, keepdims=True)
    X = X / np.where(norms == 0, 1.0, norms)
    from threadpoolctl import threadpool_limits

    # one BLAS/OpenMP thread: on a shared, busy CPU the spinning of several OpenMP threads makes
    # t-SNE 10× slower (measured 18 s vs 1.4 s for 500 words on 2 loaded cores)
    with threadpool_limits(limits=1):
        return _project(X, method, dims, perplexity, seed)


def _project(X: np.ndarray, method: str, dims: int, perplexity: float, seed: int) -> np.ndarray:
    n = X.shape[0]
    if method == "pca":
        from sklearn.decomposition import PCA

        k = min(dims, n, X.shape[1])
        out = PCA(n_components=k, random_state=seed).fit_transform(X)
    else:
        from sklearn.manifold import TSNE

        perp = float(min(max(2.0, perplexity), max(2.0, (n - 1) / 3)))
        out = TSNE(n_components=dims, perplexity=perp, metric="cosine", init="pca", random_state=seed,
                   max_iter=500).fit_transform(X.astype(np.float32))
    if out.shape[1] < dims:  # degenerate tiny inputs
        out = np.hstack([out, np.zeros((n, dims - out.shape[1]))])
    return out[:, :dims].astype(np.float32)
