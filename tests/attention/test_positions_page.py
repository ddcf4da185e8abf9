"""Positional encodings side by side on the attention page (issue 27, item 4)."""
import math

import pytest

from core.attention import positions
from tests.attention.apptest import open_section
from tests.conftest import assert_no_exception


def test_wavelengths_run_from_2pi_to_almost_10000_2pi():
    rows = positions.wavelengths(512)
    assert len(rows) == 256 and rows[0]["wavelength"] == pytest.approx(2 * math.pi)
    assert rows[-1]["wavelength"] == pytest.approx(2 * math.pi * 10000 ** (510 / 512))
    assert all(a["wavelength"] < b["wavelength"] for a, b in zip(rows, rows[1:]))


def test_posenc_section_shows_the_three_and_compares_the_gpts(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_CACHE_DIR", str(tmp_path))  # no saved mini-BERT: the message
    at = open_section("att.tab.posenc")
    assert_no_exception(at)
    wave = at.dataframe[0].value
    assert wave.iloc[0, 0] == "0, 1" and wave.iloc[-1, 0] == "510, 511"
    assert "保存済みの mini-BERT がありません" in " ".join(str(i.value) for i in at.info)
    ids = " ".join(c.proto.id for c in at.get("plotly_chart"))
    assert "att_pos_rope" in ids and "att_pos_rope_rel" in ids
    at.slider(key="att_pos_seconds").set_value(2)
    at.button(key="att_pos_run__start").click().run()
    assert_no_exception(at)
    results = at.session_state["att_pos_cmp"]
    assert list(results) == ["sinusoidal", "learned", "rope"]
    assert results["learned"]["params"] == results["rope"]["params"] + 32 * 64  # the learned table
    assert all(r["val_loss"] > 0 for r in results.values())


def test_learned_table_of_a_trained_bert(tmp_path):
    from core.bert import tiny

    d = tiny.build(tmp_path / "b", "masked_lm")
    table = positions.learned_table(str(d), 100)
    assert table.ndim == 2 and table.shape[0] <= 100
