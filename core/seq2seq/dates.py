"""日付の正規化 (date normalisation) data: many real-world date formats → ISO ``YYYY-MM-DD``.

English ("September 27, 1994", "27 Sep 1994", "9/27/94", "TUESDAY, SEPTEMBER 27, 1994") and
Japanese ("1994年9月27日", "平成6年9月27日", "令和元年五月一日", "94/9/27", "一九九四年九月二十七日").

Era (元号) boundaries, first day of each era (the last day of the previous era is the day before):
明治 1868-10-23 (years counted from 1868 = 明治元年), 大正 1912-07-30, 昭和 1926-12-25,
平成 1989-01-08, 令和 2019-05-01. The first year of an era is written 元年.
Generated dates lie in 1873-01-01 … 2049-12-31 (Japan adopted the Gregorian calendar in 明治6年 =
1873, so earlier 明治 dates have no Gregorian month/day of the same number).

Every format is unambiguous by construction: two-digit years stand for 1950–2049 (pivot 50) and
the Japanese ``YY/M/D`` form is only produced when YY > 31, so it can never be read as the US
``M/D/YY`` form.
"""
from __future__ import annotations

import datetime as dt
import random

MIN_DATE = dt.date(1873, 1, 1)
MAX_DATE = dt.date(2049, 12, 31)

# (name, abbreviation, first day). Order matters: newest last.
ERAS = [
    ("明治", "M", dt.date(1868, 10, 23)),
    ("大正", "T", dt.date(1912, 7, 30)),
    ("昭和", "S", dt.date(1926, 12, 25)),
    ("平成", "H", dt.date(1989, 1, 8)),
    ("令和", "R", dt.date(2019, 5, 1)),
]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEEKDAYS_JA = "月火水木金土日"
KANJI_DIGITS = "〇一二三四五六七八九"


def iso(d: dt.date) -> str:
    return d.strftime("%Y-%m-%d")


def era_of(d: dt.date) -> tuple[str, int]:
    """The era name and era year of a date: era_of(date(1989, 1, 8)) == ("平成", 1)."""
    if d < ERAS[0][2]:
        raise ValueError(f"{d} is before 明治 (1868-10-23)")
    name, start_year = None, None
    for era, _abbr, start in ERAS:
        if d >= start:
            name, start_year = era, start.year
    if name == "明治":
        start_year = 1868  # 明治元年 is the whole of 1868 (the change of era was made retroactive)
    return name, d.year - start_year + 1


def era_abbr(name: str) -> str:
    return {era: abbr for era, abbr, _ in ERAS}[name]


def era_to_gregorian(name: str, year: int) -> int:
    """Western year of the era year (no boundary check): ("平成", 6) → 1994."""
    start = {era: s for era, _a, s in ERAS}[name]
    base = 1868 if name == "明治" else start.year
    return base + year - 1


def kanji_number(n: int) -> str:
    """Positional kanji numeral for 0 ≤ n < 100: 27 → 二十七, 10 → 十, 5 → 五, 64 → 六十四."""
    if not 0 <= n < 100:
        raise ValueError(n)
    if n < 10:
        return KANJI_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else KANJI_DIGITS[tens]) + "十" + (KANJI_DIGITS[ones] if ones else "")


def kanji_digits(n: int) -> str:
    """Digit-by-digit kanji: 1994 → 一九九四, 2020 → 二〇二〇."""
    return "".join(KANJI_DIGITS[int(c)] for c in str(n))


def era_year_text(year: int, kanji: bool = False) -> str:
    if year == 1:
        return "元"
    return kanji_number(year) if kanji else str(year)


# --- formats -----------------------------------------------------------------------------
# Each takes a date and returns the source string. Names are stable (used in tests and the UI).

def _md(d):  # September 27
    return f"{MONTHS[d.month - 1]} {d.day}"


def _fmt_long_us(d):
    return f"{_md(d)}, {d.year}"


def _fmt_short_us(d):
    return f"{MONTHS[d.month - 1][:3]} {d.day}, {d.year}"


def _fmt_long_eu(d):
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def _fmt_short_eu(d):
    return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"


def _fmt_weekday_upper(d):
    return f"{WEEKDAYS[d.weekday()]}, {_md(d)}, {d.year}".upper()


def _fmt_weekday(d):
    return f"{WEEKDAYS[d.weekday()]}, {_md(d)}, {d.year}"


def _fmt_lower(d):
    return _fmt_long_us(d).lower()


def _fmt_us_slash_yy(d):
    return f"{d.month}/{d.day}/{d.year % 100:02d}"


def _fmt_us_slash(d):
    return f"{d.month:02d}/{d.day:02d}/{d.year}"


