"""Build small BERT models offline (no hub): for tests, for the attention page's clearly
labelled UNTRAINED demo when the real model is missing, and a bert-base-sized random model of
the real ``tohoku-nlp/bert-base-japanese-v3`` configuration for benchmarks.

The tokenizer is the real one's kind: ``BertJapaneseTokenizer`` with MeCab (fugashi +
unidic-lite) words, then WordPiece; the vocab.txt is built by tokenizing some Japanese text
(every word, every character, and every character as a ``##`` piece, so nothing becomes
[UNK]). The weights are random (seeded) and marked ``playground_untrained`` in config.json.
"""
from __future__ import annotations

import pathlib

from core.paths import build_into

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]  # same ids as bert-base-japanese-v3

SAMPLE_TEXT = """\
東北大学で自然言語処理を研究しています。今日はとても良い天気です。このホテルは駅から近くて便利でした。
部屋は広くてきれいでしたが、朝食はあまりおいしくなかった。スタッフの対応がとても丁寧で感動しました。
私は毎朝コーヒーを飲みます。彼は図書館で本を読んでいる。明日は雨が降るかもしれません。
日本の首都は東京です。京都には古いお寺がたくさんあります。猫が窓のそばで寝ている。
この映画は本当に面白かった。料理が冷めていて残念でした。値段のわりにサービスが悪い。
言葉の意味は文脈によって決まる。機械翻訳の品質は年々向上している。学生たちは熱心に講義を聞いた。
ニューラルネットワークは大量のデータから学習する。単語をベクトルで表すと計算できる。
"""

# the real bert-base-japanese-v3 configuration (config.json of tohoku-nlp/bert-base-japanese-v3)
BASE_V3 = dict(vocab_size=32768, hidden_size=768, num_hidden_layers=12, num_attention_heads=12,
               intermediate_size=3072, hidden_act="gelu", hidden_dropout_prob=0.1,
               attention_probs_dropout_prob=0.1, max_position_embeddings=512, type_vocab_size=2,
               initializer_range=0.02, layer_norm_eps=1e-12, pad_token_id=0)

TINY = dict(hidden_size=32, num_hidden_layers=2, num_attention_heads=2, intermediate_size=64,
            max_position_embeddings=512, type_vocab_size=2, pad_token_id=0)

# the app's offline demo (BERT page fallback, attention page's model / head view): 4 layers × 4
# heads so the views have a grid to explore; initializer_range larger than BERT's 0.02 so the
# random attention is patterned, not uniform. Its vocabulary also covers the attention page's
# example sentences and every kana.
DEMO = dict(hidden_size=64, num_hidden_layers=4, num_attention_heads=4, intermediate_size=128,
            max_position_embeddings=512, type_vocab_size=2, pad_token_id=0, initializer_range=0.2)
DEMO_VERSION = 2  # bump when the demo recipe changes (the cache folder name carries it)
KANA = "".join(chr(c) for c in range(0x3041, 0x3097)) + "".join(chr(c) for c in range(0x30A1, 0x30FB)) + "ー"
DEMO_EXTRA_TEXT = ("猫が窓のそばで寝ている。それはとても気持ちよさそうだ。私は甘いバナナが好きです。"
                   "彼女は昨日図書館で借りた本を今日返した。犬が公園を走っている。" + KANA)

TOKENIZER_CONFIG = {
    "tokenizer_class": "BertJapaneseTokenizer",
    "do_lower_case": False,
    "word_tokenizer_type": "mecab",
    "subword_tokenizer_type": "wordpiece",
    "mecab_kwargs": {"mecab_dic": "unidic_lite"},
    "model_max_length": 512,
}


def build_vocab(text: str = SAMPLE_TEXT, size: int | None = None) -> list[str]:
    """Specials + MeCab words of ``text`` + each character and its ``##`` piece; padded with
    ``[unused{i}]`` placeholders up to ``size`` when given."""
    from core import text as jtext

    vocab: list[str] = list(SPECIALS)
    seen = set(vocab)

    def add(piece: str) -> None:
        if piece and piece not in seen:
            seen.add(piece)
            vocab.append(piece)

    words = jtext.wakati(text)
    chars = sorted({ch for w in words for ch in w})
    for w in words:
        add(w)
    for ch in chars:
        add(ch)
    for ch in chars:
        add("##" + ch)
    for ch in "。、！？「」()（）.,!?0123456789abcdefghijklmnopqrstuvwxyz":
        add(ch)
        add("##" + ch)
    if size is not None:
        if len(vocab) > size:
            vocab = vocab[:size]
        i = 0
        while len(vocab) < size:
            add(f"[unused{i}]")
            i += 1
    return vocab


