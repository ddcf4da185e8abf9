"""Word-vector sources and lookup with the fallbacks a person expects.

Sources
- ``default_vectors()``: the chiVe vectors shipped inside the ``ja_ginza`` package (spaCy
  format: 20,000 unique 300-d rows; ~480k keys point at them, pruned words share the row of
  their nearest kept word). Converted once into a gensim ``KeyedVectors`` file in the user
  cache dir (``$PLAYGROUND_CACHE_DIR`` or ``~/.cache/nlp-playground``, core.paths), memory-mapped afterwards.
  One key per row: spaCy keeps ``key2row`` in insertion order, and ``spacy init vectors``
  inserts the kept rows first, in frequency order — so the first key seen for a row is the
  word that row was trained for (row 0 = の, 1 = 、 …), and ``index_to_key`` is in frequency
  order. All other keys are kept as aliases (``alias_map``) so every chiVe key resolves.
- ``load_vectors(path_or_name)``: word2vec text/binary (.txt/.vec/.bin, .gz too), gensim
  ``.kv``; a gensim-data model name (e.g. ``word2vec-google-news-300``) when it is already
  downloaded or the network is reachable, else ModelUnavailable with the fetch command.

Lookup (``resolve``): as typed → chiVe alias → Sudachi normalised form (chiVe keys are
normalised: コンピュータ → コンピューター) → unidic lemma → a phrase segmented into words whose
mean vector is used. OutOfVocabulary carries close in-vocabulary spellings.
"""
from __future__ import annotations

import difflib
import os
import pathlib
import re
import socket
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from core import InvalidInput, ModelUnavailable, OutOfVocabulary, term_en
from core.i18n import Text
from core.i18n import t
from core.text import normalize_input, sudachi_normalize, tokenize
from core.word2vec import chive
from core.word2vec.aliases import AliasTable

MAX_WORD_CHARS = 100  # a "word" field; longer text is refused with a message
CHIVE_LABEL = Text("w2v.label.chive")

# gensim-data models worth naming (the 100-knock exercises use the first)
GENSIM_DATA_MODELS = (
    "word2vec-google-news-300", "glove-wiki-gigaword-50", "glove-wiki-gigaword-100",
    "glove-wiki-gigaword-200", "glove-wiki-gigaword-300", "glove-twitter-25", "glove-twitter-50",
    "glove-twitter-100", "glove-twitter-200", "fasttext-wiki-news-subwords-300",
    "conceptnet-numberbatch-17-06-300",
)

HOW_TYPED = "as typed"
HOW_SUDACHI = "Sudachi normalised"
HOW_LEMMA = "unidic lemma"
HOW_PHRASE = "phrase"
HOW_LABELS_JA = {HOW_TYPED: "入力どおり", HOW_SUDACHI: "Sudachi 正規化形", HOW_LEMMA: "unidic の原形 (lemma)",
                 HOW_PHRASE: "フレーズ（単語に分けて平均）"}

def default_vectors():
    """The embedded chiVe vectors as a memory-mapped, read-only gensim KeyedVectors."""
    from gensim.models import KeyedVectors

    target = chive.ensure_converted()
    kv = KeyedVectors.load(str(target / "vectors.kv"), mmap="r")
    kv.fill_norms()
    kv.playground_label = CHIVE_LABEL
    kv.playground_aliases = AliasTable(target, kv.index_to_key)
    return kv


def alias_map(kv) -> Mapping[str, str]:
    """chiVe key → the word of its row (all ~460k keys that share a row). Empty for others.
    A memory-mapped table (core/word2vec/aliases.py): no parse and no heap per process."""
    table = getattr(kv, "playground_aliases", None)
    return {} if table is None else table


def label(kv) -> str:
    return getattr(kv, "playground_label", None) or f"{len(kv.index_to_key):,} 語 × {kv.vector_size} 次元"


# --- other sources -----------------------------------------------------------------------------

def _online(host: str = "raw.githubusercontent.com", timeout: float = 3.0) -> bool:
    try:
        with socket.create_connection((host, 443), timeout=timeout):
            return True
    except OSError:
        return False


