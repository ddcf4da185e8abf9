"""Vectors a student uploads, checked against the operator's limits before any allocation.

A word2vec file says in its first line how much memory it wants: ``<words> <dimensions>``, and
gensim allocates ``words × dimensions × 4`` bytes from that line before reading a vector. A gzip
file decompresses to what it wants: an 860 KB ``.bin.gz`` of 20,000 × 10,000 zeros took
1.68 GB of RAM to load. So, in this order, nothing large is allocated before the checks pass:

1. the header line is read (only it is decompressed): words ≤ ``PLAYGROUND_W2V_MAX_WORDS``,
   dimensions ≤ ``PLAYGROUND_W2V_MAX_DIMS``, and the matrix ``words × dimensions × 4`` bytes ≤
   ``PLAYGROUND_W2V_MAX_MB``;
2. gzip (recognised by its magic bytes, whatever the name says) is decompressed as a stream
   into a temporary file, stopping at ``PLAYGROUND_W2V_MAX_FILE_MB`` decompressed bytes, or
   earlier at the most that the header can describe;
3. the file must be big enough to hold what the header declares (each binary entry takes at
   least ``4·d + 2`` bytes, each text line ``2·d + 2``): a header that lies is refused;
4. only then gensim reads the (uncompressed) file.

Text and binary word2vec formats; gensim's pickled ``.kv`` is never accepted from a student.
"""
from __future__ import annotations

import os
import pathlib
import tempfile
import zlib
from dataclasses import dataclass

from core import InputTooLong, InvalidInput

MAX_WORDS_ENV = "PLAYGROUND_W2V_MAX_WORDS"
MAX_DIMS_ENV = "PLAYGROUND_W2V_MAX_DIMS"
MAX_MB_ENV = "PLAYGROUND_W2V_MAX_MB"  # the matrix in memory
MAX_FILE_MB_ENV = "PLAYGROUND_W2V_MAX_FILE_MB"  # the decompressed file
DEFAULTS = {MAX_WORDS_ENV: 200_000, MAX_DIMS_ENV: 1_000, MAX_MB_ENV: 128, MAX_FILE_MB_ENV: 256}
GZIP_MAGIC = b"\x1f\x8b"
HEADER_LIMIT = 64  # bytes of the first line "<words> <dims>"
MAX_WORD_BYTES = 1024  # a word's bytes in the file (with its separator), at most
MAX_NUMBER_BYTES = 32  # one number of the text format ("-0.12345678901234567e-05 "), at most
CHUNK = 1 << 20


@dataclass(frozen=True)
class Limits:
    max_words: int
    max_dims: int
    max_matrix_bytes: int
    max_file_bytes: int

    @classmethod
    def from_env(cls) -> Limits:
        def number(env: str) -> float:
            try:
                value = float(os.environ.get(env, "").strip() or "nan")
            except ValueError:
                value = float("nan")
            return value if value > 0 else float(DEFAULTS[env])

        return cls(int(number(MAX_WORDS_ENV)), int(number(MAX_DIMS_ENV)),
                   int(number(MAX_MB_ENV) * 2**20), int(number(MAX_FILE_MB_ENV) * 2**20))


def _too_big(what: str, what_en: str, value: str, limit: str, env: str) -> InputTooLong:
    return InputTooLong(f"ベクトルのファイルの{what}が大きすぎます（{value}）。このサーバーでは {limit} までです（{env}）。",
                        en=f"The vector file's {what_en} is too large ({value}). This server allows {limit} ({env}).")


def most_bytes(words: int, dims: int, *, binary: bool | None) -> int:
    """The largest file a header ``words dims`` can honestly describe (each entry: a word of at
    most MAX_WORD_BYTES, then 4-byte floats or numbers of at most MAX_NUMBER_BYTES)."""
    per = MAX_WORD_BYTES + dims * (4 if binary else MAX_NUMBER_BYTES) + 2
    return HEADER_LIMIT + words * per


def _too_much(max_bytes: int) -> InputTooLong:
    return InputTooLong(f"ベクトルのファイルが、1 行目の語数・次元数か、このサーバーの上限（{MAX_FILE_MB_ENV}）より"
                        f"大きく展開されます（{max_bytes / 2**20:,.1f} MB まで）。",
                        en=f"The vector file decompresses to more than its line 1 (words, dimensions) or this "
                           f"server's limit ({MAX_FILE_MB_ENV}) allows (at most {max_bytes / 2**20:,.1f} MB).")


