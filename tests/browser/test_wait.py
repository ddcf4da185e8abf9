"""The browser tests' own waiting (tests/browser/wait.py): a finished run counts as shown only
when every element's lazily loaded code has arrived, and only the current document's socket
counts."""
from core.i18n import t
from tests.browser.wait import RUN_HANDLED, RUN_SHOWN, Runs, new_context, runs, wait_run_after


def test_a_run_is_shown_only_once_its_lazily_loaded_elements_have_arrived(server, browser):
    """st.code's highlighter is a chunk of its own: held back, the run has finished and the page
    has handled it, but the output is still Streamlit's placeholder, so it is not yet shown; once
    the chunk arrives it is, with the translation in it. (A test once read the translate tab's
    body between the two and missed its output.)"""
    import urllib.parse

    context = new_context(browser, locale="ja-JP")  # its own context: the chunk is not cached
    held = []
    context.route("**/StreamlitSyntaxHighlighter*.js", lambda route: held.append(route))
    try:
        page = context.new_page()
        q = urllib.parse.urlencode({"tab": t("s2s.tab.translate", "ja"), "s2s_text": "平成6年9月27日"})
        page.goto(f"{server.url}/seq2seq?{q}")
        wait_run_after(page, 0, shown=RUN_HANDLED)
        page.wait_for_function("() => document.querySelectorAll('[data-testid=\"stPlotlyChart\"] .main-svg').length >= 1",
                               timeout=90_000)
        assert held, "the page never asked for st.code's highlighter"
        n = runs(page).frame_of_last
        assert page.locator('[data-testid="stSkeleton"]').count() >= 1
        assert "1994-09-27" not in page.inner_text('[data-testid="stMain"]')
        assert page.evaluate(RUN_HANDLED, n) and not page.evaluate(RUN_SHOWN, n)
        for route in held:
            route.continue_()
        page.wait_for_function(RUN_SHOWN, arg=n, timeout=90_000)
        assert "1994-09-27" in page.locator('[data-testid="stCode"]').first.inner_text()
    finally:
        context.close()


class _Socket:
    """Stands in for Playwright's WebSocket: its url, its handlers, and a way to deliver a frame."""

    def __init__(self, url: str) -> None:
        self.url, self.handlers = url, []

    def on(self, event: str, handler) -> None:
        assert event == "framereceived"
        self.handlers.append(handler)

    def deliver(self, data) -> None:
        for handler in self.handlers:
            handler(data)


def _finished() -> bytes:
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    msg = ForwardMsg()
    msg.script_finished = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_SUCCESSFULLY")
    return msg.SerializeToString()


def test_frames_of_the_document_left_behind_are_not_counted():
    """After goto the old document's socket may still deliver frames: its script_finished must
    not count as the new document's run, nor its frames push frame_of_last past what the new
    document's page-side counter reaches (a second goto once waited its whole 90 s)."""
    record = Runs()
    old, new = _Socket("ws://127.0.0.1:1/_stcore/stream"), _Socket("ws://127.0.0.1:1/_stcore/stream")
    record.on_socket(old)
    old.deliver(_finished())
    assert (record.finished, record.frames, record.frame_of_last) == (1, 1, 1)
    record.socket = None  # what goto does before it opens the new document
    old.deliver("a late text frame")
    old.deliver(_finished())
    assert record.finished == 1
    record.on_socket(new)
    old.deliver(_finished())
    new.deliver("a text frame")
    new.deliver(_finished())
    assert (record.finished, record.frames, record.frame_of_last) == (2, 2, 2)
