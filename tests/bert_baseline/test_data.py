"""core/bert/data.py: pn.tsv, CSV/TSV text,label, uploads, label subsets, bad input."""
from __future__ import annotations

import pytest

from core import InvalidInput, ModelUnavailable
from core.bert import data as bert_data
from core.bert import pn


def _pn_lines(n_per=6):
    rows = []
    k = 0
    for label, word in ((1, "良い"), (0, "普通"), (-1, "悪い")):
        for i in range(n_per):
            usage = ("train", "train", "train", "train", "dev", "test")[i % 6]
            k += 1
            rows.append(f"id{k}\t{label}\t{word}部屋{i}でした。\t{{\"{label}\": 3}}\t{usage}")
    return "\n".join(rows) + "\n"


def test_pn_format_uses_usage_column():
    d = bert_data.load_labelled(("pn.tsv", _pn_lines().encode("utf-8")))
    assert d.label_names == ["positive (1)", "neutral (0)", "negative (-1)"]
    assert d.polarities == [1, 0, -1]
    assert (len(d.train), len(d.dev), len(d.test)) == (12, 3, 3)
    assert d.has_usage and not d.notes
    assert d.test.labels == [0, 1, 2]
    assert d.test.texts[2].startswith("悪い")


def test_pn_shift_jis_upload():
    d = bert_data.load_labelled(("pn.tsv", _pn_lines().encode("cp932")))
    assert d.train.texts[0].startswith("良い部屋")


def test_real_pn_tsv(pn_tsv):
    d = bert_data.load_labelled(pn_tsv)
    assert (len(d.train), len(d.dev), len(d.test)) == (3888, 1112, 553)
    pn = bert_data.select_labels(d, "pos,neg")
    assert pn.label_names == ["positive (1)", "negative (-1)"]
    assert len(pn.test) == 336 + 78
    assert set(pn.train.labels) == {0, 1}


def test_csv_without_header_makes_deterministic_stratified_split():
    rows = [f"文{i}は良い,1" if i % 2 else f"文{i}は悪い,-1" for i in range(40)]
    blob = "\n".join(rows).encode()
    a = bert_data.load_labelled(("x.csv", blob))
    b = bert_data.load_labelled(("x.csv", blob))
    assert a.test.texts == b.test.texts and a.train.texts == b.train.texts
    assert (len(a.train), len(a.dev), len(a.test)) == (32, 4, 4)
    assert a.label_names == ["positive (1)", "negative (-1)"]
    assert sorted(a.test.labels) == [0, 0, 1, 1]  # stratified
    assert not a.has_usage and any("usage" in n for n in a.notes)


def test_csv_with_header_names_and_usage_and_quotes():
    body = 'label,text,usage\npositive,"安くて, おいしい",train\nnegative,まずい,train\n' \
           + "".join(f"pos,良い{i},train\nneg,悪い{i},train\n" for i in range(5)) \
           + "pos,良いね,dev\nneg,だめ,dev\npos,最高,test\nneg,最悪,test\n"
    d = bert_data.load_labelled(("h.csv", body.encode()))
    assert d.train.texts[0] == "安くて, おいしい" and d.train.labels[0] == 0
    assert d.test.texts == ["最高", "最悪"] and d.has_usage


def test_label_first_csv_and_two_column_tsv():
    rows = "\n".join(f"{'1' if i % 2 else '0'},文その{i}" for i in range(20))
    d = bert_data.load_labelled(("lf.csv", rows.encode()))
    assert d.label_names == ["positive (1)", "neutral (0)"]
    assert all(t.startswith("文その") for t in d.train.texts)
    tsv = "\n".join(f"文その{i}\t{'pos' if i % 2 else 'neg'}" for i in range(20))
    d2 = bert_data.load_labelled(("t.tsv", tsv.encode()))
    assert d2.label_names == ["positive (1)", "negative (-1)"]


def test_sample_dataset_offline():
    d = bert_data.sample_dataset()
    assert d.n_classes == 3 and "サンプル" in d.notice
    assert len(d.train) + len(d.dev) + len(d.test) >= 300
    assert min(d.test.counts(3)) >= 15
    # no sentence is both in train and test
    assert not set(d.train.texts) & set(d.test.texts)


