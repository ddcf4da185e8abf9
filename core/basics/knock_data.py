"""The chapter-8 task's data set (言語処理100本ノック 第8章): short Japanese news-style headlines in
the original's four categories, written for this project and shipped as ``knock_news.tsv``.

The original task uses the English UCI News Aggregator headlines (b = business, t = science and
technology, e = entertainment, m = health), which this app cannot ship. This set keeps the four
categories and the 80 / 10 / 10 train / valid / test split, but its sentences are composed here
from the per-category phrase lists below (subject × object × predicate, chosen by a fixed seed),
so it is small, Japanese and far easier than real news: a lecture-sized stand-in, not a benchmark.
Licence: CC0 1.0 (public-domain dedication), see knock_news.LICENSE.md next to the data.

    python -m core.basics.knock_data        # rewrites knock_news.tsv (a test checks it matches)
"""
from __future__ import annotations

import pathlib
import random

PATH = pathlib.Path(__file__).with_name("knock_news.tsv")
LABELS = ("b", "t", "e", "m")  # the original's category codes, in its order
PER_CLASS = 60
SEED = 8  # chapter 8

# category → (subjects, objects, predicates); a headline is f"{subject}が{object}{predicate}"
PHRASES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "b": (("日銀", "大手銀行", "自動車メーカー", "商社", "証券会社", "政府", "電力会社", "百貨店", "航空会社", "投資家"),
          ("金利", "株価", "決算", "売上高", "円安", "設備投資", "配当", "輸出", "賃金", "物価"),
          ("の見通しを引き上げ", "の下落を警戒", "について発表", "の回復を期待", "の影響を分析", "を巡り協議")),
    "t": (("研究チーム", "宇宙機関", "半導体メーカー", "大学", "通信会社", "ソフトウェア企業", "物理学者", "ロボット開発者",
           "IT 企業", "技術者"),
          ("新型スマートフォン", "量子コンピューター", "人工知能", "ロケット", "半導体", "通信網", "電池", "衛星", "ロボット",
           "プログラム"),
          ("を開発", "の試験に成功", "を公開", "の性能を改良", "の実験を開始", "を打ち上げ")),
    "e": (("人気歌手", "映画監督", "俳優", "アイドルグループ", "お笑い芸人", "女優", "人気バンド", "声優", "作家", "ドラマ制作陣"),
          ("新曲", "主演映画", "コンサート", "ドラマ", "アルバム", "舞台", "ライブ", "映画祭", "新作アニメ", "写真集"),
          ("を発表", "の撮影を終了", "で観客を魅了", "の公開日を告知", "で賞を受賞", "の続編を予告")),
    "m": (("厚生労働省", "医師", "病院", "製薬会社", "保健所", "看護師", "研究者", "患者団体", "栄養士", "医療機関"),
          ("インフルエンザ", "ワクチン", "がん治療", "睡眠不足", "高血圧", "感染症", "新薬", "花粉症", "糖尿病", "肥満"),
          ("への注意を呼びかけ", "の予防法を紹介", "の臨床試験を開始", "の患者が増加", "の治療効果を確認",
           "の検査を拡大")),
}


def build() -> list[tuple[str, str, str]]:
    """[(label, text, split)]: PER_CLASS distinct headlines per category, then a seeded shuffle
    and an 80 / 10 / 10 split (the chapter's train / valid / test)."""
    rng = random.Random(SEED)
    rows = []
    for label in LABELS:
        subjects, objects, predicates = PHRASES[label]
        combos = [(s, o, p) for s in subjects for o in objects for p in predicates]
        for s, o, p in rng.sample(combos, PER_CLASS):
            rows.append((label, f"{s}が{o}{p}", ""))
    rng.shuffle(rows)
    n = len(rows)
    cut1, cut2 = int(n * 0.8), int(n * 0.9)
    return [(lab, text, "train" if i < cut1 else "valid" if i < cut2 else "test")
            for i, (lab, text, _) in enumerate(rows)]


def write(path: pathlib.Path = PATH) -> None:
    lines = ["label\ttext\tsplit"] + ["\t".join(r) for r in build()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write()
