"""カウントベース (count-based) word vectors, the contrast the notes open word2vec with.

1. Co-occurrence matrix C (V × V): C[i, j] = how often word j appears within ``window`` words of
   word i (both sides, summed over the corpus; symmetric).
2. PPMI (positive pointwise mutual information):
       PMI(i, j) = log2( C[i, j] · N / (c_i · c_j) ),   c_i = Σ_j C[i, j],  N = Σ_ij C[i, j],
       PPMI(i, j) = max(0, PMI(i, j))
   (frequent words like の・は co-occur with everything; PMI discounts them).
3. Truncated SVD (scikit-learn's TruncatedSVD, randomized): PPMI ≈ U_d Σ_d V_dᵀ; the word
   vectors are the rows of U_d Σ_d (d dimensions), dense like word2vec's W_in rows.

推論ベース (inference-based) word2vec instead updates W_in while looking at small samples;
``core.word2vec.train`` trains it on the same sentences for the side-by-side neighbours.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from core import InvalidInput, OutOfVocabulary
from core.i18n import Text

MAX_WINDOW = 10
MAX_VOCAB = 5000  # a dense V × V matrix stays under 200 MB
MAX_DIM = 300


@dataclass
class CountModel:
    """Everything the カウントベース tab shows, for one corpus and window."""

    vocab: list[str]  # row / column order (frequency order)
    counts: np.ndarray  # word frequencies c(w) in the corpus, (V,)
    C: np.ndarray  # co-occurrence counts, (V, V)
    window: int

    @property
    def index(self) -> dict[str, int]:
        return {w: i for i, w in enumerate(self.vocab)}


def cooccurrence(sentences, window: int = 2, *, min_count: int = 1) -> CountModel:
    """Symmetric co-occurrence counts within ±``window`` words (sentence boundaries respected)."""
    try:
        window, min_count = int(window), int(min_count)
    except (TypeError, ValueError) as exc:
        raise InvalidInput("窓幅 (window) と最小出現回数は整数で指定してください。",
                           en="Give the window and the minimum count as integers.") from exc
    if not 1 <= window <= MAX_WINDOW:
        raise InvalidInput(f"窓幅 (window) は 1〜{MAX_WINDOW} で指定してください（{window} が指定されました）。",
                           en=f"The window must be 1–{MAX_WINDOW} ({window} was given).")
    freq = Counter(w for s in sentences for w in s)
    vocab = [w for w, c in sorted(freq.items(), key=lambda x: (-x[1], x[0])) if c >= max(1, min_count)]
    if len(vocab) < 2:
        raise InvalidInput("語彙が 2 語未満です。もっと大きなコーパスを使うか、最小出現回数を下げてください。",
                           en="The vocabulary has fewer than 2 words. Use a larger corpus or lower the minimum count.")
    if len(vocab) > MAX_VOCAB:
        raise InvalidInput(f"語彙が {len(vocab):,} 語あり、共起行列には多すぎます（上限 {MAX_VOCAB:,} 語）。"
                           "最小出現回数を上げてください。",
                           en=f"The vocabulary has {len(vocab):,} words, too many for a co-occurrence matrix (limit {MAX_VOCAB:,}). "
                              "Raise the minimum count.")
    index = {w: i for i, w in enumerate(vocab)}
    rows, cols = [], []
    for s in sentences:
        ids = [index.get(w, -1) for w in s]
        for k in range(1, window + 1):  # pairs (t, t + k); counted both ways below
            a, b = np.asarray(ids[:-k], dtype=np.int64), np.asarray(ids[k:], dtype=np.int64)
            keep = (a >= 0) & (b >= 0)
            rows.append(a[keep])
            cols.append(b[keep])
    V = len(vocab)
    C = np.zeros((V, V), dtype=np.float64)
    if rows:
        r, c = np.concatenate(rows), np.concatenate(cols)
        np.add.at(C, (r, c), 1.0)
        np.add.at(C, (c, r), 1.0)
    counts = np.array([freq[w] for w in vocab], dtype=np.int64)
    return CountModel(vocab=vocab, counts=counts, C=C, window=window)


def ppmi(C: np.ndarray, *, eps: float = 1e-12) -> np.ndarray:
    """PPMI(i, j) = max(0, log2(C_ij · N / (c_i c_j))), 0 where C_ij = 0."""
    C = np.asarray(C, dtype=np.float64)
    N = C.sum()
    c = C.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log2(C * N / (np.outer(c, c) + eps) + eps)
    return np.where(C > 0, np.maximum(pmi, 0.0), 0.0)


def svd_vectors(M: np.ndarray, d: int = 50, *, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Truncated SVD M ≈ U_d Σ_d V_dᵀ → (word vectors U_d Σ_d (V × d), singular values Σ_d)."""
    from sklearn.decomposition import TruncatedSVD

    try:
        d = int(d)
    except (TypeError, ValueError) as exc:
        raise InvalidInput("次元数 d は整数で指定してください。",
                           en="Give the number of dimensions d as an integer.") from exc
    V = M.shape[0]
    if not 1 <= d <= min(MAX_DIM, V - 1):
        raise InvalidInput(f"次元数 d は 1〜{min(MAX_DIM, V - 1)} で指定してください（語彙 {V} 語、{d} が指定されました）。",
                           en=f"The number of dimensions d must be 1–{min(MAX_DIM, V - 1)} (vocabulary {V} words, {d} was given).")
    svd = TruncatedSVD(n_components=d, algorithm="randomized", n_iter=7, random_state=int(seed))
    vecs = svd.fit_transform(M)  # = U_d Σ_d
    return vecs.astype(np.float32), svd.singular_values_


