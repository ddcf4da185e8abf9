"""core.inputs, core.policy and the shared-server API of core.hub and core.download (issue #19),
without Streamlit."""
from __future__ import annotations

import os
import threading

import pytest

from core import InputTooLong, InvalidInput, ModelUnavailable, download, hub, inputs, policy
from tests.conftest import wait_until
from tests.hostile.conftest import OK_MODEL


# --- core.inputs --------------------------------------------------------------------------

@pytest.mark.parametrize("bad", ["猫\x00犬", "a\x07b", "\x1b[31m", "x\u0085y", "a\ud800"])
def test_control_characters_refused(bad):
    with pytest.raises(InvalidInput) as err:
        inputs.text(bad, label="単語")
    assert inputs.REFUSED in err.value.message and "制御文字" in err.value.message and "「単語」" in err.value.message


@pytest.mark.parametrize("bad", ["../../etc/passwd", "..", "a/../b", "..\\windows", "models/.."])
def test_path_traversal_refused(bad):
    with pytest.raises(InvalidInput, match="path traversal"):
        inputs.text(bad)


@pytest.mark.parametrize("ok", ["   ", "", "👩‍👩‍👧‍👦", "<img src=x onerror=alert(1)>", "${7*7}{{7*7}}",
                                "[MASK]" * 20, "ｱｲｳ' OR 1=1;--", "それは...すごい", "a..b", "bigscience/bloom"])
def test_plain_text_passes_unchanged(ok):
    assert inputs.text(ok) == ok


def test_length_cap_and_areas():
    with pytest.raises(InputTooLong, match="1,000 文字まで"):
        inputs.text("あ" * 1001)
    assert inputs.text("あ" * 1000) == "あ" * 1000
    assert inputs.area("一行目\n二行目\tタブ") == "一行目\n二行目\tタブ"
    with pytest.raises(InvalidInput):
        inputs.text("一行目\n二行目")  # one-line field: no line break
    with pytest.raises(InputTooLong):
        inputs.area("x" * (1 << 20))


@pytest.mark.parametrize("bad", ["", "  ", "../etc", "a/b", "-x", "名前", "a" * 65, "a..b", "x\x00"])
def test_save_name(bad):
    assert inputs.name(" my-bert_pn.v2 ") == "my-bert_pn.v2"
    with pytest.raises(InvalidInput, match="保存名"):
        inputs.name(bad)


# --- core.policy ----------------------------------------------------------------------------

def test_policy_defaults_env_and_toml(monkeypatch, tmp_path):
    for name in (policy.CUSTOM_ENV, policy.MAX_MB_ENV, policy.ROOTS_ENV, policy.SAVE_ENV, "PLAYGROUND_ALLOWED_FILL_MASK"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(policy.CONFIG_ENV, str(tmp_path / "none.toml"))
    assert not policy.allow_custom_models() and policy.saving_enabled()
    assert policy.max_download_mb() == policy.DEFAULT_MAX_DOWNLOAD_MB and policy.allowed_extra("fill-mask") == []
    conf = tmp_path / "playground.toml"
    conf.write_text('[models]\nallow_custom = true\nmax_download_mb = 500\nlocal_roots = ["/srv/m"]\n'
                    '[models.allowed]\nfill-mask = ["org/extra"]\n[saving]\nenabled = false\n', encoding="utf-8")
    monkeypatch.setenv(policy.CONFIG_ENV, str(conf))
    assert policy.allow_custom_models() and not policy.saving_enabled() and policy.max_download_mb() == 500
    assert policy.allowed_extra("fill-mask") == ["org/extra"] and [str(p) for p in policy.local_roots()] == ["/srv/m"]
    monkeypatch.setenv(policy.CUSTOM_ENV, "0")  # the environment wins over the file
    monkeypatch.setenv("PLAYGROUND_ALLOWED_FILL_MASK", "a/b, c/d")
    assert not policy.allow_custom_models() and policy.allowed_extra("fill-mask") == ["a/b", "c/d"]


# --- core.hub: what a student may load ------------------------------------------------------

def test_is_local_never_raises_on_hostile_strings():
    assert hub.is_local("あ" * 10_000) is False
    assert hub.is_local("a\x00b") is False
    with pytest.raises(ModelUnavailable):
        hub.locate("あ" * 10_000)


def test_custom_models_off_only_the_list(shared_server):
    allowed = hub.allowed_sources("fill-mask")
    assert allowed[0] == str(shared_server.tiny["pretraining"])
    assert hub.student_source("fill-mask", allowed[0]) == allowed[0]
    assert hub.student_source("fill-mask", "  ") == allowed[0]  # empty: the operator's default
    for bad in ("bigscience/bloom", "/etc", str(shared_server.tiny["classifier"]), "tohoku-nlp/bert-base-japanese-v3"):
        with pytest.raises(InvalidInput, match="一覧"):
            hub.student_source("fill-mask", bad)
    assert not shared_server.hub.info_calls and not shared_server.hub.downloads


def test_custom_models_on_roots_and_symlinks(shared_server, monkeypatch, tmp_path):
    monkeypatch.setenv(policy.CUSTOM_ENV, "1")
    root = tmp_path / "models"
    (root / "ok").mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / "sneaky").symlink_to(outside, target_is_directory=True)
    monkeypatch.setenv(policy.ROOTS_ENV, str(root))
    assert hub.student_source("fill-mask", "org/model") == "org/model"
    assert hub.student_source("fill-mask", str(root / "ok")) == str((root / "ok").resolve())
    for bad in ("/etc", str(root / "sneaky"), str(outside), "~/", "../../etc/passwd", "a\x00b", "あ" * 10_000,
                "${7*7}{{7*7}}", "ｱｲｳ' OR 1=1;--"):
        with pytest.raises(InvalidInput) as err:
            hub.student_source("fill-mask", bad)
        assert inputs.REFUSED in err.value.message


