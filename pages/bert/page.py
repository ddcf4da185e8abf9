"""bert page (issue #7): placeholder until the issue is done. Shows what it will offer; no fake output."""
import streamlit as st

from pages.common.ui import not_ready, t

st.title(t("bert.title"))
not_ready(7, [
    "穴埋め (fill-mask): 東北大 BERT で [MASK] を予測",
    "MLM の作り方: 15% / 80-10-10 のマスク手順",
    "感情分析: 1文・複数行の分類、単語ベクトルのベースライン",
    "ファインチューニング: jrte pn.tsv で学習・評価",
])
