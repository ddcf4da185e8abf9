"""AppTest helper for the BERT page. tests.conftest.app_test switches pages before the first
run, which st.navigation with url_path pages only resolves after one run: so run, switch, run."""
from __future__ import annotations

from core.i18n import t
from tests.conftest import APP

PAGE = "pages/bert/page.py"


def open_tab(tab_key: str, *, session: dict | None = None, query: dict | None = None, timeout: float = 120):
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
    """Every visible text of the run (markdown, captions, infos, warnings, codes)."""
    parts = []
    for kind in ("markdown", "caption", "info", "warning", "error", "success", "code", "title", "subheader"):
        parts += [str(e.value) for e in getattr(at, kind)]
    return "\n".join(parts)
