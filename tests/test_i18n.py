"""The string table and core's errors are complete in both UI languages (issue #12, item 7), and
bilingual text has one shape per purpose (issue #28 §3): UI text is a key of the core/i18n tables,
an error is a core exception with the Japanese positionally and the English as ``en=``."""
from __future__ import annotations

import ast
import pathlib
import re
import string

import pytest

from core import InvalidInput, PlaygroundError, term_en
import core.i18n
from core.i18n import Text, missing, owner, prefixes, t, table

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

    titles = [t(f"home.ch.{n}", "en") for n in CHAPTERS]
    assert all(en and not KANA.search(en) and en != f"home.ch.{n}" for n, en in zip(CHAPTERS, titles))
    for entry in CONCEPTS:
        concept_en, what_ja, what_en = entry.name.text("en"), str(entry.what), entry.what.text("en")
        assert concept_en and what_ja and what_en, entry
        assert "home.c." not in concept_en + what_ja + what_en, entry  # a key without a table entry
        assert not KANA.search(concept_en + what_en), entry


# --- core's errors ------------------------------------------------------------------------------

def _error_calls():
    """Every construction of a PlaygroundError (subclass) in core, outside the Japanese-only CLI,
    except of a class whose own ``__init__`` writes the text (``super().__init__(ja, en=...)``)."""
    files = list(_python_files())
    errors = _error_classes(files)
    errors -= _english_inits(files, errors)[0]
    assert {"InvalidInput", "OutOfVocabulary", "ClassEnded", "StoreUnavailable"} <= errors
    for path in sorted((ROOT / "core").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("core/cli/") or rel == "core/__init__.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) in errors:
                yield f"{rel}:{node.lineno}", node


def test_every_core_error_has_an_english_message():
    calls = list(_error_calls())
    assert len(calls) > 250  # the scan finds them (a broken scan would pass vacuously)
    without = [where for where, node in calls if "en" not in {k.arg for k in node.keywords}]
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
    """core.i18n.Text: a table key + format args; the Japanese is the str (CLI, JSON,
    comparisons), ``text(lang)`` / ``en`` for the UI language (what pages.common.ui.local reads)."""
    import copy
    import json
    import pickle

    from core.word2vec.vectors import CHIVE_LABEL, Resolution

    note = Text("bert.data.skipped", n=2)
    assert note == "空の文 2 行を飛ばしました。" and json.loads(json.dumps(note)) == str(note)
    assert note.text("en") == note.en == "Skipped 2 empty lines." and note.text("ja") == str(note)
    for again in (pickle.loads(pickle.dumps(note)), copy.deepcopy(note)):  # saved vectors keep their label
        assert again == note and again.en == note.en
    assert not KANA.search(CHIVE_LABEL.text("en"))
    nested = Text("base.note", note=note)  # a Text argument follows the language too
    assert nested.text("en") == "Note: Skipped 2 empty lines." and "飛ばしました" in nested
    found = Resolution("ねこ", "猫", "Sudachi normalised")
    assert "Sudachi" in found.explain("en") and not KANA.search(found.explain("en").replace("ねこ", ""))
    assert found.explain() == "「ねこ」は Sudachi の正規化形「猫」として見つかりました。"
    composed = Text.of(found.explain)  # text built from several keys
    assert composed == found.explain() and composed.en == found.explain("en")
    assert pickle.loads(pickle.dumps(composed)).en == found.explain("en")


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


# --- one bilingual shape (issue #28 §3) ---------------------------------------------------------

# Files that still hold an old shape because other branches were editing them while the shapes were
# unified. The lead converts them after merging and removes them here (a test below fails when an
# entry is no longer needed). Tables: modules of core/i18n without their own PREFIXES / with keys
# of another module's prefix.
PENDING_TABLES: dict[str, str] = {}
# Code files that still call core.Msg, define a (ja, en) parameter pair or pass en= to something
# that is not a core exception.
PENDING: set[str] = set()
# Data, not UI text: a question bank is content in two languages, like the tables.
DATA_FILES = {"core/quiz.py"}
SCANNED = ("core", "pages", "app.py")


def _i18n_modules():
    import importlib
    import pkgutil

    for mod in sorted(pkgutil.iter_modules(core.i18n.__path__), key=lambda m: m.name):
        yield mod.name, importlib.import_module(f"core.i18n.{mod.name}")


def test_every_key_lives_in_the_module_that_owns_its_prefix():
    owners = prefixes()  # raises KeyError when two modules declare one prefix
    assert {"att", "w2v", "lstm.why", "qc"} <= set(owners)
    undeclared, stray = [], []
    for name, mod in _i18n_modules():
        if name in PENDING_TABLES:
            continue
        if not getattr(mod, "PREFIXES", None):
            undeclared.append(name)
        stray += [f"{name}: {key} (owner: {owner(key)})" for key in getattr(mod, "STRINGS", {}) if owner(key) != name]
    assert not undeclared, f"core/i18n modules without PREFIXES: {undeclared}"
    assert not stray, stray


def test_pending_tables_are_still_pending():
    """An entry of PENDING_TABLES that is already fixed must leave the list."""
    mods = dict(_i18n_modules())
    for name in PENDING_TABLES:
        mod = mods[name]
        assert not getattr(mod, "PREFIXES", None) or any(owner(k) != name for k in mod.STRINGS), name


def test_a_prefix_is_owned_by_one_module(monkeypatch):
    monkeypatch.setattr(core.i18n.deploy, "PREFIXES", ("dl", "att"), raising=True)
    with pytest.raises(KeyError, match="att"):
        prefixes()
    monkeypatch.setattr(core.i18n.deploy, "PREFIXES", ("dl",))
    assert owner("att.title") == "attention" and owner("lstm.why.x") == "lstm_lecture" and owner("lstm.x") == "lstm"


def _python_files():
    for top in SCANNED:
        base = ROOT / top
        for path in ([base] if base.is_file() else sorted(base.rglob("*.py"))):
            yield path.relative_to(ROOT).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def _error_classes(files) -> set[str]:
    """Names of core.PlaygroundError and its subclasses, found statically (bases by name)."""
    files = list(files)
    bases = {node.name: {getattr(b, "id", getattr(b, "attr", None)) for b in node.bases}
             for rel, tree in files if rel.startswith("core/")
             for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}
    found, grew = {"PlaygroundError"}, True
    while grew:
        new = {name for name, b in bases.items() if b & found} - found
        found |= new
        grew = bool(new)
    return found


def _is_super_init(node) -> bool:
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "__init__"
            and isinstance(node.func.value, ast.Call) and getattr(node.func.value.func, "id", None) == "super")


