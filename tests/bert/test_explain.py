"""Which words drove the prediction (issue 16 item 13): [CLS] attention (last layer, mean of
heads) equals an eager model's weights; gradient × input and integrated gradients (Captum)."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from core.bert import explain

TEXT = "とても良いホテルでした"


def test_cls_attention_matches_eager_output_attentions(tiny_models, loaded_classifier):
    from transformers import AutoModelForSequenceClassification

    eager = AutoModelForSequenceClassification.from_pretrained(str(tiny_models["classifier"]),
                                                               attn_implementation="eager").eval()
    a = explain.bert_attributions(loaded_classifier, TEXT)
    enc = loaded_classifier.tokenizer([TEXT], return_tensors="pt")
    with torch.no_grad():
        want = eager(**enc, output_attentions=True).attentions[-1][0, :, 0].mean(0).numpy()
    np.testing.assert_allclose(a.scores["attention"], want, atol=1e-5)
    assert a.tokens[0] == "[CLS]" and a.scores["attention"].sum() == pytest.approx(1.0, abs=1e-5)


def test_gradient_methods_on_bert(loaded_classifier):
    a = explain.bert_attributions(loaded_classifier, TEXT, steps=64)
    assert set(a.scores) == set(explain.METHODS) and a.label in loaded_classifier.labels
    assert all(len(v) == len(a.tokens) for v in a.scores.values())
    m = loaded_classifier.model
    enc = loaded_classifier.tokenizer([TEXT], return_tensors="pt")
    e = m.get_input_embeddings()(enc["input_ids"])
    extra = {k: v for k, v in enc.items() if k != "input_ids"}
    with torch.no_grad():
        target = int(m(**enc).logits[0].argmax())
        f_x = m(inputs_embeds=e, **extra).logits[0, target]
        f_0 = m(inputs_embeds=e * 0, **extra).logits[0, target]
    assert a.scores["integrated_gradients"].sum() == pytest.approx(float(f_x - f_0), abs=0.02)  # completeness
    assert all(p.grad is None for p in m.parameters())  # the shared model's .grad untouched


def test_baseline_linear_attributions_are_W_v_over_T():
    from types import SimpleNamespace

    from gensim.models import KeyedVectors

    from core.bert.baseline import build_model

    rng = np.random.default_rng(0)
    kv = KeyedVectors(vector_size=4, count=0)
    kv.add_vectors(["ホテル", "良い", "部屋"], rng.normal(size=(3, 4)).astype(np.float32))
    torch.manual_seed(0)
    model = build_model(4, 2)
    result = SimpleNamespace(model=model, label_names=["neg", "pos"])
    a = explain.baseline_attributions(result, kv, "良いホテル")
    y = ["neg", "pos"].index(a.label)
    W = model.W.weight.detach().numpy()[y]
    want = np.array([W @ kv["良い"], W @ kv["ホテル"]]) / 2
    np.testing.assert_allclose(a.scores["grad_x_input"], want, atol=1e-5)
    np.testing.assert_allclose(a.scores["integrated_gradients"], want, atol=1e-4)
    assert "attention" not in a.scores
