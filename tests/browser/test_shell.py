"""The app shell in a real browser: every page renders, deep links work on a fresh server."""
from playwright.sync_api import expect

from tests.browser.conftest import no_exception, screenshot
from tests.browser.wait import goto, new_context, wait_run_after

PAGES = [("", "講義マップ", "ニューラル自然言語処理"),
         ("basics", "ニューラルネットの基礎", "ニューラルネットの基礎"),
         ("word2vec", "word2vec", "word2vec"),
         ("lstm", "RNN / LSTM / GRU", "LSTM / GRU"),
         ("seq2seq", "seq2seq", "seq2seq"),
         ("attention", "注意機構", "注意機構"),
         ("bert", "BERT", "BERT")]


def test_every_page_renders(server, page):
    for path, _nav, heading in PAGES:
        goto(page, f"{server.url}/{path}")
        no_exception(page)
        assert heading in page.locator("h1").first.inner_text()
        screenshot(page, f"page-{path or 'home'}")


def test_home_sidebar_shows_navigation_and_controls(server, page):
    goto(page, server.url)
    nav = page.locator('[data-testid="stSidebarNav"]')
    text = nav.inner_text()
    for _path, label, _h in PAGES:
        assert label in text
    sidebar = page.locator('[data-testid="stSidebar"]')
    for text in ("計算デバイス", "プレゼンモード", "English"):
        expect(sidebar).to_contain_text(text)


DEEP_LINKS = [("word2vec", "word2vec"), ("bert", "BERT"), ("attention", "注意機構")]


def test_deep_links_on_a_fresh_server_use_navigation(fresh_server, browser_context):
    """Three students open three deep links at once on a server that has not run yet (after a
    restart): the process's first runs, each lands on its page with the real navigation."""
    s = fresh_server()
    pages = [browser_context.new_page() for _ in DEEP_LINKS]
    try:
        for page, (path, _h) in zip(pages, DEEP_LINKS):
            page.goto(f"{s.url}/{path}", wait_until="commit")  # all three before any run ends
        for page, (path, heading) in zip(pages, DEEP_LINKS):
            wait_run_after(page, 0)
            no_exception(page)
            assert heading in page.locator("h1").first.inner_text(), path
            expect(page.get_by_text("Page not found")).to_have_count(0)
            nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
            # the real navigation (titles), not the legacy filename menu ("app | bert | home")
            assert "講義マップ" in nav and "app" not in nav.split(), (path, nav)
    finally:
        for page in pages:
            page.close()


def test_language_switch_to_english(server, page):
    goto(page, f"{server.url}/?lang=English")
    assert "Neural NLP Playground" in page.locator("h1").first.inner_text()


def test_presenter_mode_enlarges_text(server, page):
    goto(page, server.url)
    normal = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('[data-testid=\"stAppViewContainer\"] p')).fontSize)")
    goto(page, f"{server.url}/?presenter=true")
    # wait for the state itself (the presenter CSS applied to the page's text), not for a run:
    # under load the first finished run can end before the sidebar's style element is drawn
    page.wait_for_function(
        "(n) => { const p = document.querySelector('[data-testid=\"stAppViewContainer\"] p');"
        " return p && parseFloat(getComputedStyle(p).fontSize) > n * 1.15; }", arg=normal, timeout=60_000)
    screenshot(page, "home-presenter")


def test_share_button_copies_current_url(server, browser):
    context = new_context(browser)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    page = context.new_page()
    try:
        goto(page, f"{server.url}/?lang=English")
        btn = page.locator("#pg-share-btn")
        btn.click()
        expect(btn).to_contain_text("Copied")
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied.startswith(server.url) and "lang=English" in copied
    finally:
        context.close()
