"""Waiting on Streamlit's state in a real browser (never on time).

Streamlit marks its root element with ``data-test-script-state``. ``notRunning`` is both the state
*after* a run and the state *before* the next one starts, so "wait for notRunning" right after an
action can return before the run the action caused has even begun. Instead an init script counts
the runs that *finished* (a MutationObserver with ``attributeOldValue``: every change away from
``running`` is one finished run), and the helpers wait for the count to grow past the value it had
before the action.
"""
from __future__ import annotations

RUN_COUNTER = """(() => {
  if (window.__pgFinished !== undefined) return;
  window.__pgFinished = 0;
  const obs = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' && r.oldValue === 'running') window.__pgFinished += 1;
    }
  });
  const start = () => obs.observe(document.documentElement, {subtree: true, attributes: true,
      attributeOldValue: true, attributeFilter: ['data-test-script-state']});
  if (document.documentElement) start(); else document.addEventListener('readystatechange', start, {once: true});
})();"""

_IDLE_AFTER = """(n) => { const a = document.querySelector('[data-testid="stApp"]');
  return a && (window.__pgFinished || 0) > n && a.getAttribute('data-test-script-state') === 'notRunning'; }"""


def new_context(browser, **kwargs):
    """A browser context whose pages count finished script runs (see module docstring)."""
    kwargs.setdefault("viewport", {"width": 1400, "height": 1000})
    context = browser.new_context(**kwargs)
    context.add_init_script(RUN_COUNTER)
    return context


def finished_runs(page) -> int:
    return int(page.evaluate("() => window.__pgFinished || 0"))


def wait_run_after(page, before: int, timeout_ms: int = 90_000) -> None:
    """Wait until a script run that finished after ``before`` runs is done and nothing runs."""
    page.wait_for_function(_IDLE_AFTER, arg=before, timeout=timeout_ms)


def goto(page, url: str, timeout_ms: int = 90_000) -> None:
    """Open ``url`` and wait for the first script run of the new document to finish."""
    page.goto(url)
    wait_run_after(page, 0, timeout_ms)


def act(page, action, timeout_ms: int = 90_000) -> None:
    """Do ``action()`` (a click, Enter in a field, …) and wait for the script run it caused."""
    before = finished_runs(page)
    action()
    wait_run_after(page, before, timeout_ms)


def settle_error_handlers(page, timeout_ms: int = 30_000) -> None:
    """Wait until an ``<img src=x onerror=…>`` inserted *now* has fired its handler: any such
    element that user text could have created earlier has had the same chance to run (and to
    open a dialog), so a test can then assert that none did."""
    page.evaluate("""() => { window.__pgCanary = false; const i = document.createElement('img');
                          i.style.display = 'none'; i.onerror = () => { window.__pgCanary = true; i.remove(); };
                          i.src = 'x-canary-' + Date.now(); document.body.appendChild(i); }""")
    page.wait_for_function("() => window.__pgCanary === true", timeout=timeout_ms)
