"""Section 9: 100本ノック 第8章 (exercises 70–79) — what each asks and where this app shows it."""
from __future__ import annotations

import streamlit as st

from pages.common.ui import t

BASICS, BERT = "pages/basics/page.py", "pages/bert/page.py"

# (exercise number, where: page file, tab i18n key)
EXERCISES = [
    (70, BERT, "bert.tab.sentiment"),
    (71, BASICS, "basics.tab.matmul"),
    (72, BASICS, "basics.tab.entropy"),
    (73, BASICS, "basics.tab.descent"),
    (74, BASICS, "basics.tab.playground"),
    (75, BASICS, "basics.tab.playground"),
    (76, BERT, "bert.tab.finetune"),
    (77, BASICS, "basics.tab.descent"),
    (78, BASICS, "basics.tab.playground"),
    (79, BASICS, "basics.tab.playground"),
]


def render() -> None:
    st.markdown(t("basics.knock.intro"))
    st.markdown(t("basics.knock.flow"))
    for n, page, tab_key in EXERCISES:
        with st.container(border=True):
            left, right = st.columns([2, 3], vertical_alignment="center")
            left.markdown(f"**{n}.** {t(f'basics.knock.{n}')}")
            right.page_link(page, label=f"{t(f'basics.knock.{n}.where')} → {t(tab_key)}", query_params={"tab": t(tab_key)})
    st.info(t("basics.knock.baseline"), icon=":material/link:")