def test_trained_models_are_allowed(shared_server):
    saved = hub.trained_dir("bert-pn") / "class-model"
    saved.mkdir(parents=True)
    (saved / "config.json").write_text("{}", encoding="utf-8")
    (hub.trained_dir("bert-pn") / "not-a-model").mkdir()
    assert str(saved) in hub.allowed_sources("sentiment")
    assert hub.trained_models("bert-pn") == [saved]
    assert hub.student_source("sentiment", str(saved)) == str(saved)


# --- core.download: what a download must pass (tests/localhub.py, the real huggingface_hub) --

def test_size_cap_before_any_byte(online_server, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_ALLOWED_FILL_MASK", OK_MODEL)  # on the operator's list
    card = download.check(OK_MODEL)
    assert card.files == ("config.json", "model.safetensors") and round(card.size_mb, 3) == 1.0
    monkeypatch.setenv(policy.MAX_MB_ENV, "0.5")
    with pytest.raises(ModelUnavailable, match="大きすぎる"):
        download.check(OK_MODEL)  # the button, the fine-tuning tab
    with pytest.raises(ModelUnavailable, match="大きすぎる"):
        download.locate_or_fetch(OK_MODEL)  # what every loader calls
    assert not online_server.hub.file_repos()  # asked the Hub's API, fetched no file


def test_allow_list_before_the_hub_is_asked(online_server, monkeypatch):
    with pytest.raises(InvalidInput, match="許可した一覧"):
        download.check(OK_MODEL, "fill-mask")  # custom models off: not in the task's list
    with pytest.raises(InvalidInput, match="許可した一覧"):
        download.check(OK_MODEL)  # nor in any task's list (the page's button)
    for bad in ("../../etc/passwd", "a\x00b", "あ" * 10_000, "org/../x"):
        with pytest.raises(InvalidInput):
            download.check(bad)
    with pytest.raises(InvalidInput):
        download.fetch_model("../../etc/passwd")
    assert not online_server.hub.requests
    monkeypatch.setenv(policy.CUSTOM_ENV, "1")
    assert download.check(OK_MODEL, "fill-mask").repo_id == OK_MODEL


def test_operator_switches(online_server, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_HUB_DOWNLOAD", "0")
    with pytest.raises(ModelUnavailable, match="止められて"):
        download.fetch_model(OK_MODEL)
    with pytest.raises(ModelUnavailable, match="python -m core models download"):
        download.locate_or_fetch(OK_MODEL)
    monkeypatch.setenv(download.UI_ENV, "0")
    monkeypatch.setenv(policy.CUSTOM_ENV, "1")
    with pytest.raises(ModelUnavailable, match=download.UI_ENV):
        download.start(OK_MODEL)
    assert not online_server.hub.requests


def test_one_download_at_a_time(online_server):
    local = online_server.hub
    local.hold_after["model.safetensors"] = 65_536  # the first download pauses there until proceed()
    first: dict = {}

    def load():
        try:
            first["path"] = download.locate_or_fetch(OK_MODEL).path
        except Exception as exc:  # noqa: BLE001 - reported below
            first["error"] = exc

    th = threading.Thread(target=load)
    th.start()
    try:
        wait_until(lambda: local.file_requests("model.safetensors") == 1, what="the first download under way")
        assert download.download_lock.locked()
        with pytest.raises(ModelUnavailable, match="同時に 1 つまで"):
            download.fetch_model(OK_MODEL)  # a second load meanwhile: refused at once, not queued
    finally:
        local.proceed()
        th.join(60)
    assert "error" not in first, first
    assert (first["path"] / "config.json").is_file() and (first["path"] / "model.safetensors").stat().st_size == 1_000_000
    assert local.file_requests("model.safetensors") == 1 and not download.download_lock.locked()
    assert hub.locate(OK_MODEL).where == "cache"
    assert os.environ["PLAYGROUND_HUB_DOWNLOAD"] == "1"
