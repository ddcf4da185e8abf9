"""「Transformer を組み立てる」: one encoder layer and one decoder layer on real sentences, every
intermediate value kept (X → +PE → [LN] → multi-head → +residual → [LN] → FFN → +residual).

The layers are untrained (seeded random weights ~ N(0, 1/d_model)): the point is the flow of
shapes and values, not the meaning. Token vectors are seeded random (the same token, the same
vector), standardised so PE (values in −1 … 1) and the tokens have a comparable size.
"""
from __future__ import annotations

from dataclasses import dataclass

import torch

from core.attention import positional_encoding, random_token_vectors, standardize
from core.transformer.layers import DecoderLayer, EncoderLayer, Step, TransformerConfig


@dataclass
class Assembled:
    src: list[str]
    tgt: list[str]
    cfg: TransformerConfig
    X: torch.Tensor  # (S, d_model) token vectors of the source
    PE_src: torch.Tensor  # (S, d_model)
    enc_steps: list[Step]  # x0 = X + PE, then the layer's steps
    enc_weights: torch.Tensor  # (h, S, S)
    Y: torch.Tensor  # (T, d_model) token vectors of the target
    dec_steps: list[Step]
    self_weights: torch.Tensor  # (h, T, T), causal
    cross_weights: torch.Tensor  # (h, T, S): target word → source word

    @property
    def memory(self) -> torch.Tensor:
        return self.enc_steps[-1].value


def similarity(a: torch.Tensor, b: torch.Tensor) -> float:
    """Mean cosine similarity of corresponding rows (how much of the input a layer's output keeps)."""
    return float(torch.nn.functional.cosine_similarity(a, b, dim=-1).mean())


@torch.no_grad()
def assemble(src: list[str], tgt: list[str], *, d_model: int = 16, h: int = 4, norm_first: bool = False,
             residual: bool = True, seed: int = 0) -> Assembled:
    cfg = TransformerConfig(d_model=d_model, h=h, n_layers=1, norm_first=norm_first, residual=residual).validated()
    torch.manual_seed(int(seed))
    enc, dec = EncoderLayer(cfg).eval(), DecoderLayer(cfg).eval()
    X = standardize(random_token_vectors(src, cfg.d_model, seed=int(seed)))  # (S, d_model)
    Y = standardize(random_token_vectors(tgt, cfg.d_model, seed=int(seed) + 1))  # (T, d_model)
    pe = positional_encoding(max(len(src), len(tgt)), cfg.d_model)
    x0, y0 = X + pe[:len(src)], Y + pe[:len(tgt)]
    enc_steps = [Step("x0", x0)]
    memory, w_enc = enc(x0, need_weights=True, trace=enc_steps)
    dec_steps = [Step("x0", y0)]
    _, w = dec(y0, memory, tgt_is_causal=True, need_weights=True, trace=dec_steps)
    return Assembled(src=list(src), tgt=list(tgt), cfg=cfg, X=X, PE_src=pe[:len(src)], enc_steps=enc_steps,
                     enc_weights=w_enc, Y=Y, dec_steps=dec_steps, self_weights=w["self"],
                     cross_weights=w["cross"])
