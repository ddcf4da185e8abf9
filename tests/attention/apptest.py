"""AppTest of the attention page. (tests.conftest.app_test switches pages before the first run;
with st.navigation and url_path pages the switch only resolves after one run, so we run first.)"""
from __future__ import annotations

from core.i18n import t
from tests.conftest import APP

PAGE = "pages/attention/page.py"


def open_section(tab_key: str | None = None, *, query: dict | None = None, session: dict | None = None,
                 timeout: float = 120):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=timeout)
    q = dict(query or {})
    if tab_key:
        q["tab"] = t(tab_key, "ja")
    for k, v in q.items():
        at.query_params[k] = v
    for k, v in (session or {}).items():
        at.session_state[k] = v
    at.run()
    at.switch_page(PAGE)
    at.run()
    return at
