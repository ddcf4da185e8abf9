"""Tab 評価 (evaluation): word-pair similarity CSV → Spearman ρ + coverage; questions-words
analogy file → accuracy. Works on whichever vectors are selected."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from core.word2vec import evaluate, figures
from pages.common.ui import chart, guard, lang, plain, t


def _data(uploader_key: str, sample_key: str, sample: str):
    """Uploaded bytes, or the built-in sample when the toggle is on; None when neither."""
    f = st.file_uploader(t("w2v.ev.upload"), type=["csv", "tsv", "txt"], key=uploader_key)
    use_sample = st.toggle(t("w2v.ev.sample"), value=True, key=sample_key, bind="query-params")
    if f is not None:
        return f.getvalue(), f.name
    if use_sample:
        return sample, t("w2v.ev.sample.name")
    return None, None


def render(source) -> None:
    if source is None:
        return
    kv = source.kv
    st.markdown(t("w2v.ev.lead"))
    st.subheader(t("w2v.ev.pairs"))
    st.caption(t("w2v.ev.pairs.help"))
    data, name = _data("w2v_pairs_upload", "w2v_pairs_sample", evaluate.SAMPLE_PAIRS_CSV)
    st.download_button(t("w2v.ev.sample.download"), evaluate.SAMPLE_PAIRS_CSV.encode("utf-8"),
                       file_name="sample_pairs.csv", mime="text/csv", key="w2v_pairs_dl")
    if data is not None:
        with guard():
            res = evaluate.evaluate_pairs(kv, data)
            st.caption(t("w2v.ev.using", name=plain(name)))
            rho = lambda r: "—" if r is None else f"{r:.3f}"  # noqa: E731
            c = st.columns(3)
            c[0].metric(t("w2v.ev.pairs.n"), f"{res.pairs:,}")
            c[1].metric(t("w2v.ev.coverage.exact"), f"{res.coverage_exact:.1%}",
                        help=t("w2v.ev.exact.help"))
            c[2].metric(t("w2v.ev.spearman.exact"), rho(res.spearman_exact), help=t("w2v.ev.exact.help"))
            c = st.columns(3)
            c[0].metric(t("w2v.ev.covered"), f"{res.covered:,}")
            c[1].metric(t("w2v.ev.coverage"), f"{res.coverage:.1%}", help=t("w2v.ev.all.help"))
            c[2].metric(t("w2v.ev.spearman"), rho(res.spearman), help=t("w2v.ev.all.help"))
            if res.skipped_lines:
                st.caption(t("w2v.ev.skipped", n=res.skipped_lines))
            df = pd.DataFrame(res.rows)
            if res.covered:
                chart(figures.pairs_scatter(df, title=t("w2v.ev.pairs.chart"), lang=lang()), key="w2v_pairs_chart",
                      filename="pairs", data=df)
            st.dataframe(df, hide_index=True, height=260)

    st.divider()
    st.subheader(t("w2v.ev.analogy"))
    st.caption(t("w2v.ev.analogy.help"))
    data, name = _data("w2v_analogy_upload", "w2v_analogy_sample", evaluate.SAMPLE_ANALOGIES)
    st.download_button(t("w2v.ev.sample.download"), evaluate.SAMPLE_ANALOGIES.encode("utf-8"),
                       file_name="sample_questions-words.txt", mime="text/plain", key="w2v_analogy_dl")
    if data is not None:
        with guard():
            res = evaluate.evaluate_analogies(kv, data)
            st.caption(t("w2v.ev.using", name=plain(name)))
            c = st.columns(4)
            c[0].metric(t("w2v.ev.questions"), f"{res.questions:,}")
            c[1].metric(t("w2v.ev.covered"), f"{res.covered:,}")
            c[2].metric(t("w2v.ev.correct"), f"{res.correct:,}")
            c[3].metric(t("w2v.ev.accuracy"), "—" if res.accuracy is None else f"{res.accuracy:.1%}")
            sec = pd.DataFrame(res.sections)
            sec["accuracy"] = sec["accuracy"].astype(float)
            chart(figures.grouped_bars(sec.fillna(0), "section", ["accuracy"], title=t("w2v.ev.analogy.chart"),
                                       y_title=t("w2v.ev.accuracy")), key="w2v_analogy_chart",
                  filename="analogy_accuracy", data=sec)
            if res.rows:
                st.dataframe(pd.DataFrame(res.rows[:500]), hide_index=True, height=260)
