"""The embedded chiVe vectors of ja_ginza → a gensim KeyedVectors file in the user cache.

ja_ginza ships chiVe in spaCy's format (site-packages/ja_ginza/ja_ginza-<ver>/vocab):
``vectors`` (20,000 × 300 float32), ``key2row`` (msgpack {hash: row}, ~480k keys) and
``strings.json`` (the strings behind the hashes). ``spacy init vectors --prune`` keeps the most
frequent rows and points every pruned key at the row of its nearest kept word; key2row keeps
insertion order, kept rows first in frequency order — so the first key seen for a row is the
word the row was trained for (row 0 = の, 1 = 、 …). We write one key per row (frequency
order) to ``vectors.kv`` and all other keys to a memory-mapped alias table (aliases.py:
{key: row word}), once, into ``$PLAYGROUND_CACHE_DIR`` or ``~/.cache/nlp-playground``
(core.paths) (atomic rename; safe with several processes).
"""
from __future__ import annotations

import json
import os
import pathlib
import shutil
import threading
import time

import numpy as np

from core import ModelUnavailable
from core.paths import build_into
from core.word2vec import aliases as alias_table

FORMAT_VERSION = 3  # 3: aliases as a memory-mapped table (aliases.py), was aliases.json

_lock = threading.Lock()


def cache_dir() -> pathlib.Path:
    from core.paths import cache_root

    return cache_root()


def ginza_vocab_dir() -> pathlib.Path:
    """site-packages/ja_ginza/ja_ginza-<ver>/vocab (raises ModelUnavailable if absent)."""
    import importlib.util

    # find_spec, not import: importing ja_ginza imports spaCy, thinc and torch (seconds)
    spec = importlib.util.find_spec("ja_ginza")
    if spec is None or not spec.origin:
        raise ModelUnavailable("埋め込みの chiVe ベクトル（ja_ginza パッケージ）が見つかりません。",
                               en="The bundled chiVe vectors (the ja_ginza package) were not found.",
                               hint="pip install ja-ginza")
    root = pathlib.Path(spec.origin).resolve().parent
    for vocab in sorted(root.glob("ja_ginza-*/vocab")):
        if (vocab / "vectors").exists() and (vocab / "key2row").exists():
            return vocab
    raise ModelUnavailable("ja_ginza の中に chiVe ベクトル（vocab/vectors, key2row）が見つかりません。",
                           en="No chiVe vectors (vocab/vectors, key2row) found inside ja_ginza.",
                           hint="pip install --force-reinstall ja-ginza")


def _chive_target() -> pathlib.Path:
    vocab = ginza_vocab_dir()
    return cache_dir() / "word2vec" / f"chive-{vocab.parent.name}-v{FORMAT_VERSION}"


def convert_chive(vocab: pathlib.Path, out_dir: pathlib.Path) -> dict:
    """Convert spaCy vectors (vectors, key2row, strings.json) into ``out_dir``:
    ``vectors.kv`` (+ .npy, gensim) and the alias table (aliases.py). Returns stats."""
    import srsly
    from gensim.models import KeyedVectors

    hash_string = _spacy_hash()
    t0 = time.perf_counter()
    table = np.load(vocab / "vectors")
    key2row = srsly.read_msgpack(vocab / "key2row")  # insertion order: kept rows first (freq order)
    strings = srsly.read_json(vocab / "strings.json")
    by_hash = {hash_string(s): s for s in strings}
    row_word: dict[int, str] = {}
    aliases: dict[str, int] = {}
    for key, row in key2row.items():
        word = by_hash.get(key)
        if word is None:
            continue
        if row not in row_word:
            row_word[row] = word
        else:
            aliases[word] = row
    rows = sorted(row_word)  # row order == frequency order for ja_ginza
    kv = KeyedVectors(vector_size=table.shape[1], count=0, dtype=np.float32)
    kv.add_vectors([row_word[r] for r in rows], table[rows].astype(np.float32))
    assert len(kv.index_to_key) == len(rows) == kv.vectors.shape[0]
    out_dir.mkdir(parents=True, exist_ok=True)
    kv.save(str(out_dir / "vectors.kv"), sep_limit=1024 * 1024)
    index = {r: i for i, r in enumerate(rows)}  # spaCy row → its row word's index in vectors.kv
    alias_table.write(out_dir, {a: index[r] for a, r in aliases.items() if r in index})
    stats = {"rows": len(rows), "aliases": len(aliases), "keys": len(key2row),
             "seconds": round(time.perf_counter() - t0, 2), "source": str(vocab)}
    (out_dir / "meta.json").write_text(json.dumps(stats, ensure_ascii=False), encoding="utf-8")
    return stats


def _spacy_hash():
    """spaCy's string hash (MurmurHash64A of the UTF-8 bytes, seed 1). Called straight from the
    murmurhash library through ctypes: ``spacy.strings.hash_string`` would import spaCy, thinc
    and torch first (seconds). Falls back to spaCy when the symbol is not there."""
    try:
        import ctypes
        import glob

        import murmurhash

        so = glob.glob(os.path.join(os.path.dirname(murmurhash.__file__), "mrmr*.so"))[0]
        fn = ctypes.CDLL(so)._Z13MurmurHash64APKvim  # uint64 MurmurHash64A(const void*, int, uint64)
        fn.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.c_uint64]
        fn.restype = ctypes.c_uint64

        def hash_string(text: str) -> int:
            data = text.encode("utf-8")
            return fn(data, len(data), 1)

        if hash_string("猫") == 12262475268243743508:  # spaCy's value, checked once
            return hash_string
    except (ImportError, IndexError, OSError, AttributeError):
        pass
    from spacy.strings import hash_string

    return hash_string


def ensure_converted() -> pathlib.Path:
    """The directory of the converted vectors (converting on first use)."""
    target = _chive_target()
    if (target / "meta.json").exists():
        return target
    with _lock:
        if (target / "meta.json").exists():
            return target
        build_into(target, lambda tmp: convert_chive(ginza_vocab_dir(), tmp), done="meta.json")
        _remove_older_formats(target)
    return target


def _remove_older_formats(target: pathlib.Path) -> None:
    """Older conversions of the same vectors (``…-v2`` beside ``…-v3``) are dead weight in the
    user's cache once the new one is built (a process still mapping one keeps its open files)."""
    stem = target.name.rsplit("-v", 1)[0]
    for old in target.parent.glob(f"{stem}-v*"):
        version = old.name.rsplit("-v", 1)[1]
        if old.is_dir() and version.isdigit() and int(version) < FORMAT_VERSION:
            shutil.rmtree(old, ignore_errors=True)