def _fmt_eu_dots(d):
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


def _fmt_ja(d):
    return f"{d.year}年{d.month}月{d.day}日"


def _fmt_ja_padded(d):
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


def _fmt_ja_weekday(d):
    return f"{d.year}年{d.month}月{d.day}日({WEEKDAYS_JA[d.weekday()]})"


def _fmt_ja_slash(d):
    return f"{d.year}/{d.month}/{d.day}"


def _fmt_ja_slash_yy(d):
    return f"{d.year % 100:02d}/{d.month}/{d.day}"


def _fmt_era(d):
    era, y = era_of(d)
    return f"{era}{era_year_text(y)}年{d.month}月{d.day}日"


def _fmt_era_kanji(d):
    era, y = era_of(d)
    return f"{era}{era_year_text(y, kanji=True)}年{kanji_number(d.month)}月{kanji_number(d.day)}日"


def _fmt_era_abbr(d):
    era, y = era_of(d)
    return f"{era_abbr(era)}{y}.{d.month}.{d.day}"


def _fmt_kanji_digits(d):
    return f"{kanji_digits(d.year)}年{kanji_number(d.month)}月{kanji_number(d.day)}日"


def _yy_ok_us(d):
    return 1950 <= d.year <= 2049


def _yy_ok_ja(d):
    return 1950 <= d.year <= 2049 and d.year % 100 > 31


FORMATS = {
    # name: (function, language, condition)
    "long_us": (_fmt_long_us, "en", None),            # September 27, 1994
    "short_us": (_fmt_short_us, "en", None),          # Sep 27, 1994
    "long_eu": (_fmt_long_eu, "en", None),            # 27 September 1994
    "short_eu": (_fmt_short_eu, "en", None),          # 27 Sep 1994
    "weekday_upper": (_fmt_weekday_upper, "en", None),  # TUESDAY, SEPTEMBER 27, 1994
    "weekday": (_fmt_weekday, "en", None),            # Tuesday, September 27, 1994
    "lower": (_fmt_lower, "en", None),                # september 27, 1994
    "us_slash_yy": (_fmt_us_slash_yy, "en", _yy_ok_us),  # 9/27/94
    "us_slash": (_fmt_us_slash, "en", None),          # 09/27/1994
    "eu_dots": (_fmt_eu_dots, "en", None),            # 27.09.1994
    "ja": (_fmt_ja, "ja", None),                      # 1994年9月27日
    "ja_padded": (_fmt_ja_padded, "ja", None),        # 1994年09月27日
    "ja_weekday": (_fmt_ja_weekday, "ja", None),      # 1994年9月27日(火)
    "ja_slash": (_fmt_ja_slash, "ja", None),          # 1994/9/27
    "ja_slash_yy": (_fmt_ja_slash_yy, "ja", _yy_ok_ja),  # 94/9/27
    "era": (_fmt_era, "ja", None),                    # 平成6年9月27日, 令和元年5月1日
    "era_kanji": (_fmt_era_kanji, "ja", None),        # 平成六年九月二十七日, 令和元年五月一日
    "era_abbr": (_fmt_era_abbr, "ja", None),          # H6.9.27
    "kanji_digits": (_fmt_kanji_digits, "ja", None),  # 一九九四年九月二十七日
}


def format_date(d: dt.date, fmt: str) -> str:
    fn, _lang, cond = FORMATS[fmt]
    if cond is not None and not cond(d):
        raise ValueError(f"format {fmt} does not apply to {d}")
    return fn(d)


def random_date(rng: random.Random) -> dt.date:
    span = (MAX_DATE - MIN_DATE).days
    return MIN_DATE + dt.timedelta(days=rng.randrange(span + 1))


def generate_dates(n: int, seed: int = 0, formats: list[str] | None = None) -> list[tuple[str, str]]:
    """``n`` (source, ISO target) pairs, formats drawn uniformly, deterministic for ``seed``.

    Dates are sampled uniformly in MIN_DATE…MAX_DATE, with one pair in ten placed within a week
    of an era boundary so the model sees the 元年 / last-year cases often enough.
    """
    rng = random.Random(seed)
    names = list(formats or FORMATS)
    boundaries = [start for _e, _a, start in ERAS[1:]]
    pairs = []
    while len(pairs) < n:
        if rng.random() < 0.1:
            d = rng.choice(boundaries) + dt.timedelta(days=rng.randint(-7, 7))
        else:
            d = random_date(rng)
        fmt = rng.choice(names)
        cond = FORMATS[fmt][2]
        if cond is not None and not cond(d):
            continue
        pairs.append((FORMATS[fmt][0](d), iso(d)))
    return pairs
