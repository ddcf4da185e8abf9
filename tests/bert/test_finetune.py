"""Fine-tuning (core.bert.finetune) with tiny BERTs: loss goes down on a slice of jrte pn.tsv,
stop, evaluation outputs, save → load through the app's loader."""
from __future__ import annotations

import json

import pytest

from core import InvalidInput
from core.bert import data, finetune, models, pn, sentiment, tiny


@pytest.fixture
def pn_slice(pn_tsv):
    ds = data.select_labels(pn.load_pn(pn_tsv), "pos,neg")
    return ds


def test_loss_goes_down_on_pn_slice(pn_slice, tmp_path):
    # a tiny BERT whose vocabulary comes from the slice itself (so words are not all [UNK])
    base = tiny.build(tmp_path / "tiny-pn", "masked_lm", text="\n".join(pn_slice.train.texts[:200]))
    cfg = finetune.FinetuneConfig(epochs=3, lr=1e-3, batch_size=16, max_train=160, max_eval=60,
                                  max_length=40, eval_every=5)
    steps = []
    r = finetune.finetune(str(base), pn_slice, cfg, on_progress=lambda s, n, m: steps.append((s, n, m)))
    losses = [h["loss"] for h in r.history]
    assert len(losses) == 30 and steps[-1][0] == steps[-1][1] == 30
    first, last = sum(losses[:5]) / 5, sum(losses[-5:]) / 5
    assert last < first - 0.05, (first, last)
    assert any("dev_acc" in h for h in r.history)
    assert r.train_examples == 160 and r.test_examples == 60
    assert 0 <= r.test_accuracy <= 1 and 0 <= r.macro_f1 <= 1
    assert sum(map(sum, r.confusion)) == 60 and len(r.confusion) == 2
    assert [c["label"] for c in r.per_class] == ["positive (1)", "negative (-1)"]
    for m in r.mistakes:
        assert m["gold"] != m["predicted"]
    conf = [m["confidence"] for m in r.mistakes]
    assert conf == sorted(conf, reverse=True)


def test_stop_save_and_reload(tmp_path, tiny_models):
    ds = data.sample_dataset()
    calls = {"n": 0}

    def stop():
        calls["n"] += 1
        return calls["n"] > 2  # stop after two steps

    cfg = finetune.FinetuneConfig(epochs=2, lr=1e-3, batch_size=8, max_train=64, max_eval=30, max_length=32)
    r = finetune.finetune(str(tiny_models["mlm"]), ds, cfg, should_stop=stop)
    assert r.stopped and len(r.history) == 2 and any("停止" in n for n in r.notes)
    assert r.loaded.labels == ds.label_names
    # the session's model predicts with the sentiment code path
    pred = sentiment.classify_one(r.loaded, "とても良いホテルでした")
    assert set(pred.scores) == set(ds.label_names)
    out = finetune.save(r, tmp_path / "saved")
    assert (out / "model.safetensors").is_file() and not list(out.glob("*.bin"))
    meta = json.loads((out / "playground_finetune.json").read_text(encoding="utf-8"))
    assert meta["base"] == str(tiny_models["mlm"]) and meta["stopped"] is True
    again = models.load_classifier(str(out))
    assert again.labels == ds.label_names
    assert sentiment.classify_one(again, "とても良いホテルでした").scores == pytest.approx(pred.scores, abs=1e-5)


def test_config_validation():
    for bad in (dict(epochs=0), dict(lr=0.5), dict(batch_size=0), dict(max_length=4), dict(max_train=1)):
        with pytest.raises(InvalidInput):
            finetune.FinetuneConfig(**bad).validate()
    assert finetune.caps("cpu") == (finetune.CPU_MAX_TRAIN, finetune.CPU_MAX_EVAL)


def test_interrupted_run_can_be_evaluated(tiny_models):
    """A page's Stop reruns the script mid-loop: the state dict keeps what was trained."""
    ds = data.sample_dataset()
    state: dict = {}

    class Interrupted(Exception):
        pass

    def progress(step, total, metrics):
        if step == 3:
            raise Interrupted  # what Streamlit's rerun does inside the UI callback

    cfg = finetune.FinetuneConfig(epochs=1, lr=1e-3, batch_size=8, max_train=64, max_eval=20, max_length=32)
    with pytest.raises(Interrupted):
        finetune.finetune(str(tiny_models["mlm"]), ds, cfg, on_progress=progress, state=state)
    r = finetune.result_from_state(state)
    assert r.stopped and len(r.history) == 3 and r.test_examples == 20
    assert finetune.result_from_state({}) is None
