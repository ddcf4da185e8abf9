"""AppTest of the /basics page, opened at one section (tab)."""
from __future__ import annotations

from core.i18n import t
from tests.conftest import app_test


def open_section(tab_key: str | None = None, *, query: dict | None = None, session: dict | None = None,
                 timeout: float = 120):
    q = dict(query or {})
    if tab_key:
        q["tab"] = t(tab_key, "ja")
    return app_test("basics", query=q, session=session, timeout=timeout)


def texts(elements) -> str:
    return " ".join(str(e.value) for e in elements)
