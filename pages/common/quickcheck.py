"""確認クイズ (quick checks) on every page (issue 18): answer alone with feedback and the reason;
in a class the instructor asks everyone, students answer on their phones, the projector shows
the live distribution and then the right answer. Questions come from core.quiz; the class's
answers live in core.classroom (anonymous, counted once per session)."""
from __future__ import annotations

import streamlit as st

from core import PlaygroundError, quiz, resources
from pages.common.ui import chart, checked, lang, show_error, t


@st.fragment
def section(page_path: str, class_code: str | None = None) -> None:
    """The page's quick checks (a fragment: answering reruns only this section). Built only
    while open (a lazy expander: opening it reruns this fragment): closed, it is one element
    instead of ≈ 7 per question — in a lecture every follower runs the page at each of the
    instructor's changes, and the checks were ≈ 20 of a follow's ≈ 48 elements."""
    questions = quiz.for_page(page_path)
    if not questions:
        return
    box = st.expander(t("qc.title", n=len(questions)), icon=":material/quiz:", key=open_key(page_path),
                      on_change="rerun")
    if not box.open:
        return
    with box:
        for i, q in enumerate(questions, 1):
            st.markdown(f"**{i}.** {q.text(lang())}")  # our text (core.quiz), no user text
            value = _input(q, key=f"qc_{q.id}")
            c1, c2 = st.columns(2)
            if q.id == st.session_state.get("cls_open_qid") and not class_code:
                # the instructor asks this very question in the live class right now: checking
                # alone would show a student the answer before the class has answered
                c1.caption(t("qc.locked"))
            elif c1.button(t("qc.check"), key=f"qc_{q.id}_check"):
                _feedback(q, value)
            if class_code and c2.button(t("qc.ask"), key=f"qc_{q.id}_ask", type="primary"):
                try:
                    resources.classrooms().open_question(class_code, st.session_state["cls_token"], q.id,
                                                         q.kind, len(q.choices))
                    st.rerun(scope="app")
                except PlaygroundError as exc:
                    show_error(exc)
            if i < len(questions):
                st.divider()


def open_key(page_path: str) -> str:
    """The session-state key of the page's quick-check expander (True: open)."""
    return f"qc_open_{page_path or 'home'}"


def _input(q: quiz.Question, key: str):
    """A radio of the choices (value = index) or a short text field for a number."""
    if q.kind == "choice":
        labels = q.choice_texts(lang())
        return st.radio(t("qc.choose"), range(len(labels)), format_func=lambda i: labels[i], index=None,
                        key=key, label_visibility="collapsed")
    return checked(st.text_input(t("qc.number"), key=key, max_chars=40, placeholder="8"), limit=40)


def _feedback(q: quiz.Question, value) -> None:
    if value is None or (isinstance(value, str) and not value.strip()):
        st.warning(t("qc.empty"))
        return
    if q.is_correct(value):
        st.success(t("qc.right"), icon="✅")
    else:
        st.error(t("qc.wrong", answer=q.answer_text(lang())), icon="❌")
    st.caption(q.why(lang()))


def _results(q: quiz.Question, view, key: str) -> None:
    labels, counts, right = quiz.tally(q, view.counts, lang())
    fig = quiz.results_figure(labels, counts, right if view.revealed else None,
                              t("qc.results", n=view.n_answers))
    import pandas as pd

    chart(fig, key=key, filename=f"quickcheck_{q.id}",
          data=pd.DataFrame({"answer": labels, "count": counts}).set_index("answer"))


def instructor(code: str, token: str, view) -> None:
    """The projector's view of the open question: the live distribution, then the answer."""
    q = quiz.get(view.qid)
    st.markdown(f"### {t('qc.open')} {q.text(lang())}")
    if q.kind == "choice":
        # one choice per line on the projector (a bare newline would join them in one paragraph)
        st.markdown("  \n".join(f"{chr(65 + i)}. {c}" for i, c in enumerate(q.choice_texts(lang()))))
    _results(q, view, key=f"qc_live_{view.seq}")
    c1, c2 = st.columns(2)
    rooms = resources.classrooms()
    if not view.revealed:
        c1.button(t("qc.reveal"), key=f"qc_reveal_{view.seq}", type="primary",
                  on_click=lambda: rooms.reveal(code, token))
    else:
        st.success(t("qc.answer", answer=q.answer_text(lang())), icon="✅")
        st.caption(q.why(lang()))
    c2.button(t("qc.close"), key=f"qc_close_{view.seq}", on_click=lambda: rooms.close_question(code, token))


def student(code: str, token: str, view) -> None:
    """A student's phone: answer the open question (again to change it); the answer and the
    class's distribution once the instructor reveals it."""
    q = quiz.get(view.qid)
    st.markdown(f"**{t('qc.open')}** {q.text(lang())}")
    sent_key = f"qc_sent_{view.seq}"
    if not view.revealed:
        value = _input(q, key=f"qc_class_{view.seq}")
        if st.button(t("qc.send"), key=f"qc_send_{view.seq}", type="primary"):
            if value is None or (isinstance(value, str) and not value.strip()):
                st.warning(t("qc.empty"))
            else:
                try:
                    resources.classrooms().answer(code, token, view.seq, value)
                    st.session_state[sent_key] = value
                except PlaygroundError as exc:
                    show_error(exc)
        if sent_key in st.session_state:
            st.caption(t("qc.sent"))
        return
    mine = st.session_state.get(sent_key)
    if mine is not None:
        if q.is_correct(mine):
            st.success(t("qc.right"), icon="✅")
        else:
            st.error(t("qc.wrong", answer=q.answer_text(lang())), icon="❌")
    else:
        st.info(t("qc.answer", answer=q.answer_text(lang())))
    st.caption(q.why(lang()))
    _results(q, view, key=f"qc_res_{view.seq}")
