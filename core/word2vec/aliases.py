"""chiVe's ~460k alias keys (keys that share the row of a kept word) as a memory-mapped table.

As a Python dict ({alias: row word}) the table costs ≈ 157 MB of heap per server process and
0.34 s to parse, paid by the first student who types a word that is only an alias — that was
most of a long class's memory growth. Here it is three ``.npy`` files written once by the
converter (core/word2vec/chive.py) and mapped read-only, shared by every process of a hall:

    aliases-keys.npy     uint8[B]   the alias keys, UTF-8, sorted bytewise, concatenated
    aliases-offsets.npy  int64[n+1] key i is keys[offsets[i]:offsets[i+1]]
    aliases-rows.npy     int32[n]   key i → the index of its row word in ``index_to_key``

Lookup is a binary search over the sorted keys (≈ 19 comparisons, tens of µs); UTF-8 byte
order is code-point order, so bytes sorted once here compare the same way at lookup.
"""
from __future__ import annotations

import pathlib
from collections.abc import Iterator, Mapping, Sequence

import numpy as np

FILES = ("aliases-keys.npy", "aliases-offsets.npy", "aliases-rows.npy")


def write(out_dir: pathlib.Path, aliases: Mapping[str, int]) -> None:
    """Write {alias key: row index} as the table's three files in ``out_dir``."""
    items = sorted((key.encode("utf-8"), row) for key, row in aliases.items())
    lengths = np.fromiter((len(k) for k, _ in items), dtype=np.int64, count=len(items))
    offsets = np.zeros(len(items) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    keys = np.frombuffer(b"".join(k for k, _ in items), dtype=np.uint8)
    rows = np.fromiter((r for _, r in items), dtype=np.int32, count=len(items))
    for name, array in zip(FILES, (keys, offsets, rows)):
        np.save(out_dir / name, array)


class AliasTable(Mapping):
    """{alias key: row word} over the mapped files; ``words`` is the vectors' ``index_to_key``."""

    def __init__(self, directory: pathlib.Path, words: Sequence[str]):
        self.blob, self.offsets, self.rows = (np.load(directory / name, mmap_mode="r") for name in FILES)
        self.words = words

    def _key(self, i: int) -> bytes:
        return self.blob[self.offsets[i]:self.offsets[i + 1]].tobytes()

    def _find(self, word: str) -> int:
        """The index of ``word`` among the sorted keys, or -1."""
        target = word.encode("utf-8")
        lo, hi = 0, len(self.rows)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._key(mid) < target:
                lo = mid + 1
            else:
                hi = mid
        return lo if lo < len(self.rows) and self._key(lo) == target else -1

    def __getitem__(self, word: str) -> str:
        i = self._find(word) if isinstance(word, str) else -1
        if i < 0:
            raise KeyError(word)
        return self.words[int(self.rows[i])]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._find(word) >= 0

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[str]:
        return (self._key(i).decode("utf-8") for i in range(len(self.rows)))
