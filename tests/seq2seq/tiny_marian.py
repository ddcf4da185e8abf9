"""A tiny MarianMT model built offline for tests: a sentencepiece model trained on the fly,
MarianTokenizer files and a randomly initialised MarianMTModel, saved to a directory that the
app's own loader (core.seq2seq.pretrained.load_marian) reads."""
from __future__ import annotations

import json
import pathlib

SENTENCES = [
    "私は昨日公園で猫を見た", "彼は毎日本を読む", "i saw a cat in the park yesterday",
    "he reads a book every day", "今日はいい天気です", "the weather is nice today",
    "猫が好きです", "i like cats", "東京に行きました", "i went to tokyo",
] * 20


def build(directory) -> pathlib.Path:
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    d = pathlib.Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    corpus = d / "corpus.txt"
    corpus.write_text("\n".join(SENTENCES), encoding="utf-8")
    spm.SentencePieceTrainer.train(input=str(corpus), model_prefix=str(d / "sp"), vocab_size=60, hard_vocab_limit=False,
                                   character_coverage=1.0, model_type="unigram",
                                   pad_id=-1, bos_id=-1, eos_id=1, unk_id=0, minloglevel=2)
    sp = spm.SentencePieceProcessor(model_file=str(d / "sp.model"))
    pieces = ["</s>", "<unk>", "<pad>"] + [sp.id_to_piece(i) for i in range(sp.get_piece_size())
                                            if sp.id_to_piece(i) not in ("</s>", "<unk>", "<pad>")]
    vocab = {p: i for i, p in enumerate(pieces)}
    (d / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    out = d / "model"
    out.mkdir(exist_ok=True)
    tok = MarianTokenizer(str(d / "sp.model"), str(d / "sp.model"), str(d / "vocab.json"),
                          source_lang="ja", target_lang="en")
    tok.save_pretrained(str(out))
    torch.manual_seed(0)
    config = MarianConfig(vocab_size=len(vocab), d_model=16, encoder_layers=2, decoder_layers=2,
                          encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=32,
                          decoder_ffn_dim=32, max_position_embeddings=64, pad_token_id=vocab["<pad>"],
                          eos_token_id=vocab["</s>"], decoder_start_token_id=vocab["<pad>"],
                          forced_eos_token_id=vocab["</s>"])
    model = MarianMTModel(config)
    model.generation_config.max_length = 20
    model.save_pretrained(str(out))
    return out
