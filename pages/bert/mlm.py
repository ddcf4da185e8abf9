"""Tab 2 — MLM の作り方: the 15% / 80-10-10 masking procedure, and next-sentence prediction."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from core.bert import mlm
from core.bert.figures import procedure_figure
from core.figures import bars
from pages.bert.common import masked_lm
from pages.common.ui import chart, checked, guard, local, t

DEFAULT_TEXT = "東北大学で自然言語処理を研究しています。今日はとても良い天気です。"


def render() -> None:
    st.markdown(t("bert.mlm.lead"))
    loaded = masked_lm(key_suffix="_mlm")
    if loaded is None:
        _stats()
        return
    text = checked(st.text_area(t("bert.mlm.text"), DEFAULT_TEXT, key="bert_mlm_text", bind="query-params", height=80), area=True)
    seed = st.number_input(t("bert.mlm.seed"), 0, 10_000, 0, step=1, key="bert_mlm_seed", bind="query-params")
    with guard():
        res = mlm.apply(loaded, text, seed=int(seed))
        for note in res.notes:
            st.info(local(note), icon="ℹ️")
        chosen = {d.position for d in res.decisions}
        st.markdown(f"**{t('bert.mlm.original')}**")
        st.code(" ".join(res.tokens), language=None, wrap_lines=True)
        st.markdown(f"**{t('bert.mlm.corrupted')}**")
        st.code(" ".join(tok if i not in chosen else f"《{tok}》" for i, tok in enumerate(res.corrupted)),
                language=None, wrap_lines=True)
        rows = [{t("bert.mlm.col.pos"): d.position, t("bert.mlm.col.original"): d.original,
                 t("bert.mlm.col.action"): t(f"bert.mlm.action.{d.action}"), t("bert.mlm.col.became"): d.became,
                 t("bert.mlm.col.pred"): " / ".join(f"{tok} {p:.2f}" for tok, p in d.predictions[:3]),
                 t("bert.mlm.col.porig"): round(d.original_prob or 0.0, 4),
                 t("bert.mlm.col.ok"): "✔" if d.recovered else "✘"} for d in res.decisions]
        df = pd.DataFrame(rows)
        st.dataframe(df, hide_index=True, width="stretch")
        labels = [f"{d.position}:{d.original}" for d in res.decisions]
        fig = bars(labels, [d.original_prob or 0.0 for d in res.decisions],
                   title=t("bert.mlm.chart"), x_title=t("bert.mlm.chart.x"))
        chart(fig, key="bert_mlm_chart", filename="mlm-original-prob", data=df)
        st.caption(t("bert.mlm.loss_note"))
    _stats()
    st.divider()
    _nsp(loaded)


def _stats() -> None:
    with st.expander(t("bert.mlm.stats"), expanded=False):
        trials = st.select_slider(t("bert.mlm.stats.trials"), [10, 100, 1000, 5000], value=1000, key="bert_mlm_trials")
        s = mlm.procedure_stats(n_tokens=100, trials=int(trials), seed=0)
        names = [t("bert.mlm.stats.chosen"), t("bert.mlm.action.mask"), t("bert.mlm.action.random"),
                 t("bert.mlm.action.keep")]
        vals = [s["chosen_share"], s["mask_share"], s["random_share"], s["keep_share"]]
        target = [0.15, 0.8, 0.1, 0.1]
        fig = procedure_figure(names, vals, target, observed_name=t("bert.mlm.stats.observed"),
                               target_name=t("bert.mlm.stats.target"), y_title=t("bert.mlm.stats.share"))
        chart(fig, key="bert_mlm_stats_chart", filename="mlm-procedure-stats",
              data=pd.DataFrame({"share": vals, "target": target}, index=names))


def _nsp(loaded) -> None:
    st.subheader(t("bert.nsp.title"))
    st.markdown(t("bert.nsp.lead"))
    c1, c2 = st.columns(2)
    a = checked(c1.text_input(t("bert.nsp.a"), "今日は朝から雨が降っていた。", key="bert_nsp_a", bind="query-params"))
    b = checked(c2.text_input(t("bert.nsp.b"), "だから傘を持って出かけた。", key="bert_nsp_b", bind="query-params"))
    with guard():
        r = mlm.next_sentence(loaded, a, b)
        st.code(" ".join(r.tokens), language=None, wrap_lines=True)
        seg = pd.DataFrame([r.tokens, [str(x) for x in r.token_type_ids]],
                           index=["token", "segment (token_type_id)"],
                           columns=[str(i) for i in range(len(r.tokens))])
        st.dataframe(seg, width="stretch")
        for note in r.notes:
            st.info(local(note), icon="ℹ️")
        if r.has_head and r.is_next is not None:
            _mini_nsp_accuracy(loaded)
            fig = bars([t("bert.nsp.isnext"), t("bert.nsp.notnext")], [r.is_next, 1 - r.is_next],
                       title=t("bert.nsp.chart"), x_title=t("bert.chart.prob"))
            chart(fig, key="bert_nsp_chart", filename="nsp",
                  data=pd.DataFrame({"probability": [r.is_next, 1 - r.is_next]}, index=["IsNext", "NotNext"]))


def _mini_nsp_accuracy(loaded) -> None:
    """A mini-BERT trained here says how good its NSP head is (its validation pairs, chance 50 %)."""
    from core.bert.saved import card_of

    card = card_of(loaded.path) if loaded.path else None
    acc = (card or {}).get("nsp_accuracy")
    if acc is not None:
        st.caption(t("bert.nsp.mini_acc", acc=acc))
