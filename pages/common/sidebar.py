"""The sidebar every page shares: device, loaded models, language, presenter mode."""
from __future__ import annotations

import streamlit as st

from core import registry
from core.i18n import LANG_LABELS, LANGS
from pages.common.ui import LANG_KEY, PRESENTER_KEY, t

PRESENTER_CSS = """
<style>
html, body, [data-testid="stAppViewContainer"] { font-size: 1.35rem; }
[data-testid="stAppViewContainer"] p, [data-testid="stAppViewContainer"] li,
[data-testid="stAppViewContainer"] label, [data-testid="stAppViewContainer"] input,
[data-testid="stAppViewContainer"] textarea { font-size: 1.3rem !important; }
[data-testid="stAppViewContainer"] h1 { font-size: 3rem !important; }
[data-testid="stAppViewContainer"] h2 { font-size: 2.3rem !important; }
[data-testid="stAppViewContainer"] h3 { font-size: 1.8rem !important; }
[data-testid="stToolbar"], [data-testid="stMainMenu"] { display: none !important; }
</style>
"""


def render() -> None:
    with st.sidebar:
        st.radio(t("sidebar.language"), [LANG_LABELS[code] for code in LANGS], key=LANG_KEY,
                 horizontal=True, bind="query-params")
        st.toggle(t("sidebar.presenter"), key=PRESENTER_KEY, help=t("sidebar.presenter.help"),
                  bind="query-params")
        st.divider()
        _device_line()
        _models_lines()
    if st.session_state.get(PRESENTER_KEY):
        st.html(PRESENTER_CSS)


def _device_line() -> None:
    from core import resources

    probe = resources.device_probe()
    st.sidebar.caption(t("sidebar.device"))
    if not probe.done.is_set():
        with st.sidebar:
            _device_pending(probe)
    elif probe.error:
        st.sidebar.markdown(t("sidebar.device.error", error=probe.error))
    else:
        icon = {"cuda": "🟢", "mps": "🟢", "cpu": "⚪"}.get(probe.info.type, "⚪")
        st.sidebar.markdown(f"{icon} **{probe.info.name}**  \n`{probe.info.torch_device}` · {probe.info.inference_dtype}")
    from core import device

    waiting = device.waiting_count()
    if waiting:
        st.sidebar.caption(t("sidebar.waiting", n=waiting))


@st.fragment(run_every=1.0)
def _device_pending(probe) -> None:
    """Shown while torch loads in the background; reruns the app once the device is known."""
    if probe.done.is_set():
        st.rerun(scope="app")
    st.markdown(t("sidebar.device.checking"))


def _models_lines() -> None:
    st.sidebar.caption(t("sidebar.models"))
    items = registry.loaded()
    if not items:
        st.sidebar.markdown(t("sidebar.models.none"))
        return
    lines = []
    for item in items:
        secs = f" ({item['seconds']:.1f} s)" if item.get("seconds") is not None else ""
        detail = f" — {item['detail']}" if item.get("detail") else ""
        lines.append(f"- {item['name']}{detail}{secs}")
    st.sidebar.markdown("\n".join(lines))
