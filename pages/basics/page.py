"""ニューラルネットの基礎 (issue #17): the neural-network primer the later chapters assume
(100本ノック 第8章). UI only: the numbers come from core.basics, one module per section."""
import streamlit as st

from pages.basics import backprop, cnn, depth, descent, entropy, knock, matmul, neuron, playground, softmax
from pages.common.ui import t, tabbed

st.title(t("basics.title"))
st.caption(t("basics.lead"))

SECTIONS = [("basics.tab.neuron", neuron), ("basics.tab.depth", depth), ("basics.tab.matmul", matmul),
            ("basics.tab.softmax", softmax), ("basics.tab.entropy", entropy), ("basics.tab.descent", descent),
            ("basics.tab.backprop", backprop), ("basics.tab.playground", playground), ("basics.tab.knock", knock),
            ("basics.tab.cnn", cnn)]

tabbed(SECTIONS)
