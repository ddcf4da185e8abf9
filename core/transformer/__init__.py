"""The Transformer assembled from core.attention's parts (issue #13).

    layers.py  EncoderLayer / DecoderLayer (residual + LayerNorm, pre- or post-LN), Encoder / Decoder stacks
    gpt.py     MiniGPT: decoder-only language model (embeddings + PE, causal pre-LN blocks, LM head)
    lm.py      GPTRun: training / generation / save-load on core/lm's text, tokens, sampling and core/training's loop
    demo.py    one encoder and one decoder layer step by step (the attention page's 「Transformer を組み立てる」)
    figures.py the Transformer sections' figures (built on core.attention.figures)
"""
from core.transformer.gpt import GPTConfig, MiniGPT
from core.transformer.layers import (Decoder, DecoderLayer, Encoder, EncoderLayer, FeedForward,
                                     MultiHeadAttention, Step, TransformerConfig, allowed)

__all__ = ["Decoder", "DecoderLayer", "Encoder", "EncoderLayer", "FeedForward", "GPTConfig", "MiniGPT",
           "MultiHeadAttention", "Step", "TransformerConfig", "allowed"]