def load_vectors(path: str | os.PathLike):
    """Load vectors from a file (word2vec text/binary, gensim .kv) or a gensim-data name."""
    from gensim.models import KeyedVectors

    spec = str(path).strip()
    if not spec:
        raise InvalidInput("ベクトルのファイル名が空です。word2vec 形式（.txt/.bin）か gensim の .kv を指定してください。",
                           en="The vector file name is empty. Give a word2vec file (.txt/.bin) or a gensim .kv.")
    p = pathlib.Path(spec).expanduser()
    if not p.exists():
        if spec in GENSIM_DATA_MODELS or ("/" not in spec and "." not in spec and "-" in spec):
            return _load_gensim_data(spec)
        raise InvalidInput(f"ベクトルのファイルが見つかりません: {spec}",
                           en=f"Vector file not found: {spec}",
                           hint="word2vec 形式（.txt/.vec/.bin）か gensim の .kv のパスを指定してください。",
                           hint_en="Give the path of a word2vec file (.txt/.vec/.bin) or a gensim .kv.")
    if p.is_dir():
        raise InvalidInput(f"{spec} はフォルダーです。ベクトルのファイルを指定してください。",
                           en=f"{spec} is a folder. Give a vector file.")
    name = p.name.lower()
    try:
        if name.endswith(".kv") or name.endswith(".model"):
            try:
                kv = KeyedVectors.load(str(p), mmap="r")
            except Exception:  # noqa: BLE001 - maybe a full Word2Vec model
                from gensim.models import Word2Vec

                kv = Word2Vec.load(str(p), mmap="r").wv
        elif name.endswith((".bin", ".bin.gz")):
            kv = KeyedVectors.load_word2vec_format(str(p), binary=True, unicode_errors="ignore")
        else:
            try:
                kv = KeyedVectors.load_word2vec_format(str(p), binary=False, unicode_errors="ignore")
            except Exception:  # noqa: BLE001 - an unlabelled binary file
                kv = KeyedVectors.load_word2vec_format(str(p), binary=True, unicode_errors="ignore")
    except (ValueError, EOFError, UnicodeDecodeError, OSError, IndexError, KeyError) as exc:
        raise InvalidInput(
            f"ベクトルのファイルを読めません（{type(exc).__name__}）: {p.name}。"
            "1 行目が「語数 次元数」の word2vec テキスト形式、word2vec バイナリ、または gensim の .kv を使ってください。",
            en=f"Cannot read the vector file ({type(exc).__name__}): {p.name}. "
               "Use the word2vec text format (line 1: \"count dimensions\"), word2vec binary, or a gensim .kv.") from exc
    except Exception as exc:  # pickle/unpickling errors and the like
        raise InvalidInput(f"ベクトルのファイルとして読めません: {p.name}（{type(exc).__name__}）。",
                           en=f"Cannot read it as a vector file: {p.name} ({type(exc).__name__}).") from exc
    if len(kv.index_to_key) == 0:
        raise InvalidInput(f"{p.name} には単語ベクトルが 1 つもありません。",
                           en=f"{p.name} has no word vectors.")
    kv.fill_norms()
    kv.playground_label = Text("w2v.label.file", name=p.name, n=len(kv.index_to_key), d=kv.vector_size)
    return kv


def _load_gensim_data(name: str):
    import gensim.downloader as api

    hint = (f"python -m gensim.downloader --download {name}   "
            f"# インターネットにつながる環境で実行し、{api.BASE_DIR} をこのサーバーにコピーしてください")
    local = pathlib.Path(api.BASE_DIR) / name
    if not local.exists() and not _online():
        raise ModelUnavailable(
            f"gensim-data のモデル「{name}」はこの環境にダウンロードされておらず、インターネットにもつながりません（オフライン）。",
            en=f"The gensim-data model \"{name}\" is not downloaded here and there is no internet connection (offline).",
            hint=hint)
    try:
        kv = api.load(name)
    except Exception as exc:  # network errors, unknown names
        raise ModelUnavailable(f"gensim-data のモデル「{name}」を読み込めません（{type(exc).__name__}）。",
                               en=f"Cannot load the gensim-data model \"{name}\" ({type(exc).__name__}).",
                               hint=hint) from exc
    kv.fill_norms()
    kv.playground_label = f"gensim-data: {name}"
    return kv


