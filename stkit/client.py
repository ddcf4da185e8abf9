"""A Streamlit client that speaks the browser's protocol over ``/_stcore/stream``.

What a browser tab does, without the browser: open a WebSocket with the ``streamlit``
subprotocol, send a ``BackMsg.rerun_script`` (a ``ClientState``: the page's URL path, its query
string, the widget states), and read ``ForwardMsg``s (``new_session``, ``delta`` — elements and
blocks addressed by their ``delta_path`` — and finally ``script_finished``). A widget change is
one more ``rerun_script`` carrying every widget's current value, as the frontend's
WidgetStateManager sends it; a button press is a one-shot ``trigger_value``.

Protocol facts read from streamlit 1.67 (``proto/BackMsg``, ``ClientState``, ``WidgetStates``,
``ForwardMsg``; ``web/server/starlette/starlette_websocket.py``): the first entry of
``Sec-WebSocket-Protocol`` is the subprotocol to select (``streamlit``), the second an XSRF token
(only used to read an auth cookie), the third an existing session id (reconnects). Nothing is
sent to a client that has not asked — except a classroom follower's poll fragment, which the
server runs when the class changes (pages/common/push.py; ``listen`` reads such a run). We
never advertise ``cached_message_hashes``, so the server sends every message in full (no
``ref_hash`` indirection).

Test and bench tooling (used by bench/locustfile.py, bench/ and the tests); talks only to the URL it
is given.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlparse

import websocket  # websocket-client (gevent-friendly under Locust's monkey patching)
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

EARLY = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_EARLY_FOR_RERUN")
COMPILE_ERROR = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_WITH_COMPILE_ERROR")
ERROR_ALERT = 1  # Alert.Format.ERROR


class ProtocolError(RuntimeError):
    """The server closed, timed out or sent something a browser would not expect."""


@dataclass
class Run:
    """One script run as the client saw it: the elements it drew, in arrival order."""

    seconds: float = 0.0
    elements: list = field(default_factory=list)  # Element protos drawn during this run
    status: int = 0
    page_not_found: bool = False

    def kinds(self) -> list[str]:
        return [e.WhichOneof("type") for e in self.elements]

    def count(self, kind: str) -> int:
        return sum(1 for k in self.kinds() if k == kind)

    def texts(self, kind: str) -> list[str]:
        """The shown text of every ``kind`` element of this run (``metric`` values, ``alert`` bodies)."""
        return [e.metric.body if kind == "metric" else e.alert.body
                for e in self.elements if e.WhichOneof("type") == kind]

    def problems(self) -> list[str]:
        """Exception elements and error alerts (what a student would see as a failure)."""
        out = []
        for e in self.elements:
            kind = e.WhichOneof("type")
            if kind == "exception":
                out.append(f"{e.exception.type}: {e.exception.message}"[:300])
            elif kind == "alert" and e.alert.format == ERROR_ALERT:
                out.append(f"error alert: {e.alert.body}"[:300])
        if self.status == COMPILE_ERROR:
            out.append("script compile error")
        return out


def _widget_id(node) -> str | None:
    kind = node.WhichOneof("type")
    inner = getattr(node, kind, None) if kind else None
    wid = getattr(inner, "id", "") if inner is not None else ""
    return wid or None


def _label(node) -> str:
    kind = node.WhichOneof("type")
    inner = getattr(node, kind, None) if kind else None
    return getattr(inner, "label", "") if inner is not None else ""


class Session:
    """One browser tab on one page of a `streamlit run` server.

    ``Session(url, "word2vec", {"tab": "類似語"})`` then ``open()`` runs the page once; find
    widgets with ``widget("text_input", label)`` / ``tabs()``; ``set_*`` + ``rerun()`` is one
    interaction. Elements of the page are kept by ``delta_path``, replaced as a browser would.
    """

    def __init__(self, base_url: str, page: str = "", query: dict | None = None, timeout: float = 120,
                 cookie: str | None = None):
        u = urlparse(base_url)
        if u.hostname not in ("127.0.0.1", "localhost", "::1"):
            raise ValueError(f"load tests talk to localhost only, not {u.hostname}")
        self.ws_url = f"ws://{u.netloc}{u.path.rstrip('/')}/_stcore/stream"
        self.page = page
        self.query_string = urlencode(query or {})
        self.timeout = timeout
        self.cookie = cookie  # e.g. the proxy's sticky cookie "playground_affinity=…" (a browser sends it)
        self.served_by = ""  # the worker behind a proxy that took the WebSocket (its X-Playground-Worker)
        self.ws: websocket.WebSocket | None = None
        self.page_script_hash = ""
        self.pages: dict[str, str] = {}  # URL path of each page → its script hash (st.navigation)
        self.tree: dict[tuple, object] = {}  # delta_path → Element or Block (what is on screen)
        self.states: dict[str, WidgetState] = {}  # widget id → the value the "browser" holds
        self.fragment_of: dict[tuple, str] = {}  # delta_path → id of the st.fragment that drew it
        self._changed_in: set[str] = set()  # fragments of the widgets changed since the last run
        self.session_id = ""  # the server's id of this session (new_session): uploads name it

    # --- connection ----------------------------------------------------------------------
    def connect(self) -> None:
        self.ws = websocket.create_connection(self.ws_url, subprotocols=["streamlit"], timeout=self.timeout,
                                              origin=self.ws_url.replace("ws://", "http://", 1).split("/_stcore")[0],
                                              cookie=self.cookie)
        self.served_by = (self.ws.getheaders() or {}).get("x-playground-worker", "")

    def close(self) -> None:
        if self.ws is not None:
            try:
                self.ws.close()
            finally:
                self.ws = None

    def idle(self, seconds: float) -> None:
        """Sit idle for ``seconds`` as an open browser tab does: answer the server's WebSocket
        pings meanwhile (websocket-client answers a ping only inside ``recv``). The server
        (uvicorn) closes a socket whose pings go unanswered (Streamlit 1.67: a ping every 30 s,
        30 s to answer), so a tab that waits longer without this finds it closed (BrokenPipeError
        on its next send). A run the server starts meanwhile (a wake) is read and dropped."""
        if self.ws is None:
            time.sleep(max(0.0, seconds))
            return
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            self.listen(left)

    def open(self) -> Run:
        """Connect and run the page as a browser opening its URL does."""
        if self.ws is None:
            self.connect()
        return self.rerun()

    # --- one script run ------------------------------------------------------------------
    def rerun(self, fragment_id: str | None = None, *, auto: bool = False, history: bool = False) -> Run:
        """Send the current widget states and read until ``script_finished``; timed from send.

        As the frontend does: when every changed widget lives in the same ``st.fragment``, only
        that fragment reruns (``fragment_id``); otherwise the whole page. ``auto``: the tick of
        an ``st.fragment(run_every=…)``; ``history``: a Back / Forward navigation (the URL's
        query parameters win over the widgets' current values)."""
        if fragment_id is None:
            fragment_id = next(iter(self._changed_in)) if len(self._changed_in) == 1 else ""
        self._changed_in.clear()
        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string = self.query_string
        cs.page_script_hash = self.page_script_hash
        cs.page_name = self.page
        cs.fragment_id = fragment_id
        cs.is_auto_rerun = auto
        cs.is_history_navigation = history
        present = self.widget_ids()
        for wid, state in self.states.items():
            if wid in present or not self.tree:
                cs.widget_states.widgets.append(state)
        t0 = time.perf_counter()
        try:
            self.ws.send_binary(msg.SerializeToString())
        except websocket.WebSocketConnectionClosedException as exc:
            raise ProtocolError("server closed the WebSocket") from exc
        # a trigger (button press) is sent once, as the frontend resets it after the run
        self.states = {k: v for k, v in self.states.items() if v.WhichOneof("value") != "trigger_value"}
        run = self._read_run(fragment_id)
        run.seconds = time.perf_counter() - t0
        return run

    def listen(self, seconds: float) -> Run | None:
        """Wait up to ``seconds`` for a run the server starts by itself, as an open tab does
        between its own requests: a classroom follower is woken when its class changes
        (pages/common/push.py runs its poll fragment). The run, read to its end, or None."""
        end = time.monotonic() + seconds
        try:
            while (left := end - time.monotonic()) > 0:
                self.ws.settimeout(min(left, 1.0))
                try:
                    fmsg = self._recv()  # pings are answered inside
                except websocket.WebSocketTimeoutException:
                    continue
                if fmsg.WhichOneof("type") == "new_session":
                    self.ws.settimeout(self.timeout)
                    frags = list(fmsg.metadata.run.fragment_ids)
                    return self._read_run(frags[0] if frags else "", first=fmsg)
        finally:
            if self.ws is not None:
                self.ws.settimeout(self.timeout)
        return None

    def _recv(self) -> ForwardMsg:
        """The next ForwardMsg (websocket-client's timeout exception passes through)."""
        try:
            data = self.ws.recv()
        except websocket.WebSocketConnectionClosedException as exc:
            raise ProtocolError("server closed the WebSocket") from exc
        if isinstance(data, str):
            raise ProtocolError(f"unexpected text frame: {data[:100]}")
        fmsg = ForwardMsg()
        fmsg.ParseFromString(data)
        return fmsg

    def _read_run(self, fragment_id: str, first: ForwardMsg | None = None) -> Run:
        run = Run()
        seen: set[tuple] = set()
        deadline = time.monotonic() + self.timeout
        while True:
            if first is not None:
                fmsg, first = first, None
            else:
                if time.monotonic() > deadline:
                    raise ProtocolError(f"no script_finished within {self.timeout:.0f} s")
                try:
                    fmsg = self._recv()
                except websocket.WebSocketTimeoutException as exc:
                    raise ProtocolError(f"no message within {self.timeout:.0f} s") from exc
            kind = fmsg.WhichOneof("type")
            if kind == "new_session":
                run.elements.clear()
                seen.clear()
                self.session_id = fmsg.new_session.initialize.session_id or self.session_id
            elif kind == "navigation":
                # st.navigation tells which page this run drew; later reruns name it by hash
                self.page_script_hash = fmsg.navigation.page_script_hash or self.page_script_hash
                self.pages.update({p.url_pathname: p.page_script_hash for p in fmsg.navigation.app_pages})
            elif kind == "page_info_changed":
                self.query_string = fmsg.page_info_changed.query_string
            elif kind == "delta":
                path = tuple(fmsg.metadata.delta_path)
                delta = fmsg.delta
                dkind = delta.WhichOneof("type")
                self.fragment_of[path] = delta.fragment_id
                if dkind == "new_element":
                    self.tree[path] = delta.new_element
                    run.elements.append(delta.new_element)
                    seen.add(path)
                elif dkind == "add_block":
                    self.tree[path] = delta.add_block
                    seen.add(path)
            elif kind == "page_not_found":
                # a fresh server's first deep link (see app.py's legacy_first_run): st.navigation
                # still opens the page in the same run, so keep reading
                run.page_not_found = True
            elif kind == "script_finished":
                run.status = fmsg.script_finished
                if run.status == EARLY:
                    continue  # superseded by a newer run (the browser keeps waiting too)
                if not fragment_id and fmsg.metadata.run.fragment_ids:
                    continue  # the end of a fragment run the server started (a wake), not of ours
                if not fragment_id and seen:
                    # a full run: what it did not draw again is stale and disappears
                    self.tree = {p: n for p, n in self.tree.items() if p in seen}
                return run

    def navigate(self, page: str, query_string: str) -> Run:
        """What the frontend does on ``popstate`` (the Back button, or a script's
        history.pushState + popstate): rerun ``page`` (its URL path) with the new query string,
        the URL winning over the widgets' current values. As the frontend, it names the page by
        the hash st.navigation gave for that URL path."""
        self.page, self.query_string = page, query_string
        self.page_script_hash = self.pages.get(page, "")
        return self.rerun("", history=True)

    # --- widgets -------------------------------------------------------------------------
    def widget_ids(self) -> set[str]:
        return {wid for n in self.tree.values() if (wid := _widget_id(n))}

    def widget(self, kind: str, label: str, key: str | None = None, *, prefix: bool = False):
        """The element (or block, for kind="tab_container") of type ``kind`` with ``label`` (and,
        where several share a label, the widget ``key`` the page gave it; ``prefix``: a label
        that starts so, e.g. a button that names its step count)."""
        for node in self.tree.values():
            if node.WhichOneof("type") == kind \
                    and (not label or _label(node) == label or (prefix and _label(node).startswith(label))) \
                    and (key is None or (_widget_id(node) or "").endswith(f"-{key}")):
                return getattr(node, kind)
        raise ProtocolError(f"no {kind} labelled {label!r} on the page "
                            f"(have: {sorted({_label(n) for n in self.tree.values() if _widget_id(n)})})")

    def _set(self, wid: str, field_name: str, value) -> None:
        path = next((p for p, n in self.tree.items() if _widget_id(n) == wid), None)
        self._changed_in.add(self.fragment_of.get(path, "") if path else "")
        state = WidgetState(id=wid)
        if field_name == "double_array_value":
            state.double_array_value.data.extend(value)
        else:
            setattr(state, field_name, value)
        self.states[wid] = state

    def type_text(self, label: str, text: str, kind: str = "text_input", key: str | None = None) -> None:
        self._set(self.widget(kind, label, key).id, "string_value", text)

    def set_number(self, label: str, value: float) -> None:
        # the server reads number_input as double_value whatever its data_type (streamlit 1.67)
        self._set(self.widget("number_input", label).id, "double_value", float(value))

    def choose(self, label: str, option: str, kind: str = "radio", key: str | None = None) -> None:
        """Pick an option of a radio / selectbox by its shown text (sent as string_value)."""
        w = self.widget(kind, label, key)
        if option not in list(w.options):
            raise ProtocolError(f"{kind} {label!r} has no option {option!r} (has {list(w.options)})")
        self._set(w.id, "string_value", option)

    def set_slider(self, label: str, value: float) -> None:
        self._set(self.widget("slider", label).id, "double_array_value", [float(value)])

    def toggle(self, label: str, value: bool | None = None) -> bool:
        w = self.widget("checkbox", label)
        old = self.states.get(w.id)
        current = old.bool_value if old is not None else (w.value if w.set_value else w.default)
        new = (not current) if value is None else value
        self._set(w.id, "bool_value", new)
        return new

    def open_tab(self, tab_label: str) -> None:
        """Click a tab of the page's ``st.tabs(key=...)`` (its widget value is the tab's label)."""
        container = self.widget("tab_container", "")
        self._set(container.id, "string_value", tab_label)

    def expand(self, label: str = "", *, key: str | None = None, prefix: bool = False, open: bool = True) -> None:
        """Click an ``st.expander(key=..., on_change="rerun")`` open (or shut), found by its label
        or its key: its widget value is a bool; the next ``rerun()`` sends it, and the page builds
        what is inside."""
        self._set(self.widget("expandable", label, key, prefix=prefix).id, "bool_value", open)

    def press(self, label: str, key: str | None = None, *, prefix: bool = False) -> None:
        self._set(self.widget("button", label, key, prefix=prefix).id, "trigger_value", True)

    def has(self, kind: str, label: str) -> bool:
        """Whether the page shows a widget ``kind`` labelled ``label``."""
        return any(n.WhichOneof("type") == kind and _label(n) == label for n in self.tree.values())

    def upload(self, label: str, name: str, data: bytes, mime: str = "application/octet-stream") -> None:
        """Put a file into the ``st.file_uploader`` labelled ``label`` as the browser does: ask
        the session for an upload URL (``file_urls_request``), PUT the bytes there (multipart,
        with the XSRF cookie the app's page sets, echoed in ``X-Xsrftoken``), then set the
        widget's ``file_uploader_state_value``; the next ``rerun()`` sends it."""
        import http.cookiejar
        import urllib.request
        import uuid

        wid = self.widget("file_uploader", label).id
        msg = BackMsg()
        msg.file_urls_request.request_id = uuid.uuid4().hex
        msg.file_urls_request.session_id = self.session_id
        msg.file_urls_request.file_names.append(name)
        self.ws.send_binary(msg.SerializeToString())
        urls = None
        deadline = time.monotonic() + self.timeout
        while urls is None:
            if time.monotonic() > deadline:
                raise ProtocolError("no file_urls_response")
            fmsg = ForwardMsg()
            fmsg.ParseFromString(self.ws.recv())
            if fmsg.WhichOneof("type") == "file_urls_response":
                if fmsg.file_urls_response.error_msg:
                    raise ProtocolError(f"upload refused: {fmsg.file_urls_response.error_msg}")
                urls = fmsg.file_urls_response.file_urls[0]
        base = self.ws_url.replace("ws://", "http://", 1).split("/_stcore")[0]
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        opener.open(f"{base}/_stcore/health", timeout=self.timeout).read()  # sets the XSRF cookie
        xsrf = next((c.value for c in jar if c.name == "_streamlit_xsrf"), "")
        boundary = uuid.uuid4().hex
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{urls.file_id}\"; "
                f"filename=\"{name.replace(chr(34), '%22')}\"\r\nContent-Type: {mime}\r\n\r\n").encode() + data + \
            f"\r\n--{boundary}--\r\n".encode()
        url = urls.upload_url if urls.upload_url.startswith("http") else base + urls.upload_url
        req = urllib.request.Request(url, data=body, method="PUT", headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}", "X-Xsrftoken": xsrf})
        try:
            opener.open(req, timeout=self.timeout).read()
        except OSError as exc:
            raise ProtocolError(f"upload PUT failed: {exc}") from exc
        state = WidgetState(id=wid)
        info = state.file_uploader_state_value.uploaded_file_info.add()
        info.name, info.size, info.file_id = name, len(data), urls.file_id
        info.file_urls.CopyFrom(urls)
        path = next((p for p, n in self.tree.items() if _widget_id(n) == wid), None)
        self._changed_in.add(self.fragment_of.get(path, "") if path else "")
        self.states[wid] = state

