"""NLP Playground core: everything that computes. Importable without Streamlit.

Only ``core.resources`` imports streamlit (it holds every ``st.cache_resource`` loader).
"""

import re

__all__ = ["PlaygroundError", "term_en"]

_EN_TERM = re.compile(r"\(([^()]*[A-Za-z][^()]*)\)\s*$")


def term_en(name: str, cap: bool = False) -> str:
    """The English of a Japanese field name for an English message: the term in parentheses
    ("学習率 (learning rate)" → "learning rate"), else a generic word ("文" → "input");
    ``cap``: capitalised, for the start of a sentence."""
    m = _EN_TERM.search(str(name))
    term = m.group(1) if m else (str(name) if str(name).isascii() else "input")
    return term[:1].upper() + term[1:] if cap else term


class PlaygroundError(Exception):
    """Base class of the errors core raises for bad input or missing resources.

    Every error comes in both UI languages: ``message`` is Japanese (what the CLI prints) and
    ``en`` English; both say what to do next. ``text(lang)`` / ``hint_text(lang)`` give the one
    for a UI language — pages render it with st.warning/st.error, the CLI prints the Japanese
    one and exits 2. ``hint`` is usually a command (the same in both languages); a hint in
    words has its English in ``hint_en``.
    """

    def __init__(self, message: str, *, en: str | None = None, hint: str | None = None,
                 hint_en: str | None = None):
        super().__init__(message)
        self.message = message
        self.en = en
        self.hint = hint
        self.hint_en = hint_en

    def text(self, lang: str = "ja") -> str:
        """The message in ``lang`` ("ja" or "en"; Japanese where no English was given)."""
        return (self.en or self.message) if lang == "en" else self.message

    def hint_text(self, lang: str = "ja") -> str | None:
        return (self.hint_en or self.hint) if lang == "en" else self.hint

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message if not self.hint else f"{self.message}\n{self.hint}"


class InvalidInput(PlaygroundError):
    """The user's input cannot be used (empty, wrong format, out of range)."""


class InputTooLong(InvalidInput):
    """The input exceeds a size cap."""


class OutOfVocabulary(PlaygroundError):
    """A word is not in the vocabulary. ``suggestions`` lists close in-vocabulary spellings."""

    def __init__(self, message: str, *, word: str = "", suggestions: list[str] | None = None, **kw):
        super().__init__(message, **kw)
        self.word = word
        self.suggestions = list(suggestions or [])


class ModelUnavailable(PlaygroundError):
    """A model (hub id or local directory) cannot be loaded here; ``hint`` holds the fetch command."""


class TrainingDiverged(PlaygroundError):
    """Training produced NaN/inf loss (e.g. learning rate too large)."""
