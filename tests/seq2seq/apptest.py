"""AppTest of the seq2seq page opened on one tab (run once, switch page, run again: with
st.navigation's url_path pages the switch only resolves after a first run)."""
from __future__ import annotations

from core.i18n import t
from tests.conftest import APP

PAGE = "pages/seq2seq/page.py"


def s2s_app(tab: str, *, query: dict | None = None, session: dict | None = None, timeout: float = 180):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=timeout)
    at.query_params["tab"] = t(f"s2s.tab.{tab}", "ja")
    for k, v in (query or {}).items():
        at.query_params[k] = v
    for k, v in (session or {}).items():
        at.session_state[k] = v
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert at.title and at.title[0].value == t("s2s.title", "ja"), [x.value for x in at.title]
    return at


def texts(at) -> str:
    parts = []
    for kind in ("markdown", "caption", "info", "success", "warning", "code", "text"):
        parts += [str(e.value) for e in getattr(at, kind)]
    return "\n".join(parts)


def warnings(at) -> str:
    return "\n".join(str(w.value) for w in at.warning)


def charts(at) -> int:
    return len(at.get("plotly_chart"))
