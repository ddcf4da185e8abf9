"""The app shell in a real browser: every page renders, deep links work on a fresh server."""
import pytest

from tests.browser.conftest import no_exception, screenshot, wait_idle

PAGES = [("", "講義マップ", "ニューラル自然言語処理"),
         ("word2vec", "word2vec", "word2vec"),
         ("lstm", "RNN / LSTM / GRU", "RNN / LSTM / GRU"),
         ("seq2seq", "seq2seq", "seq2seq"),
         ("attention", "注意機構", "注意機構"),
         ("bert", "BERT", "BERT")]


def test_every_page_renders(server, page):
    for path, _nav, heading in PAGES:
        page.goto(f"{server.url}/{path}")
        wait_idle(page)
        no_exception(page)
        assert heading in page.locator("h1").first.inner_text()
        screenshot(page, f"page-{path or 'home'}")


def test_home_sidebar_shows_navigation_and_controls(server, page):
    page.goto(server.url)
    wait_idle(page)
    nav = page.locator('[data-testid="stSidebarNav"]')
    text = nav.inner_text()
    for _path, label, _h in PAGES:
        assert label in text
    sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
    assert "計算デバイス" in sidebar and "プレゼンモード" in sidebar and "English" in sidebar


@pytest.mark.parametrize("path,heading", [("word2vec", "word2vec"), ("bert", "BERT"), ("attention", "注意機構")])
def test_deep_link_on_fresh_server_uses_navigation(fresh_server, page, path, heading):
    s = fresh_server()
    page.goto(f"{s.url}/{path}")
    wait_idle(page)
    no_exception(page)
    assert heading in page.locator("h1").first.inner_text()
    page.wait_for_timeout(500)
    assert "Page not found" not in page.locator("body").inner_text()
    nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
    # the real navigation (titles), not the legacy filename menu ("app | bert | home")
    assert "講義マップ" in nav and "app" not in nav.split()


def test_language_switch_to_english(server, page):
    page.goto(f"{server.url}/?lang=English")
    wait_idle(page)
    assert "Neural NLP Playground" in page.locator("h1").first.inner_text()


def test_presenter_mode_enlarges_text(server, page):
    page.goto(server.url)
    wait_idle(page)
    normal = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('[data-testid=\"stAppViewContainer\"] p')).fontSize)")
    page.goto(f"{server.url}/?presenter=true")
    wait_idle(page)
    large = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('[data-testid=\"stAppViewContainer\"] p')).fontSize)")
    assert large > normal * 1.15
    screenshot(page, "home-presenter")


def test_share_button_copies_current_url(server, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    page = context.new_page()
    try:
        page.goto(f"{server.url}/?lang=English")
        wait_idle(page)
        btn = page.locator("#pg-share-btn")
        btn.click()
        page.wait_for_timeout(300)
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied.startswith(server.url) and "lang=English" in copied
        assert "Copied" in btn.inner_text()
    finally:
        context.close()
