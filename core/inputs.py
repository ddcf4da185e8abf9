"""One place for the checks every text field gets before any filesystem, network or model work.

A shared class server takes text from every student: the checks below run first, on the raw
value of the widget (or the CLI argument), and refuse with a Japanese message that says what to
do next:

- a length cap (``limit`` characters; one-line fields :data:`LINE_LIMIT`, text areas
  :data:`AREA_LIMIT`) → :class:`core.InputTooLong`;
- control characters (NUL and the other C0/C1 controls, lone surrogates; tab and line breaks
  are allowed in text areas) → :class:`core.InvalidInput`;
- path traversal (a ``..`` path segment such as ``../../etc/passwd``) → :class:`core.InvalidInput`.

Everything else (emoji with zero-width joiners, HTML, template strings, [MASK], SQL) is plain
text to this app: it is never evaluated, never put into HTML unescaped, never used as a path.

:func:`name` is the stricter check of a name that becomes a directory (saved models).
"""
from __future__ import annotations

import re
import unicodedata

from core import InputTooLong, InvalidInput, term_en

LINE_LIMIT = 1000  # one-line fields (a word, a sentence, a model id)
AREA_LIMIT = 20_000  # text areas (a short corpus, a batch of sentences)
NAME_LIMIT = 64  # a saved model's name (a directory)

# one message prefix for every refusal of this module (pages and the hostile sweep look for it)
REFUSED = "この入力は使えません"
REFUSED_EN = "This input cannot be used"



class Refused(InvalidInput):
    """A student's input the server refuses for its own reason (a model outside the teacher's
    list, a folder outside the allowed roots): ``Refused(ja, en=en)``, the message prefixed with
    :data:`REFUSED` / :data:`REFUSED_EN` like every refusal of this module."""

    def __init__(self, message: str, *, en: str):
        super().__init__(f"{REFUSED}: {message}", en=f"{REFUSED_EN}: {en}")


_TRAVERSAL = re.compile(r"(^|[\\/])\.\.([\\/]|$)")
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_ALLOWED_CONTROLS = {"\t", "\n", "\r"}


def _label(label: str | None) -> str:
    return f"「{label}」" if label else ""


def _label_en(label: str | None) -> str:
    return f' ("{term_en(label)}")' if label else ""


def bad_character(value: str, *, multiline: bool = True) -> str | None:
    """The first character that is not allowed in a text field (as ``U+XXXX``), or None."""
    allowed = _ALLOWED_CONTROLS if multiline else {"\t"}
    for ch in value:
        if ch in allowed:
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cs"):
            return f"U+{ord(ch):04X}"
    return None


def text(value, *, label: str | None = None, limit: int = LINE_LIMIT, multiline: bool = False) -> str:
    """``value`` unchanged when it passes the checks above; else InvalidInput / InputTooLong.

    ``None`` counts as empty (""). Empty and spaces-only pass: whether a field may be empty is
    the caller's business (most pages then say what to type)."""
    s = "" if value is None else str(value)
    if len(s) > limit:
        raise InputTooLong(
            f"{REFUSED}: {_label(label)}が長すぎます（{len(s):,} 文字。{limit:,} 文字までです）。"
            "短くしてからもう一度入力してください。",
            en=f"{REFUSED_EN}{_label_en(label)}: too long ({len(s):,} characters; at most {limit:,}). "
               "Shorten it and enter it again.")
    bad = bad_character(s, multiline=multiline)
    if bad is not None:
        raise InvalidInput(
            f"{REFUSED}: {_label(label)}に制御文字（{bad}。NUL など目に見えない文字）が含まれています。"
            "ふつうの文字だけを入力してください（コピー元の文字化けにも注意）。",
            en=f"{REFUSED_EN}{_label_en(label)}: it contains a control character ({bad}; an invisible character such as NUL). "
               "Enter ordinary characters only (watch for garbled text from where you copied it).")
    if _TRAVERSAL.search(s):
        raise InvalidInput(
            f"{REFUSED}: {_label(label)}にパスをさかのぼる「..」（path traversal）が含まれています。"
            "ファイルの場所ではなく、文や単語を入力してください。",
            en=f"{REFUSED_EN}{_label_en(label)}: it contains \"..\", which climbs up a path (path traversal). "
               "Enter a sentence or words, not a file location.")
    return s


def area(value, *, label: str | None = None, limit: int = AREA_LIMIT) -> str:
    """:func:`text` for a text area (line breaks and tabs allowed, a larger cap)."""
    return text(value, label=label, limit=limit, multiline=True)


def name(value, *, label: str | None = "保存名", limit: int = NAME_LIMIT) -> str:
    """A name that becomes one directory: letters, digits and ``. _ -``, starting with a letter
    or digit, no ``..``. Returns the stripped name."""
    s = text(value, label=label, limit=limit).strip()
    if not s or not _NAME.fullmatch(s) or ".." in s:
        raise InvalidInput(
            f"{REFUSED}: {_label(label)}は英数字と . _ - だけ（先頭は英数字、{limit} 文字まで、「..」なし）に"
            "してください。例: my-bert-pn",
            en=f"{REFUSED_EN}{_label_en(label)}: use only letters, digits and . _ - (starting with a letter or digit, up to {limit} characters, no \"..\"). "
               "Example: my-bert-pn")
    return s
