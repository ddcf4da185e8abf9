"""Classroom mode in AppTest: the share panel, a class with two sessions sharing the one
in-process class object (core.resources.classrooms), quick checks, bad input; and item 4: two
sessions with the same link draw the same figures (seeds come from the URL)."""
from __future__ import annotations

import json
import re

import pytest

from core import classlinks, classroom
from core.i18n import t
from core.resources import classrooms
from tests.conftest import app_test, assert_no_exception


def _markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def _start(at) -> str:
    at.button(key="cls_share_btn_side").click().run()
    at.button(key="cls_start").click().run()
    assert_no_exception(at)
    return re.search(r"クラスコード: `([A-Z]{4})`", _markdown(at)).group(1)


def test_presenter_mode_has_the_share_button_with_qr_and_link():
    at = app_test(None, query={"presenter": "true", "lang": "日本語"})
    at.button(key="cls_share_btn_top").click().run()
    assert_no_exception(at)
    assert any(type(e).__name__ == "Image" for e in at.main)  # the QR code
    assert [c.value for c in at.code] == ["http://localhost:8501/"]  # presenter is not shared


def test_public_url_from_the_environment_goes_into_the_link(monkeypatch):
    monkeypatch.setenv(classlinks.PUBLIC_URL_ENV, "https://nlp.example.ac.jp/pg")
    at = app_test("attention", query={"tab": t("att.tab.multihead", "ja")})
    code = _start(at)
    links = [c.value for c in at.code]
    assert f"https://nlp.example.ac.jp/pg/?class={code}" in links
    assert any(link.startswith("https://nlp.example.ac.jp/pg/attention?tab=") and link.endswith(f"&class={code}")
               for link in links), links


def test_two_sessions_share_the_class_follow_and_answer():
    teacher = app_test("attention", query={"att_dk": "16"}, session={"qc_open_attention": True})
    code = _start(teacher)
    token = teacher.session_state["cls_token"]
    state = classrooms().heartbeat(code, token).state
    assert state.page == "attention" and state.params == {"att_dk": ["16"]}

    student = app_test(None, query={"class": code})
    assert_no_exception(student)
    assert "先生の画面についていきます" in _markdown(student)
    html = [e for e in student.main if type(e).__name__ == "Html"]
    assert any(f"/attention?att_dk=16&class={code}" in h.proto.body for h in html)  # sent to the demo
    assert "参加 **1** 人" in _markdown(teacher.run())

    # the teacher asks the page's first question; the student's phone shows it and answers
    teacher.button(key="qc_att-scale_ask").click().run()
    student.run()
    assert "d_k = 64" in _markdown(student)
    seq = classrooms().heartbeat(code, token).question.seq
    student.text_input(key=f"qc_class_{seq}").input("<b>8</b>")
    for _ in range(3):
        student.button(key=f"qc_send_{seq}").click().run()
    assert_no_exception(student)
    view = classrooms().heartbeat(code, token)
    assert view.question.n_answers == 1 and view.question.counts == {"<b>8</b>": 1}
    teacher.run()
    specs = [json.loads(c.proto.spec) for c in teacher.get("plotly_chart")]
    chart = next(c for c in specs if "みんなの答え（1 人）" in json.dumps(c["layout"].get("title"), ensure_ascii=False))
    assert chart["data"][0]["y"] == ["&lt;b&gt;8&lt;/b&gt;"] and chart["data"][0]["x"] == [1], chart["data"]

    teacher.button(key=f"qc_reveal_{seq}").click().run()
    student.run()
    assert "正解: 8" in _markdown(student) or any("8" in e.value for e in student.error)

    teacher.button(key="cls_end").click().run()
    student.run()
    assert any("終了しました" in i.value for i in student.info)
    assert student.session_state["cls_role"] is None if "cls_role" in student.session_state else True


def test_a_student_who_edits_detaches_and_back_to_the_teacher_reattaches():
    teacher = app_test("attention", query={"att_dk": "16"}, session={"qc_open_attention": True})
    code = _start(teacher)
    student = app_test(None, query={"class": code})
    # the browser's history navigation (what the follow script does) lands on the demo
    student.switch_page("pages/attention/page.py")
    student.query_params["att_dk"] = "16"
    student.query_params["class"] = code
    student.run()
    assert student.session_state["cls_attached"] is True
    student.query_params["att_dk"] = "32"  # the browser writes a bound widget's value to the URL
    student.slider(key="att_dk").set_value(32).run()
    assert student.session_state["cls_attached"] is False
    assert student.button(key="cls_reattach").label == "先生に戻る"
    student.button(key="cls_reattach").click().run()
    assert student.session_state["cls_attached"] is True


def test_a_follower_stays_with_the_class_when_streamlit_drops_a_default_from_its_url():
    """Streamlit drops a bound widget's parameter from the URL while it holds its default: a
    follower sent to ?tab=<first tab>&att_dk=16 is at ?att_dk=16 a moment later, and a run that
    starts there (a reconnect, a rerun Streamlit asks for itself) is not the student's doing.
    (Found by the soak: every follower had left the class after a few changes.)"""
    first_tab = t("att.tab.sdpa", "ja")
    teacher = app_test("attention", query={"tab": first_tab, "att_dk": "16"})
    code = _start(teacher)
    # the instructor's poll publishes the URL a run starts with (so the class moves at once);
    # the page run then publishes Streamlit's form of it
    classrooms().publish(code, teacher.session_state["cls_token"], "attention",
                         {"tab": [first_tab], "att_dk": ["16"]})
    student = app_test(None, query={"class": code})
    student.switch_page("pages/attention/page.py")  # the follow script's navigation, as sent
    student.query_params.update({"tab": first_tab, "att_dk": "16", "class": code})
    student.run()
    assert student.session_state["cls_attached"] is True
    assert "tab" not in student.query_params  # Streamlit's form of the same URL (AppTest does it too)
    student.run()
    assert_no_exception(student)
    assert student.session_state["cls_attached"] is True
    assert "先生の画面についていきます" in _markdown(student)
    student.query_params["att_dk"] = "32"  # a value of the student's own still leaves the class
    student.slider(key="att_dk").set_value(32).run()
    assert student.session_state["cls_attached"] is False


