import pytest


@pytest.fixture(scope="session")
def tiny_marian(tmp_path_factory):
    """A tiny MarianMT directory (sentencepiece trained on the fly), built once per session."""
    from tests.seq2seq.tiny_marian import build

    return build(tmp_path_factory.mktemp("tiny_marian"))
