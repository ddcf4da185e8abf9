"""Stage 1 of every Japanese BERT tokenizer (MeCab) on the process's shared taggers.

``BertJapaneseTokenizer`` splits a sentence into words with transformers' ``MecabTokenizer``,
which makes its own fugashi tagger per tokenizer built. fugashi never unmaps a tagger's
dictionary (sys.dic, matrix.bin stay mapped), so every tokenizer the server built — one per
mini-BERT pre-training (core.bert.wordpiece.load), per hub model load and per fine-tuning —
stayed in its RSS for good: +30–90 MB per mini-BERT demo in the classroom soak (issue 24).

:func:`share_taggers` swaps transformers' ``MecabTokenizer`` for :class:`SharedMecabTokenizer`
(everywhere BertJapaneseTokenizer builds one: ``__init__``, a copy's ``__setstate__``). It
makes no tagger: each call borrows one from core.text's pool for that dictionary (unidic-lite:
the very pool of ``core.text.japanese_tagger``; ipadic, unidic: a pool per MeCab option string)
and reads the words inside the borrow (a MeCab tagger is not thread-safe, and its nodes are only
valid until its next parse). The tagger is started with the same dictionary, and transformers'
own ``tokenize`` runs unchanged (NFKC, lower-casing, never_split), so the words are the same.
A dictionary or option we do not pool (``mecab_dic=None``, one not installed, an unknown name)
takes transformers' own path: its own tagger (serialised here) or today's error.
"""
from __future__ import annotations

import contextlib
import os
import threading
from typing import NamedTuple

from transformers.models.bert_japanese import tokenization_bert_japanese as tbj

from core import text

_TRANSFORMERS_MECAB = next(c for c in tbj.MecabTokenizer.__mro__ if c.__module__ == tbj.__name__)


class Word(NamedTuple):
    """What MecabTokenizer.tokenize reads of a MeCab node, copied while the tagger is borrowed."""
    surface: str


class BorrowedTagger:
    """Stands in for ``MecabTokenizer.mecab``: ``tagger(text)`` → the words of ``text``, parsed
    by a tagger borrowed for this call alone (``borrow()``: a context manager giving one)."""

    def __init__(self, borrow):
        self._borrow = borrow

    def __call__(self, sentence: str) -> list[Word]:
        with self._borrow() as tagger:
            return [Word(node.surface) for node in tagger(sentence)]


def pool_option(mecab_dic: str | None, mecab_option: str | None) -> str | None | bool:
    """The option string transformers' MecabTokenizer would start its tagger with, as a key of
    core.text's pools: ``None`` for unidic-lite alone (core.text's own taggers), ``False`` when we
    do not pool it (no or an unknown dictionary, one not installed: transformers' own path)."""
    try:
        import fugashi  # noqa: F401 - without it: transformers' own error, at build time
    except ModuleNotFoundError:
        return False
    if mecab_dic == "unidic_lite":
        try:
            import unidic_lite
        except ModuleNotFoundError:
            return False
        dic_dir = unidic_lite.DICDIR
        if not mecab_option:
            return None
    elif mecab_dic == "unidic":
        try:
            import unidic
        except ModuleNotFoundError:
            return False
        dic_dir = unidic.DICDIR
        if not os.path.isdir(dic_dir):
            return False
    elif mecab_dic == "ipadic":
        try:
            import ipadic
        except ModuleNotFoundError:
            return False
        dic_dir = ipadic.DICDIR
    else:
        return False
    mecabrc = os.path.join(dic_dir, "mecabrc")
    return f'-d "{dic_dir}" -r "{mecabrc}" ' + (mecab_option or "")


@contextlib.contextmanager
def _serialised(tagger, lock: threading.Lock):
    with lock:
        yield tagger


class SharedMecabTokenizer(_TRANSFORMERS_MECAB):
    """transformers' MecabTokenizer whose ``mecab`` borrows a pooled tagger per call (no tagger
    of its own); the same arguments, the same ``tokenize``."""

    def __init__(self, do_lower_case=False, never_split=None, normalize_text=True,
                 mecab_dic: str | None = "unidic_lite", mecab_option: str | None = None):
        option = pool_option(mecab_dic, mecab_option)
        if option is False:  # transformers' own tagger (or its error), one call at a time
            super().__init__(do_lower_case=do_lower_case, never_split=never_split, normalize_text=normalize_text,
                             mecab_dic=mecab_dic, mecab_option=mecab_option)
            own, lock = self.mecab, threading.Lock()
            self.mecab = BorrowedTagger(lambda: _serialised(own, lock))
            return
        self.do_lower_case = do_lower_case
        self.never_split = never_split if never_split is not None else []
        self.normalize_text = normalize_text
        self.mecab = BorrowedTagger(lambda: text.mecab_tagger(option))


def share_taggers() -> None:
    """From now on every BertJapaneseTokenizer (and MecabTokenizer) built in this process
    borrows its MeCab taggers (call before building one; idempotent)."""
    tbj.MecabTokenizer = SharedMecabTokenizer
