"""Work around Streamlit's legacy multipage mode on the first request of a fresh server.

``PagesManager.uses_pages_directory`` starts as "a pages/ folder exists" and is switched off by
the first ``st.navigation`` call. Until then a deep link (/lstm) runs through the legacy router,
which sends a "Page not found" message (a modal in the browser) and then runs app.py, whose
st.navigation opens the requested page correctly. We close that modal.

Which runs got the modal is a per-run fact, not the process-wide flag: when three students open
deep links at once on a fresh server, all three runs start in the legacy router, and the first
to reach st.navigation switches the flag off before the other two read it. So we ask whether
*this* run is inside the legacy router (its function is on the call stack).
"""
from __future__ import annotations

import sys

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


LEGACY_ROUTER = "_mpa_v1"  # streamlit.runtime.scriptrunner.script_runner (checked by a test)


def legacy_first_run() -> bool:
    """True when this script run was started by Streamlit's legacy pages router."""
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_name == LEGACY_ROUTER:
            return True
        frame = frame.f_back
    return False

