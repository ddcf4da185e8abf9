"""Labelled sentiment data shared by the baseline (issue #9) and BERT fine-tuning (issue #7).

Sources
-------
* jrte-corpus ``pn.tsv`` (5 tab-separated columns: id, label 1/0/-1, text, judges, usage);
  the ``usage`` column (train/dev/test) gives the split.
* a CSV (or 2-column TSV) ``text,label``, header optional (a ``usage``/``split`` column is used
  when the header names one); without a usage column a deterministic, stratified 80/10/10 split
  is made (seeded, so the same file always gives the same split).
* the built-in sample ``core/bert/sample_sentiment.tsv`` (sample data written for this project).

Labels: the polarity values 1 / 0 / -1 are named ``positive (1)``, ``neutral (0)``,
``negative (-1)``. Inside a :class:`Split` a label is a class index into
``LabelledData.label_names`` (positive first). :func:`select_labels` keeps a subset
("pos,neg" or "all") and re-numbers the classes.
"""
from __future__ import annotations

import csv
import io
import os
import pathlib
import random
from dataclasses import dataclass, field

from core import InvalidInput
from core.i18n import Text

SAMPLE_PATH = pathlib.Path(__file__).with_name("sample_sentiment.tsv")
REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLE_NOTICE = Text("bert.data.sample_notice")
POLARITY_NAMES = {1: "positive", 0: "neutral", -1: "negative"}
ALL_POLARITIES = (1, 0, -1)  # class order: positive first
_LABEL_ALIASES = {
    "1": 1, "+1": 1, "1.0": 1, "pos": 1, "positive": 1, "p": 1, "ポジティブ": 1, "肯定": 1, "正": 1,
    "0": 0, "0.0": 0, "neu": 0, "neutral": 0, "n": 0, "ニュートラル": 0, "中立": 0,
    "-1": -1, "-1.0": -1, "neg": -1, "negative": -1, "ネガティブ": -1, "否定": -1, "負": -1,
}
_USAGE_ALIASES = {"train": "train", "training": "train", "dev": "dev", "valid": "dev",
                  "validation": "dev", "val": "dev", "test": "test", "eval": "test"}
_TEXT_HEADERS = {"text", "sentence", "review", "文", "テキスト", "文章"}
_LABEL_HEADERS = {"label", "labels", "polarity", "sentiment", "ラベル", "極性"}
_USAGE_HEADERS = {"usage", "split", "set", "用途"}
MIN_EXAMPLES = 10


def polarity_name(value: int) -> str:
    """1 → 'positive (1)', 0 → 'neutral (0)', -1 → 'negative (-1)'."""
    return f"{POLARITY_NAMES[value]} ({value})"


def parse_label(raw: str) -> int | None:
    """A label cell → polarity 1/0/-1 (accepts 1/0/-1, pos/neu/neg, positive/…, ポジティブ/…)."""
    return _LABEL_ALIASES.get(str(raw).strip().lower())


@dataclass
class Split:
    """One part of the data: parallel lists ``texts[i]`` ↔ ``labels[i]`` (class index)."""

    texts: list[str] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.texts)

    def counts(self, n_classes: int) -> list[int]:
        out = [0] * n_classes
        for y in self.labels:
            out[y] += 1
        return out


@dataclass
class LabelledData:
    """train / dev / test splits plus what the class indices mean.

    ``label_names[k]`` names class k (e.g. 'positive (1)'); ``polarities[k]`` is its value in
    the file (1/0/-1). ``source`` says where it came from, ``notice`` holds a licence or
    sample-data note to show next to it, ``notes`` lists what the loader did (skipped rows,
    made-up split, …) in Japanese.
    """

    train: Split
    dev: Split
    test: Split
    label_names: list[str]
    polarities: list[int]
    source: str = ""
    notice: str = ""
    notes: list[str] = field(default_factory=list)
    has_usage: bool = True

    @property
    def n_classes(self) -> int:
        return len(self.label_names)

    def splits(self) -> dict[str, Split]:
        return {"train": self.train, "dev": self.dev, "test": self.test}

    def split_id(self) -> str:
        """Identifies the split (source, labels, sizes) so that results of different models
        can be compared only when they were measured on the same data."""
        return (f"{self.source} | {', '.join(self.label_names)} | "
                f"train {len(self.train)} / dev {len(self.dev)} / test {len(self.test)}")

    def summary(self) -> dict:
        """Counts per split and class (for tables and the CLI)."""
        return {name: dict(zip(self.label_names, s.counts(self.n_classes)))
                for name, s in self.splits().items()}


