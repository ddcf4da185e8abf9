"""AppTest of the LSTM page opened on one tab.

tests.conftest.app_test switches pages before the first run; with st.navigation's custom
url_path Streamlit needs one run first (see AppTest.switch_page), so this helper runs, switches,
runs again.
"""
from __future__ import annotations

from core.i18n import t
from tests.conftest import APP


def lstm_app(tab: str, *, query: dict | None = None, session: dict | None = None, timeout: float = 120,
             lang: str = "ja"):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=timeout)
    at.query_params["tab"] = t(f"lstm.tab.{tab}", lang)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    for k, v in (session or {}).items():
        at.session_state[k] = v
    at.run()
    at.switch_page("pages/lstm/page.py")
    at.run()
    assert at.title and at.title[0].value == t("lstm.title", lang), [x.value for x in at.title]
    return at


def warnings(at) -> str:
    return "\n".join(str(w.value) for w in at.warning)


def texts(at) -> str:
    parts = []
    for kind in ("markdown", "caption", "info", "success", "warning", "latex", "text"):
        parts += [str(e.value) for e in getattr(at, kind)]
    return "\n".join(parts)


def charts(at) -> int:
    return len(at.get("plotly_chart"))
