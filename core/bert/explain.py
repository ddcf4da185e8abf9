"""Which words drove a sentiment prediction — three views, with the caveat the notes' "attention
focuses on polar words" needs: attention is not explanation (Jain & Wallace 2019; Wiegreffe &
Pinter 2019). Attention weights say where [CLS] looked, not what changed the output.

BERT (a classifier p(y | x) = softmax(W h_[CLS] + b)):
- attention from [CLS]: the last layer's α_[CLS], j = softmax(q_[CLS] k_jᵀ / √d_k), averaged over
  heads. Computed from that layer's own W_Q, W_K (the shared model runs SDPA kernels, which do
  not return weights; the tests check this equals an eager model's output_attentions).
- gradient × input: s_j = Σ_d (∂f_y/∂e_j)_d · e_{j,d}, e_j = the word embedding of token j.
- integrated gradients (Captum): s_j = Σ_d (e_j − e'_j)_d ∫₀¹ ∂f_y(e' + α(e − e'))/∂e_{j,d} dα with
  baseline e' = 0, m-step Riemann sum; Σ_j s_j ≈ f_y(e) − f_y(e') (completeness).
f_y is the logit of the predicted class y.

Word-vector baseline (x̄ = mean of the word vectors v_1 … v_T, logits = g(x̄)): the same two
gradient methods on v_i (no attention: the model has none). For the linear g both equal
W_y · v_i / T.

Gradients use torch.autograd.grad (parameters' .grad are never written): safe on shared models.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from core import OutOfVocabulary
from core.text import require_text

MAX_CHARS = 300
IG_STEPS = 32
METHODS = ("attention", "grad_x_input", "integrated_gradients")


@dataclass
class Attribution:
    tokens: list[str]
    label: str
    scores: dict[str, np.ndarray] = field(default_factory=dict)  # method → one score per token
    ig_delta: float = 0.0  # completeness error of integrated gradients

    def frame(self):
        import pandas as pd

        return pd.DataFrame({k: v for k, v in self.scores.items()}, index=self.tokens)


def _ig(forward, inputs, target: int, steps: int):
    from captum.attr import IntegratedGradients

    ig = IntegratedGradients(forward)
    attr, delta = ig.attribute(inputs, baselines=inputs * 0, target=target, n_steps=int(steps),
                               return_convergence_delta=True)
    return attr, float(delta.abs().max())


def cls_attention(model, enc, hidden_before_last):
    """α from [CLS] in the last layer, mean over heads, (n,): softmax(q_[CLS] Kᵀ/√d_k + mask)."""
    import torch

    sa = model.base_model.encoder.layer[-1].attention.self
    h = hidden_before_last  # (1, n, d): the last layer's input
    n, H, dk = h.shape[1], sa.num_attention_heads, sa.attention_head_size
    Q = sa.query(h[:, :1]).view(1, 1, H, dk).transpose(1, 2)  # (1, H, 1, d_k): the [CLS] query
    K = sa.key(h).view(1, n, H, dk).transpose(1, 2)  # (1, H, n, d_k)
    scores = Q @ K.transpose(-1, -2) / math.sqrt(dk)  # (1, H, 1, n)
    mask = enc["attention_mask"][:, None, None, :] == 0
    weights = torch.softmax(scores.masked_fill(mask, float("-inf")), dim=-1)
    return weights[0, :, 0].mean(0)  # (n,)


def bert_attributions(loaded, text: str, *, steps: int = IG_STEPS) -> Attribution:
    import torch

    text = require_text(text, max_chars=MAX_CHARS, what="文")
    model, tok = loaded.model, loaded.tokenizer
    enc = tok([text], truncation=True, max_length=min(128, loaded.max_length), return_tensors="pt")
    enc = {k: v.to(loaded.device) for k, v in enc.items()}
    extra = {k: v for k, v in enc.items() if k != "input_ids"}
    tokens = tok.convert_ids_to_tokens(enc["input_ids"][0].tolist())
    with torch.no_grad():
        out = model(**enc, output_hidden_states=True)
        target = int(out.logits[0].argmax())
        attn = cls_attention(model, enc, out.hidden_states[-2])
    labels = [loaded.id2label.get(i, f"LABEL_{i}") for i in range(out.logits.shape[-1])]

    def forward(e):  # word embeddings → class logits (position / segment embeddings added inside)
        batch = {k: v.expand(e.shape[0], -1) for k, v in extra.items()}
        return model(inputs_embeds=e, **batch).logits.float()

    with torch.enable_grad():
        e = model.get_input_embeddings()(enc["input_ids"]).detach().requires_grad_()  # (1, n, d)
        (g,) = torch.autograd.grad(forward(e)[0, target], e)
        gxi = (g * e).sum(-1)[0]
        ig, delta = _ig(forward, e.detach(), target, steps)
    return Attribution(tokens, labels[target], {"attention": attn.float().cpu().numpy(),
                                                "grad_x_input": gxi.detach().float().cpu().numpy(),
                                                "integrated_gradients": ig.sum(-1)[0].detach().float().cpu().numpy()},
                       ig_delta=delta)


def baseline_attributions(result, kv, text: str, *, steps: int = IG_STEPS) -> Attribution:
    import torch

    from core.bert.baseline import sentence_tokens

    text = require_text(text, max_chars=MAX_CHARS, what="文")
    hits = [h for h in sentence_tokens(kv, text) if h.found]
    if not hits:
        raise OutOfVocabulary(f"「{text[:30]}」の単語がどれも単語ベクトルの語彙にありません。別の言い方の文を試してください。",
                              en=f"None of the words of \"{text[:30]}\" are in the word-vector vocabulary. Try a sentence worded differently.",
                              word=text[:30])
    model = result.model
    p = next(model.parameters())
    V = torch.as_tensor(np.asarray(kv.vectors[[kv.key_to_index[h.key] for h in hits]], dtype=np.float32),
                        device=p.device)[None]  # (1, T, d): the word vectors v_i

    def forward(v):  # (B, T, d) → logits of g(x̄), x̄ = mean_i v_i
        return model(v.mean(dim=1)).float()

    model.eval()
    with torch.enable_grad():
        with torch.no_grad():
            target = int(forward(V)[0].argmax())
        v = V.clone().requires_grad_()
        (g,) = torch.autograd.grad(forward(v)[0, target], v)
        gxi = (g * v).sum(-1)[0]
        ig, delta = _ig(forward, V, target, steps)
    return Attribution([h.surface for h in hits], result.label_names[target],
                       {"grad_x_input": gxi.detach().cpu().numpy(), "integrated_gradients": ig.sum(-1)[0].detach().cpu().numpy()},
                       ig_delta=delta)
