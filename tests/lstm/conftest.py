"""Tiny recurrent models run fastest on one CPU thread (see core.lstm.train.single_thread)."""
import pytest


@pytest.fixture(autouse=True)
def _one_thread():
    from core.lstm.train import single_thread

    with single_thread():
        yield
