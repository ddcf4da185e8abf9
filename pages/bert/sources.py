"""Model-source widgets shared by the pages that use hub models (BERT, attention, seq2seq).

``source_field(task)`` draws a sidebar text field (per session) that overrides the source of a
task; ``current_source(task)`` returns the source in effect (session > env var > default, see
core.hub). ``model_status_line(task)`` says where the model comes from.
"""
from __future__ import annotations

import streamlit as st

from core import hub
from pages.common.ui import t


def current_source(task: str) -> str:
    return hub.resolve(task, st.session_state.get(hub.spec(task).session_key))


def source_field(task: str, *, sidebar: bool = True) -> str:
    """A text field for the task's model (hub id or directory); empty = env var / default."""
    s = hub.spec(task)
    where = st.sidebar if sidebar else st
    where.text_input(t("bert.source.field", label=s.label), key=s.session_key,
                     placeholder=hub.resolve(task), help=t("bert.source.help", env=s.env, default=s.default))
    return current_source(task)


def model_caption(task: str) -> None:
    """One caption line: which model, from where (session / env / default)."""
    source = current_source(task)
    origin = hub.origin(task, st.session_state.get(hub.spec(task).session_key))
    st.caption(t("bert.source.caption", source=source, origin=t(f"bert.source.origin.{origin}")))
    trained_here_label(source)


def trained_here_label(source: str) -> None:
    """A mini-BERT trained in this app (core.bert.pretrain) says so: text, sentences, date."""
    from core.bert.pretrain import card_of

    card = card_of(source) if hub.is_local(source) else None
    if card:
        st.info(t("bert.pt.label", text=card.get("text", "?"), n=int(card.get("sentences", 0)),
                  date=card.get("date", "?"), steps=card.get("steps", "?")), icon="🧪")
