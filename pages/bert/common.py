"""Shared pieces of the BERT page's tabs: getting the cached models (with the offline path),
the untrained-model banner, the candidates table (figures: core.figures)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from core import ModelUnavailable
from pages.common import model_source
from pages.common.download import offer
from pages.common.ui import show_error, t

UNTRAINED_KEY = "bert_use_untrained"


def untrained_banner(loaded) -> None:
    if getattr(loaded, "untrained", False):
        st.warning(t("bert.untrained.banner"), icon="🎲")


def masked_lm(*, key_suffix: str = ""):
    """The fill-mask model of this session's source, or None (the message is shown). When the
    model is missing the person may switch to the UNTRAINED tiny BERT to see the mechanics."""
    from core import resources

    source = model_source.current_source("fill-mask")
    try:
        loaded = resources.bert_fill_mask_model(source)
    except ModelUnavailable as exc:
        show_error(exc)
        offer(source, key=f"bert_download{key_suffix}")
        trained = _trained_here_fallback(key_suffix)
        if trained is not None:
            return trained
        use = st.toggle(t("bert.untrained.toggle"), key=f"{UNTRAINED_KEY}{key_suffix}",
                        help=t("bert.untrained.help"))
        if not use:
            st.info(t("bert.offline.rest"), icon="ℹ️")
            return None
        loaded = resources.bert_fill_mask_model(resources.bert_untrained_demo_dir("pretraining"))
    model_source.model_caption("fill-mask")
    untrained_banner(loaded)
    return loaded


def _trained_here_fallback(key_suffix: str):
    """Offline: the mini-BERT the warm-up trained here (core.bert.saved), labelled as such."""
    from core import resources
    from core.bert import saved

    models = {row["name"]: row["path"] for row in saved.saved_models()}
    path = models.get(saved.DEFAULT_NAME) or next(iter(models.values()), None)
    if path is None or not st.toggle(t("bert.pt.offline.use"), value=True, key=f"bert_use_trained{key_suffix}"):
        return None
    loaded = resources.bert_fill_mask_model(path)
    model_source.trained_here_label(path)
    return loaded


def candidates_frame(candidates) -> pd.DataFrame:
    return pd.DataFrame([{"token": tok, "probability": p} for tok, p in candidates])


def save_usage(owned) -> None:
    """The server's storage for saved models and this session's saves (core.saving)."""
    from core import saving

    use = saving.usage()
    st.caption(t("save.usage", used=f"{use['used_mb']:,.0f}", quota=f"{use['quota_mb']:,.0f}",
                 n=len(owned), max=saving.max_saves()))