# --- lookup ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Resolution:
    """How a typed query was found: ``key`` is the vocabulary key used (for a phrase, the
    keys of its parts are in ``tokens`` and the vector is their mean)."""
    query: str
    key: str
    how: str  # HOW_TYPED | HOW_SUDACHI | HOW_LEMMA | HOW_PHRASE
    tokens: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()  # phrase parts that were not in the vocabulary
    via: str = ""  # the form that matched (normalised form, lemma, or a chiVe alias)
    shared_row: bool = False  # chiVe: the typed key shares the vector of ``key``
    dropped: tuple[str, ...] = ()  # particles / auxiliaries left out (が, た, …)

    @property
    def is_phrase(self) -> bool:
        return self.how == HOW_PHRASE

    def explain(self, lang: str = "ja") -> str:
        """One sentence for the page, in ``lang`` (core/i18n keys w2v.found.*)."""
        q, sep = self.query, t("w2v.found.sep", lang)
        if self.how == HOW_PHRASE:
            text = t("w2v.found.phrase", lang, q=q, tokens=" + ".join(self.tokens))
            if self.skipped:
                text += t("w2v.found.skipped", lang, words=sep.join(self.skipped))
            if self.dropped:
                text += t("w2v.found.dropped", lang, words=sep.join(self.dropped))
            return text
        if self.shared_row:
            return t("w2v.found.shared", lang, form=self.via or q, found=self.key)
        how = {HOW_SUDACHI: "sudachi", HOW_LEMMA: "lemma"}.get(self.how, "typed")
        return t(f"w2v.found.{how}", lang, q=q, found=self.key)

    def as_dict(self) -> dict:
        return {"query": self.query, "key": self.key, "how": self.how, "tokens": list(self.tokens),
                "skipped": list(self.skipped), "dropped": list(self.dropped), "via": self.via, "shared_row": self.shared_row}


_TAG = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>")


def clean_word(word: str, *, what: str = "単語") -> str:
    """Validate one query: not empty/whitespace, not over MAX_WORD_CHARS."""
    text = normalize_input(word)
    if not text:
        raise InvalidInput(f"{what}が空です。単語を入力してください（例: 猫）。",
                           en=f"The {term_en(what)} is empty. Enter a word (e.g. 猫).")
    if len(text) > MAX_WORD_CHARS:
        from core import InputTooLong

        raise InputTooLong(f"{what}が長すぎます（{len(text):,} 文字）。{MAX_WORD_CHARS} 文字以内の単語か短い句にしてください。",
                           en=f"The {term_en(what)} is too long ({len(text):,} characters). Use a word or a short phrase of at most {MAX_WORD_CHARS} characters.")
    if _TAG.search(text):
        raise InvalidInput(f"{what}に HTML のタグ（<…>）が含まれています。タグではなく単語を入力してください（例: 猫）。",
                           en=f"The {term_en(what)} contains an HTML tag (<…>). Enter a word, not a tag (e.g. 猫).")
    return text


def lookup_one(kv, word: str) -> tuple[str, str, str, bool] | None:
    """(key, how, via, shared_row) for a single word, or None."""
    if not word:
        return None
    if word in kv.key_to_index:
        return word, HOW_TYPED, "", False
    aliases = alias_map(kv)
    if word in aliases:
        return aliases[word], HOW_TYPED, word, True
    normalised = sudachi_normalize(word)
    if normalised and normalised != word:
        if normalised in kv.key_to_index:
            return normalised, HOW_SUDACHI, normalised, False
        if normalised in aliases:
            return aliases[normalised], HOW_SUDACHI, normalised, True
    toks = tokenize(word)
    if len(toks) == 1:
        lemma = toks[0].lemma
        if lemma and lemma != word:
            if lemma in kv.key_to_index:
                return lemma, HOW_LEMMA, lemma, False
            if lemma in aliases:
                return aliases[lemma], HOW_LEMMA, lemma, True
    # case variants for Latin-script vectors (Google News keeps case)
    for variant in (word.lower(), word.capitalize(), word.upper()):
        if variant != word and variant in kv.key_to_index:
            return variant, HOW_TYPED, variant, False
    return None


