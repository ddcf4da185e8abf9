"""word2vec page (issue #3): placeholder until the issue is done. Shows what it will offer; no fake output."""
import streamlit as st

from pages.common.ui import not_ready, t

st.title(t("w2v.title"))
not_ready(3, [
    "類似語 (neighbours): chiVe ベクトルで類似語トップ N・2語の類似度・仲間外れ探し",
    "アナロジー: 王様 − 男 + 女 のようなベクトル演算とプリセット",
    "可視化: PCA / t-SNE による 2D・3D の射影とアナロジーの矢印",
    "評価: 単語類似度 CSV（スピアマン相関）とアナロジー集の正解率",
    "学習: gensim の Word2Vec を組み込みコーパスやアップロードした文章で学習（CBOW / skip-gram）",
    "仕組み: 小さな CBOW を1ステップずつ学習、負例サンプリングの図解",
])
