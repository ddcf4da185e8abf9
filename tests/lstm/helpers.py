"""AppTest of the LSTM page opened on one tab."""
from __future__ import annotations

from core.i18n import t
from tests.conftest import app_test


def lstm_app(tab: str, *, query: dict | None = None, session: dict | None = None, timeout: float = 120,
             lang: str = "ja"):
    q = {"tab": t(f"lstm.tab.{tab}", lang), **(query or {})}
    at = app_test("lstm", query=q, session=session, timeout=timeout)
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
