"""Issue 24 on the word2vec page: a projection of the shared vectors is computed once for the
class and never waits behind another student's training."""
from __future__ import annotations

import threading

from core.i18n import t
from tests.conftest import assert_no_exception
from tests.word2vec.apptest import open_tab

TSNE = {"w2v_proj_mode": t("w2v.proj.mode.list", "ja"), "w2v_proj_method": "t-SNE"}


def _counting_project(monkeypatch) -> list:
    from core import resources
    from core.word2vec import project

    calls = []
    real = project.project
    monkeypatch.setattr(project, "project", lambda v, m="pca", d=2, **kw: calls.append(m) or real(v, m, d, **kw))
    resources.word2vec_projection.clear()
    return calls


def test_tsne_of_shared_vectors_is_computed_once_for_everybody(monkeypatch):
    calls = _counting_project(monkeypatch)
    first = open_tab("w2v.tab.projection", query=TSNE)
    assert_no_exception(first)
    assert calls == ["tsne"]
    second = open_tab("w2v.tab.projection", query=TSNE)  # another student, same words
    assert_no_exception(second)
    assert calls == ["tsne"] and second.get("plotly_chart")


def test_projection_does_not_wait_behind_training(monkeypatch):
    """Another session holds the heavy lane (a long training): the projection still draws."""
    from core import device

    _counting_project(monkeypatch)
    inside, leave = threading.Event(), threading.Event()

    def training():
        with device.heavy_work(owner="other-student"):
            inside.set()
            leave.wait(300)

    th = threading.Thread(target=training)
    th.start()
    try:
        assert inside.wait(30)
        at = open_tab("w2v.tab.projection", query=TSNE, timeout=60)
        assert_no_exception(at)
        assert at.get("plotly_chart")
    finally:
        leave.set()
        th.join(30)