# --- loading ------------------------------------------------------------------------------

def load_labelled(source, *, what: str | None = None) -> LabelledData:
    """Read labelled sentences from a path, ``(filename, bytes)`` of an upload, or an object
    with ``.name`` and ``.getvalue()`` (Streamlit's UploadedFile).

    Format: jrte pn.tsv (5 tab-separated columns) or CSV/TSV ``text,label``. Raises
    InvalidInput (Japanese message) for missing/empty/binary files, wrong columns or labels.
    """
    from core.text import decode_upload

    name, data = _read_source(source)
    text = decode_upload(data, what=what or f"ファイル「{name}」")
    return parse_labelled(text, name=name)


def _read_source(source) -> tuple[str, bytes]:
    if isinstance(source, (str, os.PathLike)):
        path = pathlib.Path(source)
        if not path.is_file():
            raise InvalidInput(f"ファイル「{path}」が見つかりません。パスを確かめてください。",
                               en=f"File \"{path}\" not found. Check the path.")
        return path.name, path.read_bytes()
    if isinstance(source, tuple) and len(source) == 2:
        name, data = source
        return str(name or "upload"), bytes(data or b"")
    if hasattr(source, "getvalue"):
        return str(getattr(source, "name", "upload")), bytes(source.getvalue())
    raise InvalidInput("データの指定が不正です（パスまたはアップロードしたファイルを渡してください）。",
                       en="Invalid data source (give a path or an uploaded file).")


