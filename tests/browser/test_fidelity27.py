"""Issue 27 in a real browser: the new sections (additive vs dot and attention as a dictionary,
the head search, the three positional encodings, the pretrained GPT with its offline stand-in,
ELMo in the family card, input reversal and the T5-style multi-task tab) render without an
exception at 1400 px and on a 390-px phone; screenshots in test-artifacts/screenshots/fid27-*.png."""
from __future__ import annotations

import pytest

from core.i18n import t
from tests.browser.conftest import no_exception, open_tab, screenshot, wait_charts
from tests.browser.wait import new_context

VIEWS = [  # (page, tab key, charts to wait for, i18n key of a text that must be on the page, screenshot name)
    ("attention", "att.tab.kinds", 1, "att.kinds.title", "attention-kinds"),
    ("attention", "att.tab.heads", 0, "att.tab.heads", "attention-heads"),
    ("attention", "att.tab.posenc", 1, "att.pos.title", "attention-positions"),
    ("attention", "att.tab.pgpt", 0, "att.pgpt.no_mini", "attention-pretrained-gpt"),
    ("attention", "att.tab.family", 0, "tf.fam.elmo.figure", "attention-family-elmo"),
    ("seq2seq", "s2s.tab.reversal", 0, "s2s.rev.start", "seq2seq-reversal"),
    ("seq2seq", "s2s.tab.multitask", 0, "s2s.mt5.tasks", "seq2seq-multitask"),
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
        if charts:
            wait_charts(page, charts, timeout=180_000)
        no_exception(page)
        assert t(needle) in page.locator('[data-testid="stMain"]').inner_text()
        screenshot(page, f"fid27-{name}-{width}")
    finally:
        context.close()
