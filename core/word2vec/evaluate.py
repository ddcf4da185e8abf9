"""Evaluate word vectors (100本ノック ch. 7 style), with the page's lookup fallbacks.

- Word-pair similarity: a CSV with a header row whose first three columns are word1, word2,
  score (human judgement). We compute cos(v1, v2) for every pair both of whose words resolve
  and report Spearman's ρ between the human scores and the cosines, and the coverage k / n —
  twice: over the pairs whose words were found as typed or normalised (Sudachi / lemma:
  ``*_exact``), and over all pairs including the phrase-mean fallback. The two can differ a lot
  (a phrase mean is a rough stand-in for a word), so both are shown.
  (gensim's ``evaluate_word_pairs`` does the same without our fallbacks; a test checks that
  both agree on vectors where no fallback is needed.)
- Analogy: gensim's questions-words format (": section" lines, then "a b c d" per line).
  The prediction is argmax_x cos(x, b̂ − â + ĉ) over the vocabulary without a, b, c (3CosAdd,
  as ``evaluate_word_analogies``); accuracy over the questions all four of whose words resolve.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

import numpy as np

from core import InvalidInput, OutOfVocabulary, PlaygroundError
from core.text import decode_upload
from core.word2vec.vectors import resolve, word_vector

MAX_PAIRS = 20_000
MAX_QUESTIONS = 20_000


def _text(data: bytes | str, what: str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return decode_upload(data, what=what)


@dataclass
class PairsResult:
    pairs: int
    covered: int  # both words resolved (any way, phrase means included)
    spearman: float | None
    rows: list[dict] = field(default_factory=list)  # word1, word2, score, cosine (None if OOV), exact, note
    skipped_lines: int = 0
    covered_exact: int = 0  # both words found as typed or normalised (no phrase mean)
    spearman_exact: float | None = None

    @property
    def coverage(self) -> float:
        return self.covered / self.pairs if self.pairs else 0.0

    @property
    def coverage_exact(self) -> float:
        return self.covered_exact / self.pairs if self.pairs else 0.0

    def as_dict(self) -> dict:
        return {"pairs": self.pairs, "covered": self.covered, "coverage": self.coverage,
                "spearman": self.spearman, "covered_exact": self.covered_exact,
                "coverage_exact": self.coverage_exact, "spearman_exact": self.spearman_exact}


def _spearman(gold: list[float], pred: list[float]) -> float | None:
    from scipy.stats import spearmanr

    if len(gold) >= 2 and np.std(gold) > 0 and np.std(pred) > 0:
        return float(spearmanr(gold, pred).statistic)
    return None


def read_pairs(data: bytes | str) -> tuple[list[tuple[str, str, float]], int]:
    """Parse the pairs CSV (comma or tab separated, header row first). Returns the pairs and
    the number of data lines skipped because their score is not a number."""
    text = _text(data, "単語ペアの CSV")
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) < 2:
        raise InvalidInput("CSV にデータ行がありません。1 行目は見出し（word1,word2,score）、2 行目から単語ペアを入れてください。",
                           en="The CSV has no data rows. Put the header (word1,word2,score) on line 1 and the word pairs from line 2.")
    delim = "\t" if lines[0].count("\t") > lines[0].count(",") else ","
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=delim)
    header = next(reader)
    if len(header) < 3:
        raise InvalidInput("CSV の列が足りません。最初の 3 列を word1, word2, score にしてください（区切りはカンマかタブ）。",
                           en="The CSV has too few columns. Make the first 3 columns word1, word2, score (separated by commas or tabs).")
    pairs, skipped = [], 0
    for row in reader:
        if len(row) < 3:
            skipped += 1
            continue
        try:
            score = float(row[2])
        except ValueError:
            skipped += 1
            continue
        if not np.isfinite(score) or not row[0].strip() or not row[1].strip():
            skipped += 1
            continue
        pairs.append((row[0].strip(), row[1].strip(), score))
        if len(pairs) > MAX_PAIRS:
            raise InvalidInput(f"単語ペアが多すぎます。{MAX_PAIRS:,} 組までにしてください。",
                               en=f"Too many word pairs. Use at most {MAX_PAIRS:,}.")
    if not pairs:
        raise InvalidInput("数値のスコアを持つ単語ペアが 1 組もありません。3 列目を数値（例: 8.5）にしてください。",
                           en="No word pair has a numeric score. Make column 3 a number (e.g. 8.5).")
    return pairs, skipped


def evaluate_pairs(kv, data: bytes | str) -> PairsResult:
    pairs, skipped = read_pairs(data)
    rows, gold, pred, exact = [], [], [], []
    for w1, w2, score in pairs:
        row = {"word1": w1, "word2": w2, "score": score, "cosine": None, "exact": False, "note": ""}
        try:
            v1, r1 = word_vector(kv, w1)
            v2, r2 = word_vector(kv, w2)
        except OutOfVocabulary as exc:
            row["note"] = f"語彙にない: {exc.word}"
        except PlaygroundError as exc:
            row["note"] = exc.message
        else:
            cos = float(np.dot(v1, v2) / ((np.linalg.norm(v1) * np.linalg.norm(v2)) or 1.0))
            row["cosine"] = cos
            row["exact"] = not (r1.is_phrase or r2.is_phrase)
            exact.append(row["exact"])
            notes = [r.explain() for r in (r1, r2) if r.how != "as typed"]
            row["note"] = " ".join(notes)
            gold.append(score)
            pred.append(cos)
        rows.append(row)
    gold_x = [g for g, e in zip(gold, exact) if e]
    pred_x = [p for p, e in zip(pred, exact) if e]
    return PairsResult(pairs=len(pairs), covered=len(gold), spearman=_spearman(gold, pred), rows=rows,
                       skipped_lines=skipped, covered_exact=len(gold_x), spearman_exact=_spearman(gold_x, pred_x))


@dataclass
class AnalogyResult:
    questions: int
    covered: int
    correct: int
    sections: list[dict] = field(default_factory=list)  # section, questions, covered, correct, accuracy
    rows: list[dict] = field(default_factory=list)  # a, b, c, expected, predicted, ok (covered only)

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.covered if self.covered else None

    def as_dict(self) -> dict:
        return {"questions": self.questions, "covered": self.covered, "coverage":
                self.covered / self.questions if self.questions else 0.0, "correct": self.correct,
                "accuracy": self.accuracy, "sections": self.sections}


def read_questions(data: bytes | str) -> list[tuple[str, tuple[str, str, str, str]]]:
    text = _text(data, "アナロジーのファイル")
    section = "（セクションなし）"
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith(":"):
            section = line[1:].strip() or section
            continue
        parts = line.split()
        if len(parts) != 4:
            continue
        out.append((section, tuple(parts)))
        if len(out) > MAX_QUESTIONS:
            raise InvalidInput(f"問題が多すぎます。{MAX_QUESTIONS:,} 問までにしてください。",
                               en=f"Too many questions. Use at most {MAX_QUESTIONS:,}.")
    if not out:
        raise InvalidInput("アナロジーの問題が見つかりません。gensim の questions-words 形式（「: セクション名」の行と、"
                           "「a b c d」の 4 語の行）にしてください。",
                           en="No analogy questions found. Use gensim's questions-words format (lines \": section name\" " "and lines of 4 words \"a b c d\").")
    return out


def _key(kv, word: str) -> str | None:
    try:
        res = resolve(kv, word)
    except PlaygroundError:
        return None
    return None if res.is_phrase else res.key


def evaluate_analogies(kv, data: bytes | str, *, chunk: int = 512) -> AnalogyResult:
    """a : b = c : d — predict d from b − a + c (3CosAdd, a/b/c excluded)."""
    questions = read_questions(data)
    idx = kv.key_to_index
    keys = [(sec, [_key(kv, w) for w in q], q) for sec, q in questions]
    covered = [(sec, k, q) for sec, k, q in keys if all(x is not None for x in k)]
    norms = np.asarray(kv.norms if getattr(kv, "norms", None) is not None else np.linalg.norm(kv.vectors, axis=1))
    unit = np.asarray(kv.vectors, dtype=np.float32) / np.where(norms == 0, 1, norms)[:, None]
    result_rows = []
    for start in range(0, len(covered), chunk):
        part = covered[start:start + chunk]
        ia = np.array([idx[k[0]] for _, k, _ in part])
        ib = np.array([idx[k[1]] for _, k, _ in part])
        ic = np.array([idx[k[2]] for _, k, _ in part])
        target = unit[ib] - unit[ia] + unit[ic]
        sims = target @ unit.T
        rows = np.arange(len(part))
        for col in (ia, ib, ic):
            sims[rows, col] = -np.inf
        best = sims.argmax(axis=1)
        for (sec, k, q), b in zip(part, best):
            pred = kv.index_to_key[int(b)]
            result_rows.append({"section": sec, "a": q[0], "b": q[1], "c": q[2], "expected": q[3],
                                "predicted": pred, "ok": pred == k[3]})
    sections = []
    for sec in dict.fromkeys(s for s, _ in questions):
        total = sum(1 for s, _ in questions if s == sec)
        cov = [r for r in result_rows if r["section"] == sec]
        ok = sum(r["ok"] for r in cov)
        sections.append({"section": sec, "questions": total, "covered": len(cov), "correct": ok,
                         "accuracy": ok / len(cov) if cov else None})
    return AnalogyResult(questions=len(questions), covered=len(covered),
                         correct=sum(r["ok"] for r in result_rows), sections=sections, rows=result_rows)


# --- small samples written for this project (illustrations, not published benchmarks) ----------

SAMPLE_PAIRS_CSV = """word1,word2,score
猫,犬,8.0
猫,子猫,9.0
犬,狼,7.5
猫,車,1.0
東京,大阪,7.5
東京,京都,7.0
東京,りんご,0.5
りんご,みかん,8.0
りんご,バナナ,7.5
パン,ご飯,7.0
パン,自転車,0.5
車,自動車,9.5
車,電車,6.5
電車,バス,7.0
飛行機,空港,6.5
医者,病院,7.0
医者,先生,5.5
先生,学校,7.0
学校,大学,7.5
父,母,8.0
父,息子,7.0
兄,弟,8.5
王様,女王,8.0
男,女,7.5
海,川,6.0
山,海,5.0
山,パソコン,0.5
コンピュータ,パソコン,9.0
携帯,スマホ,9.0
嬉しい,楽しい,8.0
嬉しい,悲しい,2.5
大きい,小さい,3.0
走る,歩く,7.0
食べる,飲む,7.0
食べる,寝る,3.5
"""

SAMPLE_ANALOGIES = """: capital-country（首都と国）
東京 日本 パリ フランス
東京 日本 ロンドン イギリス
東京 日本 ローマ イタリア
パリ フランス ベルリン ドイツ
パリ フランス 北京 中国
ロンドン イギリス ソウル 韓国
ベルリン ドイツ マドリード スペイン
マドリード スペイン アテネ ギリシャ
: family（家族の性別）
父 母 兄 姉
父 母 息子 娘
兄 姉 弟 妹
王 女王 王子 王女
男 女 夫 妻
祖父 祖母 父 母
夫 妻 兄 姉
: adjective-opposite（形容詞の反対）
大きい 小さい 長い 短い
大きい 小さい 高い 低い
暑い 寒い 熱い 冷たい
明るい 暗い 多い 少ない
: verb-noun（動詞と名詞）
走る 走り 泳ぐ 泳ぎ
歌う 歌 踊る 踊り
"""
