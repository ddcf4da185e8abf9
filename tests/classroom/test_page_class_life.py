"""Issue 24/25 in AppTest: the instructor's session is never turned into a follower by a link,
the page's own quick check keeps the answer shut while the class is asked it, followers see
the instructor's long run, a restart is said plainly and recovered, Redis faults are messages —
on both stores where the store matters (``app_rooms``)."""
from __future__ import annotations

import json
import re

from core import classroom
from core.i18n import t
from core.resources import classrooms
from tests.conftest import app_test, assert_no_exception


def _markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def _texts(at) -> str:
    return "\n".join([_markdown(at)] + [e.value for kind in ("info", "warning", "caption", "error", "success")
                                        for e in getattr(at, kind)])


def _start(at) -> str:
    at.button(key="cls_share_btn_side").click().run()
    at.button(key="cls_start").click().run()
    assert_no_exception(at)
    code = re.search(r"クラスコード: `([A-Z]{4})`", _markdown(at)).group(1)
    at.button(key="cls_share_close").click().run()
    return code


def test_a_class_link_does_not_turn_the_instructor_into_a_follower(app_rooms):
    teacher = app_test("attention")
    code = _start(teacher)
    other = classrooms().start("someone-else")
    for link in (code, other):  # its own class's link, and a hijack link to another class
        teacher.query_params["class"] = link
        teacher.run()
        assert_no_exception(teacher)
        assert teacher.session_state["cls_role"] == "instructor" and teacher.session_state["cls_code"] == code
    assert "先生の画面なので" in _texts(teacher)
    token = teacher.session_state["cls_token"]
    assert classrooms().heartbeat(code, token).n_followers == 0


def test_the_pages_own_check_does_not_reveal_the_question_the_class_is_asked(app_rooms):
    teacher = app_test("attention", session={"qc_open_attention": True})
    code = _start(teacher)
    student = app_test("attention", query={"class": code}, session={"qc_open_attention": True})
    assert student.button(key="qc_att-scale_check")  # alone, the check is there
    teacher.button(key="qc_att-scale_ask").click().run()
    student.run()
    assert "授業で出題中" in _texts(student)
    assert not [b for b in student.button if b.key == "qc_att-scale_check"]
    assert [b for b in student.button if b.key == "qc_att-causal_check"]  # the other questions stay open
    seq = classrooms().heartbeat(code, teacher.session_state["cls_token"]).question.seq
    teacher.button(key=f"qc_reveal_{seq}").click().run()
    student.run()
    assert [b for b in student.button if b.key == "qc_att-scale_check"]


def test_followers_see_what_the_instructor_is_running(app_rooms):
    teacher = app_test("attention")
    code = _start(teacher)
    student = app_test(None, query={"class": code})
    classrooms().report_activity(code, teacher.session_state["cls_token"], "ミニGPT", 0.42)
    student.run()
    assert "先生が「ミニGPT」で計算中 — 42 %" in _markdown(student)
    teacher.run()  # the run ended: the activity is cleared
    student.run()
    assert "計算中" not in _markdown(student)


def test_a_student_answer_is_plain_text_on_the_projector(app_rooms):
    teacher = app_test("attention", session={"qc_open_attention": True})
    code = _start(teacher)
    student = app_test(None, query={"class": code})
    teacher.button(key="qc_att-scale_ask").click().run()
    student.run()
    seq = classrooms().heartbeat(code, teacher.session_state["cls_token"]).question.seq
    link = "[解答はこちら](https://example.com)"
    student.text_input(key=f"qc_class_{seq}").input(link)
    student.button(key=f"qc_send_{seq}").click().run()
    teacher.run()
    assert "example.com" not in _markdown(teacher)  # never in Markdown
    chart = next(json.loads(c.proto.spec) for c in teacher.get("plotly_chart")
                 if "みんなの答え" in json.dumps(json.loads(c.proto.spec)["layout"].get("title"), ensure_ascii=False))
    assert chart["data"][0]["y"] == [link]  # a bar label, as typed (plotly reads no Markdown)


def test_server_restart_is_said_and_the_class_restarts_with_the_same_code(app_rooms):
    teacher = app_test("attention")
    code = _start(teacher)
    student = app_test(None, query={"class": code})
    assert student.session_state["cls_role"] == "follower"
    # the server restarts: every class is forgotten (memory), or Redis restarted without persistence
    if app_rooms.server:
        app_rooms.server.flush()
    classrooms.clear()
    student.run()
    assert_no_exception(student)
    assert "再起動" in _texts(student) and "同じコード" in _texts(student)
    assert student.button(key="cls_retry")  # it can join again (its poll does it by itself)
    fresh = app_test("attention")  # the teacher's new session resumes the same code
    fresh.button(key="cls_share_btn_side").click().run()
    fresh.text_input(key="cls_takeover_code").input(code.lower())
    fresh.button(key="cls_takeover").click().run()
    assert_no_exception(fresh)
    assert fresh.session_state["cls_role"] == "instructor" and fresh.session_state["cls_code"] == code
    student.run()  # its poll finds the class again
    assert student.session_state["cls_role"] == "follower" and student.session_state["cls_code"] == code


def test_a_long_link_gives_a_message_instead_of_a_qr(app_rooms):
    at = app_test(None, query={"presenter": "true", "w2v_word": "あ" * 1500})
    at.button(key="cls_share_btn_top").click().run()
    assert_no_exception(at)
    assert any("長すぎて QR" in w.value for w in at.warning)


def test_redis_gone_mid_class_is_a_message_and_the_class_recovers(app_rooms):
    if app_rooms.kind != "redis":
        return  # a Redis fault (the memory store cannot go away)
    teacher = app_test("attention")
    code = _start(teacher)
    student = app_test(None, query={"class": code})
    app_rooms.server.stop()
    try:
        student.run()
        teacher.run()
        for at in (student, teacher):
            assert_no_exception(at)
            assert any("Redis" in w.value for w in at.warning)
        assert student.session_state["cls_role"] == "follower"  # still in the class
        assert teacher.session_state["cls_role"] == "instructor"
    finally:
        app_rooms.server.start()
    # it came back empty (no persistence): the teacher's session restarts the same code by
    # itself, and the students' polls rejoin it
    student.run()
    assert "再起動" in _texts(student)
    teacher.run()
    assert_no_exception(teacher)
    assert teacher.session_state["cls_role"] == "instructor" and teacher.session_state["cls_code"] == code
    student.run()
    assert student.session_state["cls_role"] == "follower" and student.session_state["cls_code"] == code
    assert classrooms().heartbeat(code, teacher.session_state["cls_token"]).n_followers == 1


def test_pin_for_a_resume_is_required_when_configured(app_rooms, monkeypatch):
    monkeypatch.setenv(classroom.PIN_ENV, "246810")
    at = app_test(None)
    at.button(key="cls_share_btn_side").click().run()
    at.text_input(key="cls_takeover_code").input("ABCD")
    at.button(key="cls_takeover").click().run()
    assert any("PIN が違います" in w.value for w in at.warning)
    at.text_input(key="cls_pin").input("246810")
    at.button(key="cls_takeover").click().run()
    assert at.session_state["cls_role"] == "instructor" and at.session_state["cls_code"] == "ABCD"
    assert t("cls.teaching", code="ABCD", n=0).split("—")[0].strip() in _markdown(at)
