"""Test and bench tooling that talks to a real `streamlit run`: the server launcher
(stkit.server: a free localhost port, health wait, Debian's Chromium) and a client that speaks
the browser's WebSocket protocol (stkit.client). Used by the tests, the benchmarks in bench/ and
`python -m core bench`; never by the app itself (core/ and pages/ do not import it)."""