def _error_inits(files, errors):
    """(class name, ``__init__`` node) of every error class of core that defines its own."""
    for rel, tree in files:
        if rel.startswith("core/"):
            for cls in ast.walk(tree):
                if isinstance(cls, ast.ClassDef) and cls.name in errors:
                    for init in cls.body:
                        if isinstance(init, ast.FunctionDef) and init.name == "__init__":
                            yield cls.name, init


def _english_inits(files, errors) -> tuple[set[str], set[int]]:
    """Error classes of core whose own ``__init__`` gives the text, ``super().__init__(ja, en=...)``
    (the error shape, written once in the class, e.g. core.device.Busy): their names and the ids
    of those ``super().__init__`` calls."""
    classes, calls = set(), set()
    for name, init in _error_inits(files, errors):
        for node in ast.walk(init):
            if _is_super_init(node) and any(k.arg == "en" for k in node.keywords):
                classes.add(name)
                calls.add(id(node))
    return classes, calls


CJK = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]")  # kana, kanji, CJK and full-width punctuation


def _is_ja_slash_en(text: str) -> bool:
    """"日本語 / English": Japanese before a " / " and only English (a word of 4+ letters) after it,
    outside parentheses ("注意 (additive / dot-product)" is one term, not a pair)."""
    for m in re.finditer(r"\s?/ ", text):
        head, tail = text[:m.start()], text[m.end():]
        if (CJK.search(head) and not CJK.search(tail) and re.search(r"[A-Za-z]{4}", tail)
                and head.count("(") <= head.count(")")):
            return True
    return False


