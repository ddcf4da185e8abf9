"""Date formats (era boundaries, 元年, kanji numerals), the toy grammar, TSV parsing and splits."""
import datetime as dt
import re

import pytest

from core import InputTooLong, InvalidInput
from core.seq2seq import dates, grammar
from core.seq2seq.data import Pairs, Vocab, dataset, detokenize, parse_tsv, read_tsv_bytes, split, tokenize

D = dt.date


@pytest.mark.parametrize("day, era_text", [
    (D(1912, 7, 29), "明治45年7月29日"), (D(1912, 7, 30), "大正元年7月30日"),
    (D(1926, 12, 24), "大正15年12月24日"), (D(1926, 12, 25), "昭和元年12月25日"),
    (D(1989, 1, 7), "昭和64年1月7日"), (D(1989, 1, 8), "平成元年1月8日"),
    (D(2019, 4, 30), "平成31年4月30日"), (D(2019, 5, 1), "令和元年5月1日"),
    (D(1994, 9, 27), "平成6年9月27日"), (D(1873, 1, 1), "明治6年1月1日"), (D(2020, 1, 1), "令和2年1月1日"),
])
def test_era_boundaries(day, era_text):
    assert dates.format_date(day, "era") == era_text


def test_era_kanji_and_abbreviation():
    assert dates.format_date(D(2019, 5, 1), "era_kanji") == "令和元年五月一日"
    assert dates.format_date(D(1989, 1, 7), "era_kanji") == "昭和六十四年一月七日"
    assert dates.format_date(D(1994, 9, 27), "era_kanji") == "平成六年九月二十七日"
    assert dates.format_date(D(2019, 4, 30), "era_abbr") == "H31.4.30"
    assert dates.era_of(D(1868, 10, 23)) == ("明治", 1)
    with pytest.raises(ValueError):
        dates.era_of(D(1868, 10, 22))


def test_kanji_numerals():
    assert [dates.kanji_number(n) for n in (5, 10, 11, 20, 27, 31, 64)] == \
        ["五", "十", "十一", "二十", "二十七", "三十一", "六十四"]
    assert dates.kanji_digits(1994) == "一九九四" and dates.kanji_digits(2020) == "二〇二〇"


def test_issue_examples():
    d = D(1994, 9, 27)
    got = {f: dates.format_date(d, f) for f in dates.FORMATS if f not in ("era",)}
    for example in ["September 27, 1994", "27 Sep 1994", "9/27/94", "TUESDAY, SEPTEMBER 27, 1994",
                    "1994年9月27日", "94/9/27", "一九九四年九月二十七日"]:
        assert example in got.values(), example


_KANJI = {c: i for i, c in enumerate(dates.KANJI_DIGITS)}


def _kanji_to_int(s: str) -> int:
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_KANJI[tens] if tens else 1) * 10 + (_KANJI[ones] if ones else 0)
    return _KANJI[s]


def test_generated_era_pairs_convert_back():
    """Independent check: parse every generated era string and compare with the ISO target."""
    pairs = dates.generate_dates(3000, seed=3, formats=["era", "era_kanji"])
    for src, iso in pairs:
        m = re.fullmatch(r"(明治|大正|昭和|平成|令和)(.+)年(.+)月(.+)日", src)
        assert m, src
        era, y, mo, da = m.groups()
        y = 1 if y == "元" else (int(y) if y.isdigit() else _kanji_to_int(y))
        mo = int(mo) if mo.isdigit() else _kanji_to_int(mo)
        da = int(da) if da.isdigit() else _kanji_to_int(da)
        day = D(dates.era_to_gregorian(era, y), mo, da)
        assert dates.iso(day) == iso, src
        assert dates.era_of(day) == (era, y), src  # the era is the right one for that day


def test_generated_data_is_a_function_and_deterministic():
    pairs = dates.generate_dates(20000, seed=1)
    assert pairs[:50] == dates.generate_dates(50, seed=1)
    mapping = {}
    for s, t in pairs:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", t)
        assert mapping.setdefault(s, t) == t, f"ambiguous source {s!r}"
    years = {int(t[:4]) for _, t in pairs}
    assert min(years) >= 1873 and max(years) <= 2049
    for s, t in pairs:  # 2-digit years: 1950–2049; M/D/YY and YY/M/D never both readable
        m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{1,2})", s)
        if m:
            a, b, c = map(int, m.groups())
            assert 1950 <= int(t[:4]) <= 2049
            us = a <= 12 and b <= 31 and f"{c:02d}-{a:02d}-{b:02d}" == t[2:]
            ja = a > 31 and f"{a:02d}-{b:02d}-{c:02d}" == t[2:]
            assert us != ja, s


def test_toy_grammar_reorders_and_agrees():
    pairs = grammar.generate_pairs(3000, seed=0)
    assert len(pairs) == 3000 and len({j for j, _ in pairs}) == 3000
    by_src = dict(pairs)
    assert all(e == e.lower() for e in by_src.values())
    assert grammar.vocabulary_size()["japanese_words"] >= 200
    # subject–verb agreement and negation
    assert any(" sees " in e or e.startswith("he sees") for e in by_src.values())
    for j, e in pairs:
        if j.startswith("私は") and e.split()[1] in ("does",):
            pytest.fail(e)
    ja, en = grammar.generate_pair(__import__("random").Random(0))
    assert ja and en


def test_tsv_parsing_and_errors():
    pairs = parse_tsv("  猫 \t cat \n\n犬\tdog\textra\n")
    assert pairs == [("猫", "cat"), ("犬", "dog")]
    with pytest.raises(InvalidInput, match="2 行目"):
        parse_tsv("a\tb\nno tab here\n")
    with pytest.raises(InvalidInput):
        parse_tsv("\n\n")
    with pytest.raises(InvalidInput):
        read_tsv_bytes(b"\x00\x01\x02binary\x00" * 50)
    with pytest.raises(InputTooLong):
        parse_tsv("a\tb\n" * 11, max_pairs=10)
    assert read_tsv_bytes("猫\tcat\n".encode("cp932")) == [("猫", "cat")]


def test_tokenize_split_vocab():
    assert tokenize("9 月", "char") == ["9", "▁", "月"]
    assert detokenize(["9", "▁", "月"], "char") == "9 月"
    assert tokenize("i saw a cat.", "word") == ["i", "saw", "a", "cat", "."]
    assert tokenize("私は猫を見た", "word") == ["私", "は", "猫", "を", "見", "た"]
    assert detokenize(["i", "saw", "a", "cat", "."], "word") == "i saw a cat."
    p = Pairs([(str(i), str(i)) for i in range(20)])
    tr, va = split(p, 0.1)
    assert len(tr) == 18 and len(va) == 2 and va.raw == [("18", "18"), ("19", "19")]
    with pytest.raises(InvalidInput):
        split(p, 0.0)
    v = Vocab.build([["a", "b"], ["b", "c"]])
    assert v.decode(v.encode(["c", "a"]) + [2, 5]) == ["c", "a"]
    assert v.unknown(["a", "z"]) == ["z"]
    toy = dataset("toy", 50)
    assert toy.src_level == "word" and "は" in toy.src[0]
    with pytest.raises(InvalidInput):
        dataset("nope", 10)
