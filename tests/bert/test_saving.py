"""Issue 24: saving cannot exhaust the disk. A server-wide quota (PLAYGROUND_MAX_SAVED_MB), a
per-session limit, a cap on the listed models; re-saving one's own model replaces it
atomically (a reader never sees a half-written model)."""
from __future__ import annotations

import os
import pathlib

import pytest

from core import hub, saving
from core.bert import finetune as ft
from tests.bert.apptest import open_tab, texts
from tests.conftest import assert_no_exception


@pytest.fixture(scope="module")
def result(tiny_models):
    from core.bert import data

    cfg = ft.FinetuneConfig(epochs=1, batch_size=8, max_length=16, max_train=8, max_eval=8)
    return ft.finetune(str(tiny_models["pretraining"]), data.sample_dataset(), cfg)


@pytest.fixture
def cache(monkeypatch, tmp_path):
    monkeypatch.setenv("PLAYGROUND_CACHE_DIR", str(tmp_path / "cache"))
    for env in (saving.MAX_SAVED_MB_ENV, saving.MAX_SAVES_ENV, saving.MAX_LISTED_ENV):
        monkeypatch.delenv(env, raising=False)
    return hub.trained_dir("bert-pn")


def test_resaving_ones_own_model_replaces_it_atomically(result, cache, monkeypatch):
    first = ft.save(result, cache / "mine", owner="s1")
    seen = []
    real = result.loaded.tokenizer.save_pretrained

    def while_building(path, *a, **kw):  # mid-build: the old model is still whole where readers look
        seen.append(((first / "model.safetensors").is_file(), (first / ft.META_FILE).is_file()))
        return real(path, *a, **kw)

    monkeypatch.setattr(result.loaded.tokenizer, "save_pretrained", while_building)
    again = ft.save(result, cache / "mine", owner="s1")
    assert again == first and seen == [(True, True)]
    assert sorted(p.name for p in cache.iterdir()) == ["mine"]  # replaced, not mine-2
    theirs = ft.save(result, cache / "mine", owner="s2")  # another session's save never replaces it
    assert theirs.name == "mine-2"


def test_per_session_limit(result, cache, monkeypatch):
    monkeypatch.setenv(saving.MAX_SAVES_ENV, "2")
    ft.save(result, cache / "a", owner="s1")
    ft.save(result, cache / "b", owner="s1")
    with pytest.raises(saving.SaveRefused, match="2 個まで"):
        ft.save(result, cache / "c", owner="s1")
    ft.save(result, cache / "a", owner="s1")  # its own again: replaced, allowed
    ft.save(result, cache / "c", owner="s2")  # another session has its own allowance
    assert sorted(p.name for p in cache.iterdir()) == ["a", "b", "c"]


def test_server_quota_refuses_before_writing(result, cache, monkeypatch):
    ft.save(result, cache / "first", owner="s1")
    used = saving.used_mb()
    need = saving.model_bytes(result.loaded.model) / 2**20
    assert used > 0
    monkeypatch.setenv(saving.MAX_SAVED_MB_ENV, str(used / 2 + need))  # no room for a second model
    with pytest.raises(saving.SaveRefused, match="PLAYGROUND_MAX_SAVED_MB"):
        ft.save(result, cache / "second", owner="s2")
    assert sorted(p.name for p in cache.iterdir()) == ["first"] and saving.used_mb() == used
    ft.save(result, cache / "first", owner="s1")  # replacing one's own fits in the same room


def test_listed_models_are_capped(cache, monkeypatch):
    monkeypatch.setenv(saving.MAX_LISTED_ENV, "3")
    for i in range(5):
        d = cache / f"m{i}"
        d.mkdir(parents=True)
        (d / "config.json").write_text("{}")
        os.utime(d, (1000 + i, 1000 + i))
    assert [p.name for p in hub.trained_models("bert-pn")] == ["m2", "m3", "m4"]  # the newest three
    assert not any(s.endswith(("m0", "m1")) for s in hub.allowed_sources("sentiment"))


def test_page_shows_the_quota_and_resaves_in_place(bert_env, result, cache):
    at = open_tab("bert.tab.finetune", session={"bert_ft_result": result})
    at.radio(key="bert_ft_data").set_value("sample").run()
    assert "PLAYGROUND_MAX_SAVED_MB" in texts(at)
    at.text_input(key="bert_ft_save_name").set_value("mine")
    at.button(key="bert_ft_save_btn").click().run()
    at.button(key="bert_ft_save_btn").click().run()
    assert_no_exception(at)
    assert sorted(p.name for p in pathlib.Path(cache).iterdir()) == ["mine"]


MARKDOWN_NAME = "[解答はこちら](https://example.com).txt"


def test_saved_model_label_from_a_file_name_is_plain_text(tiny_models, cache, monkeypatch):
    """A mini-BERT pre-trained on an upload named like a Markdown link, saved, then picked by
    another student: its label shows the name as text, never as a link."""
    import json
    import shutil

    from core.bert import saved

    out = saved.models_root() / "linky"
    shutil.copytree(tiny_models["pretraining"], out)
    (out / saved.CARD).write_text(json.dumps({"kind": "mini-bert", "trained_here": True, "text": MARKDOWN_NAME,
                                              "sentences": 3, "date": "2026-01-01", "steps": 1}), encoding="utf-8")
    at = open_tab("bert.tab.fillmask", session={"hub_fill_mask": str(out)})
    assert_no_exception(at)
    labels = [str(i.value) for i in at.info if "解答はこちら" in str(i.value)]
    assert labels, texts(at)
    assert all("](" not in v and "\\[解答はこちら\\]" in v for v in labels), labels
