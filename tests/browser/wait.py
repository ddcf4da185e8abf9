"""Waiting on Streamlit's state in a real browser (never on time).

What counts as "the run finished" is what the server said on the page's own WebSocket: every
``ForwardMsg.script_finished`` (a full run or a fragment run, not one cut short for a rerun) that
Chromium received, parsed with Streamlit's own protobuf classes. Two things made the DOM alone
unreliable: ``data-test-script-state="notRunning"`` is both the state after a run and the state
before the next one starts, and a fast run on a busy machine is never *shown* as running at all
(React renders the "started" and "finished" messages in one batch), so counting DOM transitions
missed runs and a test waited 120 s for one that had long finished.

After the server's ``script_finished``, the helpers also wait until the page itself has handled
that message (an init script counts the messages the page's WebSocket delivered, one task after
Streamlit's own handler), shows ``notRunning``, and has no element still waiting for its lazily
loaded code (Streamlit's ``stSkeleton`` placeholder): what the test reads next is the run's result.
"""
from __future__ import annotations

import time

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

_DONE = {ForwardMsg.ScriptFinishedStatus.Value(n) for n in (
    "FINISHED_SUCCESSFULLY", "FINISHED_FRAGMENT_RUN_SUCCESSFULLY", "FINISHED_WITH_COMPILE_ERROR")}

MESSAGE_COUNTER = """(() => {
  if (window.__pgWrapped) return;
  window.__pgWrapped = true;
  window.__pgHandled = 0;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      if (!String(args[0]).includes('/_stcore/stream')) return;
      window.__pgHandled = 0;  // a new connection: its frames are counted afresh on both sides
      this.addEventListener('message', () => setTimeout(() => { window.__pgHandled += 1; }, 0));
    }
  };
})();"""

_SCRIPT_STATE = """document.querySelector('[data-testid="stApp"]')?.getAttribute('data-test-script-state')"""
# Streamlit loads many elements' code on first use (st.code's highlighter, Plotly, the data grid)
# and shows a Suspense placeholder, data-testid="stSkeleton", until it has arrived: a run is only
# shown once none is left (a test read the translate tab's body while its st.code was still one).
_LAZY_PENDING = """document.querySelector('[data-testid="stSkeleton"]')"""
RUN_HANDLED = f"""(n) => window.__pgHandled >= n && {_SCRIPT_STATE} === 'notRunning'"""
RUN_SHOWN = f"""(n) => ({RUN_HANDLED})(n) && !{_LAZY_PENDING}"""


class Runs:
    """The script runs one page's Streamlit WebSocket carried: ``finished`` counts them,
    ``frame_of_last`` is the index of the frame that said so (for the page-side check)."""

    def __init__(self) -> None:
        self.finished = 0
        self.frames = 0
        self.frame_of_last = 0
        self.socket = None

    def on_socket(self, ws) -> None:
        if "/_stcore/stream" not in ws.url:
            return
        self.socket, self.frames = ws, 0
        ws.on("framereceived", lambda data: self._on_frame(ws, data))

    def _on_frame(self, ws, data) -> None:
        if ws is not self.socket:
            # a frame of the document the page has left (or of a connection Streamlit replaced),
            # delivered late: counted, it would say a run of the new document had finished, or
            # push frame_of_last past what the new document's counter will ever reach
            return
        self.frames += 1
        if isinstance(data, (bytes, bytearray)):
            msg = ForwardMsg()
            msg.ParseFromString(bytes(data))
            if msg.WhichOneof("type") == "script_finished" and msg.script_finished in _DONE:
                self.finished += 1
                self.frame_of_last = self.frames


def runs(page) -> Runs:
    """The page's run record (attached when the page was created: see new_context)."""
    record = getattr(page, "_pg_runs", None)
    if record is None:
        record = page._pg_runs = Runs()
        page.on("websocket", record.on_socket)
    return record


def new_context(browser, **kwargs):
    """A browser context whose pages record their script runs (see module docstring)."""
    kwargs.setdefault("viewport", {"width": 1400, "height": 1000})
    context = browser.new_context(**kwargs)
    context.add_init_script(MESSAGE_COUNTER)
    context.on("page", runs)
    return context


def finished_runs(page) -> int:
    return runs(page).finished


def page_state(page) -> dict:
    """What the helpers wait on, as the page and its WebSocket see it now (for failure reports)."""
    record = runs(page)
    return {**page.evaluate(f"() => ({{url: location.href, handledMessages: window.__pgHandled, "
                            f"scriptState: {_SCRIPT_STATE}, lazyPending: !!{_LAZY_PENDING}}})"),
            "finishedRuns": record.finished, "frames": record.frames, "frameOfLastRun": record.frame_of_last}


def wait_run_after(page, before: int, timeout_ms: int = 90_000, shown: str = RUN_SHOWN) -> None:
    """Wait until the server has finished a run beyond the first ``before`` ones, and the page
    has handled that message, shows that nothing runs and has every element's code (``shown``:
    RUN_HANDLED leaves out that last part, for the test of it)."""
    from playwright.sync_api import Error

    record = runs(page)
    deadline = time.monotonic() + timeout_ms / 1000
    while record.finished <= before:
        left_ms = (deadline - time.monotonic()) * 1000
        if left_ms <= 0:
            raise TimeoutError(f"no script run finished within {timeout_ms / 1000:.0f} s "
                               f"({record.finished} finished, {before} before the action)")
        socket = record.socket
        try:  # Playwright delivers the frames (and runs _on_frame) while it waits for one
            if socket is None or socket.is_closed():
                page.wait_for_event("websocket", timeout=left_ms)
            else:
                socket.wait_for_event("framereceived", timeout=min(left_ms, 5_000))
        except Error:
            pass  # no frame for 5 s, or the socket closed: look again (a reconnect brings a new one)
    left_ms = max(1.0, (deadline - time.monotonic()) * 1000)
    page.wait_for_function(shown, arg=record.frame_of_last, timeout=left_ms)


def goto(page, url: str, timeout_ms: int = 90_000) -> None:
    """Open ``url`` and wait for the first script run of the new document to finish."""
    record = runs(page)
    before = record.finished
    # a new document opens a new WebSocket: wait for that one's frames, not for the old one's
    # (Playwright does not always report the old socket closed when the document goes away, and
    # a wait on it would only end at its 5 s timeout)
    record.socket = None
    page.goto(url)
    wait_run_after(page, before, timeout_ms)


def act(page, action, timeout_ms: int = 90_000) -> None:
    """Do ``action()`` (a click, Enter in a field, …) and wait for the script run it caused."""
    before = finished_runs(page)
    action()
    wait_run_after(page, before, timeout_ms)


def settle_error_handlers(page, timeout_ms: int = 30_000) -> None:
    """Wait until an ``<img src=x onerror=…>`` inserted *now* has fired its handler: any such
    element that user text could have created earlier has had the same chance to run (and to
    open a dialog), so a test can then assert that none did."""
    page.evaluate("""() => { window.__pgCanary = false; const i = document.createElement('img');
                          i.style.display = 'none'; i.onerror = () => { window.__pgCanary = true; i.remove(); };
                          i.src = 'x-canary-' + Date.now(); document.body.appendChild(i); }""")
    page.wait_for_function("() => window.__pgCanary === true", timeout=timeout_ms)