def _docstrings(tree) -> set[int]:
    return {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and node.body and isinstance(node.body[0], ast.Expr)}


def _old_shapes(files) -> dict[str, list[str]]:
    """Per file: en= outside a core exception, Msg(...) calls, (ja, en) parameter pairs,
    "日本語 / English" string literals (docstrings aside)."""
    files = list(files)
    errors = _error_classes(files)
    error_inits = _english_inits(files, errors)[1]
    init_defs = {id(init) for _, init in _error_inits(files, errors)}  # SomeError.__init__(self, ja, *, en)
    found: dict[str, list[str]] = {}
    for rel, tree in files:
        if rel.startswith("core/i18n/") or rel in DATA_FILES:
            continue
        docs = _docstrings(tree)
        for node in ast.walk(tree):
            what = None
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
                if _is_ja_slash_en(node.value):
                    what = f"'ja / en' string {node.value[:30]!r}"
            elif isinstance(node, ast.JoinedStr):
                if _is_ja_slash_en("".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)):
                    what = "'ja / en' f-string"
            elif isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", None))
                if name == "Msg":
                    what = "Msg("
                elif any(k.arg == "en" for k in node.keywords) and name not in errors and id(node) not in error_inits:
                    what = f"en= on {name}()"
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                params = {a.arg for a in node.args.posonlyargs + node.args.args + node.args.kwonlyargs}
                if "en" in params and id(node) not in init_defs:  # SomeError(message, *, en=...) is the error shape
                    what = f"parameter en in {getattr(node, 'name', 'lambda')}()"
            if what:
                found.setdefault(rel, []).append(f"{rel}:{node.lineno}: {what}")
    return found


def test_one_bilingual_shape_outside_the_tables():
    """UI text is a table key, an error is ``SomeError(ja, en=en)``: no core.Msg, no en= on
    anything but a core exception, no function taking a (ja, en) pair, no "日本語 / English"
    literal — outside core/i18n, the declared data files and the PENDING files (which must really
    still hold an old shape)."""
    found = _old_shapes(_python_files())
    assert not {rel: hits for rel, hits in found.items() if rel not in PENDING}
    assert not PENDING - set(found), f"PENDING entries already converted: {sorted(PENDING - set(found))}"


def test_the_shape_scan_finds_each_old_shape():
    code = """
from core import InvalidInput, Msg
def note(ja, en): return ja
label = Msg("ラベル", "label")
shown = format_note("ノート", en="note")
help = "類似語トップ N / most similar words"
term = "加法注意・内積注意 (additive / dot-product)"
raise InvalidInput("だめ", en="no")
class Busy(InvalidInput):
    def __init__(self):
        super().__init__("混んでいます", en="busy")
class Note(str):
    def __init__(self):
        super().__init__("ノート", en="note")
class Refused(InvalidInput):
    def __init__(self, message, *, en):
        super().__init__("使えません: " + message, en="Refused: " + en)
class Label(str):
    def __init__(self, ja, *, en): ...
"""
    files = [("core/__init__.py", ast.parse("class PlaygroundError(Exception): ...\n"
                                            "class InvalidInput(PlaygroundError): ...")),
             ("core/x.py", ast.parse(code))]
    hits = _old_shapes(files)["core/x.py"]
    assert sorted(h.split(": ", 1)[1] for h in hits) == [
        "'ja / en' string '類似語トップ N / most similar words'", "Msg(", "en= on __init__()",
        "en= on format_note()", "parameter en in __init__()", "parameter en in note()"]  # Note, Label: not errors
    assert _english_inits(files, _error_classes(files))[0] == {"Busy", "Refused"}