def test_unknown_code_and_wrong_pin_say_so(monkeypatch):
    at = app_test(None, query={"class": "QQQZ"})
    assert any("見つかりません" in i.value for i in at.info)
    monkeypatch.setenv(classroom.PIN_ENV, "246810")
    at = app_test(None)
    at.button(key="cls_share_btn_side").click().run()
    at.text_input(key="cls_pin").input("000000")
    at.button(key="cls_start").click().run()
    assert any("PIN が違います" in w.value for w in at.warning)
    assert at.session_state["cls_role"] is None if "cls_role" in at.session_state else True


def test_a_right_pin_makes_the_browser_trusted_for_the_server_wide_limit(monkeypatch):
    """After the right PIN the page keeps this browser's secret in a long-lived cookie (the
    server-wide PIN limit then never holds this instructor up); a wrong PIN keeps nothing."""
    from pages.common import classroom as page_classroom

    monkeypatch.setenv(classroom.PIN_ENV, "246810")
    cookie = lambda at: [h.proto.body for h in at.main if type(h).__name__ == "Html"  # noqa: E731
                         and page_classroom.TRUST_COOKIE + "=" in h.proto.body]
    at = app_test(None)
    at.button(key="cls_share_btn_side").click().run()
    at.text_input(key="cls_pin").input("000000")
    at.button(key="cls_start").click().run()
    assert not cookie(at)
    at.text_input(key="cls_pin").input("246810")
    at.button(key="cls_start").click().run()
    assert_no_exception(at)
    secret = at.session_state[page_classroom.TRUST]
    assert at.session_state["cls_role"] == "instructor"
    sent = cookie(at)
    assert len(sent) == 1 and secret in sent[0] and f"max-age={int(classroom.TRUST_TTL_S)}" in sent[0]
    assert re.fullmatch(r"[A-Za-z0-9_-]{16,64}", secret)
    at.run()
    assert not cookie(at)  # sent once


def test_quick_checks_are_built_only_when_opened():
    """Closed, the section is its expander alone (every follower reruns the page at each of the
    instructor's changes); opening it builds the questions."""
    at = app_test("attention")
    assert [e for e in at.get("expander") if "確認クイズ" in e.label]
    assert not [w for w in (*at.button, *at.radio, *at.text_input) if w.key and w.key.startswith("qc_att-")]
    at.session_state["qc_open_attention"] = True
    at.run()
    assert at.button(key="qc_att-scale_check") and at.radio(key="qc_att-causal")
    assert_no_exception(at)


def test_quick_check_alone_gives_feedback_and_the_reason():
    at = app_test("attention", session={"qc_open_attention": True})
    at.text_input(key="qc_att-scale").input("８")
    at.button(key="qc_att-scale_check").click().run()
    assert any("正解" in s.value for s in at.success)
    at.radio(key="qc_att-causal").set_value(1)
    at.button(key="qc_att-causal_check").click().run()
    assert any("自分より後ろ" in e.value for e in at.error)
    assert_no_exception(at)


def _figures(at) -> list:
    return [json.loads(c.proto.spec)["data"] for c in at.get("plotly_chart")]


@pytest.mark.parametrize("page,query,other", [
    ("attention", {"att_vec": "random", "att_seed": "7", "att_dk": "8"}, {"att_seed": "8"}),
    ("attention", {"tab": t("att.tab.multihead", "ja"), "att_mh_seed": "3"}, {"att_mh_seed": "4"}),
    ("word2vec", {"tab": t("w2v.tab.mechanics", "ja"), "w2v_ns_seed": "5"}, {"w2v_ns_seed": "6"}),
])
def test_same_link_same_figures(page, query, other):
    a, b = app_test(page, query=query), app_test(page, query=query)
    assert_no_exception(a)
    assert _figures(a) and _figures(a) == _figures(b)
    c = app_test(page, query={**query, **other})
    assert _figures(c) != _figures(a)  # the seed in the URL is what decides


def _land(student, dk: str) -> None:
    """The follow script's history navigation: the URL and the bound slider take the value."""
    student.query_params["att_dk"] = dk
    student.slider(key="att_dk").set_value(int(dk)).run()


def test_a_follow_in_flight_is_not_taken_for_an_edit_when_the_instructor_changes_again():
    teacher = app_test("attention", query={"att_dk": "16"}, session={"qc_open_attention": True})
    code = _start(teacher)
    student = app_test("attention", query={"att_dk": "16", "class": code})  # the QR's class link
    assert student.session_state["cls_attached"] is True

    def teacher_sets(dk):
        teacher.query_params["att_dk"] = dk
        teacher.slider(key="att_dk").set_value(int(dk)).run()

    teacher_sets("32")
    student.run()  # a page run still on the old URL: the follow to 32 is sent, the student stays
    teacher_sets("8")
    student.run()  # the instructor changed again before the browser moved: the follow to 8
    assert student.session_state["cls_attached"] is True
    _land(student, "32")  # the browser lands on the first follow, then on the second
    assert student.session_state["cls_attached"] is True
    _land(student, "8")
    assert student.session_state["cls_attached"] is True
    assert "cls_pending" not in student.session_state  # arrived
    _land(student, "64")  # now the student's own change (the URL was never sent to)
    assert student.session_state["cls_attached"] is False
    teacher.button(key="cls_end").click().run()

