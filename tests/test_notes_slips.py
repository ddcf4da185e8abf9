"""ノートとの違い (issue 27, item 13): one list with exact values, shown on the home page with
links, and inside the attention page's scaled dot-product section."""
import math

from core.i18n import t, table
from core.i18n.notes_slips import SLIPS
from tests.conftest import app_test, assert_no_exception


def test_every_slip_has_notes_exact_and_note_in_both_languages():
    for key, _page, tab_key in SLIPS:
        for part in ("notes", "exact", "note"):
            entry = table()[f"slip.{key}.{part}"]
            assert entry["ja"] and entry["en"]
        assert tab_key in table()
    exact = t("slip.softmax.exact", "ja")
    assert f"{math.exp(6) / (math.exp(6) + math.exp(4)):.6f}" in exact and "0.880797" in exact
    assert "8" in t("slip.scale.exact", "ja") and "22.63" in t("slip.scale.exact", "ja")


def test_home_lists_the_slips_with_links():
    at = app_test()
    assert_no_exception(at)
    text = " ".join(str(m.value) for m in at.markdown)
    assert t("slip.softmax.notes", "ja") in text and t("slip.onehot.exact", "ja") in text
    labels = [p.proto.label for p in at.get("page_link")]
    assert f"→ {t('att.tab.sdpa', 'ja')}" in labels


def test_sdpa_section_shows_the_scale_and_mask_slips():
    from tests.attention.apptest import open_section

    at = open_section("att.tab.sdpa", query={"att_vec": "random"})
    assert_no_exception(at)
    captions = " ".join(str(c.value) for c in at.caption)
    assert t("slip.scale.note", "ja") in captions
    at.toggle(key="att_causal").set_value(True).run()
    assert t("slip.mask.note", "ja") in " ".join(str(c.value) for c in at.caption)
