"""AppTest helper for the word2vec page."""
from __future__ import annotations

from core.i18n import t
from tests.conftest import app_test



def open_tab(tab_key: str, *, query: dict | None = None, session: dict | None = None, timeout: float = 180):
    return app_test("word2vec", query={"tab": t(tab_key, "ja"), **(query or {})}, session=session,
                    timeout=timeout)


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
