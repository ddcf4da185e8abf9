"""The 「ダウンロード」 button on the BERT, attention and seq2seq pages, and the shared download
job, against tests/localhub.py in this process (issue 14; the real huggingface_hub code)."""
from __future__ import annotations

import pytest

from core import download, hub, registry
from tests.bert.apptest import open_tab, texts
from tests.conftest import assert_no_exception
from tests.localhub import LocalHub, use

FILL, SENT, MT = (hub.spec(k).default for k in ("fill-mask", "sentiment", "translation"))


@pytest.fixture
def online(monkeypatch, hub_repos, tmp_path):
    """This process talks to a local Hub, with an empty HF cache and no download jobs yet."""
    with LocalHub(hub_repos, licenses={FILL: "apache-2.0", SENT: "cc-by-sa-4.0", MT: "apache-2.0"}) as h:
        use(monkeypatch, h, tmp_path / "hub")
        for spec in hub.MODELS.values():
            monkeypatch.delenv(spec.env, raising=False)
        monkeypatch.delenv(download.UI_ENV, raising=False)
        monkeypatch.setattr(download, "_jobs", {})
        _forget_hub_models()
        yield h
        _forget_hub_models()


def _forget_hub_models() -> None:
    """This process's cached hub models and Hub cards (a fresh server's state)."""
    from core import resources
    from pages.common import download as ui

    ui._card.clear()
    for cached in (resources._bert_fill_mask_model, resources._bert_sentiment_model,
                   resources._bert_attention_encoder, resources._seq2seq_marian):
        cached.clear()
    for row in registry.loaded():
        if row["releasable"]:
            registry.mark_released(row["name"])


def test_fill_mask_button_downloads_then_the_model_loads(online):
    at = open_tab("bert.tab.fillmask")
    assert_no_exception(at)
    page = texts(at)
    assert FILL in page and "apache-2.0" in page and "KB" in page  # name, licence, size
    assert not any(f"BERT MLM: {FILL}" == r["name"] for r in registry.loaded())
    at.button(key="bert_download_fm").click().run()
    assert_no_exception(at)
    assert download.job(FILL).state == "done"
    assert any(r["name"] == f"BERT MLM: {FILL}" for r in registry.loaded())  # loaded, no restart
    assert not [b for b in at.button if b.key == "bert_download_fm"]
    assert "がこのコンピュータにありません" not in texts(at)
    assert online.file_requests("model.safetensors") == 1
    at.run()  # the sidebar renders before the page: the next run lists the model
    side = "\n".join(str(e.value) for e in at.sidebar.markdown) + "\n".join(str(e.value) for e in at.sidebar.caption)
    assert f"BERT MLM: {FILL}" in side and " MB" in side and "メモリ (RSS)" in side  # what is loaded, its memory


def test_sidebar_shows_rss_against_the_budget(online, monkeypatch):
    monkeypatch.setenv(registry.BUDGET_ENV, "2500")
    at = open_tab("bert.tab.fillmask")
    assert_no_exception(at)
    assert any("/ 2500 MB" in str(c.value) for c in at.sidebar.caption)


def test_operator_can_forbid_page_downloads(online, monkeypatch):
    monkeypatch.setenv(download.UI_ENV, "0")
    at = open_tab("bert.tab.fillmask")
    assert_no_exception(at)
    assert FILL in texts(at)  # the missing-model message and its command are still there
    assert not [b for b in at.button if b.key == "bert_download_fm"]
    with pytest.raises(Exception, match=download.UI_ENV):
        download.start(FILL)


def test_offline_server_shows_the_command_not_a_button(online, monkeypatch):
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # nothing listens there
    at = open_tab("bert.tab.fillmask")
    assert_no_exception(at)
    assert "python -m core models download" in texts(at)
    assert not [b for b in at.button if b.key == "bert_download_fm"]


def test_attention_and_seq2seq_pages_offer_the_button(online):
    from tests.attention.apptest import open_section
    from tests.seq2seq.apptest import s2s_app

    at = open_section("att.tab.bert")
    assert_no_exception(at)
    assert [b for b in at.button if b.key == "att_bert_download"]
    at = s2s_app("pretrained")
    assert_no_exception(at)
    assert [b for b in at.button if b.key == "s2s_mt_download"]
    assert MT in texts(at)


def test_a_second_click_joins_the_same_download_and_downloads_run_one_at_a_time(online):
    first = download.start(FILL)
    again = download.start(FILL)  # a second student, or a second click
    other = download.start(MT)
    assert again is first
    for job in (first, other):
        assert job.finished.wait(120) and job.state == "done", job.error
    repos = online.file_repos()  # the Hub's view: every file of one model, then every file of the other
    assert set(repos) == {FILL, MT} and sum(a != b for a, b in zip(repos, repos[1:])) == 1, repos
    assert online.file_requests("model.safetensors") == 2  # one per model, not per click
    assert first.progress.done_bytes == first.progress.total_bytes > 0
    again = download.start(FILL)  # finished: a later click (model deleted meanwhile) starts anew
    assert again is not first and again.finished.wait(120) and again.state == "done"
    assert online.file_requests("model.safetensors") == 2  # already in the cache: not fetched again


def test_button_refuses_over_the_size_cap_before_any_byte(online, monkeypatch, tmp_path):
    """The shared class server's rules (issue 19) hold for the button too: a repository larger
    than PLAYGROUND_MAX_DOWNLOAD_MB is refused with a message, nothing is fetched."""
    monkeypatch.setenv("PLAYGROUND_MAX_DOWNLOAD_MB", "0.001")
    at = open_tab("bert.tab.fillmask")
    at.button(key="bert_download_fm").click().run()
    assert_no_exception(at)
    assert "大きすぎる" in texts(at)
    assert download.job(FILL) is None
    assert not (tmp_path / "hub").exists() or not any((tmp_path / "hub").rglob("*.safetensors"))


def test_button_refuses_a_model_off_the_list():
    from core import InvalidInput

    with pytest.raises(InvalidInput, match="許可した一覧"):
        download.check("someone/any-model")
