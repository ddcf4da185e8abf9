"""Japanese text: tokenization (fugashi + unidic-lite), Sudachi normalisation, upload decoding.

Taggers (MeCab, Sudachi) are not safe to share between threads that call them at the same
time, and they are costly: each is borrowed from a process-wide pool (``_Pool``) for one call,
so the process holds as many as were ever used at the same time, not one per thread (Streamlit
runs every page run in a new thread; see ``_Pool``). The BERT tokenizers' MeCab borrows from the
same pools (``mecab_tagger``; core.bert.mecab).
"""
from __future__ import annotations

import contextlib
import queue
import threading
import unicodedata
from dataclasses import dataclass

from core import InputTooLong, InvalidInput, term_en

MAX_UPLOAD_BYTES = 5 * 1024 * 1024  # 5 MiB of text is plenty for every page
MAX_TEXT_CHARS = 2000  # what a text field accepts before pages truncate or refuse


class _Pool:
    """Instances of something costly that one thread at a time may use (a tagger): borrow one
    for a call, it goes back after; a new one is made only while every other is busy, and at
    most ``size`` exist (a further borrower waits: a call takes milliseconds, and under the one
    GIL more taggers bring no speed — fugashi parses holding the GIL — while each one maps its
    dictionary again, ≈ 30–45 MB of RSS: the soak made 9 before the cap).

    Not ``threading.local``: Streamlit runs each page run in a new thread, so one tagger per
    thread was a new tagger per page run that tokenized, and neither kind is ever really freed:
    fugashi leaves each tagger's unidic-lite dictionary mapped (sys.dic, matrix.bin: RSS of the
    pages it touched), and each Sudachi dictionary left ≈ 3 MB of heap behind (20 threads: +57 MB
    RssAnon). In the soak (issue 24) the server's RSS grew ≈ 2 MB/s that way."""

    def __init__(self, make, size: int = 2):
        self._make = make
        self._slots = threading.BoundedSemaphore(size)
        self._idle: queue.SimpleQueue = queue.SimpleQueue()
        self.made = 0  # how many were ever made (tests: stays at the peak concurrency)

    @contextlib.contextmanager
    def borrow(self):
        with self._slots:
            try:
                obj = self._idle.get_nowait()
            except queue.Empty:
                obj = self._make()
                self.made += 1
            try:
                yield obj
            finally:
                self._idle.put(obj)


def _make_japanese_tagger():
    import fugashi
    import unidic_lite

    return fugashi.Tagger(f"-d {unidic_lite.DICDIR}")


_taggers = _Pool(_make_japanese_tagger)


@dataclass(frozen=True)
class Token:
    surface: str
    lemma: str
    pos: str  # 品詞 (e.g. 名詞, 動詞)
    pos_detail: str  # 品詞細分類1
    reading: str

    def as_dict(self) -> dict:
        return {"surface": self.surface, "lemma": self.lemma, "pos": self.pos,
                "pos_detail": self.pos_detail, "reading": self.reading}


def japanese_tagger():
    """``with japanese_tagger() as tagger:`` a fugashi tagger (unidic-lite) for this thread alone
    until the block ends (MeCab taggers are not thread-safe). Read the nodes inside the block:
    they belong to the tagger's next call once it is back in the pool."""
    return mecab_tagger()


def _make_mecab_tagger(option: str):
    import fugashi

    return fugashi.GenericTagger(option)


_mecab_pools: dict[str, _Pool] = {}
_mecab_pools_lock = threading.Lock()


def mecab_tagger(option: str | None = None):
    """``with mecab_tagger(option) as tagger:`` like :func:`japanese_tagger`, for MeCab started
    with another option string (``fugashi.GenericTagger(option)``: another dictionary, e.g. a
    BERT tokenizer's ipadic): one pool per option string. ``None``: unidic-lite, the pool of
    :func:`japanese_tagger` itself (core.bert.mecab lends these to every BERT tokenizer)."""
    if option is None:
        return _taggers.borrow()
    with _mecab_pools_lock:
        pool = _mecab_pools.get(option)
        if pool is None:
            pool = _mecab_pools[option] = _Pool(lambda: _make_mecab_tagger(option))
    return pool.borrow()


def _feature(word, name: str) -> str:
    value = getattr(word.feature, name, None)
    return value if isinstance(value, str) and value not in ("*", "") else ""


