"""Links to a demo and its QR code: what the instructor shows so that students open the same
demo (and join the class). Only the shared URL parameters travel (core.classroom.shared_params:
never ``presenter`` or ``class`` unless the link means to join)."""
from __future__ import annotations

import os

from core import InputTooLong
from core.classroom import shared_params

PUBLIC_URL_ENV = "PLAYGROUND_PUBLIC_URL"


def public_base(request_root: str) -> str:
    """The address students use: ``PLAYGROUND_PUBLIC_URL`` (behind a proxy) else the root of the
    URL the instructor's browser shows. No trailing slash."""
    return (os.environ.get(PUBLIC_URL_ENV, "").strip() or request_root or "http://localhost:8501").rstrip("/")


def demo_link(base: str, page: str, params: dict, code: str | None = None) -> str:
    """base/page?shared params[&class=CODE]: opens the same demo (and joins the class)."""
    from urllib.parse import urlencode

    pairs = [(k, v) for k, vs in shared_params(params).items() for v in vs]
    if code:
        pairs.append(("class", code))
    query = urlencode(pairs)
    return f"{base.rstrip('/')}/{page}" + (f"?{query}" if query else "")


def qr_png(text: str, scale: int = 10) -> bytes:
    """A QR code of ``text`` as PNG bytes (segno, error correction M, quiet zone of 4 modules)."""
    import io

    import segno

    try:
        qr = segno.make(text, error="m", micro=False)
    except segno.DataOverflowError:
        raise InputTooLong("このリンクは長すぎて QR コードにできません。クラスコードか短い URL を使ってください（入力を短くすると QR も作れます）。",
                           en="This link is too long for a QR code. Use the class code or the short URL (shorter inputs make the QR fit).") from None
    buf = io.BytesIO()
    qr.save(buf, kind="png", scale=scale, border=4)
    return buf.getvalue()
