"""Work around Streamlit's legacy multipage mode on the first request of a fresh server.

``PagesManager.uses_pages_directory`` starts as "a pages/ folder exists" and is switched off by
the first ``st.navigation`` call. Until then a deep link (/lstm) runs through the legacy router,
which sends a "Page not found" message (a modal in the browser) and then runs app.py, whose
st.navigation opens the requested page correctly. We close that modal.
"""
from __future__ import annotations

CLOSE_LEGACY_NOT_FOUND = """
<script>
(function () {
  const deadline = Date.now() + 8000;
  function closeIt() {
    for (const d of document.querySelectorAll('[data-testid="stDialog"]')) {
      const h = d.querySelector('h2');
      if (h && /Page not found/i.test(h.textContent)) {
        const btn = d.querySelector('button[aria-label="Close"]');
        if (btn) { btn.click(); return true; }
      }
    }
    return false;
  }
  if (closeIt()) return;
  const obs = new MutationObserver(() => { if (closeIt() || Date.now() > deadline) obs.disconnect(); });
  obs.observe(document.body, {childList: true, subtree: true});
  setTimeout(() => obs.disconnect(), 8000);
})();
</script>
"""


def legacy_first_run() -> bool:
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # pragma: no cover - internal path moved
        return False
    return bool(PagesManager.uses_pages_directory)

