"""Section 「事前学習済みの GPT」(issue 27, item 10): a pretrained Japanese GPT from the Hub through
the same model field, allow-list, download button, size cap and memory budget as the BERT models
— next-token probability bars under temperature / top-k / top-p, step-by-step generation and the
attention of every layer and head. Offline, the mini-GPT trained on the GPT tab stands in, labelled."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from core import ModelUnavailable
from core.attention import figures as attention_figures
from core.transformer import pretrained
from pages.common.ui import chart, checked, guard, lang, show_error, t

TASK = "text-generation"
MINI_KEY = "tf_gpt_run"  # the GPT tab's trained mini-GPT (pages/attention/gpt.py)


def _model():
    from core import resources
    from pages.common.model_source import model_caption, source_field

    source = source_field(TASK)
    try:
        lm = resources.gpt_causal_lm(source)
        model_caption(TASK)
        return lm
    except ModelUnavailable as exc:
        show_error(exc)
        from pages.common.download import offer

        offer(source, key="att_pgpt_download")
    run = st.session_state.get(MINI_KEY)
    if run is None or getattr(run, "model", None) is None:
        st.info(t("att.pgpt.no_mini"), icon=":material/info:")
        return None
    st.warning(t("att.pgpt.mini_label"), icon=":material/science:")
    return pretrained.MiniGPTLM(run)


def render() -> None:
    st.markdown(t("att.pgpt.intro"))
    with guard():
        lm = _model()
        if lm is None:
            return
        default = "今日は" if lm.pretrained else ""
        text = checked(st.text_input(t("att.pgpt.prompt"), value=default or _mini_default(lm), key="att_pgpt_text",
                                     max_chars=pretrained.MAX_PROMPT_CHARS), limit=pretrained.MAX_PROMPT_CHARS)
        c1, c2, c3 = st.columns(3)
        temperature = c1.slider(t("att.pgpt.temperature"), 0.0, 2.0, 1.0, 0.1, key="att_pgpt_temp")
        top_k = c2.select_slider(t("att.pgpt.top_k"), [0, 1, 3, 5, 10, 50], value=0, key="att_pgpt_k",
                                 help=t("att.pgpt.top_k.help"))
        top_p = c3.select_slider(t("att.pgpt.top_p"), [0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 1.0], value=1.0,
                                 key="att_pgpt_p", help=t("att.pgpt.top_p.help"))
        nt = pretrained.next_token(lm, text, temperature=temperature, top_k=int(top_k), top_p=float(top_p))
        st.session_state["att_pgpt_next"] = nt
        df = pd.DataFrame({"token": [repr(c[0])[1:-1] for c in nt.candidates], t("att.pgpt.raw"): [c[1] for c in nt.candidates],
                           t("att.pgpt.after"): [c[2] for c in nt.candidates]})
        import plotly.graph_objects as go

        fig = go.Figure([go.Bar(y=df["token"], x=df[t("att.pgpt.raw")], orientation="h", name=t("att.pgpt.raw")),
                         go.Bar(y=df["token"], x=df[t("att.pgpt.after")], orientation="h", name=t("att.pgpt.after"))])
        fig.update_layout(barmode="group", height=380, yaxis=dict(autorange="reversed"),
                          title=t("att.pgpt.bars", kept=nt.kept))
        chart(fig, key="att_pgpt_bars", filename="gpt-next-token", data=df)
        n = st.slider(t("att.pgpt.steps"), 1, 20, 8, key="att_pgpt_n")
        steps = pretrained.generate_steps(lm, text, n, temperature=max(temperature, 1e-3) if temperature else 0.0,
                                 top_k=int(top_k), top_p=float(top_p), seed=0)
        st.code(text + "".join(s.token for s in steps), language=None, wrap_lines=True)
        st.dataframe(pd.DataFrame([{"#": i + 1, "token": s.token, "p": round(s.p, 4),
                                    t("att.pgpt.top5"): "  ".join(f"{tok} {p:.3f}" for tok, p in s.top)}
                                   for i, s in enumerate(steps)]), hide_index=True, width="stretch")
        tokens, A = lm.attention(text)
        L, H = A.shape[:2]
        fig, data = attention_figures.model_view(A.numpy(), tokens, layers=list(range(L)), heads=list(range(H)),
                                 cell_px=90 if H > 4 else 150, with_data=len(tokens) <= 24, lang=lang())
        st.markdown(f"**{t('att.pgpt.attention', L=L, H=H)}**")
        chart(fig, key="att_pgpt_attention", filename="gpt-attention", data=data)


def _mini_default(lm) -> str:
    run = getattr(lm, "run", None)
    text = getattr(run, "text", "") or ""
    return text[:6] if text else "猫"
