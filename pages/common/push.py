"""Streamlit's side of core.classpush: run a follower's poll fragment now, from outside its session.

``follow(code, version)`` (called by the follower's poll, pages/common/classroom.py) registers
this session and its poll fragment with the process's ``core.classpush.Waker``; the waker's
thread calls ``wake`` when the class changes. ``wake`` asks Streamlit's runtime, on its event
loop (where the browser's own requests are handled), for the same rerun the fragment's
``run_every`` tick sends: the fragment id, ``is_auto_rerun``, the session's last query string
and page, and no widget states (the session keeps the values it has). A session that is running
a script is asked again 0.1 s later (for up to 3 s), not interrupted.

This reaches into Streamlit's runtime (``Runtime._session_mgr``, ``AppSession._scriptrunner``,
``_client_state``: read from streamlit 1.67). If those move, ``wake`` returns True without waking
(the poll's own tick still follows: only the latency is lost) and logs once;
tests/classroom/test_push.py fails on it.
"""
from __future__ import annotations

import asyncio
import logging
import threading

from core import classpush, resources

log = logging.getLogger(__name__)

_waker: classpush.Waker | None = None
_lock = threading.Lock()
_warned = False


def follow(code: str, version: int | None) -> None:
    """From inside the follower's poll fragment: wake this session when ``code`` changes."""
    global _waker
    try:
        from streamlit.runtime import Runtime
        from streamlit.runtime.scriptrunner import get_script_run_ctx
        from streamlit.runtime.scriptrunner_utils.script_run_context import ThreadState

        ctx = get_script_run_ctx()
        fragment_id = ThreadState.get().fragment_id
        if ctx is None or not fragment_id or not Runtime.exists():
            return  # AppTest, or not inside the fragment: the poll's ticks are all there is
        with _lock:
            if _waker is None:
                _waker = classpush.Waker(resources.classrooms(), wake)
        _waker.watch(ctx.session_id, code, fragment_id, version)
    except Exception:  # noqa: BLE001 - push only saves latency; never break the page
        _warn_once()


def stop(session_id: str | None = None) -> None:
    """This session left its class (or is not attached any more): no more wakes."""
    try:
        if session_id is None:
            from streamlit.runtime.scriptrunner import get_script_run_ctx

            ctx = get_script_run_ctx()
            session_id = ctx.session_id if ctx is not None else None
        if _waker is not None and session_id:
            _waker.drop(session_id)
    except Exception:  # noqa: BLE001
        _warn_once()


def wake(session_id: str, fragment_id: str) -> bool:
    """Ask for a run of ``fragment_id`` in ``session_id`` (any thread). False: the session is gone."""
    from streamlit.runtime import Runtime

    if not Runtime.exists():
        return False
    runtime = Runtime.instance()
    if not runtime.is_active_session(session_id):
        return False
    try:
        loop = runtime._get_async_objs().eventloop
        loop.call_soon_threadsafe(_rerun_fragment, runtime, session_id, fragment_id)
    except (AttributeError, RuntimeError):
        _warn_once()
    return True


BUSY_RETRY_S, BUSY_RETRIES = 0.1, 30  # a session busy with a run is asked again, for up to 3 s


def _rerun_fragment(runtime, session_id: str, fragment_id: str, tries: int = BUSY_RETRIES) -> None:
    """On the runtime's event loop: the fragment's tick, unless the session is running a script
    (then again a little later: the follower's page run may still be the previous follow)."""
    try:
        from streamlit.proto.ClientState_pb2 import ClientState

        info = runtime._session_mgr.get_active_session_info(session_id)
        if info is None:
            return
        session = info.session
        if session._scriptrunner is not None:  # a run is on its way (the browser's)
            if tries > 0:
                asyncio.get_running_loop().call_later(BUSY_RETRY_S, _rerun_fragment, runtime, session_id,
                                                      fragment_id, tries - 1)
            return
        last = session._client_state
        state = ClientState()
        state.query_string = last.query_string
        state.page_script_hash = last.page_script_hash
        if last.HasField("context_info"):
            state.context_info.CopyFrom(last.context_info)
        state.fragment_id = fragment_id
        state.is_auto_rerun = True
        session.request_rerun(state)
    except Exception:  # noqa: BLE001 - never disturb the event loop
        _warn_once()


def _warn_once() -> None:
    global _warned
    if not _warned:
        _warned = True
        log.exception("classroom push: Streamlit's runtime did not take the wake; followers fall back to their poll")
