"""Strings of the seq2seq page's addition task and input-reversal tab (issue 27, item 1)."""
PREFIXES = ("s2s.add", "s2s.rev")
STRINGS = {
    "s2s.add.digits": {"ja": "各数の最大桁数", "en": "Digits per number (at most)"},
    "s2s.add.explain": {"ja": "教科書のもう 1 つの seq2seq の練習問題です。問題文を 1 文字ずつ読み、答えを 1 文字ずつ書きます。"
                              "繰り上がりは問題の末尾の桁から決まりますが、答えは先頭の桁から書くので、入力を逆順にする工夫 (input reversal) が効きます。",
                        "en": "The book's other seq2seq exercise: read the question character by character, write the sum "
                              "character by character. Carries start at the question's last digits while the answer starts "
                              "with its first digit, which is why reversing the input helps."},
    "s2s.rev.explain": {"ja": "同じデータ・同じ予算で、入力をそのまま読むモデルと逆順に読むモデルを交互に 1 エポックずつ学習し、"
                              "検証の完全一致率を比べます（既定は足し算。注意機構を「なし」にすると差が大きく出やすくなります）。",
                        "en": "Same data, same budget: a model reading the input as written and one reading it reversed train "
                              "one epoch each in turn; compare validation exact match (addition by default)."},
    "s2s.rev.start": {"ja": "反転あり・なしを比較", "en": "Compare reversed vs forward"},
    "s2s.rev.none": {"ja": "まだ比較していません。条件を選んで「反転あり・なしを比較」を押してください。",
                     "en": "Not compared yet. Choose the settings and press Compare."},
    "s2s.rev.forward": {"ja": "そのまま (forward)", "en": "forward"},
    "s2s.rev.reversed": {"ja": "逆順 (reversed)", "en": "reversed"},
    "s2s.rev.col.model": {"ja": "入力の読み方", "en": "Input order"},
    "s2s.rev.col.example": {"ja": "エンコーダが読む例", "en": "What the encoder reads"},
    "s2s.rev.col.epochs": {"ja": "エポック", "en": "Epochs"},
    "s2s.rev.col.seconds": {"ja": "学習時間（秒）", "en": "Training time (s)"},
    "s2s.rev.summary": {"ja": "同じ予算で: そのまま {fwd:.1%}、逆順 {rev:.1%}（差 {diff:+.1f} ポイント）。",
                        "en": "At the same budget: forward {fwd:.1%}, reversed {rev:.1%} ({diff:+.1f} points)."},
}
