"""NLP Playground core: everything that computes. Importable without Streamlit.

Only ``core.resources`` imports streamlit (it holds every ``st.cache_resource`` loader).
"""

__all__ = ["PlaygroundError"]


class PlaygroundError(Exception):
    """Base class of the errors core raises for bad input or missing resources.

    ``message`` is Japanese and says what to do next; pages render it with st.warning/st.error,
    the CLI prints it and exits 2.
    """

    def __init__(self, message: str, *, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message if not self.hint else f"{self.message}\n{self.hint}"


class InvalidInput(PlaygroundError):
    """The user's input cannot be used (empty, wrong format, out of range)."""


class InputTooLong(InvalidInput):
    """The input exceeds a size cap."""


class OutOfVocabulary(PlaygroundError):
    """A word is not in the vocabulary. ``suggestions`` lists close in-vocabulary spellings."""

    def __init__(self, message: str, *, word: str = "", suggestions: list[str] | None = None,
                 hint: str | None = None):
        super().__init__(message, hint=hint)
        self.word = word
        self.suggestions = list(suggestions or [])


class ModelUnavailable(PlaygroundError):
    """A model (hub id or local directory) cannot be loaded here; ``hint`` holds the fetch command."""


class TrainingDiverged(PlaygroundError):
    """Training produced NaN/inf loss (e.g. learning rate too large)."""
