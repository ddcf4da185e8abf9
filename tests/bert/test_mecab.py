"""Every BertJapaneseTokenizer the app builds shares MeCab taggers with core.text's pool
(core.bert.mecab): building one no longer makes a fugashi tagger, whose dictionary fugashi
never unmaps (issue 24: +30–90 MB of server RSS per mini-BERT demo), and the words are the
ones transformers' own MecabTokenizer gives."""
from __future__ import annotations

import concurrent.futures as cf
import copy
import os

import pytest

from core.bert import wordpiece as wp

SENTENCES = [
    "東北大学で自然言語処理を研究しています。",
    "今日は朝早く起きました。[MASK]を食べました。",
    "ｶﾀｶﾅ と ＡＢＣ　全角の空白、ＢＥＲＴとGPT-4。",
    "絵文字😀も①②も、ﾃﾞｰﾀも。",
    "  前後の空白  ",
]


def _pn_sentences(n: int = 300) -> list[str]:
    path = "/work/shared/data/pn.tsv"
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [line.split("\t")[2] for _, line in zip(range(n), f)]


def _dictionary_maps() -> int:
    with open("/proc/self/maps") as f:
        return sum(1 for line in f if line.rstrip().endswith("sys.dic"))


@pytest.fixture
def vocab() -> list[str]:
    return wp.train_vocab(wp.pretokenize(SENTENCES * 3), 200)


@pytest.fixture
def taggers_made(monkeypatch) -> list[str]:
    """Every fugashi tagger constructed from now on (transformers and core.text call
    ``fugashi.GenericTagger`` / ``fugashi.Tagger`` through the module)."""
    import fugashi

    made: list[str] = []
    for name in ("GenericTagger", "Tagger"):
        cls = getattr(fugashi, name)
        monkeypatch.setattr(fugashi, name, lambda *a, _cls=cls, _name=name, **k: made.append(_name) or _cls(*a, **k))
    return made


def _transformers_tokenizer(monkeypatch, vocab, tmp_path):
    """The reference: BertJapaneseTokenizer with transformers' own MecabTokenizer (own tagger)."""
    from transformers.models.bert_japanese import tokenization_bert_japanese as tbj

    own = next(c for c in tbj.MecabTokenizer.__mro__ if c.__module__ == tbj.__name__)
    with monkeypatch.context() as m:
        m.setattr(tbj, "MecabTokenizer", own)
        tok = tbj.BertJapaneseTokenizer.from_pretrained(str(wp.write(tmp_path / "ref", vocab)))
    assert type(tok.word_tokenizer) is own
    return tok


def test_building_tokenizers_makes_no_tagger_and_keeps_the_tokens(vocab, taggers_made, monkeypatch, tmp_path):
    maps = _dictionary_maps()
    toks = [wp.load(vocab) for _ in range(5)]
    toks.append(copy.deepcopy(toks[0]))  # a copy rebuilds its MecabTokenizer (__setstate__)
    words = wp.pretokenize(SENTENCES)
    got = [[t.tokenize(s) for s in SENTENCES] for t in toks]
    # sequential use borrows the same pooled tagger: at most one made (when the pool was empty)
    assert len(taggers_made) <= 1, taggers_made
    assert _dictionary_maps() - maps <= 1
    ref = _transformers_tokenizer(monkeypatch, vocab, tmp_path)
    sentences = SENTENCES + _pn_sentences()
    want = [ref.tokenize(s) for s in sentences]
    assert all(g == want[: len(SENTENCES)] for g in got)
    assert [toks[1].tokenize(s) for s in sentences] == want
    assert words == [ref.word_tokenizer.tokenize(s) for s in SENTENCES]


def test_8_threads_get_the_sequential_tokens_from_at_most_the_pools_cap_of_taggers(vocab, taggers_made):
    """Five tokenizers used from 8 threads at once: the same tokens as one after the other, and
    no more taggers than core.text's pool holds (before: one per tokenizer built)."""
    toks = [wp.load(vocab) for _ in range(5)]
    long = ["".join(SENTENCES * k) for k in range(5, 30)]
    jobs = [(toks[i % 5], s) for i, s in enumerate((long + SENTENCES + _pn_sentences(50)) * 2)]
    want = [t.tokenize(s) for t, s in jobs]
    with cf.ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lambda job: job[0].tokenize(job[1]), jobs))
    assert got == want
    assert len(taggers_made) <= 4  # core.text's cap, however many tokenizers and threads


def test_a_dictionary_we_do_not_pool_takes_transformers_own_path():
    """No dictionary option (a system MeCab) keeps its own tagger, serialised; one we do not have
    fails as before."""
    import unidic_lite
    from transformers.models.bert_japanese import tokenization_bert_japanese as tbj

    from core.bert import mecab

    mecab.share_taggers()
    assert tbj.MecabTokenizer is mecab.SharedMecabTokenizer
    rc = f"{unidic_lite.DICDIR}/mecabrc"
    own = tbj.MecabTokenizer(mecab_dic=None, mecab_option=f"-d {unidic_lite.DICDIR} -r {rc}")
    assert isinstance(own.mecab, mecab.BorrowedTagger)  # its own tagger, one call at a time
    assert own.tokenize("猫が鳴いた。") == ["猫", "が", "鳴い", "た", "。"]
    try:
        import ipadic  # noqa: F401
    except ModuleNotFoundError:
        with pytest.raises(ModuleNotFoundError, match="ipadic"):
            tbj.MecabTokenizer(mecab_dic="ipadic")
    with pytest.raises(ValueError, match="mecab_dic"):
        tbj.MecabTokenizer(mecab_dic="no-such-dictionary")