def tokenize(text: str) -> list[Token]:
    """MeCab (unidic-lite) tokens with surface, lemma, POS. Whitespace is dropped."""
    text = normalize_input(text)
    if not text:
        return []
    out: list[Token] = []
    with japanese_tagger() as tagger:
        for w in tagger(text):
            surface = w.surface
            if not surface.strip():
                continue
            lemma = _feature(w, "lemma") or surface
            # unidic lemmas may carry an English gloss after a hyphen: "カタカナ-katakana"
            if "-" in lemma and not surface.count("-"):
                head = lemma.split("-", 1)[0]
                lemma = head or lemma
            out.append(Token(surface=surface, lemma=lemma, pos=_feature(w, "pos1"),
                             pos_detail=_feature(w, "pos2"),
                             reading=_feature(w, "kana") or _feature(w, "pron")))
    return out


def wakati(text: str) -> list[str]:
    """Surfaces only (分かち書き)."""
    return [t.surface for t in tokenize(text)]


def normalize_input(text: str) -> str:
    """What every text box does first: NFKC for width variants is NOT applied (it would change
    the user's words); we only drop control characters and trim."""
    if text is None:
        return ""
    text = "".join(ch for ch in str(text) if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    return text.strip()


def require_text(text: str, *, max_chars: int = MAX_TEXT_CHARS, what: str = "テキスト") -> str:
    """Validate a text field: not empty, not over ``max_chars``. Returns the cleaned text."""
    cleaned = normalize_input(text)
    if not cleaned:
        raise InvalidInput(f"{what}が空です。文字を入力してください。",
                           en=f"The {term_en(what)} is empty. Enter some text.")
    if len(cleaned) > max_chars:
        raise InputTooLong(f"{what}が長すぎます（{len(cleaned):,} 文字）。{max_chars:,} 文字以内にしてください。",
                           en=f"The {term_en(what)} is too long ({len(cleaned):,} characters). Use at most {max_chars:,}.")
    return cleaned


def _make_sudachi():
    """A SudachiPy tokenizer (sudachidict_core), or False when not installed."""
    try:
        from sudachipy import Dictionary

        return Dictionary(dict="core").create()
    except Exception:  # noqa: BLE001 - missing dictionary: degrade gracefully
        return False


_sudachis = _Pool(_make_sudachi)


def sudachi_normalize(word: str) -> str:
    """Sudachi's normalised form (コンピュータ → コンピューター), the key form of chiVe.

    Uses SudachiPy with sudachidict_core when installed; returns the word itself otherwise.
    For a phrase it returns the concatenation of normalised forms.
    """
    word = normalize_input(word)
    if not word:
        return ""
    with _sudachis.borrow() as tok:
        if tok is False:
            return word
        return "".join(m.normalized_form() for m in tok.tokenize(word))


def warm() -> None:
    """Make one tagger of each kind now (MeCab and Sudachi: their dictionaries load in 20–50 ms
    alone, much longer under a busy GIL). core.resources calls it with the word vectors, so the
    first word of a lecture that needs Sudachi's normalised form (りんご) does not pay for it while
    forty followers wait on the same run."""
    tokenize("準備")
    sudachi_normalize("準備")


def decode_upload(data: bytes, *, max_bytes: int = MAX_UPLOAD_BYTES, what: str = "アップロードされたファイル") -> str:
    """Decode an uploaded text file: UTF-8 (with or without BOM), then Shift-JIS/CP932.

    Raises InvalidInput for empty/binary data and InputTooLong above ``max_bytes``.
    """
    if data is None or len(data) == 0:
        raise InvalidInput(f"{what}が空です。テキストファイル（UTF-8 または Shift-JIS）を選んでください。",
                           en=f"The {term_en(what)} is empty. Choose a text file (UTF-8 or Shift-JIS).")
    if len(data) > max_bytes:
        raise InputTooLong(
            f"{what}が大きすぎます（{len(data) / 1024 / 1024:.1f} MB）。"
            f"{max_bytes / 1024 / 1024:.0f} MB 以下に分けてください。",
            en=f"The {term_en(what)} is too large ({len(data) / 1024 / 1024:.1f} MB). "
               f"Split it into parts of {max_bytes / 1024 / 1024:.0f} MB or less.")
    if _looks_binary(data):
        raise InvalidInput(f"{what}はテキストではないようです（バイナリ）。UTF-8 または Shift-JIS のテキストファイルを選んでください。",
                           en=f"The {term_en(what)} does not look like text (binary). Choose a UTF-8 or Shift-JIS text file.")
    for enc in ("utf-8-sig", "cp932", "shift_jis", "euc_jp"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        return text.replace("\r\n", "\n").replace("\r", "\n")
    raise InvalidInput(f"{what}の文字コードを判別できません。UTF-8 で保存し直してください。",
                       en=f"Cannot tell the character encoding of the {term_en(what)}. Save it again as UTF-8.")


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        # UTF-16 text also has NULs; we do not accept it and say so as binary.
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > max(4, len(head) // 100)
