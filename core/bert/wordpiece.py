"""A WordPiece vocabulary learnt from a training text, for a BERT trained here.

The two stages of the Japanese BERT tokenizer (BertJapaneseTokenizer):

1. MeCab (fugashi + unidic-lite) splits a sentence into words (形態素);
2. WordPiece splits each word into pieces of the vocabulary, greedy longest match first
   (東北大学 → 東北 ##大学; a continuing piece carries ``##``).

The vocabulary of stage 2 is learnt here with the ``tokenizers`` library's WordPiece trainer on
the MeCab words of the training text (frequent words stay whole, rare ones fall back to
pieces; every character of the text is in the vocabulary, so nothing becomes [UNK]). The result
is written as ``vocab.txt`` + the ``tokenizer_config.json`` of core.bert.tiny, i.e. a normal
``BertJapaneseTokenizer`` directory that core.bert.models loads like Tohoku's.
"""
from __future__ import annotations

import pathlib
import tempfile

from core.bert.tiny import SPECIALS, TOKENIZER_CONFIG, write_tokenizer

MIN_VOCAB, MAX_VOCAB = 200, 32_000


def mecab_words():
    """The MeCab word splitter BertJapaneseTokenizer itself uses (same dictionary, same
    normalisation), so training and later use split text identically; on the process's shared
    taggers (core.bert.mecab: building it makes none)."""
    from core.bert.mecab import SharedMecabTokenizer

    kw = TOKENIZER_CONFIG["mecab_kwargs"]
    return SharedMecabTokenizer(do_lower_case=TOKENIZER_CONFIG["do_lower_case"], mecab_dic=kw["mecab_dic"])


def pretokenize(sentences: list[str]) -> list[list[str]]:
    """Stage 1 on every sentence: a list of MeCab words per sentence."""
    words = mecab_words()
    return [words.tokenize(s) for s in sentences]


def train_vocab(words: list[list[str]], vocab_size: int = 4000, *, min_frequency: int = 1) -> list[str]:
    """Stage 2's vocabulary: [PAD] [UNK] [CLS] [SEP] [MASK] (ids 0–4, as bert-base-japanese-v3),
    then the trainer's pieces (every character, ## pieces and the frequent merges), sorted."""
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers

    vocab_size = max(MIN_VOCAB, min(MAX_VOCAB, int(vocab_size)))
    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    trainer = trainers.WordPieceTrainer(vocab_size=vocab_size, min_frequency=min_frequency,
                                        special_tokens=list(SPECIALS), continuing_subword_prefix="##",
                                        show_progress=False)
    tok.train_from_iterator((" ".join(ws) for ws in words if ws), trainer=trainer)
    # the trainer breaks frequency ties in hash order: sort the pieces so that one text always
    # gives the same ids (a deterministic model for a fixed seed)
    return list(SPECIALS) + sorted(p for p in tok.get_vocab() if p not in SPECIALS)


def fast_tokenizer(vocab: list[str]):
    """A ``tokenizers`` WordPiece over ``vocab`` for pre-split words (fast encoding of the
    training set; the same greedy longest-match as BertJapaneseTokenizer's WordpieceTokenizer)."""
    from tokenizers import Tokenizer, models

    return Tokenizer(models.WordPiece({p: i for i, p in enumerate(vocab)}, unk_token="[UNK]",
                                      max_input_chars_per_word=100))


def encode_words(vocab: list[str], words: list[list[str]]) -> list[list[int]]:
    """Stage 2 on pre-split sentences: ids per sentence (without [CLS]/[SEP])."""
    fast = fast_tokenizer(vocab)
    return [fast.encode(ws, is_pretokenized=True).ids if ws else [] for ws in words]


def write(out_dir: str | pathlib.Path, vocab: list[str]) -> pathlib.Path:
    """vocab.txt + tokenizer_config.json (BertJapaneseTokenizer, MeCab + WordPiece)."""
    out = pathlib.Path(out_dir)
    write_tokenizer(out, vocab)
    return out


def load(vocab: list[str]):
    """A BertJapaneseTokenizer object over ``vocab`` (for a model that lives in a session, not
    on disk); built through a temporary directory exactly as a saved one would load (its MeCab
    on the shared taggers: core.bert.tiny.load_tokenizer)."""
    from core.bert.tiny import load_tokenizer

    with tempfile.TemporaryDirectory(prefix="wordpiece-") as tmp:
        return load_tokenizer(write(tmp, vocab))
