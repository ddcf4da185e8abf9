"""The sidebar every page shares: device, loaded models, language, presenter mode."""
from __future__ import annotations

import streamlit as st

from core import registry
from core.i18n import LANG_LABELS, LANGS
from pages.common import classroom
from pages.common.ui import LANG_KEY, PRESENTER_KEY, escape, t

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
        share_button()
        st.divider()
        classroom.sidebar_section()
        st.divider()
        _device_line()
        _models_lines()
        _memory_line()
    if st.session_state.get(PRESENTER_KEY):
        st.html(PRESENTER_CSS)


SHARE_HTML = """
<div class="pg-share">
<button type="button" id="pg-share-btn" data-done="{done}"
  style="width:100%;padding:.45rem .6rem;border:1px solid rgba(49,51,63,.25);border-radius:.5rem;
         background:white;cursor:pointer;font-size:.9rem">{label}</button>
<input id="pg-share-url" readonly style="position:absolute;left:-9999px" value="">
</div>
<script>
(function () {{
  const btn = document.getElementById("pg-share-btn");
  if (!btn || btn.dataset.bound) return;
  btn.dataset.bound = "1";
  btn.addEventListener("click", async () => {{
    const url = window.location.href;
    let ok = false;
    try {{ await navigator.clipboard.writeText(url); ok = true; }} catch (e) {{
      const box = document.getElementById("pg-share-url");
      box.value = url; box.select();
      try {{ ok = document.execCommand("copy"); }} catch (e2) {{ ok = false; }}
    }}
    btn.dataset.url = url;
    const original = btn.textContent;
    btn.textContent = ok ? "✅ " + btn.dataset.done : url;
    if (ok) setTimeout(() => {{ btn.textContent = original; }}, 2500);
  }});
}})();
</script>
"""


def share_button() -> None:
    """「このデモのリンク」: copies the current URL (its query string holds the page's inputs,
    bound with bind="query-params"), so a link reproduces the demo. Static script, no user text."""
    st.html(SHARE_HTML.format(label=escape(t("sidebar.share")), done=escape(t("sidebar.share.done"))),
            unsafe_allow_javascript=True)


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
        detail = f" — {t(item['detail'])}" if item.get("detail") else ""  # an i18n key (core.resources)
        mem = f" · {item['mb']:.0f} MB" if item.get("mb") else ""
        lines.append(f"- {item['name']}{detail}{secs}{mem}")
    st.sidebar.markdown("\n".join(lines))


def _memory_line() -> None:
    """This server process's resident memory, against PLAYGROUND_MEMORY_BUDGET_MB when set."""
    rss, budget = registry.rss_mb(), registry.budget_mb()
    st.sidebar.caption(t("sidebar.memory.budget", rss=f"{rss:.0f}", budget=f"{budget:.0f}") if budget
                       else t("sidebar.memory", rss=f"{rss:.0f}"))