@pytest.mark.parametrize("spec,names", [
    ("pos,neg", ["positive (1)", "negative (-1)"]),
    ("neg,pos", ["positive (1)", "negative (-1)"]),
    ("positive (1), neutral (0)", ["positive (1)", "neutral (0)"]),
    ("all", ["positive (1)", "neutral (0)", "negative (-1)"]),
])
def test_select_labels(spec, names):
    d = bert_data.select_labels(bert_data.sample_dataset(), spec)
    assert d.label_names == names
    assert set(d.train.labels) == set(range(len(names)))


@pytest.mark.parametrize("spec", ["pos", "happy,sad", ""])
def test_select_labels_bad(spec):
    if spec == "":
        assert bert_data.select_labels(bert_data.sample_dataset(), spec).n_classes == 3  # empty = all
        return
    with pytest.raises(InvalidInput):
        bert_data.select_labels(bert_data.sample_dataset(), spec)


def test_select_missing_label():
    d = bert_data.load_labelled(("x.csv", "\n".join(f"s{i},{'pos' if i % 2 else 'neg'}" for i in range(20)).encode()))
    with pytest.raises(InvalidInput, match="neutral"):
        bert_data.select_labels(d, "pos,neu")


@pytest.mark.parametrize("name,blob,match", [
    ("e.csv", b"", "空"),
    ("b.tsv", b"\x00\x01\x02binary\x00" * 50, "バイナリ"),
    ("w.tsv", b"a\tb\tc\n", "列数"),
    ("w.csv", b"a,b,c\nd,e,f\n", "列数"),
    ("l.tsv", "id1\t5\t文\t{}\ttrain\n".encode(), "ラベル"),
    ("u.tsv", "id1\t1\t文\t{}\tfoo\n".encode(), "usage"),
    ("l.csv", "良い,1\n悪い,maybe\n".encode(), "ラベル"),
    ("s.csv", "良い,1\n悪い,-1\n".encode(), "件"),
    ("one.csv", "\n".join(f"文{i},1" for i in range(20)).encode(), "1 種類"),
    ("h.csv", "foo,label\nx,1\n".encode(), "text"),
    ("blank.csv", b"\n\n  \n", "データ行"),
])
def test_bad_inputs(name, blob, match):
    with pytest.raises(InvalidInput, match=match):
        bert_data.load_labelled((name, blob))


def test_missing_path():
    with pytest.raises(InvalidInput, match="見つかりません"):
        bert_data.load_labelled("/nonexistent/pn.tsv")


def test_missing_dev_is_carved_from_train():
    rows = [f"id{i}\t{1 if i % 2 else -1}\t文{i}\t{{}}\t{'test' if i < 4 else 'train'}" for i in range(40)]
    d = bert_data.load_labelled(("p.tsv", "\n".join(rows).encode()))
    assert len(d.dev) > 0 and any("dev" in n for n in d.notes)


def test_download_pn_offline(monkeypatch, tmp_path):
    import urllib.error

    def boom(*a, **k):
        raise urllib.error.URLError("no network")

    monkeypatch.setattr(pn.urllib.request, "urlopen", boom)
    with pytest.raises(ModelUnavailable) as e:
        pn.download_pn(tmp_path)
    assert "pn.tsv" in e.value.message and "jrte-corpus" in e.value.message
    assert "curl" in e.value.hint and not (tmp_path / "pn.tsv").exists()


def test_download_pn_writes_file_and_notice(monkeypatch, tmp_path):
    payload = _pn_lines().encode()

    class R:
        def __enter__(self):
            return self

        def __exit__(self, *a):
            return False

        def read(self):
            return payload

    monkeypatch.setattr(pn.urllib.request, "urlopen", lambda *a, **k: R())
    path = pn.download_pn(tmp_path)
    assert path == tmp_path / "pn.tsv" and path.read_bytes() == payload
    assert "CC BY-NC-SA 4.0" in (tmp_path / "pn.NOTICE.txt").read_text(encoding="utf-8")
    assert pn.load_pn(path).notice == pn.PN_NOTICE


def test_download_refuses_error_page(monkeypatch, tmp_path):
    class R:
        def __enter__(self):
            return self

        def __exit__(self, *a):
            return False

        def read(self):
            return b"<html>404</html>"

    monkeypatch.setattr(pn.urllib.request, "urlopen", lambda *a, **k: R())
    with pytest.raises(InvalidInput):
        pn.download_pn(tmp_path / "pn.tsv")
    assert not (tmp_path / "pn.tsv").exists()
