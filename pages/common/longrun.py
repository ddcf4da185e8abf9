"""One loop, two faces: adapt core's ``on_progress(step, total, metrics)`` / ``should_stop()``
to a progress bar, a live metrics chart and a Stop button.

Usage in a page::

    run = LiveRun("w2v_train", total=epochs)
    if run.start_button("学習を開始"):
        with run:                      # shows progress + Stop, waits its turn for heavy work
            result = core_fn(..., on_progress=run.on_progress, should_stop=run.should_stop)
        st.session_state["w2v_model"] = result

Stopping: clicking Stop (or any widget of the same page) makes Streamlit ask for a rerun, which
it delivers as a RerunException at the loop's next UI update inside ``on_progress``. LiveRun
catches that request there, turns it into ``should_stop() == True`` and lets the core loop end
cleanly, so the page still receives the partial model and stores it. A request to open another
page is never swallowed.

Fairness: the run waits its turn in core.device's FIFO queue (one place per session; the
waiting student sees their position and the longest wait), and has a time budget
(``device.job_budget_s(kind)``, ``PLAYGROUND_JOB_SECONDS``): reaching it stops the loop exactly
like Stop — the partial model is kept — and the page says the budget ended it.
"""
from __future__ import annotations

import time

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner_utils.exceptions import RerunException

from core import device
from pages.common.classroom import report_activity
from pages.common.ui import t


class LiveRun:
    def __init__(self, key: str, total: int, *, chart_metrics: tuple[str, ...] = ("loss",),
                 min_interval_s: float = 0.25, on_draw=None, kind: str | None = None):
        self.key = key
        self.kind = kind or key  # the budget's kind (core.device.KIND_JOB_SECONDS, by key prefix)
        self.budget_s = device.job_budget_s(self.kind)
        self.budget_reached = False
        self._started: float | None = None  # time.monotonic() when the heavy lane was ours
        self.on_draw = on_draw  # optional extra live view (e.g. a decision boundary), redrawn with the chart
        self.total = max(1, int(total))
        self.chart_metrics = chart_metrics
        self.min_interval_s = min_interval_s
        self.history: list[dict] = []
        self._last = 0.0
        self._bar = None
        self._chart = None
        self._status = None
        self._lock_cm = None
        self.stopped_by_user = False

    # --- widgets ----------------------------------------------------------------------------
    def start_button(self, label: str, **kwargs) -> bool:
        return st.button(label, key=f"{self.key}__start", type="primary", **kwargs)

    def should_stop(self) -> bool:
        if self._started is not None and time.monotonic() - self._started >= self.budget_s:
            self.budget_reached = True
        return (self.stopped_by_user or self.budget_reached
                or bool(st.session_state.get(f"{self.key}__stop", False)))

    def _show_position(self, ahead: int, estimate_s: float) -> None:
        """In the queue: place and the longest wait (the budgets of the jobs ahead)."""
        if self._status is not None:
            self._status.info(t("heavy.queued", n=ahead, minutes=max(1, round(estimate_s / 60))), icon="⏳")

    def _request_stop(self) -> None:
        st.session_state[f"{self.key}__stop"] = True

    def __enter__(self):
        st.session_state[f"{self.key}__stop"] = False
        st.button(t("common.stop"), key=f"{self.key}__stopbtn", on_click=self._request_stop)
        self._status = st.empty()
        self._bar = st.progress(0.0)
        self._chart = st.empty()
        self._lock_cm = device.heavy_work(on_wait=lambda: (self._status.info(t("common.waiting"), icon="⏳"),
                                                           report_activity(None, None)),  # a class sees it wait
                                          owner=_session_id(), kind=self.kind, on_position=self._show_position)
        self._lock_cm.__enter__()
        self._started = time.monotonic()
        try:
            self._status.empty()  # a rerun / stop request can surface here, lock already held:
        except BaseException as exc:  # release it, or every later run on the server would wait
            self._lock_cm.__exit__(type(exc), exc, exc.__traceback__)
            self._lock_cm = None
            raise
        return self

    def __exit__(self, exc_type, exc, tb):
        if self._lock_cm is not None:
            self._lock_cm.__exit__(exc_type, exc, tb)
        if exc_type is None:
            self._guarded(lambda: self._finish_ui())
        return False

    def _finish_ui(self) -> None:
        if self._bar is not None:
            self._bar.progress(1.0)
        self._render(force=True)
        if self.on_draw is not None:
            self.on_draw()
        if self.should_stop() and self._status is not None:
            if self.budget_reached:
                self._status.info(self.budget_message(), icon="⏱️")
            else:
                self._status.info(t("common.stopped"), icon="⏹️")

    def budget_message(self) -> str:
        """「時間の上限で止めました」: pages show it with a result kept from a budget stop."""
        return t("heavy.budget_reached", s=f"{self.budget_s:.0f}")

    def _guarded(self, draw) -> None:
        """Run UI updates; a rerun request for this page becomes a stop request."""
        try:
            draw()
        except RerunException as request:
            if not self._same_page(request):
                raise
            self.stopped_by_user = True

    @staticmethod
    def _same_page(request: RerunException) -> bool:
        data = getattr(request, "rerun_data", None)
        wanted = getattr(data, "page_script_hash", "") or ""
        if not wanted:
            return True
        try:
            from streamlit.runtime.scriptrunner import get_script_run_ctx

            ctx = get_script_run_ctx()
            return ctx is None or wanted == ctx.page_script_hash
        except Exception:  # noqa: BLE001
            return False

    # --- the callback core calls ------------------------------------------------------------
    def on_progress(self, step: int, total: int | None = None, metrics: dict | None = None) -> None:
        if total:
            self.total = max(1, int(total))
        row = {"step": step, **(metrics or {})}
        self.history.append(row)
        now = time.perf_counter()
        if now - self._last < self.min_interval_s and step < self.total:
            return
        self._last = now
        frac = min(1.0, max(0.0, step / self.total))
        report_activity(None, frac)  # an instructor's followers see the run's progress (no-op otherwise)
        text = f"{step}/{self.total}"
        if metrics:
            text += "  " + "  ".join(f"{k}={v:.4g}" if isinstance(v, float) else f"{k}={v}"
                                     for k, v in metrics.items())
        self._guarded(lambda: (self._bar.progress(frac, text=text) if self._bar is not None else None,
                               self._render(), self.on_draw() if self.on_draw is not None else None))

    def _render(self, force: bool = False) -> None:
        if self._chart is None or not self.history:
            return
        df = pd.DataFrame(self.history)
        cols = [c for c in self.chart_metrics if c in df.columns]
        if cols:
            self._chart.line_chart(df.set_index("step")[cols])


def _session_id() -> str | None:
    """This browser session's id (one queued heavy job per session); None outside Streamlit."""
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        ctx = get_script_run_ctx()
        return getattr(ctx, "session_id", None) if ctx is not None else None
    except Exception:  # noqa: BLE001
        return None
