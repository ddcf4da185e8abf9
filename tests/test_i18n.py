"""The string table and core's errors are complete in both UI languages (issue #12, item 7)."""
from __future__ import annotations

import ast
import pathlib
import re
import string

import pytest

from core import InvalidInput, PlaygroundError, term_en
from core.i18n import missing, t, table

ROOT = pathlib.Path(__file__).resolve().parent.parent
KANA = re.compile(r"[\u3040-\u30ff]")


def _fields(text: str) -> set[str]:
    """The {placeholders} of a string (LaTeX-like braces such as h_{t−1} are not names)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name and name.isidentifier()}


def test_every_key_has_japanese_and_english():
    assert missing("ja") == []
    assert missing("en") == []
    assert all(v.get("en", "").strip() for v in table().values())


def test_english_strings_have_the_same_placeholders_and_no_kana():
    """A placeholder missing in one language would raise KeyError (or drop a number) only when
    that language is shown; kana in an English string is an untranslated leftover."""
    wrong = {k: v for k, v in table().items() if _fields(v["ja"]) != _fields(v["en"])}
    assert not wrong, wrong
    clash = {k for k, v in table().items() if _fields(v["ja"]) & {"key", "lang"}}  # t(key, lang, **fmt)
    assert not clash, clash
    kana = {k: v["en"] for k, v in table().items() if KANA.search(v["en"])}
    assert not kana, kana


def test_lecture_map_has_english_for_every_entry():
    from pages.home.lecture_map import CHAPTERS, CONCEPTS

    assert all(en and not KANA.search(en) for _, _, en in CHAPTERS)
    for entry in CONCEPTS:
        concept_en, what_ja, what_en = entry[2], entry[5], entry[6]
        assert concept_en and what_ja and what_en, entry
        assert not KANA.search(concept_en + what_en), entry


# --- core's errors ------------------------------------------------------------------------------

ERRORS = {"PlaygroundError", "InvalidInput", "InputTooLong", "OutOfVocabulary", "ModelUnavailable",
          "TrainingDiverged", "ClassNotFound", "ClassEnded", "NotInstructor"}


def _error_calls():
    """Every construction of a PlaygroundError (subclass) in core, outside the Japanese-only CLI."""
    for path in sorted((ROOT / "core").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("core/cli/") or rel == "core/__init__.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) in ERRORS:
                yield f"{rel}:{node.lineno}", node


def test_every_core_error_has_an_english_message():
    calls = list(_error_calls())
    assert len(calls) > 250  # the scan finds them (a broken scan would pass vacuously)
    without = [where for where, node in calls if "en" not in {k.arg for k in node.keywords}
               and where != "core/warmup.py:65"]  # warm-up: the CLI's status line (hub.status message)
    assert not without, without


def test_error_text_follows_the_ui_language():
    exc = InvalidInput("文が空です。", en="The sentence is empty.", hint="python -m core …", hint_en=None)
    assert exc.text("ja") == exc.message == "文が空です。" and exc.text("en") == "The sentence is empty."
    assert exc.hint_text("en") == exc.hint_text("ja") == "python -m core …"
    assert PlaygroundError("だけ").text("en") == "だけ"  # no English given: the Japanese, never nothing
    assert term_en("学習率 (learning rate)") == "learning rate" and term_en("文") == "input"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_core_errors_render_in_the_ui_language(lang):
    """A real error from core (input check, range check, OOV-style message) in each language."""
    from core import inputs
    from core.limits import check_int
    from core.text import require_text

    cases = []
    for call in (lambda: inputs.text("a" * 50, label="保存名", limit=10),
                 lambda: check_int(500, "隠れ層の大きさ (hidden size)", 1, 256),
                 lambda: require_text("   ", max_chars=10, what="文")):
        with pytest.raises(PlaygroundError) as info:
            call()
        cases.append(info.value.text(lang))
    for text in cases:
        assert text
        assert bool(KANA.search(text)) == (lang == "ja"), text
    if lang == "en":
        assert "Hidden size is 500" in cases[1] and "256" in cases[1]


def test_notes_from_core_carry_english():
    """core.Msg: the Japanese is the str (CLI, JSON, comparisons); ``en`` for the English UI."""
    import json

    from core import Msg
    from core.word2vec.vectors import CHIVE_LABEL, Resolution

    note = Msg("空の文 2 行を飛ばしました。", "Skipped 2 empty lines.")
    assert note == "空の文 2 行を飛ばしました。" and json.loads(json.dumps(note)) == str(note)
    assert note.text("en") == "Skipped 2 empty lines." and note.text("ja") == str(note)
    import copy
    import pickle

    for again in (pickle.loads(pickle.dumps(note)), copy.deepcopy(note)):  # saved vectors keep their label
        assert again == note and again.en == note.en
    assert not KANA.search(CHIVE_LABEL.text("en"))
    found = Resolution("ねこ", "猫", "Sudachi normalised")
    assert "Sudachi" in found.explain("en") and not KANA.search(found.explain("en").replace("ねこ", ""))
    assert found.explain() == "「ねこ」は Sudachi の正規化形「猫」として見つかりました。"


def test_cli_prints_the_japanese_message(capsys):
    from core.cli.common import fail

    assert fail(InvalidInput("指定が正しくありません。", en="Wrong.")) == 2
    err = capsys.readouterr().err
    assert "エラー: 指定が正しくありません。" in err and "Wrong." not in err


def test_a_missing_english_placeholder_would_fail():
    """The placeholder check above can fail: a table entry whose English drops {n}."""
    bad = {"x": {"ja": "{n} 件", "en": "items"}}
    assert _fields(bad["x"]["ja"]) != _fields(bad["x"]["en"])
    assert t("common.dims", "en", r=2, c=3) == " (2 × 3)"
