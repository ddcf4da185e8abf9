"""Every ``st.cache_resource`` loader of the app, in one place: read this file to know what
stays in memory. The only module of core that imports streamlit.

Rules (see README, architecture): cached objects are shared by every session and thread, so
they are loaded in eval mode and used read-only; what a user trains lives in
``st.session_state``. Each loader records itself in ``core.registry`` for the sidebar.
"""
from __future__ import annotations

import threading

import streamlit as st

from core import registry
from core.i18n import both


def _timed(name: str, detail: str, fn, *args, **kwargs):
    return registry.track(name, detail, fn, *args, **kwargs)


def _weights_mb(source: str) -> float:
    """Size of a located model's weight files (≈ its RAM in float32); 0 when unknown."""
    from core import hub

    try:
        path = hub.locate(source).path
    except Exception:  # noqa: BLE001 - the loader reports a missing model itself
        return 0.0
    if path is None:
        return 0.0
    return sum(f.stat().st_size for f in path.glob("*") if f.suffix in (".safetensors", ".bin")) / 2**20


def _hub_model(cached, name: str, detail: str, fn, source: str):
    """A releasable hub model (core.registry's memory policy): room is made under
    PLAYGROUND_MEMORY_BUDGET_MB before loading, and releasing clears this one cache entry."""
    return registry.track(name, detail, fn, source, need_mb=_weights_mb(source),
                          release=lambda: cached.clear(source))


def _use(name: str, cached, source: str):
    registry.touch(name)
    return cached(source)


# --- runtime ----------------------------------------------------------------------------

def disable_legacy_pages_mode() -> None:
    """For in-process sessions (AppTest, the load test): the app always uses st.navigation, so
    say so before the first run (the first st.navigation call does the same). Without it the
    process's first AppTest.switch_page lands on the home page (legacy pages/ mode)."""
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False


# --- device -----------------------------------------------------------------------------
# torch takes seconds to import; the sidebar must not wait for it. The first run starts a
# background thread that imports torch and detects the device; pages read the result.

class _DeviceProbe:
    def __init__(self):
        self.info = None
        self.error: str | None = None
        self.done = threading.Event()
        threading.Thread(target=self._run, name="device-probe", daemon=True).start()

    def _run(self):
        try:
            from core import device

            self.info = device.info()
        except Exception as exc:  # noqa: BLE001 - shown in the sidebar
            self.error = f"{type(exc).__name__}: {exc}"
        finally:
            self.done.set()


@st.cache_resource(show_spinner=False)
def device_probe() -> _DeviceProbe:
    return _DeviceProbe()


# --- tokenizer ----------------------------------------------------------------------------

@st.cache_resource(show_spinner=False)
def japanese_tokenizer_ready() -> bool:
    """Loads the MeCab dictionary once (fugashi + unidic-lite) so the first page is quick."""
    from core import text

    _timed("MeCab (fugashi + unidic-lite)", "res.mecab", text.tokenize, "準備")
    return True


# --- word2vec (issue 3) --------------------------------------------------------------------

@st.cache_resource(show_spinner=both("res.loading.word_vectors"))
def word_vectors():
    """The embedded chiVe vectors (gensim KeyedVectors, memory-mapped, norms filled). Read-only:
    never add or train on it; a session's own vectors live in st.session_state."""
    from core import text
    from core.word2vec import vectors

    kv = _timed("chiVe", "res.chive", vectors.default_vectors)
    text.warm()  # the lookups' taggers (Sudachi normalises what is not a key as typed)
    return kv


@st.cache_resource(show_spinner=both("res.loading.vectors_file"))
def word_vectors_file(path: str):
    """Vectors from a server-side file or a gensim-data name (shared, read-only)."""
    from core.word2vec import vectors

    return _timed(f"word2vec {path}", "res.vectors_file", vectors.load_vectors, path)


# --- rnn (issue 4) -------------------------------------------------------------------------
# Nothing cached here on purpose: every RNN / LSTM / GRU the page shows is trained by the
# session itself (seconds on a CPU) and lives in st.session_state (lstm_fc_run, lstm_lm_run,
# lstm_cmp_runs, lstm_gates_runs, lstm_bi_runs); per-run caps are in core/limits.py.


# --- seq2seq (issue 5) ---------------------------------------------------------------------

@st.cache_resource(show_spinner=False)
def seq2seq_date_model():
    """The default date-normalisation seq2seq model (char level, additive attention), shared
    read-only by all sessions (eval mode; decode with core.seq2seq.decode.translate). Loaded from
    the committed checkpoint core/seq2seq/checkpoints/dates (or the disk cache), else trained
    once (< 1 min on 2 CPU cores) and cached on disk."""
    from core.seq2seq import date_model

    return _timed("seq2seq (dates)", "res.s2s_dates", date_model.load_or_train)


