"""The shared-server controls on the pages (issue #19), with AppTest: model pickers, the
fine-tuning tab under hostile sources, downloads on with custom models off, saved models."""
from __future__ import annotations

import pytest

from core import hub, inputs
from core.i18n import t
from pages.common.ui import plain
from tests.conftest import app_test, assert_no_exception
from tests.hostile import sweep

HUB_KEYS = {"hub_fill_mask", "hub_sentiment", "hub_translation", "bert_ft_base"}


def _finetune_tab(session=None):
    at = app_test("bert", query={"tab": t("bert.tab.finetune", "ja"), "bert_ft_data": "sample"}, session=session)
    return at


def _warnings(at) -> str:
    return "\n".join(str(w.value) for w in at.warning)


def test_finetune_tab_survives_a_10000_character_source(shared_server, monkeypatch):
    """The issue's crash: 10,000 characters in the base-model field (free text switched on)."""
    monkeypatch.setenv("PLAYGROUND_ALLOW_CUSTOM_MODELS", "1")
    at = _finetune_tab()
    assert_no_exception(at)
    for hostile in ("あ" * 10_000, "x" * 10_000, "/" + "a" * 10_000, "a\x00b", "../../etc/passwd"):
        at.text_input(key="bert_ft_base").set_value(hostile).run()
        assert_no_exception(at)
        assert inputs.REFUSED in _warnings(at), hostile[:20]
    at.text_input(key="bert_ft_base").set_value("bigscience/bloom").run()  # ~100 GB on the (fake) Hub
    assert_no_exception(at)
    assert "大きすぎる" in _warnings(at) and shared_server.hub.info_calls == ["bigscience/bloom"]
    assert not shared_server.hub.downloads


def test_custom_models_off_students_pick_from_the_list(shared_server):
    at = _finetune_tab()
    assert_no_exception(at)
    assert not [w for w in at.text_input if w.key in HUB_KEYS]  # no free text anywhere
    base = at.selectbox(key="bert_ft_base")
    assert base.options == [sources_label(o) for o in hub.allowed_sources("fill-mask")]
    assert at.selectbox(key="hub_sentiment").options == [sources_label(o, "sentiment")
                                                         for o in hub.allowed_sources("sentiment")]


def sources_label(source: str, task: str = "fill-mask") -> str:
    from pages.common import model_source

    return model_source.display(task, source)


@pytest.mark.parametrize("forged", ["bigscience/bloom", "/etc", "../../etc/passwd", "tohoku-nlp/bert-base-japanese-v3"])
def test_forged_session_values_load_nothing_outside_the_list(shared_server, forged, monkeypatch):
    """Even a value the picker never offered (a forged widget state) loads only allowed models."""
    located: list[str] = []
    real = hub.locate
    monkeypatch.setattr(hub, "locate", lambda s, **kw: (located.append(s), real(s, **kw))[1])
    at = _finetune_tab(session={k: forged for k in ("hub_fill_mask", "hub_sentiment", "bert_ft_base")})
    assert_no_exception(at)
    for key in ("fill-mask", "sentiment"):
        assert hub.resolve(key) in hub.allowed_sources(key)
    allowed = set(hub.allowed_sources("fill-mask")) | set(hub.allowed_sources("sentiment"))
    assert located and all(s in allowed or s.startswith(str(shared_server.cache)) for s in located), located
    assert not shared_server.hub.info_calls and not shared_server.hub.downloads


def test_free_text_model_fields_take_the_sweep_payloads(shared_server, monkeypatch):
    """Custom models switched on: the sidebar's free-text model fields and the base-model field
    get the whole payload set of the sweep (the 100 GB repository included)."""
    monkeypatch.setenv("PLAYGROUND_ALLOW_CUSTOM_MODELS", "1")
    at = _finetune_tab()
    tab = t("bert.tab.finetune", "ja")
    fields = [sweep.Field("bert", tab, "text_input", w.id, str(w.label)) for w in at.text_input if w.key in HUB_KEYS]
    assert len(fields) == 3
    failures = []
    for f in fields:
        at, found = sweep.feed(at, f)
        failures += found
    assert not failures, failures
    assert set(shared_server.hub.info_calls) == {"bigscience/bloom"} and not shared_server.hub.downloads


# --- saved models -----------------------------------------------------------------------------

@pytest.fixture
def ft_result(shared_server):
    from core.bert import data, finetune

    ds = data.sample_dataset()
    cfg = finetune.FinetuneConfig(epochs=1, batch_size=8, max_length=16, max_train=8, max_eval=8)
    return finetune.finetune(str(shared_server.tiny["pretraining"]), ds, cfg)


def _save(at, name: str, replace: bool = False):
    """``replace``: the page replaces a session's own model of the same name (issue 24), asked or not."""
    at.text_input(key="bert_ft_save_name").set_value(name)
    return at.button(key="bert_ft_save_btn").click().run()


def test_two_sessions_saving_the_same_name_keep_both(shared_server, ft_result):
    root = hub.trained_dir("bert-pn")
    first, second = _finetune_tab({"bert_ft_result": ft_result}), _finetune_tab({"bert_ft_result": ft_result})
    default_names = {first.text_input(key="bert_ft_save_name").value, second.text_input(key="bert_ft_save_name").value}
    assert len(default_names) == 2  # unique per session by default
    _save(first, "class-model")
    _save(second, "class-model", replace=True)  # confirming does not replace ANOTHER session's model
    assert_no_exception(first)
    assert_no_exception(second)
    assert (root / "class-model" / "model.safetensors").is_file()
    assert (root / "class-model-2" / "model.safetensors").is_file()
    assert any(plain("class-model-2") in str(i.value) for i in second.info)  # names as plain text (issue 24)
    before = (root / "class-model" / "model.safetensors").stat().st_mtime_ns
    _save(first, "class-model", replace=True)  # its own save, confirmed: replaced in place
    assert sorted(p.name for p in root.iterdir()) == ["class-model", "class-model-2"]
    assert (root / "class-model" / "model.safetensors").stat().st_mtime_ns >= before
    listed = [d.value for d in first.dataframe if "test_accuracy" in d.value.columns][0]
    assert set(listed["name"]) == {"class-model", "class-model-2"}  # the server's saved models
    assert str(root / "class-model-2") in hub.allowed_sources("sentiment")  # reusable
    _save(first, "../escape")
    assert "保存名" in _warnings(first) and not (root.parent / "escape").exists()


def test_saving_can_be_switched_off(shared_server, ft_result, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_ALLOW_SAVE", "0")
    at = _finetune_tab({"bert_ft_result": ft_result})
    assert_no_exception(at)
    assert not [b for b in at.button if b.key == "bert_ft_save_btn"]
    assert any("PLAYGROUND_ALLOW_SAVE" in str(i.value) for i in at.info)
