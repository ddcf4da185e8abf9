"""Issue 26 in a real browser: the CNN section and the new figures (LSTM architecture
figures, BPTT triangles, the CBOW slide) render without an exception at 1400 px and on a 390-px phone;
screenshots in test-artifacts/screenshots/fid26-*.png (8 page loads, about 2 CPU-minutes)."""
from __future__ import annotations

import pytest

from tests.browser.conftest import no_exception, open_tab, screenshot, wait_charts
from tests.browser.wait import new_context

VIEWS = [  # (page, tab key, charts to wait for, text that must be on the page, screenshot name)
    ("basics", "basics.tab.cnn", 10, "⌊(8 + 2·0 − 3) / 1⌋ + 1 = 6", "basics-cnn"),
    ("lstm", "lstm.tab.gates", 4, "h_t = o_t ⊙ tanh(c_t)", "lstm-architecture"),
    ("lstm", "lstm.tab.gradients", 5, "1997", "lstm-bptt"),
    ("word2vec", "w2v.tab.mechanics", 5, "[1 13 35]", "w2v-cbow-slide"),
]
WIDTHS = {"desktop": {"width": 1400, "height": 1000}, "phone": {"width": 390, "height": 844}}


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("path,tab_key,charts,needle,name", VIEWS, ids=[v[4] for v in VIEWS])
def test_view_renders(server, browser, path, tab_key, charts, needle, name, width):
    phone = width == "phone"
    context = new_context(browser, locale="ja-JP", viewport=WIDTHS[width], is_mobile=phone, has_touch=phone,
                          device_scale_factor=2 if phone else 1)
    try:
        page = context.new_page()
        open_tab(page, server, path, tab_key)
        wait_charts(page, charts, timeout=180_000)
        no_exception(page)
        assert needle in page.locator('[data-testid="stMain"]').inner_text()
        screenshot(page, f"fid26-{name}-{width}")
    finally:
        context.close()
