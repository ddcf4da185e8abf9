"""attention page (issue #6): placeholder until the issue is done. Shows what it will offer; no fake output."""
import streamlit as st

from pages.common.ui import not_ready, t

st.title(t("att.title"))
not_ready(6, [
    "内積注意の計算: Q・K・V・QKᵀ/√d_k・softmax を実際の数値で",
    "マルチヘッド: ヘッドごとの重みと W^O",
    "位置エンコーディング: PE のヒートマップ",
    "BERT の注意: model view / head view",
    "seq2seq の注意: 学習したモデルの注意",
])