def parse_labelled(text: str, *, name: str = "data") -> LabelledData:
    """Parse decoded text (pn.tsv or CSV/TSV text,label)."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if not lines:
        raise InvalidInput(f"「{name}」にデータ行がありません。",
                           en=f"\"{name}\" has no data rows.")
    first = lines[0]
    if "\t" in first:
        n_cols = len(first.split("\t"))
        if n_cols == 5:
            return _parse_pn(lines, name)
        rows = [ln.split("\t") for ln in lines]
    else:
        rows = list(csv.reader(io.StringIO("\n".join(lines))))
    return _parse_table(rows, name)


def _parse_pn(lines: list[str], name: str) -> LabelledData:
    texts: dict[str, list] = {"train": [], "dev": [], "test": []}
    skipped = 0
    for i, line in enumerate(lines, start=1):
        cols = line.split("\t")
        if len(cols) != 5:
            raise InvalidInput(
                f"「{name}」の {i} 行目の列数が {len(cols)} です。pn.tsv 形式はタブ区切り 5 列"
                "（id, ラベル 1/0/-1, 文, 判定, usage）です。",
                en=f"Line {i} of \"{name}\" has {len(cols)} columns. The pn.tsv format is 5 tab-separated columns "
                   "(id, label 1/0/-1, sentence, judgement, usage).")
        _id, raw_label, sentence, _judges, raw_usage = cols
        label = parse_label(raw_label)
        if raw_label.strip() not in ("1", "0", "-1"):
            if i == 1 and raw_label.strip().lower() in _LABEL_HEADERS:
                continue  # a header line such as "id label text judges usage"
            raise InvalidInput(
                f"「{name}」の {i} 行目のラベル「{raw_label[:20]}」は使えません。"
                "pn.tsv のラベルは 1（ポジティブ）/ 0（ニュートラル）/ -1（ネガティブ）です。",
                en=f"The label \"{raw_label[:20]}\" on line {i} of \"{name}\" cannot be used. "
                   "pn.tsv labels are 1 (positive) / 0 (neutral) / -1 (negative).")
        usage = _USAGE_ALIASES.get(raw_usage.strip().lower())
        if usage is None:
            raise InvalidInput(
                f"「{name}」の {i} 行目の usage「{raw_usage[:20]}」は使えません。"
                "train / dev / test のどれかにしてください。",
                en=f"The usage \"{raw_usage[:20]}\" on line {i} of \"{name}\" cannot be used. "
                   "Use one of train / dev / test.")
        sentence = sentence.strip()
        if not sentence:
            skipped += 1
            continue
        texts[usage].append((sentence, label))
    notes = [Text("bert.data.skipped", n=skipped)] if skipped else []
    return _build(texts, name, notes=notes, has_usage=True)


def _parse_table(rows: list[list[str]], name: str) -> LabelledData:
    """CSV/TSV with text,label (or label,text) and an optional header naming a usage column."""
    header = [c.strip().lower() for c in rows[0]]
    text_col = label_col = usage_col = None
    if any(h in _TEXT_HEADERS for h in header) or any(h in _LABEL_HEADERS for h in header):
        for j, h in enumerate(header):
            if h in _TEXT_HEADERS and text_col is None:
                text_col = j
            elif h in _LABEL_HEADERS and label_col is None:
                label_col = j
            elif h in _USAGE_HEADERS and usage_col is None:
                usage_col = j
        if text_col is None or label_col is None:
            raise InvalidInput(
                f"「{name}」の見出し行に text 列と label 列が見つかりません（見出し: {', '.join(rows[0])[:80]}）。"
                "1 列目に文、2 列目にラベル（1/0/-1 または positive/neutral/negative）を置いてください。",
                en=f"No text and label columns found in the header row of \"{name}\" (header: {', '.join(rows[0])[:80]}). "
                   "Put the sentence in column 1 and the label (1/0/-1 or positive/neutral/negative) in column 2.")
        rows = rows[1:]
    else:
        widths = {len(r) for r in rows[:50]}
        if widths != {2}:
            raise InvalidInput(
                f"「{name}」の列数が合いません（{sorted(widths)} 列）。CSV は「文,ラベル」の 2 列、"
                "または pn.tsv（タブ区切り 5 列）にしてください。文にカンマがあるときは \"...\" で囲みます。",
                en=f"The column counts of \"{name}\" do not match ({sorted(widths)} columns). Use a CSV of two columns \"sentence,label\" " "or pn.tsv (5 tab-separated columns). Put a sentence containing commas in \"...\".")
        # header-less: which column holds the labels?
        sample = rows[1:51] if len(rows) > 1 else rows
        first_is_label = sum(parse_label(r[0]) is not None for r in sample)
        second_is_label = sum(parse_label(r[1]) is not None for r in sample)
        text_col, label_col = (1, 0) if first_is_label > second_is_label else (0, 1)
        if parse_label(rows[0][label_col]) is None:
            rows = rows[1:]  # an unnamed header such as "sentence,polarity"
    if not rows:
        raise InvalidInput(f"「{name}」にデータ行がありません（見出し行だけです）。",
                           en=f"\"{name}\" has no data rows (only the header row).")
    grouped: dict[str, list] = {"train": [], "dev": [], "test": []}
    unsplit: list[tuple[str, int]] = []
    skipped = 0
    need = max(text_col, label_col, usage_col if usage_col is not None else 0) + 1
    for i, r in enumerate(rows, start=1):
        if len(r) < need:
            raise InvalidInput(f"「{name}」の {i} 番目のデータ行の列が足りません（{len(r)} 列）。「文,ラベル」の形にしてください。",
                               en=f"Data row {i} of \"{name}\" has too few columns ({len(r)}). Use the form \"sentence,label\".")
        label = parse_label(r[label_col])
        if label is None:
            raise InvalidInput(
                f"「{name}」の {i} 番目のデータ行のラベル「{r[label_col][:20]}」は使えません。"
                "ラベルは 1 / 0 / -1（または positive / neutral / negative、pos / neu / neg）にしてください。",
                en=f"The label \"{r[label_col][:20]}\" of data row {i} of \"{name}\" cannot be used. "
                   "Use 1 / 0 / -1 (or positive / neutral / negative, pos / neu / neg).")
        sentence = r[text_col].strip()
        if not sentence:
            skipped += 1
            continue
        if usage_col is not None:
            usage = _USAGE_ALIASES.get(r[usage_col].strip().lower())
            if usage is None:
                raise InvalidInput(f"「{name}」の {i} 番目のデータ行の usage「{r[usage_col][:20]}」は使えません（train / dev / test）。",
                                   en=f"The usage \"{r[usage_col][:20]}\" of data row {i} of \"{name}\" cannot be used (train / dev / test).")
            grouped[usage].append((sentence, label))
        else:
            unsplit.append((sentence, label))
    notes = [Text("bert.data.skipped", n=skipped)] if skipped else []
    if usage_col is None:
        grouped = deterministic_split(unsplit)
        notes.append(Text("bert.data.split_by_label"))
    return _build(grouped, name, notes=notes, has_usage=usage_col is not None)


def deterministic_split(pairs: list[tuple[str, int]], *, seed: int = 0,
                        dev: float = 0.1, test: float = 0.1) -> dict[str, list]:
    """Stratified split: per label a seeded shuffle, then test / dev / train slices."""
    out: dict[str, list] = {"train": [], "dev": [], "test": []}
    by_label: dict[int, list] = {}
    for p in pairs:
        by_label.setdefault(p[1], []).append(p)
    rng = random.Random(seed)
    for label in sorted(by_label):
        items = by_label[label]
        rng.shuffle(items)
        n = len(items)
        n_test = int(round(n * test)) if n >= 3 else 0
        n_dev = int(round(n * dev)) if n >= 3 else 0
        if n >= 3:
            n_test, n_dev = max(1, n_test), max(1, n_dev)
        out["test"] += items[:n_test]
        out["dev"] += items[n_test:n_test + n_dev]
        out["train"] += items[n_test + n_dev:]
    for part in out.values():  # interleave labels again (seeded)
        rng.shuffle(part)
    return out


def _build(grouped: dict[str, list], name: str, *, notes: list[str], has_usage: bool) -> LabelledData:
    total = sum(len(v) for v in grouped.values())
    if total == 0:
        raise InvalidInput(f"「{name}」に使える文がありません。",
                           en=f"\"{name}\" has no usable sentences.")
    if total < MIN_EXAMPLES:
        raise InvalidInput(f"「{name}」の文が {total} 件しかありません。{MIN_EXAMPLES} 件以上用意してください。",
                           en=f"\"{name}\" has only {total} sentences. Provide at least {MIN_EXAMPLES}.")
    if not grouped["train"]:
        raise InvalidInput(f"「{name}」に train の行がありません（usage 列を確かめてください）。",
                           en=f"\"{name}\" has no train rows (check the usage column).")
    if not grouped["dev"] or not grouped["test"]:
        missing = [s for s in ("dev", "test") if not grouped[s]]
        carved = deterministic_split(grouped["train"], dev=0.1 if not grouped["dev"] else 0.0,
                                     test=0.1 if not grouped["test"] else 0.0)
        grouped = {"train": carved["train"], "dev": grouped["dev"] or carved["dev"],
                   "test": grouped["test"] or carved["test"]}
        notes.append(Text("bert.data.no_dev_test") if len(missing) == 2
                     else Text("bert.data.no_part", part=missing[0]))
    present = sorted({y for part in grouped.values() for _, y in part}, reverse=True)
    if len(present) < 2:
        raise InvalidInput(f"「{name}」のラベルが 1 種類（{polarity_name(present[0])}）だけです。2 種類以上必要です。",
                           en=f"\"{name}\" has only one label ({polarity_name(present[0])}). At least two are needed.")
    polarities = [p for p in ALL_POLARITIES if p in present]
    index = {p: k for k, p in enumerate(polarities)}
    splits = {s: Split([t for t, _ in part], [index[y] for _, y in part]) for s, part in grouped.items()}
    return LabelledData(train=splits["train"], dev=splits["dev"], test=splits["test"],
                        label_names=[polarity_name(p) for p in polarities], polarities=polarities,
                        source=name, notes=notes, has_usage=has_usage)


# --- label subsets ------------------------------------------------------------------------

def parse_label_spec(spec) -> list[int] | None:
    """'all' → None; 'pos,neg' / 'positive,negative' / '1,-1' / ['pos', 'neg'] → [1, -1]."""
    if spec is None:
        return None
    parts = spec if isinstance(spec, (list, tuple)) else str(spec).replace("、", ",").split(",")
    parts = [str(p).strip() for p in parts if str(p).strip()]
    if not parts or (len(parts) == 1 and parts[0].lower() == "all"):
        return None
    out: list[int] = []
    for p in parts:
        base = p.split("(")[0].strip() if "(" in p else p  # accept 'positive (1)'
        value = parse_label(base)
        if value is None:
            raise InvalidInput(f"ラベル指定「{p}」が分かりません。pos,neg や pos,neu,neg、all のように書いてください。",
                               en=f"Cannot read the label choice \"{p}\". Write it like pos,neg or pos,neu,neg or all.")
        if value not in out:
            out.append(value)
    if len(out) < 2:
        raise InvalidInput("ラベルは 2 種類以上選んでください（例: pos,neg）。",
                           en="Choose at least two labels (e.g. pos,neg).")
    return out


def select_labels(data: LabelledData, spec="all") -> LabelledData:
    """Keep only the chosen labels ("pos,neg", "pos,neu,neg", "all") and re-number classes.

    Returns a new LabelledData (the input is not changed)."""
    wanted = parse_label_spec(spec)
    if wanted is None:
        return data
    missing = [polarity_name(p) for p in wanted if p not in data.polarities]
    if missing:
        raise InvalidInput(f"データに {', '.join(missing)} のラベルがありません。"
                           f"このデータのラベル: {', '.join(data.label_names)}",
                           en=f"The data has no {', '.join(missing)} labels. "
                              f"This data's labels: {', '.join(data.label_names)}")
    polarities = [p for p in ALL_POLARITIES if p in wanted]
    new_index = {data.polarities.index(p): k for k, p in enumerate(polarities)}

    def keep(s: Split) -> Split:
        pairs = [(t, new_index[y]) for t, y in zip(s.texts, s.labels) if y in new_index]
        return Split([t for t, _ in pairs], [y for _, y in pairs])

    out = LabelledData(train=keep(data.train), dev=keep(data.dev), test=keep(data.test),
                       label_names=[polarity_name(p) for p in polarities], polarities=polarities,
                       source=data.source, notice=data.notice, notes=list(data.notes),
                       has_usage=data.has_usage)
    for name, s in out.splits().items():
        if len(s) == 0:
            raise InvalidInput(f"ラベル {', '.join(out.label_names)} に絞ると {name} が空になります。別のラベルを選んでください。",
                               en=f"With only the labels {', '.join(out.label_names)}, {name} is empty. Choose other labels.")
    return out


# --- sources ------------------------------------------------------------------------------

def sample_dataset() -> LabelledData:
    """The built-in sample (positive / neutral / negative short review-style sentences written
    for this project; pn.tsv format with a usage column). Works offline."""
    data = load_labelled(SAMPLE_PATH)
    data.source = Text("bert.data.sample_source")
    data.notice = SAMPLE_NOTICE
    return data