def decompress_into(data: bytes, out, max_bytes: int) -> int:
    """Write ``data`` (gzip or not) to the binary file ``out``, decompressing gzip as a stream and
    refusing more than ``max_bytes`` of output. Returns the bytes written."""
    if not data.startswith(GZIP_MAGIC):
        if len(data) > max_bytes:
            raise _too_much(max_bytes)
        out.write(data)
        return len(data)
    written = 0
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    rest = data
    try:
        while True:
            chunk = d.decompress(rest, CHUNK)  # at most CHUNK bytes out: a bomb never sits in memory
            rest = d.unconsumed_tail
            written += len(chunk)
            if written > max_bytes:
                raise _too_much(max_bytes)
            out.write(chunk)
            if d.eof:
                if not d.unused_data.startswith(GZIP_MAGIC):
                    break
                rest, d = d.unused_data, zlib.decompressobj(16 + zlib.MAX_WBITS)  # the next gzip member
            elif not chunk and not rest:
                raise zlib.error("truncated")
    except zlib.error as exc:
        raise InvalidInput("gzip の展開に失敗しました（壊れたファイル）。",
                           en="Could not decompress the gzip file (it is broken).") from exc
    return written


def head_of(data: bytes, n: int = HEADER_LIMIT) -> bytes:
    """The first ``n`` bytes of the file (decompressed when it is gzip), nothing more."""
    if not data.startswith(GZIP_MAGIC):
        return data[:n]
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, n)
    except zlib.error as exc:
        raise InvalidInput("gzip の展開に失敗しました（壊れたファイル）。",
                           en="Could not decompress the gzip file (it is broken).") from exc


def read_header(head: bytes) -> tuple[int, int, int]:
    """(words, dimensions, header length in bytes) from the first line ``<words> <dims>``."""
    line, nl, _ = head[:HEADER_LIMIT].partition(b"\n")
    parts = line.split()
    if not nl or len(parts) != 2 or not all(p.isdigit() for p in parts):
        raise InvalidInput("ベクトルのファイルとして読めません: 1 行目が「語数 次元数」ではありません。"
                           "word2vec 形式（テキストまたはバイナリ）のファイルを使ってください。",
                           en='Cannot read it as a vector file: line 1 is not "count dimensions". '
                              "Use a word2vec file (text or binary).")
    return int(parts[0]), int(parts[1]), len(line) + 1


def check_header(words: int, dims: int, limits: Limits) -> None:
    """Refuse a header over the operator's limits."""
    if words < 1 or dims < 1:
        raise InvalidInput("語数と次元数は 1 以上にしてください（1 行目）。",
                           en="The word count and the dimensions (line 1) must be at least 1.")
    if words > limits.max_words:
        raise _too_big("語数", "word count", f"{words:,}", f"{limits.max_words:,}", MAX_WORDS_ENV)
    if dims > limits.max_dims:
        raise _too_big("次元数", "dimensions", f"{dims:,}", f"{limits.max_dims:,}", MAX_DIMS_ENV)
    matrix = words * dims * 4
    if matrix > limits.max_matrix_bytes:
        raise _too_big("行列（語数 × 次元数 × 4 バイト）", "matrix (words × dimensions × 4 bytes)",
                       f"{matrix / 2**20:,.0f} MB", f"{limits.max_matrix_bytes / 2**20:,.0f} MB", MAX_MB_ENV)


def check_body(words: int, dims: int, body_bytes: int, *, binary: bool | None) -> None:
    """Refuse a header that declares more than the file holds (``binary`` None: the format is
    not known yet, the looser text bound applies)."""
    least = words * ((4 * dims + 2) if binary else (2 * dims + 2))
    if body_bytes < least:
        raise InvalidInput(f"1 行目は {words:,} 語 × {dims:,} 次元と言っていますが、ファイルにはそれだけのデータがありません。",
                           en=f"Line 1 declares {words:,} words × {dims:,} dimensions, but the file does not hold that much data.")


def load_upload(filename: str, data: bytes, limits: Limits | None = None):
    """An uploaded word2vec file (text or binary, gzip or not) → KeyedVectors, bounded by
    ``limits`` (default: the operator's environment) before anything large is allocated."""
    from core.word2vec.vectors import load_vectors

    limits = limits or Limits.from_env()
    if not data:
        raise InvalidInput("ベクトルのファイルが空です。word2vec 形式（テキストまたはバイナリ）のファイルを選んでください。",
                           en="The vector file is empty. Choose a file in word2vec format (text or binary).")
    name = pathlib.Path(filename).name.lower()
    for suffix in (".gz", ".gzip"):
        name = name.removesuffix(suffix)
    binary = True if name.endswith(".bin") else None
    words, dims, head = read_header(head_of(data))
    check_header(words, dims, limits)  # before a byte is decompressed beyond the first line
    with tempfile.TemporaryDirectory(prefix="w2v-upload-") as tmp:
        path = pathlib.Path(tmp) / ("vectors.bin" if binary else "vectors.txt")
        with open(path, "wb") as out:
            size = decompress_into(data, out, min(limits.max_file_bytes, most_bytes(words, dims, binary=binary)))
        check_body(words, dims, size - head, binary=binary)
        return load_vectors(path)
