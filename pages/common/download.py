"""The 「ダウンロード」 panel shown under a "model missing" message (issue 14): the model's name,
size and licence from the Hub, a button, then one shared progress bar (bytes, speed, ETA) for
everyone waiting on the same download (core.download), and a rerun that loads the model.

Shown only when the server can reach the Hub and the operator allows page downloads
(``PLAYGROUND_UI_DOWNLOAD``, see core.download); otherwise the message above it (with the fetch
command) is all there is."""
from __future__ import annotations

import streamlit as st

from pages.common.ui import show_error, t

POLL_S = 0.25  # how often the progress bar is refreshed while a download runs


@st.cache_data(ttl=120, show_spinner=False)
def _card(source: str):
    """The Hub's card of ``source`` or None (offline / unknown): cached so reruns stay quick."""
    from core import ModelUnavailable, download

    try:
        return download.card(source)
    except ModelUnavailable:
        return None


def offer(source: str, *, key: str) -> None:
    from core import PlaygroundError, download, hub

    if hub.is_local(source) or not download.ui_downloads_allowed():
        return
    job = download.job(source)
    info = _card(source)
    if info is None and (job is None or not job.active):
        return  # offline or unknown id: the message above (with the command) is all there is
    with st.container(border=True):
        st.markdown(f"**{t('dl.title')}**")
        if info is not None:
            lic = f"`{info.license}`" if info.license else t("dl.license.unknown")
            st.markdown(f"- {t('dl.name')}: `{info.repo_id}`\n"
                        f"- {t('dl.size')}: {download.human_bytes(info.size_bytes)} ({len(info.files)} files)\n"
                        f"- {t('dl.license')}: {lic}")
        else:
            st.markdown(f"- {t('dl.name')}: `{source}`")
        if job is not None and job.state == "failed":
            show_error(job.error)
        if job is None or not job.active:
            if not st.button(t("dl.button"), key=key, type="primary", icon=":material/download:",
                             help=t("dl.help")):
                return
            try:
                job = download.start(source)
            except PlaygroundError as exc:  # refused: not on the list, too large, switched off
                show_error(exc)
                return
        _watch(job)


def _watch(job) -> None:
    """Blocks this session's run while the shared download runs, refreshing its progress bar."""
    from core.download import human_bytes

    bar = st.progress(0.0, text=t("dl.waiting"))
    while not job.finished.wait(POLL_S):
        if job.state == "running":
            p = job.progress
            eta = f"{p.eta_s:.0f} s" if p.eta_s is not None else t("dl.eta.unknown")
            bar.progress(p.fraction, text=t("dl.progress", done=human_bytes(p.done_bytes),
                                            total=human_bytes(p.total_bytes), speed=human_bytes(p.speed_bps),
                                            eta=eta))
    if job.state == "done":
        bar.progress(1.0, text=t("dl.done"))
        st.rerun()
    show_error(job.error)
