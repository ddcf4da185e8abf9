"""The head search (issue 27, item 5) on the mini-BERT trained offline: core, the attention page's
section and the CLI contract `attention find-head ... --json` → {"layer", "head", "weight"}."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from core import InvalidInput
from core.attention import heads as Hs
from core.i18n import t
from tests.attention.apptest import open_section
from tests.conftest import assert_no_exception

TEXT = "猫が窓のそばで寝ている。それはとても気持ちよさそうだ。"


def test_search_picks_the_head_looking_from_one_word_to_the_other():
    tokens = ["[CLS]", "法律", "は", "完璧", "だ", "が", "その", "適用", "は", "公正", "[SEP]"]
    special = [tok in ("[CLS]", "[SEP]") for tok in tokens]
    n = len(tokens)
    attn = np.full((2, 3, n, n), 1.0 / n)
    attn[1, 2, 6] = 0.0
    attn[1, 2, 6, 1] = 0.9  # L1 H2: その → 法律
    attn[1, 2, 6, 0] = 0.1
    r = Hs.search(attn, tokens, special, "その", "法律")
    assert (r.layer, r.head) == (1, 2) and r.weight == pytest.approx(0.9) and r.found
    assert r.from_positions == [6] and r.to_positions == [1]
    flat = Hs.search(np.full((2, 3, n, n), 1.0 / n), tokens, special, "その", "法律")
    assert not flat.found  # uniform attention: honestly no head does it
    with pytest.raises(InvalidInput, match="見つかりません"):
        Hs.search(attn, tokens, special, "犬", "法律")


def test_word_positions_join_wordpieces():
    tokens = ["[CLS]", "気持ち", "##よ", "##さ", "そう", "[SEP]"]
    assert Hs.word_positions(tokens, [True, False, False, False, False, True], "よさそう") == [2, 3, 4]


def test_find_head_on_the_trained_mini_bert(trained):
    from core.bert.models import load_encoder_with_attentions

    loaded = load_encoder_with_attentions(str(trained[1]))
    r = Hs.find_head(loaded, TEXT, "それ", "猫")
    L, H = r.scores.shape
    assert 0 <= r.layer < L and 0 <= r.head < H and 0 < r.weight <= 1
    assert r.weight == pytest.approx(float(r.scores.max()))


def test_cli_find_head_contract(trained):
    env = dict(os.environ, HF_HUB_OFFLINE="1", OMP_NUM_THREADS="1")
    p = subprocess.run([sys.executable, "-m", "core", "attention", "find-head", "--model", str(trained[1]),
                        "--text", TEXT, "--from", "それ", "--to", "猫", "--json"],
                       capture_output=True, text=True, timeout=300, env=env)
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout.strip().splitlines()[-1])
    assert set(out) == {"layer", "head", "weight"} and 0 < out["weight"] <= 1
    bad = subprocess.run([sys.executable, "-m", "core", "attention", "find-head", "--model", str(trained[1]),
                          "--text", TEXT, "--from", "犬犬", "--to", "猫", "--json"],
                         capture_output=True, text=True, timeout=300, env=env)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and "見つかりません" in bad.stderr


def test_attention_page_head_search_on_the_mini_bert_offline(trained, cache_env, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    at = open_section("att.tab.heads", query={"att_heads_model": t("att.heads.model.mini", "ja")})
    assert_no_exception(at)
    assert at.radio(key="att_heads_preset").value == "pronoun"
    at.radio(key="att_heads_preset").set_value("animal").run()
    assert_no_exception(at)
    r = at.session_state["att_heads_result"]
    assert {"layer", "head", "weight", "found"} <= set(r) and r["from_tokens"] and r["to_tokens"]
    verdict = " ".join(str(x.value) for x in [*at.success, *at.warning])
    assert f"L{r['layer']}" in verdict and f"H{r['head']}" in verdict
    assert len(at.get("plotly_chart")) >= 2  # the layer × head grid and the best head's view


def test_attention_page_head_search_offline_without_models(cache_env, monkeypatch, tmp_path):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("PLAYGROUND_CACHE_DIR", str(tmp_path))  # no saved mini-BERT here
    at = open_section("att.tab.heads", query={"att_heads_model": t("att.heads.model.mini", "ja")})
    assert_no_exception(at)
    assert "保存済みの mini-BERT がありません" in " ".join(str(i.value) for i in at.info)


def test_search_from_cls_to_a_polar_word():
    tokens = ["[CLS]", "部屋", "は", "狭かっ", "た", "が", "親切", "だっ", "た", "[SEP]"]
    special = [tok in ("[CLS]", "[SEP]") for tok in tokens]
    n = len(tokens)
    attn = np.full((1, 2, n, n), 1.0 / n)
    attn[0, 1, 0] = 0.02
    attn[0, 1, 0, 6] = 0.84  # H1: [CLS] → 親切
    r = Hs.search(attn, tokens, special, Hs.CLS, "親切")
    assert (r.layer, r.head) == (0, 1) and r.from_positions == [0] and r.found
    assert r.others == pytest.approx(0.02)
    assert any(p[0] == "sentiment" and p[2] == Hs.CLS for p in Hs.PRESETS)


def test_sentiment_preset_on_the_page(trained, cache_env, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    at = open_section("att.tab.heads", query={"att_heads_model": t("att.heads.model.mini", "ja")})
    at.radio(key="att_heads_preset").set_value("sentiment").run()
    assert_no_exception(at)
    assert at.text_input(key="att_heads_from_sentiment").value == "[CLS]"
    text = " ".join(str(x.value) for x in [*at.success, *at.warning, *at.caption])
    assert t("att.heads.sentiment.note", "ja") in text