def write_tokenizer(out: pathlib.Path, vocab: list[str]) -> None:
    import json

    out.mkdir(parents=True, exist_ok=True)
    (out / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    (out / "tokenizer_config.json").write_text(json.dumps(TOKENIZER_CONFIG, ensure_ascii=False, indent=2),
                                               encoding="utf-8")


def load_tokenizer(path: str | pathlib.Path):
    """The BertJapaneseTokenizer saved at ``path``; its MeCab borrows the process's shared
    taggers (core.bert.mecab), so it is thread-safe and building it maps no dictionary."""
    from transformers import BertJapaneseTokenizer

    from core.bert.mecab import share_taggers

    share_taggers()
    return BertJapaneseTokenizer.from_pretrained(str(path))


def build(out_dir: str | pathlib.Path, kind: str = "masked_lm", *, seed: int = 0,
          labels: tuple[str, ...] = ("positive", "negative"), size: str = "tiny",
          text: str = SAMPLE_TEXT) -> pathlib.Path:
    """Write a random-weight BERT to ``out_dir`` (safetensors + config + tokenizer files).

    kind: "masked_lm" (BertForMaskedLM), "pretraining" (BertForPreTraining: MLM + NSP heads),
    "classifier" (BertForSequenceClassification with ``labels`` in config.id2label) or
    "encoder" (BertModel). size: "tiny" (2 layers, d=32), "demo" (the app's offline demo, 4
    layers × 4 heads, d=64) or "base" (bert-base-japanese-v3 configuration, vocab 32768 with
    placeholder pieces)."""
    import torch
    from transformers import (BertConfig, BertForMaskedLM, BertForPreTraining,
                              BertForSequenceClassification, BertModel)

    out = pathlib.Path(out_dir)
    if size == "base":
        vocab = build_vocab(text, size=BASE_V3["vocab_size"])
        cfg = BertConfig(**BASE_V3)
    elif size == "tiny":
        vocab = build_vocab(text)
        cfg = BertConfig(vocab_size=len(vocab), **TINY)
    elif size == "demo":
        vocab = build_vocab(text + DEMO_EXTRA_TEXT)
        cfg = BertConfig(vocab_size=len(vocab), **DEMO)
    else:
        raise ValueError(f"size must be 'tiny', 'demo' or 'base', not {size!r}")
    id2label = {i: lab for i, lab in enumerate(labels)}
    cfg.id2label = id2label
    cfg.label2id = {v: k for k, v in id2label.items()}
    cfg.playground_untrained = True
    classes = {"masked_lm": BertForMaskedLM, "pretraining": BertForPreTraining,
               "classifier": BertForSequenceClassification, "encoder": BertModel}
    if kind not in classes:
        raise ValueError(f"kind must be one of {sorted(classes)}, not {kind!r}")
    from core.bert.models import quiet_transformers

    quiet_transformers()
    torch.manual_seed(seed)
    model = classes[kind](cfg)
    model.eval()
    model.save_pretrained(str(out), safe_serialization=True)
    write_tokenizer(out, vocab)
    return out


def build_fixture_set(root: str | pathlib.Path, seed: int = 0) -> dict[str, pathlib.Path]:
    """The tiny models the tests (and the offline demo) use: {"mlm", "pretraining", "classifier"}."""
    root = pathlib.Path(root)
    return {
        "mlm": build(root / "tiny-mlm", "masked_lm", seed=seed),
        "pretraining": build(root / "tiny-pretraining", "pretraining", seed=seed),
        "classifier": build(root / "tiny-classifier", "classifier", seed=seed),
    }


def default_demo_dir() -> pathlib.Path:
    """Where the app keeps its untrained demo models (core.paths cache, rebuilt when missing)."""
    from core.paths import cache_dir

    return cache_dir("bert", f"demo-bert-untrained-v{DEMO_VERSION}")


def ensure_demo(kind: str = "pretraining", seed: int = 0) -> pathlib.Path:
    """Build (once) and return the clearly-untrained demo model directory of ``kind``: the one
    offline stand-in of the BERT page (fill-mask, MLM/NSP) and the attention page's views."""
    out = default_demo_dir() / kind
    if not (out / "config.json").is_file() or not (out / "vocab.txt").is_file():
        build_into(out, lambda tmp: build(tmp, kind, seed=seed, size="demo"), done="config.json")
    return out