def keyed_vectors(vocab: list[str], vecs: np.ndarray, label: str = ""):
    """The SVD vectors as a gensim KeyedVectors, so core.word2vec.query works on them unchanged."""
    from gensim.models import KeyedVectors

    kv = KeyedVectors(vector_size=vecs.shape[1], count=0)
    kv.add_vectors(list(vocab), np.asarray(vecs, dtype=np.float32))
    kv.fill_norms(force=True)
    kv.playground_label = label or Text("w2v.label.ppmi", n=len(vocab), d=vecs.shape[1])
    return kv


def submatrix(model: CountModel, M: np.ndarray, rows: list[str], n_cols: int = 20,
              *, skip_punct: bool = True) -> tuple[list[str], list[str], np.ndarray]:
    """The heatmap of a small vocabulary: ``rows`` (typed words) × the ``n_cols`` context words
    with the largest total over those rows (punctuation left out when ``skip_punct``)."""
    index = model.index
    missing = [w for w in rows if w not in index]
    if missing:
        import difflib

        close = difflib.get_close_matches(missing[0], model.vocab, n=5, cutoff=0.3)
        raise OutOfVocabulary(f"「{missing[0]}」はこのコーパスの語彙にありません。"
                              + (f"近い単語: {'、'.join(close)}" if close else "コーパスに出てくる単語を入れてください。"),
                              en=f"\"{missing[0]}\" is not in this corpus's vocabulary. " + (f"Close words: {', '.join(close)}" if close else "Enter words that appear in the corpus."),
                              word=missing[0], suggestions=close)
    if not rows:
        raise InvalidInput("行に表示する単語を 1 語以上入力してください（例: 猫 犬 パン 寿司）。",
                           en="Enter at least one word to show as a row (e.g. 猫 犬 パン 寿司).")
    r = [index[w] for w in rows]
    score = M[r].sum(axis=0)
    order = [j for j in np.argsort(-score, kind="stable") if score[j] > 0
             and not (skip_punct and all(not ch.isalnum() for ch in model.vocab[j]))]
    cols = order[: max(1, int(n_cols))]
    return rows, [model.vocab[j] for j in cols], M[np.ix_(r, cols)]
