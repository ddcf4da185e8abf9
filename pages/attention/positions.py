"""Positional encodings side by side (issue 27, item 4), under the sinusoidal section: the
wavelength of each dimension pair, the learned position table of a mini-BERT trained here, RoPE's
rotation angles and relative scores — each as the slide's 100 positions × d layout — and the
mini-GPT trained three times (sinusoidal / learned / RoPE) at the same budget, by validation loss."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from core.attention import figures as attention_figures
from core.attention import positions
from core.attention import rope
from pages.common.longrun import LiveRun
from pages.common.ui import chart, guard, lang, t

KEY = "att_pos_cmp"
CHOICES = ("sinusoidal", "learned", "rope")


def render(d_model: int) -> None:
    st.subheader(t("att.pos.title"))
    rows = positions.wavelengths(d_model)
    shown = [rows[0], rows[1], rows[len(rows) // 4], rows[len(rows) // 2], rows[-1]] if len(rows) > 4 else rows
    st.dataframe(pd.DataFrame([{t("att.pos.col.pair"): r["pair"], "ω_i": f"{r['omega']:.3g}",
                                t("att.pos.col.wave"): f"{r['wavelength']:,.1f}",
                                t("att.pos.col.ratio"): f"{r['wavelength'] / (2 * 3.141592653589793):,.1f} × 2π"}
                               for r in shown]), hide_index=True, width="stretch")
    st.caption(t("att.pos.wave.help", d=d_model))
    c1, c2 = st.columns(2)
    with c1:
        st.markdown(f"**{t('att.pos.learned')}**")
        with guard():
            _learned()
    with c2:
        st.markdown(f"**{t('att.pos.rope')}**")
        import numpy as np
        import torch

        cos = np.cos(positions.rope_angles(100, min(d_model, 512)))  # cos(pos · θ_i): the rotation of pair i at pos
        fig, df = attention_figures.pe_heatmap(torch.tensor(cos), lang=lang())
        chart(fig, key="att_pos_rope", filename="rope-rotations", data=pd.DataFrame(cos).round(4))
        st.caption(t("att.pos.rope.help"))
        S = rope.relative_scores(d_k=64, n=24).numpy()
        fig, df = attention_figures.heatmap(S, [str(i) for i in range(24)], [str(i) for i in range(24)], title=t("att.pos.rope.rel"),
                            signed=True, annotate=False, row_title="m (query)", col_title="n (key)")
        chart(fig, key="att_pos_rope_rel", filename="rope-relative", data=df)
    st.divider()
    _compare()


def _learned() -> None:
    from core.bert import saved

    rows = saved.saved_models()
    if not rows:
        st.info(t("att.pos.learned.none"))
        return
    path = st.selectbox(t("att.heads.mini.pick"), [r["path"] for r in rows], key="att_pos_mini",
                        format_func=lambda p: next(r["name"] for r in rows if r["path"] == p))
    table = positions.learned_table(path, 100)
    import torch

    fig, _ = attention_figures.pe_heatmap(torch.tensor(table), lang=lang())
    chart(fig, key="att_pos_learned", filename="minibert-position-embeddings", data=pd.DataFrame(table).round(4))
    st.caption(t("att.pos.learned.help", n=table.shape[0], d=table.shape[1]))


def _compare() -> None:
    from core.transformer.lm import GPTRun, gpt_config

    st.markdown(f"**{t('att.pos.cmp')}**")
    seconds = st.slider(t("att.pos.cmp.seconds"), 2, 60, 15, key="att_pos_seconds")
    run = LiveRun("att_pos_run", total=3, chart_metrics=("val_loss",))
    if run.start_button(t("att.pos.cmp.start", s=3 * seconds)):
        with guard():
            results = {}
            st.session_state[KEY] = results
            with run:
                for k, pos in enumerate(CHOICES):
                    if run.should_stop():
                        break
                    r = GPTRun(None, "char", gpt_config(epochs=300, max_seconds=None), context=32, d_model=64, h=4,
                               n_layers=2, pos=pos)
                    r.fit(should_stop=run.should_stop, seconds=float(seconds))
                    results[pos] = {"val_loss": r.val_loss(), "val_ppl": r.perplexity(), "params": r.n_params(),
                                    "seconds": round(r.seconds, 1)}
                    run.on_progress(k + 1, 3, {"val_loss": results[pos]["val_loss"]})
    results = st.session_state.get(KEY)
    if not results:
        st.caption(t("att.pos.cmp.none"))
        return
    df = pd.DataFrame([{t("att.pos.col.kind"): t(f"att.pos.kind.{p}"), t("att.pos.col.val"): round(r["val_loss"], 3),
                        "perplexity": round(r["val_ppl"], 1), t("att.pos.col.params"): r["params"],
                        t("att.pos.col.seconds"): r["seconds"]} for p, r in results.items()])
    st.dataframe(df, hide_index=True, width="stretch")
