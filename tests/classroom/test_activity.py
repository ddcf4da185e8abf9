"""LiveRun (pages/common/longrun.py) tells an instructor's class what it is running: the
followers' panel shows 「先生が … で計算中 — N %」 during a long demo (issue 24)."""
from __future__ import annotations

from streamlit.testing.v1 import AppTest

from core import classroom


def _training(code: str, role: str) -> None:
    import streamlit as st

    from pages.common.longrun import LiveRun

    st.session_state.update({"cls_role": role, "cls_code": code, "cls_token": "teacher-token", "cls_title": "ミニGPT"})
    run = LiveRun("demo", total=4, min_interval_s=0.0)
    with run:
        for i in range(1, 5):
            run.on_progress(i, 4, {"loss": 1.0 / i})


def test_liverun_reports_the_instructors_progress_to_the_class(app_rooms):
    code = app_rooms.rooms.start("teacher-token")
    at = AppTest.from_function(_training, args=(code, "instructor"), default_timeout=60).run()
    assert not at.exception
    assert app_rooms.rooms.follow(code, "s1").activity == classroom.Activity("ミニGPT", 1.0)


def test_liverun_of_a_student_reports_nothing(app_rooms):
    code = app_rooms.rooms.start("teacher-token")
    at = AppTest.from_function(_training, args=(code, "follower"), default_timeout=60).run()
    assert not at.exception
    assert app_rooms.rooms.follow(code, "s1").activity is None
