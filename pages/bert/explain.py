"""Sentiment tab: which words drove the prediction — [CLS] attention (BERT), gradient × input
and integrated gradients (BERT and the word-vector baseline), with the caveat that attention is
not explanation. Numbers from core.bert.explain."""
from __future__ import annotations

import streamlit as st

from core.bert import explain
from core.bert.figures import attributions_figure
from pages.common.ui import chart, guard, t


def _show(a: explain.Attribution, key: str) -> None:
    fig = attributions_figure(a.tokens, a.scores, [t(f"bert.ex.m.{m}") for m in a.scores], t("bert.ex.fig", label=a.label))
    chart(fig, key=key, filename="attributions", data=a.frame())
    st.caption(t("bert.ex.ig_delta", delta=a.ig_delta))
    st.info(t("bert.ex.caveat"), icon=":material/info:")


EXPLAINED_KEY = "bert_ex_done"  # {(model, sentence): Attribution} of this session (last few)
_KEEP = 4


def bert(loaded, text: str, *, shared: bool) -> None:
    """≈ 33 forward + backward passes: an explicit action (a button), cached per (model,
    sentence): a shared model's explanation once for the whole class (core.resources), this
    session's fine-tuned model's in the session."""
    st.markdown(f"**{t('bert.ex.title')}**")
    st.caption(t("bert.ex.lead.bert"))
    key = (loaded.path if shared else f"session:{id(loaded)}", text)
    done = st.session_state.setdefault(EXPLAINED_KEY, {})
    if key not in done:
        if not st.button(t("bert.ex.run"), key="bert_ex_run", icon=":material/insights:"):
            return
        with guard(), st.spinner(t("bert.ex.running")):
            if shared:
                from core import resources

                done[key] = resources.bert_explanation(loaded, loaded.path, text)
            else:
                from core import device

                with device.quick_work():
                    done[key] = explain.bert_attributions(loaded, text)
            while len(done) > _KEEP:
                done.pop(next(iter(done)))
    if key in done:
        with guard():
            _show(done[key], "bert_ex_chart")


def baseline(result, kv, text: str) -> None:
    st.markdown(f"**{t('bert.ex.title')}**")
    st.caption(t("bert.ex.lead.baseline"))
    with guard():
        _show(explain.baseline_attributions(result, kv, text), "base_ex_chart")
