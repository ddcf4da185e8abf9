"""Issue #8 in a real browser: a copied demo link reproduces the page state in a fresh browser."""
from tests.browser.conftest import no_exception, screenshot, wait_idle


def test_copied_link_reproduces_the_demo(server, browser):
    teacher = browser.new_context(viewport={"width": 1400, "height": 1000})
    teacher.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    page = teacher.new_page()
    student = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{server.url}/")
        wait_idle(page)
        page.goto(f"{server.url}/word2vec")
        wait_idle(page)
        box = page.locator('[data-testid="stTextInput"]').filter(has_text="単語").first.locator("input")
        box.fill("東京")
        box.press("Enter")
        wait_idle(page)
        page.locator("#pg-share-btn").click()
        page.wait_for_timeout(300)
        link = page.evaluate("() => navigator.clipboard.readText()")
        assert link.startswith(f"{server.url}/word2vec") and "w2v_word=" in link, link

        fresh = student.new_page()
        fresh.goto(link)
        wait_idle(fresh)
        no_exception(fresh)
        restored = fresh.locator('[data-testid="stTextInput"]').filter(has_text="単語").first.locator("input")
        assert restored.input_value() == "東京"
        screenshot(fresh, "live-class-shared-link")
    finally:
        teacher.close()
        student.close()