_SKIP_POS = {"補助記号", "空白", "記号"}
_FUNCTION_POS = {"助詞", "助動詞", "接尾辞"}


def resolve(kv, word: str) -> Resolution:
    """Find ``word`` in ``kv`` (see module docstring). Raises InvalidInput / OutOfVocabulary."""
    query = clean_word(word)
    found = lookup_one(kv, query)
    if found:
        key, how, via, shared = found
        return Resolution(query=query, key=key, how=how, via=via, shared_row=shared)
    parts = [t for t in tokenize(query) if t.pos not in _SKIP_POS]
    content = [t for t in parts if t.pos not in _FUNCTION_POS]
    dropped: tuple[str, ...] = ()
    if content and len(content) < len(parts):
        dropped = tuple(t.surface for t in parts if t.pos in _FUNCTION_POS)
        parts = content
    if len(parts) == 1 and dropped:
        # 走った → 走る: one content word + endings is that word's lemma
        tok = parts[0]
        hit = lookup_one(kv, tok.lemma) or lookup_one(kv, tok.surface)
        if hit:
            return Resolution(query=query, key=hit[0], how=HOW_LEMMA, via=tok.lemma, shared_row=hit[3],
                              dropped=dropped)
    if len(parts) > 1:
        keys, skipped = [], []
        for tok in parts:
            hit = lookup_one(kv, tok.surface) or lookup_one(kv, tok.lemma)
            (keys.append(hit[0]) if hit else skipped.append(tok.surface))
        if keys:
            return Resolution(query=query, key=" + ".join(keys), how=HOW_PHRASE, tokens=tuple(keys),
                              skipped=tuple(skipped), dropped=dropped)
    raise OutOfVocabulary(
        f"「{query}」は語彙にありません（{label(kv)}）。別の表記や、もっと一般的な単語を試してください。",
        en=f"\"{query}\" is not in the vocabulary ({label(kv)}). Try another spelling or a more common word.",
        word=query, suggestions=suggest(kv, query))


def word_vector(kv, word: str) -> tuple[np.ndarray, Resolution]:
    """The vector of ``word`` (a phrase: the mean of its parts' vectors) and how it was found."""
    res = resolve(kv, word)
    if res.is_phrase:
        vec = np.mean([np.asarray(kv[k], dtype=np.float32) for k in res.tokens], axis=0)
    else:
        vec = np.asarray(kv[res.key], dtype=np.float32)
    return vec, res


def query_item(kv, word: str):
    """What gensim's most_similar/similar_by_vector accept for ``word``: a key or a vector."""
    vec, res = word_vector(kv, word)
    return (vec if res.is_phrase else res.key), res


# --- suggestions -----------------------------------------------------------------------------

def uid(kv) -> str:
    """A stable identity for a vectors object (id() can be reused after garbage collection)."""
    value = getattr(kv, "playground_uid", None)
    if value is None:
        import uuid

        value = uuid.uuid4().hex
        kv.playground_uid = value
    return value


def _index_for(kv) -> dict[str, list[int]]:
    """character → row indices of the keys containing it (built once per vectors object)."""
    idx = getattr(kv, "playground_char_index", None)
    if idx is None:
        idx = {}
        for i, key in enumerate(kv.index_to_key):
            for ch in set(str(key)):
                idx.setdefault(ch, []).append(i)
        kv.playground_char_index = idx
    return idx


def suggest(kv, word: str, n: int = 5) -> list[str]:
    """Close in-vocabulary spellings: keys sharing characters, ranked by string similarity
    (difflib ratio), ties broken by frequency rank. Also tries the Sudachi normalised form."""
    word = normalize_input(word)[:MAX_WORD_CHARS]
    if not word:
        return []
    forms = {word, sudachi_normalize(word)} - {""}
    idx = _index_for(kv)
    candidates: set[int] = set()
    for form in forms:
        for ch in set(form):
            candidates.update(idx.get(ch, ())[:3000])
    scored = []
    for i in candidates:
        key = str(kv.index_to_key[i])
        ratio = max(difflib.SequenceMatcher(None, f, key).ratio() for f in forms)
        scored.append((-ratio, i, key))
    scored.sort()
    return [key for ratio, _, key in scored[:n] if -ratio >= 0.3]
