"""Tiny recurrent models run fastest on one CPU thread (see core.training.single_thread)."""
import pytest


@pytest.fixture(autouse=True)
def _one_thread():
    from core.training import single_thread

    with single_thread():
        yield
