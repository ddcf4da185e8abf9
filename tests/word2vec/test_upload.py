"""Issue 24: an uploaded vectors file cannot exhaust the machine. The header (words,
dimensions) and the decompressed size are checked against the operator's limits before any
allocation, for text and binary, gzip or not; one uploaded set per session."""
from __future__ import annotations

import gzip
import tracemalloc

import pytest

from core import InputTooLong, InvalidInput
from core.word2vec import upload
from tests.conftest import assert_no_exception
from tests.word2vec.apptest import open_tab, warnings


@pytest.fixture
def traced():
    """The peak of Python-visible allocations (numpy's arrays included) during the test."""
    tracemalloc.start()
    tracemalloc.reset_peak()
    yield lambda: tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()


def test_gzip_header_bomb_is_refused_before_any_allocation(traced):
    """A .bin.gz that asks for 20,000 × 10,000 floats (800 MB) in a few hundred bytes: refused
    through the page's loading path (the upload widget) with a message, nothing allocated."""
    at = open_tab("w2v.tab.neighbors")
    tracemalloc.reset_peak()
    bomb = gzip.compress(b"20000 10000\n" + b"\0" * 4096)
    at.file_uploader(key="w2v_vec_upload").set_value(("bomb.bin.gz", bomb, "application/gzip")).run()
    assert_no_exception(at)
    assert any("大きすぎ" in w and "PLAYGROUND_W2V_MAX" in w for w in warnings(at))
    assert not at.session_state["w2v_uploaded"]
    assert traced() < 200, f"peak {traced():.0f} MB"  # gensim alone allocates 800 MB from the header


@pytest.mark.parametrize("header", [b"200000 300\n", b"1000 5000\n", b"900000 10\n"])
def test_header_over_each_limit(header, traced):
    limits = upload.Limits(max_words=100_000, max_dims=1_000, max_matrix_bytes=64 << 20, max_file_bytes=64 << 20)
    for data in (header + b"x", gzip.compress(header + b"x")):
        with pytest.raises(InputTooLong):
            upload.load_upload("v.txt", data, limits)
    assert traced() < 50


def test_decompressed_size_is_capped_while_streaming(monkeypatch, traced):
    monkeypatch.setenv(upload.MAX_FILE_MB_ENV, "1")
    monkeypatch.setattr(upload, "MAX_WORD_BYTES", 1 << 20)  # the header's bound out of the way
    data = gzip.compress(b"10 10\n" + b"0 " * (4 << 20))  # 8 MB once decompressed
    tracemalloc.reset_peak()
    with pytest.raises(InputTooLong, match="MAX_FILE_MB"):
        upload.load_upload("v.txt.gz", data)
    assert traced() < 20  # streamed in 1 MB pieces, never all of it


def test_decompression_stops_at_what_the_header_can_describe(traced):
    """A header within every limit, then far more bytes than 10 words × 10 numbers can take:
    cut at the header's bound (kilobytes), not at the server's file cap (hundreds of MB)."""
    data = gzip.compress(b"10 10\n" + b"0 " * (8 << 20))
    tracemalloc.reset_peak()  # the test's own 16 MB to compress are not the loader's
    with pytest.raises(InputTooLong, match="1 行目"):
        upload.load_upload("v.txt.gz", data)
    assert upload.most_bytes(10, 10, binary=None) < 20_000 and traced() < 20


def test_header_that_lies_is_refused():
    with pytest.raises(InvalidInput, match="データがありません"):
        upload.load_upload("v.bin", b"5000 300\n" + b"\0" * 100)
    with pytest.raises(InvalidInput, match="データがありません"):
        upload.load_upload("v.txt.gz", gzip.compress(b"5000 300\nword 0.1\n"))


@pytest.mark.parametrize("binary", [True, False])
def test_text_and_binary_gzip_or_not_still_load(tiny_kv, tmp_path, binary):
    f = tmp_path / ("v.bin" if binary else "v.txt")
    tiny_kv.save_word2vec_format(str(f), binary=binary)
    raw = f.read_bytes()
    for name, data in ((f.name, raw), (f.name + ".gz", gzip.compress(raw)), ("vectors.gz", gzip.compress(raw))):
        kv = upload.load_upload(name, data)
        assert kv.index_to_key == tiny_kv.index_to_key and kv.vector_size == tiny_kv.vector_size


def test_one_uploaded_vector_set_per_session(tiny_kv, tmp_path):
    f = tmp_path / "v.txt"
    tiny_kv.save_word2vec_format(str(f), binary=False)
    at = open_tab("w2v.tab.neighbors")
    at.file_uploader(key="w2v_vec_upload").set_value(("a.txt", f.read_bytes(), "text/plain")).run()
    at.file_uploader(key="w2v_vec_upload").set_value(("b.txt", f.read_bytes(), "text/plain")).run()
    assert_no_exception(at)
    assert list(at.session_state["w2v_uploaded"]) == ["upload:b.txt"]
    assert at.session_state["w2v_source"] == "upload:b.txt"


def test_uploaded_vectors_go_with_the_session(tiny_kv, tmp_path):
    """Nothing outside the session keeps an uploaded vector set: when the session is gone, so is
    the memory."""
    import gc
    import weakref

    f = tmp_path / "v.txt"
    tiny_kv.save_word2vec_format(str(f), binary=False)
    at = open_tab("w2v.tab.neighbors")
    at.file_uploader(key="w2v_vec_upload").set_value(("mine.txt", f.read_bytes(), "text/plain")).run()
    at.run()  # the neighbours tab works on it once (char index, norms, caches)
    ref = weakref.ref(at.session_state["w2v_uploaded"]["upload:mine.txt"])
    del at
    gc.collect()
    assert ref() is None
