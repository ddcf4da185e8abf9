"""Issue 24 in a real browser: a student's file name that is written like a Markdown link is
shown as text — never a link — where the page names the upload."""
from __future__ import annotations

from core.i18n import t
from tests.browser.conftest import no_exception, open_tab, screenshot
from tests.browser.wait import act

MARKDOWN_NAME = "[解答はこちら](https://example.com).txt"
VECTORS = "3 4\n猫 0.1 0.2 0.3 0.4\n犬 0.1 0.2 0.3 0.5\n東京 0.9 0.1 0.0 0.2\n".encode()


def test_uploaded_file_named_like_a_link_stays_text(server, page):
    open_tab(page, server, "word2vec", "w2v.tab.neighbors")
    page.get_by_role("button", name=t("w2v.source.upload", "ja")).first.click()
    upload = page.locator('[data-testid="stFileUploaderDropzoneInput"]').first
    act(page, lambda: upload.set_input_files(files=[{"name": MARKDOWN_NAME, "mimeType": "text/plain",
                                                     "buffer": VECTORS}]))
    caption = page.locator('[data-testid="stCaptionContainer"]', has_text="解答はこちら").first
    caption.wait_for(timeout=60_000)
    no_exception(page)
    assert MARKDOWN_NAME in caption.inner_text().replace("\u200b", "")  # the name, as typed
    assert page.locator('a[href*="example.com"]').count() == 0  # nowhere a link
    screenshot(page, "plain-file-name")
