"""LSTM page (issue #4): RNN / LSTM / GRU — forecasting, next-token prediction, comparison,
gates over time (and the bidirectional RNN), vanishing / exploding gradients. UI only: the
numbers come from core.lstm, the figures from core.lstm.figures."""
import streamlit as st

from pages.common.ui import t, tabbed
from pages.lstm import compare, forecast, gates, gradients, seqtasks, text

st.title(t("lstm.title"))
st.caption(t("lstm.lead"))

SECTIONS = [("lstm.tab.forecast", forecast), ("lstm.tab.text", text), ("lstm.tab.compare", compare),
            ("lstm.tab.gates", gates), ("lstm.tab.gradients", gradients)]
SECTIONS += [("lstm.tab.seqtasks", seqtasks)]

tabbed(SECTIONS)
