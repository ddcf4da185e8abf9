"""seq2seq page (issue #5): placeholder until the issue is done. Shows what it will offer; no fake output."""
import streamlit as st

from pages.common.ui import not_ready, t

st.title(t("s2s.title"))
not_ready(5, [
    "学習: 日付の正規化・やさしい日英翻訳・アップロードした対訳で encoder–decoder を学習",
    "注意あり・なしの比較: 入力の長さ別の正解率",
    "変換: 貪欲法とビームサーチ、注意のヒートマップ",
    "事前学習済み翻訳: Helsinki-NLP/opus-mt-ja-en（オンライン時）",
])
