"""AppTest of the seq2seq page opened on one tab."""
from __future__ import annotations

from core.i18n import t
from tests.conftest import app_test



def s2s_app(tab: str, *, query: dict | None = None, session: dict | None = None, timeout: float = 180):
    at = app_test("seq2seq", query={"tab": t(f"s2s.tab.{tab}", "ja"), **(query or {})}, session=session,
                  timeout=timeout)
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
