"""Section 「注意ヘッドの働き」: the Transformer paper's examples in Japanese (その → 法律,
難しく → 手続き) and an automatic search over every layer × head for the head that attends from
one word to the other (core.attention.heads), shown as that head's view. The model is the
configured BERT (Tohoku BERT when downloaded) or a mini-BERT trained and saved here (offline)."""
from __future__ import annotations

import streamlit as st

from core import ModelUnavailable
from core import attention
from core.attention import figures as attention_figures
from core.attention import heads as Hs
from pages.common.ui import chart, checked, guard, lang, show_error, t

MODELS = ("configured", "mini")


def _model():
    """(LoadedModel, label) or (None, None) with a message when nothing can be loaded."""
    from core import resources
    from core.bert import saved

    which = st.radio(t("att.heads.model"), MODELS, format_func=lambda k: t(f"att.heads.model.{k}"),
                     key="att_heads_model", bind="query-params", horizontal=True)
    if which == "mini":
        rows = saved.saved_models()
        if not rows:
            st.info(t("att.heads.mini.none"), icon=":material/info:")
            return None, None
        path = st.selectbox(t("att.heads.mini.pick"), [r["path"] for r in rows], key="att_heads_mini",
                            format_func=lambda p: next(f"{r['name']} — {r.get('label', '')}" for r in rows if r["path"] == p))
        return resources.bert_attention_encoder(path), t("att.heads.mini.label")
    from pages.common.model_source import source_field

    source = source_field("fill-mask")
    try:
        loaded = resources.bert_attention_encoder(source)
    except ModelUnavailable as exc:
        show_error(exc)
        st.info(t("att.heads.offline"), icon=":material/info:")
        return None, None
    if getattr(loaded, "untrained", False):
        st.warning(t("att.bert.untrained"), icon=":material/casino:")
    return loaded, source


def render() -> None:
    st.markdown(t("att.heads.intro"))
    keys = [p[0] for p in Hs.PRESETS]
    preset = st.radio(t("att.heads.preset"), keys, format_func=lambda k: t(f"att.heads.preset.{k}"),
                      key="att_heads_preset", horizontal=True)
    _, text0, from0, to0 = Hs.PRESETS[keys.index(preset)]
    text = checked(st.text_input(t("att.heads.text"), value=text0, key=f"att_heads_text_{preset}",
                                 max_chars=attention.MAX_TEXT_CHARS), limit=attention.MAX_TEXT_CHARS)
    c1, c2 = st.columns(2)
    from_word = checked(c1.text_input(t("att.heads.from"), value=from0, key=f"att_heads_from_{preset}", max_chars=40),
                        limit=40)
    to_word = checked(c2.text_input(t("att.heads.to"), value=to0, key=f"att_heads_to_{preset}", max_chars=40), limit=40)
    with guard():
        loaded, label = _model()
        if loaded is None:
            return
        st.caption(t("att.heads.using", label=label))
        from core import device

        with device.heavy_work(on_wait=lambda: st.caption(t("common.waiting"))):
            r = Hs.find_head(loaded, text, from_word, to_word)
        st.session_state["att_heads_result"] = r.as_dict()
        msg = t("att.heads.found" if r.found else "att.heads.none", layer=r.layer, head=r.head, w=r.weight,
                u=r.uniform, o=r.others, a=from_word, b=to_word)
        (st.success if r.found else st.warning)(msg)
        L, H = r.scores.shape
        fig, df = attention_figures.heatmap(r.scores, [f"L{i}" for i in range(L)], [f"H{j}" for j in range(H)],
                            title=t("att.heads.grid", a=from_word, b=to_word), zmin=0,
                            zmax=max(float(r.scores.max()), 1e-6), annotate=L * H <= 144,
                            row_title=t("att.bert.layer"), col_title=t("att.bert.head"))
        chart(fig, key="att_heads_grid", filename="attention-head-search", data=df)
        n = len(r.tokens)
        fig, df = attention_figures.heatmap(r.attention, r.tokens, r.tokens, title=f"L{r.layer} H{r.head}", zmin=0,
                            zmax=max(float(r.attention.max()), 1e-6), annotate=n <= 16,
                            row_title=t("att.axis.query"), col_title=t("att.axis.key"), height=min(900, 120 + 26 * n))
        chart(fig, key="att_heads_best", filename=f"attention-head-L{r.layer}-H{r.head}", data=df)
        if preset == "sentiment":  # the notes' review example; the gradient methods live on the BERT page
            st.caption(t("att.heads.sentiment.note"))
            st.page_link("pages/bert/page.py", label=t("att.heads.sentiment.link"),
                         query_params={"tab": t("bert.tab.sentiment")})
        if n <= 48:
            chart(attention_figures.head_view_lines(r.attention, r.tokens, title=t("att.bert.lines"), lang=lang()),
                  key="att_heads_lines")
