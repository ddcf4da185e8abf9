"""The English UI is complete: every page and every tab, rendered with ?lang=English, shows no
Japanese in what the app itself says (issue #12, item 7).

Checked: titles, headers, captions, markdown, alerts (info / warning / error / success), labels,
help texts and placeholders of widgets, buttons, tab and expander labels, metric labels, page
links, command hints (code blocks that are commands) and chart titles / axis titles / legends.
Kana (hiragana, katakana) must not appear anywhere there; kanji neither in titles, headings,
tab, expander, button and widget labels (no user data ever goes there).

Not checked, on purpose (Japanese there is the content, not the UI):
- widget values and options (the example sentences and words a student edits, token pickers);
- code blocks that are not commands (tokenizations, model outputs, corpus text) and dataframes;
- text in curly or straight quotes ("…", “…”): the app quotes user words and corpus tokens so;
- chart legends that are words the student typed on the page (a projection groups by query word);
- the English strings in ``DATA_TEMPLATES`` below, whose placeholders carry corpus tokens or
  example sentences unquoted (each with its reason).
"""
from __future__ import annotations

import json
import re

import pytest

from core.i18n import t
from tests.conftest import app_test, assert_no_exception

KANA = re.compile(r"[\u3040-\u309f\u30a0-\u30fa\u30fc-\u30ff]")  # ・ (U+30FB) is punctuation
KANJI = re.compile(r"[\u4e00-\u9fff]")
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|「[^」]*」")

# i18n keys whose English text embeds corpus / example data without quotes (the text around the
# placeholders is checked like any other: the template must match the whole element).
DATA_TEMPLATES = {
    "w2v.cb.example": "the lecture's example sentence (CBOW), shown as it is",
    "w2v.sg.example": "the same example sentence (skip-gram)",
    "w2v.cb.tokenized": "the example sentence's tokens (fugashi)",
    "w2v.cb.probs": "two context tokens of the example sentence in a chart title",
    "w2v.sg.terms": "corpus tokens in the loss terms −log P(token)",
    "w2v.an.chart": "the analogy the student typed (王様 + 女 − 男), in the chart title",
}
HEADINGS = {"title", "header", "subheader", "tab", "expander", "button", "download_button", "page_link"}
COMMAND = re.compile(r"^(python|pip|hf |huggingface|curl)")


def _template(key: str) -> re.Pattern:
    parts = re.split(r"\{[^{}]*\}", t(key, "en"))
    return re.compile(".*".join(re.escape(p) for p in parts), re.S)


TEMPLATES = {key: _template(key) for key in DATA_TEMPLATES}


def _visible(node, out: list[tuple[str, str]]) -> None:
    """(kind, text) of everything the app says in this element tree."""
    kind = getattr(node, "type", type(node).__name__.lower())
    proto = getattr(node, "proto", None)
    if kind in ("text_input", "text_area") and proto is not None:
        out.append(("typed", str(node.value or "")))
    if kind in ("text_input", "text_area", "selectbox", "multiselect", "radio", "slider", "select_slider",
                "number_input", "checkbox", "toggle", "file_uploader", "button", "download_button",
                "color_picker", "date_input", "time_input", "chat_input", "feedback", "button_group"):
        for field in ("label", "help", "placeholder"):
            value = getattr(proto, field, "") if proto is not None else ""
            if isinstance(value, str) and value:
                out.append(("button" if kind in ("button", "download_button") and field == "label" else kind,
                            value))
    elif kind in ("title", "header", "subheader", "caption", "markdown", "info", "warning", "error",
                  "success", "toast", "latex"):
        out.append((kind, str(node.value)))
    elif kind == "code":
        if COMMAND.match(str(node.value)):
            out.append(("command", str(node.value)))
    elif kind in ("tab", "expander"):
        out.append((kind, str(getattr(node, "label", ""))))
    elif kind == "metric":
        out.append(("metric", str(node.label)))
    elif kind == "page_link":
        out.append(("page_link", str(proto.label)))
    elif kind == "plotly_chart":
        spec = json.loads(proto.spec)
        layout = spec.get("layout", {})
        texts = [layout.get("title")] + [axis.get("title") for name, axis in layout.items()
                                         if name.startswith(("xaxis", "yaxis")) and isinstance(axis, dict)]
        texts += [(trace.get("colorbar") or {}).get("title") for trace in spec.get("data", [])]
        for text in texts:
            if isinstance(text, dict):
                text = text.get("text")
            if text:
                out.append(("chart", str(text)))
        out += [("legend", str(trace["name"])) for trace in spec.get("data", []) if trace.get("name")]
    for child in (getattr(node, "children", None) or {}).values():
        _visible(child, out)


def japanese_in(at) -> list[tuple[str, str]]:
    found = []
    texts: list[tuple[str, str]] = []
    _visible(at._tree, texts)
    typed = {word for kind, text in texts if kind == "typed" for word in text.split()}
    for kind, text in texts:
        if kind == "typed" or (kind == "legend" and text in typed):
            continue
        if any(p.fullmatch(text) for p in TEMPLATES.values()):
            continue
        bare = QUOTED.sub("", text)
        if KANA.search(bare) or (kind in HEADINGS and KANJI.search(bare)):
            found.append((kind, text[:200]))
    return found


def _english(page: str, tab: str | None = None):
    query = {"lang": "English"} | ({"tab": tab} if tab else {})
    return app_test(page, query=query)


@pytest.mark.slow
@pytest.mark.parametrize("page", ["home", "basics", "word2vec", "lstm", "seq2seq", "attention", "bert"])
def test_every_tab_of_the_page_is_english(page):
    at = _english(page)
    assert_no_exception(at)
    tabs = [tab.label for tab in at.tabs]
    if page != "home":
        assert len(tabs) >= 4, tabs  # the tabs were found (else the loop below checks nothing)
    problems = {tabs[0] if tabs else page: japanese_in(at)}
    for label in tabs[1:]:
        tab_at = _english(page, label)
        assert_no_exception(tab_at)
        assert any(tab.label == label and tab.children for tab in tab_at.tabs), label  # that tab ran
        problems[label] = japanese_in(tab_at)
    problems = {k: v for k, v in problems.items() if v}
    assert not problems, problems


def test_the_check_finds_japanese():
    """The checker is not blind: the Japanese UI of the same page fails it."""
    at = app_test("attention")
    assert any(kind in ("subheader", "caption", "markdown") for kind, _ in japanese_in(at))
