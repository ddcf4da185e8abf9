"""AppTest helper for the word2vec page. (tests.conftest.app_test switches pages before the
first run; with st.navigation and url_path pages the switch only resolves after one run.)"""
from __future__ import annotations

from core.i18n import t
from tests.conftest import APP

PAGE = "pages/word2vec/page.py"


def open_tab(tab_key: str, *, query: dict | None = None, session: dict | None = None, timeout: float = 180):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=timeout)
    q = {"tab": t(tab_key, "ja"), **(query or {})}
    for k, v in q.items():
        at.query_params[k] = v
    for k, v in (session or {}).items():
        at.session_state[k] = v
    at.run()
    at.switch_page(PAGE)
    at.run()
    return at


def texts(at) -> str:
    parts = []
    for kind in ("markdown", "caption", "info", "warning", "error", "success", "code", "title", "subheader",
                 "metric"):
        for e in getattr(at, kind):
            parts.append(str(getattr(e, "value", "")))
            if kind == "metric":
                parts.append(str(e.label))
    return "\n".join(parts)


def warnings(at) -> list[str]:
    return [str(w.value) for w in at.warning]
