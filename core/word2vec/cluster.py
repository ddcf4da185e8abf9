"""Clustering a word set, as in 言語処理100本ノック ch. 7 (k-means, then Ward's hierarchical
clustering drawn as a dendrogram); default word set: country names.

k-means (scikit-learn): choose k centroids μ_j minimising Σ_i ‖x_i − μ_{c(i)}‖².
Ward (scipy): start with every word its own cluster and repeatedly merge the two clusters whose
merge increases the total within-cluster variance least; the dendrogram's height is that cost.
Vectors are unit length first (cosine geometry, as the neighbours and the projection use).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core import InvalidInput

COUNTRIES = ("日本 中国 韓国 インド タイ ベトナム インドネシア フィリピン アメリカ カナダ メキシコ ブラジル アルゼンチン "
             "イギリス フランス ドイツ イタリア スペイン ギリシャ ロシア ポーランド スウェーデン エジプト ケニア "
             "ナイジェリア トルコ イラン サウジアラビア オーストラリア ニュージーランド")
MAX_K = 20


def unit(vectors: np.ndarray) -> np.ndarray:
    X = np.asarray(vectors, dtype=np.float64)
    n = np.linalg.norm(X, axis=1, keepdims=True)
    return X / np.where(n == 0, 1.0, n)


@dataclass
class Clusters:
    words: list[str]
    labels: np.ndarray  # k-means cluster of each word, 0 … k−1
    inertia: float  # Σ ‖x_i − μ_{c(i)}‖² (unit vectors)
    linkage: np.ndarray  # scipy's Ward linkage matrix, (n − 1, 4)

    def groups(self) -> list[list[str]]:
        return [[w for w, c in zip(self.words, self.labels) if c == j] for j in range(int(self.labels.max()) + 1)]

    def ward_labels(self, k: int) -> np.ndarray:
        """Cut the Ward tree into k clusters (0 … k−1)."""
        from scipy.cluster.hierarchy import fcluster

        return fcluster(self.linkage, t=int(k), criterion="maxclust") - 1


def cluster(words: list[str], vectors: np.ndarray, k: int = 5, *, seed: int = 0) -> Clusters:
    """k-means with k clusters and Ward's linkage of the same unit vectors."""
    from scipy.cluster.hierarchy import linkage
    from sklearn.cluster import KMeans
    from threadpoolctl import threadpool_limits

    n = len(words)
    try:
        k = int(k)
    except (TypeError, ValueError) as exc:
        raise InvalidInput("クラスタ数 k は整数で指定してください。",
                           en="Give the number of clusters k as an integer.") from exc
    if n < 3:
        raise InvalidInput("クラスタリングには語彙にある単語が 3 語以上必要です（例: 日本 中国 フランス ドイツ）。",
                           en="Clustering needs at least 3 words in the vocabulary (e.g. 日本 中国 フランス ドイツ).")
    if not 2 <= k <= min(MAX_K, n - 1):
        raise InvalidInput(f"クラスタ数 k は 2〜{min(MAX_K, n - 1)} で指定してください（単語 {n} 語、k = {k}）。",
                           en=f"The number of clusters k must be 2–{min(MAX_K, n - 1)} ({n} words, k = {k}).")
    X = unit(vectors)
    with threadpool_limits(limits=1):  # a shared, busy CPU: one BLAS thread (see project.project)
        km = KMeans(n_clusters=k, n_init=10, random_state=int(seed)).fit(X)
    return Clusters(words=list(words), labels=km.labels_.astype(int), inertia=float(km.inertia_),
                    linkage=linkage(X, method="ward"))


def dendrogram(c: Clusters) -> dict:
    """scipy's dendrogram layout (no plotting): leaf order, the U-shaped links, merge heights."""
    from scipy.cluster.hierarchy import dendrogram as scipy_dendrogram

    d = scipy_dendrogram(c.linkage, labels=c.words, no_plot=True)
    return {"leaves": d["ivl"], "icoord": d["icoord"], "dcoord": d["dcoord"]}
