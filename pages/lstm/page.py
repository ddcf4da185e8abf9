"""lstm page (issue #4): placeholder until the issue is done. Shows what it will offer; no fake output."""
import streamlit as st

from pages.common.ui import not_ready, t

st.title(t("lstm.title"))
not_ready(4, [
    "時系列予測: 正弦波・実データを RNN / LSTM / GRU で学習し、自己回帰で予測",
    "次の文字予測: 文字・単語単位の言語モデルと温度つき生成",
    "比較: 同じ予算での RNN・LSTM・GRU の損失と予測",
    "セルの中: 入力・忘却・出力ゲートとセル状態のヒートマップ",
    "勾配消失・爆発: ‖∂L_T/∂h_k‖ の比較と勾配クリッピング",
])
