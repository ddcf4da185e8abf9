"""The st.cache_resource pattern: loaders are cached process-wide and report to the registry."""
from core import registry, resources


def test_tokenizer_loader_is_cached_and_registered():
    assert resources.japanese_tokenizer_ready() is True
    assert resources.japanese_tokenizer_ready() is True  # second call: cached
    assert any("MeCab" in m["name"] for m in registry.loaded())


def test_device_probe_is_shared_and_finishes():
    a = resources.device_probe()
    b = resources.device_probe()
    assert a is b
    assert a.done.wait(60)
    assert a.error is None and a.info.type in ("cpu", "cuda", "mps")


def test_bar_figures_are_built_once_and_shared_read_only(monkeypatch):
    from core.figures import bars
    from pages.common import ui

    args = (("犬", "猫", "鳥"), (0.9, 0.5, 0.1))
    kw = dict(title="t", x_title="x", highlight=("鳥",), x_range=(-0.2, 1.0))
    shared = resources.bars_figure(*args, **kw)
    assert resources.bars_figure(*args, **kw) is shared  # one figure for the whole class
    assert shared.to_dict() == bars(*args, title="t", x_title="x", highlight={"鳥"}, x_range=(-0.2, 1.0)).to_dict()
    monkeypatch.setattr(ui, "presenter", lambda: True)
    styled = ui.style_figure(shared)
    assert styled.layout.font.size == 20 and shared.layout.font.size is None  # restyled on a copy


def test_neighbours_of_shared_vectors_are_computed_once_per_input(monkeypatch):
    import numpy as np
    from gensim.models import KeyedVectors

    from core.word2vec import query

    kv = KeyedVectors(vector_size=3)
    kv.add_vectors(["犬", "猫", "鳥", "車"], np.array([[1, 0, 0], [0.9, 0.1, 0], [0.5, 0.5, 0], [0, 0, 1]], dtype=np.float32))
    calls = []
    real = query.neighbors
    monkeypatch.setattr(query, "neighbors", lambda *a: calls.append(a[1:]) or real(*a))
    first = resources.word2vec_neighbors(kv, "test:tiny", "犬", 2)
    again = resources.word2vec_neighbors(kv, "test:tiny", "犬", 2)
    assert [w for w, _ in first.neighbors] == ["猫", "鳥"] and again.neighbors == first.neighbors
    assert calls == [("犬", 2)]


def test_shared_figures_are_built_once_per_input_and_tell_inputs_apart():
    """core.resources.shared_figure (issue 25, cheaper reruns): the same heatmap inputs give the
    same (figure, frame) object for every session; other values, shapes or options do not."""
    import torch

    from core.attention import figures as attention_figures

    M = torch.tensor([[0.1, 0.9], [0.6, 0.4]])
    first = resources.shared_figure(attention_figures.heatmap, M, ["a", "b"], ["a", "b"], title="w", zmin=0, zmax=1)
    again = resources.shared_figure(attention_figures.heatmap, M.clone(), ["a", "b"], ["a", "b"], title="w", zmin=0, zmax=1)
    assert again is first
    assert first[0].to_json() == attention_figures.heatmap(M, ["a", "b"], ["a", "b"], title="w", zmin=0, zmax=1)[0].to_json()
    others = [
        resources.shared_figure(attention_figures.heatmap, M * 2, ["a", "b"], ["a", "b"], title="w", zmin=0, zmax=1),  # values
        resources.shared_figure(attention_figures.heatmap, M.T.contiguous().reshape(1, 4), ["a"], list("abcd"), title="w",
                                zmin=0, zmax=1),  # shape
        resources.shared_figure(attention_figures.heatmap, M, ["a", "c"], ["a", "b"], title="w", zmin=0, zmax=1),  # labels
        resources.shared_figure(attention_figures.heatmap, M, ["a", "b"], ["a", "b"], title="w", zmin=0, zmax=2),  # option
        resources.shared_figure(attention_figures.heatmap, M.double(), ["a", "b"], ["a", "b"], title="w", zmin=0, zmax=1),  # dtype
    ]
    assert all(o is not first for o in others) and len({id(o) for o in others}) == len(others)


def test_a_shared_frames_csv_is_written_once_and_any_other_frame_anew():
    import pandas as pd

    from core.attention import figures as attention_figures
    from pages.common import ui

    _, shared = resources.shared_figure(attention_figures.heatmap, [[1.5, 2.0]], ["犬"], ["a", "b"], title="csv")
    csv = ui._csv(shared)
    assert csv == shared.to_csv(index=True).encode("utf-8-sig") and ui._csv(shared) is csv
    own = pd.DataFrame({"x": [3.0]}, index=["鳥"])  # a page's own frame: it may change it
    first = ui._csv(own)
    own.loc["鳥", "x"] = 4.0
    assert ui._csv(own) != first and id(own) not in ui._CSV
    copy = shared.copy()  # attrs travel with a copy: memoised by its own id, gone with it
    ui._csv(copy)
    key = id(copy)
    del copy
    assert key not in ui._CSV
