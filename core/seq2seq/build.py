"""One door to both encoder–decoders: ``build_model`` returns the RNN one (core/seq2seq/model.py)
or, for ``cell == "transformer"``, the Transformer one (core/seq2seq/transformer.py). It lives
apart from both so that neither imports the other back (the Transformer reuses the RNN model's
config and source mask)."""
from __future__ import annotations

from torch import nn

from core.seq2seq.data import Vocab
from core.seq2seq.model import Seq2Seq, Seq2SeqConfig
from core.seq2seq.transformer import TransformerSeq2Seq


def build_model(config: Seq2SeqConfig, src_vocab: Vocab, tgt_vocab: Vocab, meta: dict | None = None) -> nn.Module:
    """The RNN encoder–decoder, or the Transformer one for ``cell == "transformer"``."""
    if config.cell == "transformer":
        return TransformerSeq2Seq(config, src_vocab, tgt_vocab, meta)
    return Seq2Seq(config, src_vocab, tgt_vocab, meta)
