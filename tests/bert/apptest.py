"""AppTest helper for the BERT page."""
from __future__ import annotations

from core.i18n import t
from tests.conftest import app_test



def open_tab(tab_key: str, *, session: dict | None = None, query: dict | None = None, timeout: float = 120):
    return app_test("bert", query={"tab": t(tab_key, "ja"), **(query or {})}, session=session, timeout=timeout)


def texts(at) -> str:
    """Every visible text of the run (markdown, captions, infos, warnings, codes)."""
    parts = []
    for kind in ("markdown", "caption", "info", "warning", "error", "success", "code", "title", "subheader"):
        parts += [str(e.value) for e in getattr(at, kind)]
    return "\n".join(parts)