def seq2seq_marian(source: str):
    """Pretrained MarianMT (Helsinki-NLP/opus-mt-ja-en by default; ``source`` from core.hub),
    eager attention, eval mode. Raises ModelUnavailable (not cached) when it is not here."""
    return _use(f"MarianMT ({source})", _seq2seq_marian, source)


@st.cache_resource(show_spinner=False)
def _seq2seq_marian(source: str):
    from core.seq2seq.pretrained import load_marian

    return _hub_model(_seq2seq_marian, f"MarianMT ({source})", "res.marian",
                      load_marian, source)



# --- attention (issue 6) -------------------------------------------------------------------

def attention_untrained_bert():
    """The clearly-UNTRAINED demo BERT (core.bert.tiny's demo, 4 layers × 4 heads, random
    weights) as an encoder with eager attention, so the attention views work without the hub."""
    return bert_attention_encoder(bert_untrained_demo_dir("pretraining"))



# --- bert (issue 7, 9) ---------------------------------------------------------------------
# Keyed by source (hub id or directory, see core.hub): each distinct source loads once per
# process. Failures (ModelUnavailable) are not cached, so a model downloaded later is found.

def bert_fill_mask_model(source: str):
    """Masked LM (+ NSP head when present) for fill-mask, the MLM tab and NSP."""
    return _use(f"BERT MLM: {source}", _bert_fill_mask_model, source)


@st.cache_resource(show_spinner=both("res.loading.bert"), max_entries=4)
def _bert_fill_mask_model(source: str):
    from core.bert import models

    return _hub_model(_bert_fill_mask_model, f"BERT MLM: {source}", "res.fill_mask",
                      models.load_masked_lm, source)


def gpt_causal_lm(source: str):
    """A pretrained GPT (causal LM, eager attention) for the attention page (issue 27, item 10)."""
    return _use(f"GPT: {source}", _gpt_causal_lm, source)


@st.cache_resource(show_spinner=both("res.loading.gpt"), max_entries=2)
def _gpt_causal_lm(source: str):
    from core.transformer import pretrained

    return _hub_model(_gpt_causal_lm, f"GPT: {source}", "res.gpt", pretrained.load, source)


def bert_sentiment_model(source: str):
    """Sequence classifier (labels from config.id2label)."""
    return _use(f"BERT classifier: {source}", _bert_sentiment_model, source)


@st.cache_resource(show_spinner=both("res.loading.sentiment"), max_entries=4)
def _bert_sentiment_model(source: str):
    from core.bert import models

    return _hub_model(_bert_sentiment_model, f"BERT classifier: {source}", "res.sentiment",
                      models.load_classifier, source)


def bert_attention_encoder(source: str):
    """Encoder with eager attention (output_attentions=True) for the attention views."""
    return _use(f"BERT attention: {source}", _bert_attention_encoder, source)


@st.cache_resource(show_spinner=both("res.loading.bert_encoder"), max_entries=4)
def _bert_attention_encoder(source: str):
    from core.bert import models

    return _hub_model(_bert_attention_encoder, f"BERT attention: {source}", "res.attention",
                      models.load_encoder_with_attentions, source)


@st.cache_resource(show_spinner=both("res.loading.untrained_bert"))
def bert_untrained_demo_dir(kind: str = "pretraining") -> str:
    """Directory of the clearly-labelled UNTRAINED tiny BERT (built offline once)."""
    from core.bert import tiny

    return str(tiny.ensure_demo(kind))



# --- st.cache_data: pure, deterministic results shared by every session (issue 15) ----------
# Keyed by their inputs; the model argument (a shared, read-only cached model) is skipped by
# the hash (leading underscore) and named by ``model_path`` instead.

@st.cache_data(show_spinner=False, max_entries=1024)
def fill_mask_result(_loaded, model_path: str, text: str, top_k: int):
    """``core.bert.fill_mask.fill_mask`` of a shared model: the same sentence, the same answer
    for the whole class (one forward pass instead of one per student and per rerun)."""
    from core.bert import fill_mask as fm

    return fm.fill_mask(_loaded, text, top_k=top_k)


@st.cache_data(show_spinner=False, max_entries=1024)
def word2vec_neighbors(_kv, source: str, word: str, topn: int):
    """``core.word2vec.query.neighbors`` of shared, read-only vectors (``source`` names them:
    "chiVe" or "file:…"; a session's own vectors are not cached): a class following the
    instructor's word asks it 40 times."""
    from core.word2vec import query

    return query.neighbors(_kv, word, topn)


