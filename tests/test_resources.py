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
