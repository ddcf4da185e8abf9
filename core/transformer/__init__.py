"""The Transformer assembled from core/attention.py's parts (issue #13).

    layers.py  EncoderLayer / DecoderLayer (residual + LayerNorm, pre- or post-LN), Encoder / Decoder stacks
    gpt.py     MiniGPT: decoder-only language model (embeddings + PE, causal pre-LN blocks, LM head)
    lm.py      GPTRun: training / generation / save-load, sharing the LSTM LM's text, tokens and loop
"""
from core.transformer.layers import (  # noqa: F401
    Decoder, DecoderLayer, Encoder, EncoderLayer, FeedForward, MultiHeadAttention, Step,
    TransformerConfig, allowed)
from core.transformer.gpt import GPTConfig, MiniGPT  # noqa: F401,E402
