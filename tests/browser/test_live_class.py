"""Issue #8 in a real browser: a copied demo link reproduces the page state in a fresh browser."""
from playwright.sync_api import expect

from tests.browser.conftest import no_exception, press_enter, screenshot
from tests.browser.wait import goto, new_context


def test_copied_link_reproduces_the_demo(server, browser):
    teacher = new_context(browser)
    teacher.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    page = teacher.new_page()
    student = new_context(browser)
    try:
        goto(page, f"{server.url}/")
        goto(page, f"{server.url}/word2vec")
        box = page.locator('[data-testid="stTextInput"]').filter(has_text="単語").first.locator("input")
        box.fill("東京")
        press_enter(page, box)
        btn = page.locator("#pg-share-btn")
        btn.click()
        page.wait_for_function("() => navigator.clipboard.readText().then(t => t.includes('w2v_word='))",
                               timeout=30_000)
        link = page.evaluate("() => navigator.clipboard.readText()")
        assert link.startswith(f"{server.url}/word2vec") and "w2v_word=" in link, link

        fresh = student.new_page()
        goto(fresh, link)
        no_exception(fresh)
        restored = fresh.locator('[data-testid="stTextInput"]').filter(has_text="単語").first.locator("input")
        expect(restored).to_have_value("東京", timeout=30_000)
        screenshot(fresh, "live-class-shared-link")
    finally:
        teacher.close()
        student.close()
