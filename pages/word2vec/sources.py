"""Which vectors a tab works on: the embedded chiVe (shared, cached), vectors this session
trained in the 学習 tab or uploaded (kept in st.session_state, never shared), or server files
listed by the administrator in $PLAYGROUND_W2V_VECTORS (os.pathsep-separated paths or
gensim-data names)."""
from __future__ import annotations

import os
from dataclasses import dataclass

import streamlit as st

from core import InvalidInput, InputTooLong, resources
from pages.common.ui import guard, local, plain, t

TRAINED_KEY = "w2v_trained"  # {name: TrainResult}
UPLOADED_KEY = "w2v_uploaded"  # {name: KeyedVectors}: at most one (a new upload replaces it)
SOURCE_KEY = "w2v_source"
PENDING_KEY = "w2v_source_pending"
TRAINED_PREFIX = "trained:"
ENV = "PLAYGROUND_W2V_VECTORS"
CHIVE = "chiVe"
MAX_VECTOR_UPLOAD = 100 * 1024 * 1024


@dataclass
class Source:
    name: str
    kv: object
    label: str
    shared: bool  # the cached chiVe / server file (read-only, shared by all sessions)


def server_files() -> list[str]:
    return [p.strip() for p in os.environ.get(ENV, "").split(os.pathsep) if p.strip()]


def trained() -> dict:
    return st.session_state.setdefault(TRAINED_KEY, {})


def uploaded() -> dict:
    return st.session_state.setdefault(UPLOADED_KEY, {})


def names() -> list[str]:
    return [CHIVE] + [f"file:{p}" for p in server_files()] + list(trained()) + list(uploaded())


def display(name: str) -> str:
    if name.startswith(TRAINED_PREFIX):
        return t("w2v.tr.name", model=name[len(TRAINED_PREFIX):])
    if name == CHIVE:
        return t("w2v.source.chive")
    if name.startswith("file:"):
        return t("w2v.source.file", path=name[5:])
    return name


def load(name: str) -> Source:
    if name in trained():
        res = trained()[name]
        return Source(name, res.kv, res.kv.playground_label, False)
    if name in uploaded():
        kv = uploaded()[name]
        return Source(name, kv, getattr(kv, "playground_label", name), False)
    if name.startswith("file:"):
        kv = resources.word_vectors_file(name[5:])
        return Source(name, kv, getattr(kv, "playground_label", name), True)
    kv = resources.word_vectors()
    return Source(CHIVE, kv, kv.playground_label, True)


def picker(tab_key: str) -> Source | None:
    """The source selectbox at the top of a tab (one choice per session, shared by the tabs)."""
    options = names()
    pending = st.session_state.pop(PENDING_KEY, None)
    if pending in options:  # set by the upload form on the previous run (before the widget exists)
        st.session_state[SOURCE_KEY] = pending
    if st.session_state.get(SOURCE_KEY) not in options:
        st.session_state[SOURCE_KEY] = CHIVE
    col1, col2 = st.columns([3, 2])
    with col1:
        choice = st.selectbox(t("w2v.source"), options, key=SOURCE_KEY, format_func=display,
                              help=t("w2v.source.help"))
    with col2:
        with st.popover(t("w2v.source.upload"), icon=":material/upload_file:"):
            upload_form()
    source = None
    with guard():
        source = load(choice)
        st.caption(t("w2v.source.caption", label=local(source.label)))
    return source


def upload_form() -> None:
    limit = min(MAX_VECTOR_UPLOAD // 1024 // 1024, int(st.get_option("server.maxUploadSize")))
    st.caption(t("w2v.source.upload.help", limit=limit, env=ENV))
    f = st.file_uploader(t("w2v.source.upload.file"), type=["txt", "vec", "bin", "gz", "w2v"],
                         key="w2v_vec_upload")
    if f is None:
        return
    name = f"upload:{f.name}"
    if name in uploaded():
        st.success(t("w2v.source.upload.ok", name=plain(name)))
        return
    with guard():
        kv = load_upload(f.name, f.getvalue())
        uploaded().clear()  # one uploaded vector set per session; it goes with the session
        uploaded()[name] = kv
        st.session_state[PENDING_KEY] = name
        st.rerun()


def load_upload(filename: str, data: bytes):
    """Uploaded word2vec text/binary vectors → KeyedVectors: the upload's size cap here, then
    core.word2vec.upload checks the header and the decompressed size before any allocation."""
    from core.word2vec import upload

    if not data:
        raise InvalidInput(t("w2v.upload.empty"))
    if len(data) > MAX_VECTOR_UPLOAD:
        raise InputTooLong(t("w2v.upload.too_big", mb=f"{len(data) / 1024 / 1024:.0f}",
                             limit=MAX_VECTOR_UPLOAD // 1024 // 1024))
    kv = upload.load_upload(filename, data)
    # the file name as plain text: the label goes into captions and core's messages (Markdown)
    kv.playground_label = t("w2v.source.uploaded", name=plain(filename), n=len(kv.index_to_key), d=kv.vector_size)
    return kv
