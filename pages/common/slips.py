"""ノートとの違い: the notes' slipped numbers with the exact values (core/i18n/notes_slips.py),
each linked to the tab that shows the concept (issue 27, item 13)."""
from __future__ import annotations

import streamlit as st

from core.i18n.notes_slips import SLIPS
from pages.common.ui import t


def render() -> None:
    with st.expander(t("slip.title"), expanded=False):
        st.caption(t("slip.lead"))
        for key, page, tab_key in SLIPS:
            with st.container(border=True):
                st.markdown(f"**{t(f'slip.{key}.notes')}**")
                st.markdown(f"{t('slip.col.exact')}: {t(f'slip.{key}.exact')}")
                st.caption(f"{t('slip.label')}: {t(f'slip.{key}.note')}")
                st.page_link(page, label=f"→ {t(tab_key)}", query_params={"tab": t(tab_key)})


def show(key: str) -> None:
    """One slip as a caption inside the tab it belongs to."""
    st.caption(f"📝 {t('slip.label')}: {t(f'slip.{key}.exact')} — {t(f'slip.{key}.note')}")
