"""The text a language model learns from: the built-in Japanese text (written for this project),
its check (``prepare_text``), character and word (fugashi) tokens, and the vocabulary."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from core import InputTooLong, InvalidInput, OutOfVocabulary, term_en
from core.limits import CLASSROOM, Limits
from core.text import normalize_input

BUILTIN_TEXT = """\
春になると、町の川沿いに桜が咲きます。朝、猫は窓のそばで目をさまします。猫は外を見て、鳥の声を聞きます。
わたしは毎朝、猫にごはんをあげます。猫はごはんを食べて、それからまた眠ります。
学校へ行く道には、小さなパン屋があります。パン屋のおじさんは、毎朝早く起きてパンを焼きます。
焼きたてのパンのにおいが、道いっぱいに広がります。わたしはパンを一つ買って、学校へ行きます。
学校では、先生がことばの話をします。ことばは、となりのことばと一緒に意味を作ります。
先生は言いました。「同じ所に出てくることばは、似た意味を持つことが多いのです。」
わたしはノートに書きました。ことばは、まわりのことばで決まる。
夏になると、川で子どもたちが遊びます。子どもたちは水をかけあって、大きな声で笑います。
夕方になると、空が赤くなります。猫は屋根の上で、赤い空を見ています。
夜、わたしは本を読みます。本の中では、小さなロボットが旅をしています。
ロボットは毎日、一つずつ新しいことばを覚えます。覚えたことばを使って、ロボットは友だちと話します。
ロボットは言いました。「昨日のことを覚えているから、今日のことばがわかるのです。」
秋になると、山の木が赤や黄色に変わります。わたしは家族と山へ行きます。
山の上で、わたしたちはおにぎりを食べます。おにぎりの中には、梅ぼしが入っています。
帰り道、猫のことを思い出します。猫は家で待っています。
冬になると、町に雪が降ります。雪の朝、猫は窓のそばから動きません。
わたしは雪の中を学校へ行きます。パン屋のおじさんは、雪の日もパンを焼きます。
学校では、先生がまたことばの話をします。前のことばを覚えておくと、次のことばが予測できます。
忘れてもよいことは忘れて、大切なことだけを覚えておく。それが上手な覚え方だと、先生は言いました。
わたしはノートに書きました。覚えること、忘れること、そして次を予測すること。
春になると、また川沿いに桜が咲きます。猫は窓のそばで目をさまします。
わたしは毎朝、猫にごはんをあげます。そして、学校へ行きます。
"""

MAX_VOCAB_WORDS = 3000


def tokens_of(text: str, level: str = "char") -> list[str]:
    """Characters (newlines kept as tokens) or fugashi words (each line ends with "\\n")."""
    if level == "char":
        return list(text)
    if level == "word":
        from core.text import wakati

        out: list[str] = []
        for line in text.split("\n"):
            if line.strip():
                out += wakati(line)
                out.append("\n")
        return out
    raise InvalidInput(f"単位「{level}」は使えません。char（文字）か word（単語）を選んでください。",
                       en=f"The unit \"{level}\" cannot be used. Choose char (characters) or word (words).")


def prepare_text(text: str | None, limits: Limits = CLASSROOM) -> str:
    """Validate the training text: not empty, more than one distinct character, within the cap
    (``limits.max_text_chars``: a classroom server's, or what the operator's machine holds)."""
    if text is None:
        text = BUILTIN_TEXT
    cleaned = normalize_input(text)
    if not cleaned:
        raise InvalidInput("学習に使うテキストが空です。文章を貼り付けるか、組み込みの文章を使ってください。",
                           en="The training text is empty. Paste some text or use the built-in text.")
    cap = limits.max_text_chars
    if len(cleaned) > cap and limits.shared:
        raise InputTooLong(f"テキストが長すぎます（{len(cleaned):,} 文字）。この教室用サーバーでは "
                           f"{cap:,} 文字までです。一部を選んで貼り付けてください。",
                           en=f"The text is too long ({len(cleaned):,} characters). This classroom server allows up to "
                              f"{cap:,} characters. Paste a part of it.")
    if len(cleaned) > cap:
        raise InputTooLong(f"テキストが長すぎます（{len(cleaned):,} 文字）。{cap:,} 文字までにしてください"
                           "（このマシンで扱える大きさ）。",
                           en=f"The text is too long ({len(cleaned):,} characters). Use at most {cap:,} characters "
                              "(what this machine can hold).")
    if len(cleaned) < 20 or len(set(cleaned)) < 2:
        raise InvalidInput(f"テキストが短すぎます（{len(cleaned)} 文字、{len(set(cleaned))} 種類）。"
                           "次の文字を予測するには、何種類もの文字が並んだ文章（20 文字以上、できれば数百文字）が必要です。",
                           en=f"The text is too short ({len(cleaned)} characters, {len(set(cleaned))} different). "
                              "Predicting the next character needs text with many different characters (20 or more, a few hundred if possible).")
    return cleaned + "\n"


@dataclass
class Vocab:
    itos: list[str]
    level: str

    def __post_init__(self):
        self.stoi = {s: i for i, s in enumerate(self.itos)}

    def __len__(self) -> int:
        return len(self.itos)

    @classmethod
    def build(cls, tokens: list[str], level: str) -> "Vocab":
        counts = Counter(tokens)
        itos = sorted(counts, key=lambda s: (-counts[s], s))  # most frequent first
        if len(itos) > MAX_VOCAB_WORDS:
            raise InputTooLong(f"語彙が多すぎます（{len(itos):,} 種類）。{MAX_VOCAB_WORDS:,} 種類以内になるよう、"
                               "テキストを短くするか文字単位 (char) にしてください。",
                               en=f"Too large a vocabulary ({len(itos):,} types). Shorten the text or use characters (char) "
                                  f"so it stays within {MAX_VOCAB_WORDS:,} types.")
        return cls(itos, level)

    def encode(self, tokens: list[str], *, what: str = "プロンプト") -> list[int]:
        missing = [t for t in tokens if t not in self.stoi]
        if missing:
            shown = "、".join(dict.fromkeys("⏎" if m == "\n" else m for m in missing))
            unit = "文字" if self.level == "char" else "単語"
            unit_en = "character" if self.level == "char" else "word"
            raise OutOfVocabulary(
                f"{what}に、学習テキストに出てこない{unit}があります: {shown}。"
                f"モデルはこれらの{unit}を知りません。学習テキストにある{unit}だけで書いてください。",
                en=f"{term_en(what, cap=True)} has {unit_en}s that never appear in the training text: {shown}. "
                   f"The model does not know them. Write only with {unit_en}s from the training text.",
                word=missing[0], suggestions=self.examples())
        return [self.stoi[t] for t in tokens]

    def examples(self, n: int = 10) -> list[str]:
        return [s for s in self.itos if s.strip()][:n]
