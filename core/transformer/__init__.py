"""The Transformer assembled from core/attention.py's parts (issue #13).

    layers.py  EncoderLayer / DecoderLayer (residual + LayerNorm, pre- or post-LN), Encoder / Decoder stacks
"""
from core.transformer.layers import (  # noqa: F401
    Decoder, DecoderLayer, Encoder, EncoderLayer, FeedForward, MultiHeadAttention, Step,
    TransformerConfig, allowed)
