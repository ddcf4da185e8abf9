import pytest

from core import InputTooLong, InvalidInput, text


def test_tokenize_gives_surface_lemma_pos():
    toks = text.tokenize("猫が走った")
    assert [t.surface for t in toks] == ["猫", "が", "走っ", "た"]
    assert toks[2].lemma == "走る"
    assert toks[0].pos == "名詞"


def test_lecture_example_tokens():
    assert text.wakati("今日は朝早く起きました。") == ["今日", "は", "朝", "早く", "起き", "まし", "た", "。"]


def test_tokenize_empty_and_whitespace():
    assert text.tokenize("") == []
    assert text.tokenize("   \n ") == []


def test_sudachi_normalisation_matches_chive_keys():
    assert text.sudachi_normalize("コンピュータ") == "コンピューター"


def test_require_text():
    assert text.require_text("  こんにちは ") == "こんにちは"
    with pytest.raises(InvalidInput, match="空"):
        text.require_text("   ")
    with pytest.raises(InputTooLong):
        text.require_text("あ" * 10_000, max_chars=100)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932", "shift_jis"])
def test_decode_upload_encodings(encoding):
    original = "吾輩は猫である。名前はまだ無い。①"
    if encoding == "shift_jis":
        original = original.replace("①", "")
    assert text.decode_upload(original.encode(encoding)) == original


def test_decode_upload_rejects_binary_empty_and_oversize():
    with pytest.raises(InvalidInput, match="バイナリ"):
        text.decode_upload(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InvalidInput, match="空"):
        text.decode_upload(b"")
    with pytest.raises(InputTooLong):
        text.decode_upload(b"a" * 2000, max_bytes=1000)


def test_decode_upload_normalises_newlines():
    assert text.decode_upload("一\r\n二\r三".encode()) == "一\n二\n三"


def _dictionary_maps() -> int:
    """How many times unidic-lite's sys.dic is mapped into this process (Linux)."""
    with open("/proc/self/maps") as f:
        return sum(1 for line in f if line.rstrip().endswith("sys.dic"))


def test_a_new_thread_per_page_run_reuses_the_taggers():
    """Streamlit runs every page run in a new thread. A tagger per thread was a new tagger per
    run, and fugashi never unmaps a tagger's dictionary: the soak's server grew by GBs (issue 24).
    Sequential fresh threads must share the pooled taggers."""
    import os
    import threading

    text.tokenize("準備")
    text.sudachi_normalize("準備")
    made = (text._taggers.made, text._sudachis.made)
    maps = _dictionary_maps() if os.path.exists("/proc/self/maps") else None
    for _ in range(8):
        th = threading.Thread(target=lambda: (text.tokenize("今日は朝早く起きました。"),
                                              text.sudachi_normalize("コンピュータ")))
        th.start()
        th.join()
    assert (text._taggers.made, text._sudachis.made) == made
    if maps is not None:
        assert _dictionary_maps() == maps


def test_taggers_in_use_at_once_are_distinct():
    """MeCab taggers are not thread-safe: a borrowed tagger is nobody else's until returned."""
    with text.japanese_tagger() as a, text.japanese_tagger() as b:
        assert a is not b
        assert [w.surface for w in a("猫が")] == ["猫", "が"]
        made = text._taggers.made
    with text.japanese_tagger() as c:  # one that went back is lent again (whichever: FIFO, and
        assert c is not None and text._taggers.made == made  # other tests may have left more idle)


def test_at_most_size_taggers_exist_and_a_further_borrower_waits():
    import threading

    pool = text._Pool(object, size=2)
    got: list = []
    with pool.borrow() as a, pool.borrow() as b:
        th = threading.Thread(target=lambda: got.append(pool.borrow().__enter__()))
        th.start()
        th.join(0.2)  # waits while both are out
        assert got == [] and pool.made == 2
    th.join(10)
    assert got and got[0] in (a, b) and pool.made == 2
