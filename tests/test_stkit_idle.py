"""stkit/client.py's Session.idle (issue 24, the soak's BrokenPipeError): a tab that sits idle
as a browser tab does answers the server's WebSocket pings, so its next interaction works; a
tab that does not read for longer than the ping timeout finds its socket closed (the control,
which shows that the server here really closes unanswered sockets)."""
from __future__ import annotations


import pytest

from core.i18n import t


@pytest.mark.slow  # a real server with a 1 s WebSocket ping interval (and timeout)
def test_an_idle_tab_answers_pings_and_stays_connected():
    from stkit.client import ProtocolError, Session
    from stkit.server import Server

    server = Server({"STREAMLIT_SERVER_WEBSOCKET_PING_INTERVAL": "1"}, warm=True, timeout=120)
    kept = Session(server.url, "word2vec", {"tab": t("w2v.tab.neighbors")}, timeout=120)
    silent = Session(server.url, "word2vec", {"tab": t("w2v.tab.neighbors")}, timeout=120)
    try:
        kept.open()
        silent.open()
        kept.idle(5)  # several ping intervals, answered
        assert not kept.rerun().problems()
        with pytest.raises((ProtocolError, OSError)):  # BrokenPipeError (send) or a close frame
            silent.rerun()
    finally:
        kept.close()
        silent.close()
        server.stop()
