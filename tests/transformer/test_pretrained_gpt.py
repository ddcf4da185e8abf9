"""A pretrained Japanese GPT on the attention page (issue 27, item 10): sampling filters, a tiny
GPT-2 built offline as the model (local directory and through tests/localhub.py's download
button), and the mini-GPT standing in offline, labelled."""
from __future__ import annotations

import pytest
import torch

from core import download, hub, registry
from core.i18n import t
from core.transformer import pretrained
from tests.attention.apptest import open_section
from tests.conftest import assert_no_exception
from tests.transformer.tiny_gpt2 import build

TASK = "text-generation"
GPT = hub.spec(TASK).default


@pytest.fixture(scope="module")
def tiny_gpt2(tmp_path_factory):
    return build(tmp_path_factory.mktemp("gpt2") / "tiny")


def test_temperature_top_k_top_p():
    z = torch.log(torch.tensor([0.5, 0.3, 0.15, 0.05]))
    torch.testing.assert_close(pretrained.filtered(z), torch.tensor([0.5, 0.3, 0.15, 0.05]))
    assert pretrained.filtered(z, 0.0).tolist() == [1.0, 0.0, 0.0, 0.0]  # τ = 0: greedy
    assert pretrained.filtered(z, 2.0)[0] < 0.5 < pretrained.filtered(z, 0.5)[0]  # flatter / sharper
    torch.testing.assert_close(pretrained.filtered(z, top_k=2), torch.tensor([0.625, 0.375, 0.0, 0.0]))
    torch.testing.assert_close(pretrained.filtered(z, top_p=0.75), torch.tensor([0.625, 0.375, 0.0, 0.0]))  # 0.5 + 0.3 ≥ 0.75
    torch.testing.assert_close(pretrained.filtered(z, top_p=0.5), torch.tensor([1.0, 0.0, 0.0, 0.0]))


def test_tiny_gpt2_next_token_steps_and_attention(tiny_gpt2):
    lm = pretrained.load(str(tiny_gpt2))
    a = pretrained.next_token(lm, "猫が窓の", temperature=1.0)
    b = pretrained.next_token(lm, "猫が窓の", temperature=0.3, top_k=3)
    assert b.kept == 3 and [c[2] for c in a.candidates] != [c[2] for c in b.candidates]
    steps = pretrained.generate_steps(lm, "猫が", 4, top_k=5)
    assert len(steps) == 4 and all(0 < s.p <= 1 for s in steps)
    tokens, A = lm.attention("猫が")
    assert A.shape[:2] == (2, 2) and A.shape[-1] == len(tokens)
    assert torch.allclose(torch.triu(A[0, 0], diagonal=1), torch.zeros_like(A[0, 0]))  # causal


def test_page_with_a_local_gpt(tiny_gpt2, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_ALLOWED_TEXT_GENERATION", str(tiny_gpt2))
    at = open_section("att.tab.pgpt", session={"hub_text_generation": str(tiny_gpt2)})
    assert_no_exception(at)
    first = at.session_state["att_pgpt_next"]
    at.select_slider(key="att_pgpt_k").set_value(3).run()
    assert_no_exception(at)
    assert at.session_state["att_pgpt_next"].kept == 3 < first.kept  # the bars change with top-k
    ids = " ".join(c.proto.id for c in at.get("plotly_chart"))
    assert "att_pgpt_bars" in ids and "att_pgpt_attention" in ids
    assert len(at.dataframe[-1].value) == 8  # step-by-step generation


def test_offline_without_and_with_the_mini_gpt(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    at = open_section("att.tab.pgpt")
    assert_no_exception(at)
    assert GPT in " ".join(str(w.value) for w in at.warning)  # which model is missing
    assert t("att.pgpt.no_mini", "ja") in " ".join(str(i.value) for i in at.info)
    from core.transformer.lm import GPTRun, gpt_config

    run = GPTRun(None, "char", gpt_config(epochs=1), context=16, d_model=16, h=2, n_layers=1).fit()
    at = open_section("att.tab.pgpt", session={"tf_gpt_run": run})
    assert_no_exception(at)
    assert t("att.pgpt.mini_label", "ja") in " ".join(str(w.value) for w in at.warning)
    assert "att_pgpt_bars" in " ".join(c.proto.id for c in at.get("plotly_chart"))


def test_download_button_fetches_the_gpt_from_the_local_hub(tiny_gpt2, monkeypatch, tmp_path):
    from tests.localhub import LocalHub, use

    with LocalHub({GPT: tiny_gpt2}, licenses={GPT: "mit"}) as h:
        use(monkeypatch, h, tmp_path / "hub")
        monkeypatch.delenv(hub.spec(TASK).env, raising=False)
        monkeypatch.delenv(download.UI_ENV, raising=False)
        monkeypatch.setattr(download, "_jobs", {})
        from core import resources
        from pages.common import download as ui

        ui._card.clear()
        resources._gpt_causal_lm.clear()
        at = open_section("att.tab.pgpt")
        assert_no_exception(at)
        assert "mit" in " ".join(str(m.value) for m in at.markdown)
        at.button(key="att_pgpt_download").click().run()
        assert_no_exception(at)
        assert download.job(GPT).state == "done"
        assert any(r["name"] == f"GPT: {GPT}" for r in registry.loaded())  # loaded under the memory budget
        assert "att_pgpt_bars" in " ".join(c.proto.id for c in at.get("plotly_chart"))
        resources._gpt_causal_lm.clear()
        for row in registry.loaded():
            if row["releasable"]:
                registry.mark_released(row["name"])