@st.cache_data(show_spinner=False, max_entries=256)
def word2vec_projection(_vectors, source: str, words: tuple[str, ...], method: str, dims: int):
    """PCA / t-SNE coordinates of ``words`` of shared, read-only vectors (``source`` = "chiVe" or
    "file:…"; ``_vectors`` are their rows, fixed by source and words): computed once for the
    whole class, in core.device's quick lane (never queued behind training)."""
    from core import device
    from core.word2vec import project

    with device.quick_work():
        return project.project(_vectors, method, dims)


@st.cache_data(show_spinner=False, max_entries=256)
def bert_explanation(_loaded, model_path: str, text: str):
    """``core.bert.explain.bert_attributions`` (attention, gradient × input and integrated
    gradients: ≈ 33 forward + backward passes) of a shared classifier, once per (model,
    sentence) for everybody, in the quick lane."""
    from core import device
    from core.bert import explain

    with device.quick_work():
        return explain.bert_attributions(_loaded, text)


# --- shared figures (issue 18): built once per input, read by every session -----------------
# st.cache_resource, not st.cache_data: a cache_data hit unpickles the figure, and unpickling
# a plotly Figure validates it again (≈10 ms, twice what building the bars costs). The figure
# is shared, so it is read-only: pages/common/ui.chart copies it before restyling it.

@st.cache_resource(show_spinner=False, max_entries=512)
def bars_figure(labels: tuple[str, ...], values: tuple[float, ...], *, title: str = "", x_title: str = "",
                highlight: tuple[str, ...] = (), x_range: tuple[float, float] | None = None):
    """``core.figures.bars`` of these inputs, shared read-only (never update it in place)."""
    from core.figures import bars

    return bars(list(labels), list(values), title=title, x_title=x_title, highlight=set(highlight),
                x_range=x_range)



def _digest(value, h) -> None:
    """Feed ``value`` to the hash ``h`` canonically: arrays and tensors by dtype, shape and bytes."""
    import numpy as np

    if hasattr(value, "detach") and hasattr(value, "cpu"):  # a torch tensor
        value = value.detach().cpu().numpy()
    if isinstance(value, np.ndarray):
        h.update(f"nd{value.dtype}{value.shape}".encode())
        h.update(np.ascontiguousarray(value).tobytes())
    elif isinstance(value, (list, tuple)):
        h.update(f"{type(value).__name__}{len(value)}(".encode())
        for v in value:
            _digest(v, h)
        h.update(b")")
    elif isinstance(value, dict):
        h.update(f"dict{len(value)}(".encode())
        for k in sorted(value, key=repr):
            _digest(k, h)
            _digest(value[k], h)
        h.update(b")")
    else:
        h.update(f"{type(value).__name__}:{value!r};".encode())


def shared_figure(builder, *args, **kwargs):
    """``builder(*args, **kwargs)`` — a figure builder of core (``core.attention.figures.heatmap``
    …: its figure, or ``(figure, frame)``) — built once per input and shared read-only by every
    session: a class on the same sentence asks for the same dozen heatmaps, and building one
    costs ≈10 ms of the server's one GIL (plotly's property validation), drawing it ≈2 ms.
    Arguments may be tensors / arrays (hashed by their bytes). Never update the result in place."""
    import hashlib

    h = hashlib.blake2b(digest_size=20)
    _digest((args, kwargs), h)
    return _shared_figure(f"{builder.__module__}.{builder.__qualname__}", h.hexdigest(), builder, args, kwargs)


SHARED_FRAME = "playground_shared"  # DataFrame.attrs flag: a shared, read-only frame (its CSV is memoised)


@st.cache_resource(show_spinner=False, max_entries=2048)
def _shared_figure(name: str, digest: str, _builder, _args, _kwargs):
    out = _builder(*_args, **_kwargs)
    for part in out if isinstance(out, tuple) else (out,):
        if hasattr(part, "attrs") and hasattr(part, "to_csv"):
            part.attrs[SHARED_FRAME] = True
    return out


# --- classroom (issue 18) ------------------------------------------------------------------

@st.cache_resource(show_spinner=False)
def classrooms():
    """Every live class of this server process (core.classroom.Classrooms): class codes, the
    instructor's demo state, followers, the open quick check and its anonymous answers. Shared
    by all sessions on purpose (that is how 40 screens follow one); thread-safe. The classes live
    in this process's memory, or in Redis when PLAYGROUND_REDIS_URL is set (every worker then
    shares them: core/classstore.py); they expire (instructor gone for PLAYGROUND_CLASS_TIMEOUT s,
    or 8 h)."""
    from core import classroom

    return classroom.Classrooms()
