"""The model-source picker shared by the pages that use hub models (BERT, attention, seq2seq).

On a shared class server the operator decides the models (core/policy.py): ``source_field(task)``
is a selectbox over ``core.hub.allowed_sources(task)`` (the default, the operator's list, the
models trained and saved here); a free-text field only when the operator allows custom models,
and then every value goes through ``core.hub.student_source`` (input checks, hub id syntax,
allowed folders) before anything touches the disk or the network.
``current_source(task)`` returns the source in effect; ``model_caption(task)`` says where it
comes from.
"""
from __future__ import annotations

import pathlib

import streamlit as st

from core import PlaygroundError, hub, policy
from core.paths import cache_dir
from pages.common.ui import local, plain, show_error, t


def display(task: str, source: str) -> str:
    """A readable label of an allowed source (the selectbox's option text)."""
    if source == hub.resolve(task):
        return t("src.option.default", source=source)
    path = pathlib.Path(source)
    if path.is_absolute() and path.parent.parent == cache_dir("trained").resolve():
        return t("src.option.trained", name=path.name, kind=path.parent.name)
    return source


def current_source(task: str) -> str:
    """The checked source of this session (the operator's default when the value is refused;
    the field itself shows why)."""
    try:
        return hub.student_source(task, st.session_state.get(hub.spec(task).session_key))
    except PlaygroundError:
        return hub.resolve(task)


def source_field(task: str, *, sidebar: bool = True) -> str:
    """The task's model: a pick from the allowed list (free text only if the operator allows it)."""
    s = hub.spec(task)
    where = st.sidebar if sidebar else st
    label = t("bert.source.field", label=local(s.label))
    if policy.allow_custom_models():
        where.text_input(label, key=s.session_key, placeholder=hub.resolve(task), max_chars=hub.SOURCE_LIMIT,
                         help=t("src.custom.help", env=s.env, default=s.default))
    else:
        options = hub.allowed_sources(task)
        if st.session_state.get(s.session_key) not in options:
            st.session_state.pop(s.session_key, None)  # e.g. a saved model that was removed
        where.selectbox(label, options, key=s.session_key, format_func=lambda v: display(task, v),
                        help=t("src.pick.help"))
    try:
        return hub.student_source(task, st.session_state.get(s.session_key))
    except PlaygroundError as exc:
        show_error(exc)
        return hub.resolve(task)


def model_caption(task: str) -> None:
    """One caption line: which model, from where (session / env / default)."""
    source = current_source(task)
    override = source if source != hub.resolve(task) else None
    origin = hub.origin(task, override)
    st.caption(t("bert.source.caption", source=source, origin=t(f"bert.source.origin.{origin}")))
    trained_here_label(source)


def trained_here_label(source: str) -> None:
    """A mini-BERT trained in this app (core.bert.saved) says so: text, sentences, date."""
    from core.bert.pretrain import BUILTIN_NAME
    from core.bert.saved import card_of

    card = card_of(source) if hub.is_local(source) else None
    if card:
        text = card.get("text", "?")
        # the text's name may be a student's file name, shown to everyone who picks the model
        st.info(t("bert.pt.label", text=local(BUILTIN_NAME) if text == BUILTIN_NAME else plain(text), n=int(card.get("sentences", 0)),
                  date=card.get("date", "?"), steps=card.get("steps", "?")), icon="🧪")
