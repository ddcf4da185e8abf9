"""確認クイズ (quick checks): short questions written for this course, 2–4 per page, each tied
to the live demo of that page. Data only (the page and the CLI read the same bank).

A question is multiple choice (``answer`` = index of the right choice) or numeric (``answer`` = a
number; students type it). Every text has Japanese and English; ``reason`` is the feedback.
A typed answer is read as a number one way everywhere (``parse_number``: the page's own check;
``normalize_text_answer``: how a live class counts it, core.classroom).
"""
from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

from core import InvalidInput

MAX_TEXT_ANSWER = 40  # characters of a typed answer that are kept (and counted in a live class)


def normalize_text_answer(value) -> str:
    """A free-text (numeric) answer as counted: NFKC, trimmed, at most MAX_TEXT_ANSWER chars,
    a number written canonically ("８．０" → "8"). Kept as text: pages escape it when shown."""
    s = unicodedata.normalize("NFKC", str(value or "")).strip()
    if not s:
        raise InvalidInput("答えを入力してください。",
                           en="Enter an answer.")
    s = s[:MAX_TEXT_ANSWER]
    number = parse_number(s)
    return s if number is None else format_number(number)


def parse_number(s: str) -> float | None:
    try:
        x = float(unicodedata.normalize("NFKC", str(s)).strip().replace(",", ""))
    except ValueError:
        return None
    return x if math.isfinite(x) else None


def format_number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


@dataclass(frozen=True)
class Question:
    id: str
    page: str  # url_path of the page ("attention", …)
    question: dict  # {"ja": ..., "en": ...}
    choices: tuple  # ({"ja", "en"}, ...); empty for a numeric question
    answer: float | int  # index into choices, or the number
    reason: dict
    tab: str = ""  # i18n key of the tab the question is about (the page's demo to look at)

    @property
    def kind(self) -> str:
        return "choice" if self.choices else "number"

    def text(self, lang: str = "ja") -> str:
        return self.question.get(lang) or self.question["ja"]

    def choice_texts(self, lang: str = "ja") -> list[str]:
        return [c.get(lang) or c["ja"] for c in self.choices]

    def answer_text(self, lang: str = "ja") -> str:
        if self.kind == "choice":
            return self.choice_texts(lang)[int(self.answer)]
        return format_number(float(self.answer))

    def why(self, lang: str = "ja") -> str:
        return self.reason.get(lang) or self.reason["ja"]

    def is_correct(self, value) -> bool:
        """``value``: a choice index, or typed text / a number for a numeric question."""
        if self.kind == "choice":
            try:
                return int(value) == int(self.answer)
            except (TypeError, ValueError):
                return False
        x = parse_number(value)
        return x is not None and abs(x - float(self.answer)) <= 1e-6 * max(1.0, abs(float(self.answer)))

    def to_json(self, lang: str = "ja") -> dict:
        """The CLI contract: {"id", "question", "choices", "answer"} (answer: the right choice's
        text, or the number)."""
        return {"id": self.id, "question": self.text(lang), "choices": self.choice_texts(lang),
                "answer": self.answer_text(lang) if self.kind == "choice" else self.answer}


def _q(qid, page, tab, ja, en, choices, answer, why_ja, why_en) -> Question:
    return Question(qid, page, {"ja": ja, "en": en}, tuple({"ja": a, "en": b} for a, b in choices),
                    answer, {"ja": why_ja, "en": why_en}, tab)


BANK: tuple[Question, ...] = (
    # --- basics ---------------------------------------------------------------------------
    _q("basics-softmax", "basics", "basics.tab.softmax",
       "ロジット (6, 4) の softmax で、1 つ目の確率 y₁ はおよそいくつ？（e⁶ ≈ 403、e⁴ ≈ 55）",
       "Softmax of the logits (6, 4): about how large is y₁? (e⁶ ≈ 403, e⁴ ≈ 55)",
       [("0.88", "0.88"), ("0.60", "0.60"), ("0.12", "0.12"), ("1.00", "1.00")],
       0, "y₁ = e⁶ / (e⁶ + e⁴) ≈ 403 / 458 ≈ 0.88。差が 2 なので比は e² ≈ 7.4 倍です（max を引いても同じ値）。",
       "y₁ = e⁶ / (e⁶ + e⁴) ≈ 403 / 458 ≈ 0.88: a difference of 2 is a ratio e² ≈ 7.4 (the same after subtracting the max)."),
    _q("basics-coin", "basics", "basics.tab.entropy",
       "公平なコイン（表 0.5・裏 0.5）のエントロピー H(p) は何ビット？（数で答える）",
       "What is the entropy H(p) of a fair coin (0.5 / 0.5) in bits? (a number)",
       [], 1, "H = −(0.5 log₂ 0.5 + 0.5 log₂ 0.5) = 1 ビット。モデル q = (0.4, 0.6) で測った交差エントロピー H(p, q) ≈ 1.029 は"
              "これより必ず大きくなります。",
       "H = −(0.5 log₂ 0.5 + 0.5 log₂ 0.5) = 1 bit; the cross entropy with a model q = (0.4, 0.6), H(p, q) ≈ 1.029, is always larger."),
    _q("basics-sigmoid", "basics", "basics.tab.backprop",
       "シグモイドの微分 σ′(u) = σ(u)(1 − σ(u)) の最大値は？ ReLU′ は正の側で 1 です。",
       "What is the largest value of the sigmoid's derivative σ′(u) = σ(u)(1 − σ(u))? (ReLU′ is 1 on the positive side.)",
       [("0.25", "0.25"), ("0.5", "0.5"), ("1", "1"), ("上限はない", "it has no bound")],
       0, "u = 0 で σ = 0.5、σ′ = 0.5 × 0.5 = 0.25。10 層なら最大でも 0.25¹⁰ ≈ 10⁻⁶ 倍になり勾配が消えます。ReLU は 1 のまま通します。",
       "At u = 0, σ = 0.5 and σ′ = 0.25; ten layers multiply by at most 0.25¹⁰ ≈ 10⁻⁶. ReLU passes 1 through."),
    _q("basics-knockW", "basics", "basics.tab.knock",
       "100本ノック 第8章: 特徴量 x が 300 次元、カテゴリが 4 つ。ŷ = softmax(xW) の W の形は？",
       "100 knocks ch. 8: x has 300 dimensions and there are 4 categories. What is the shape of W in ŷ = softmax(xW)?",
       [("300 × 4", "300 × 4"), ("4 × 300", "4 × 300"), ("300 × 300", "300 × 300"), ("4 × 4", "4 × 4")],
       0, "x は 1 × 300 の行ベクトル、(1 × 300)(300 × 4) → 1 × 4 のロジット。4 例を並べた X（4 × 300）なら Ŷ は 4 × 4 です。",
       "x is a 1 × 300 row: (1 × 300)(300 × 4) → 1 × 4 logits; four examples X (4 × 300) give Ŷ of 4 × 4."),
    # --- word2vec -------------------------------------------------------------------------
    _q("w2v-cbow", "word2vec", "w2v.tab.mechanics",
       "CBOW は何から何を予測する？（「今日 は 朝 ？ 起き まし た」）",
       "What does CBOW predict from what? (“今日 は 朝 ？ 起き まし た”)",
       [("周りの単語から、真ん中の単語", "the centre word from the surrounding words"),
        ("真ん中の単語から、周りの単語", "the surrounding words from the centre word"),
        ("前の文から、次の文", "the next sentence from the previous one"),
        ("単語から、その品詞", "a word's part of speech from the word")],
       0, "CBOW は文脈の単語ベクトルの平均 h から中心語を softmax で当てます。逆向き（中心語→周り）は skip-gram です。",
       "CBOW averages the context words' vectors into h and predicts the centre word with a softmax; the reverse is skip-gram."),
    _q("w2v-noise", "word2vec", "w2v.tab.mechanics",
       "負例サンプリング (negative sampling) では、単語の出現頻度を何乗した分布から負例を選ぶ？",
       "Negative sampling draws negatives from the unigram distribution raised to which power?",
       [("0.5 乗", "0.5"), ("0.75 乗", "0.75"), ("1 乗（頻度そのまま）", "1 (plain frequency)"), ("2 乗", "2")],
       1, "count(w)^0.75 で分布が平らになり、まれな単語が頻度どおりより多く、頻出語が少なめに選ばれます。",
       "count(w)^0.75 flattens the distribution: rare words are drawn more often than their frequency, frequent ones less."),
    _q("w2v-cos", "word2vec", "w2v.tab.neighbors",
       "ベクトル v と 2v のコサイン類似度 (cosine similarity) はいくつ？（数で答える）",
       "What is the cosine similarity of a vector v and 2v? (a number)",
       [], 1, "コサイン類似度は向きだけを比べ、長さを無視します。同じ向きなら 1 です。",
       "Cosine similarity compares directions only and ignores length: the same direction gives 1."),
    # --- lstm -------------------------------------------------------------------------------
    _q("lstm-forget", "lstm", "lstm.tab.gates",
       "LSTM でセルの記憶 c_{t−1} をどれだけ消すか（リセットするか）を決めるゲートは？",
       "Which LSTM gate decides how much of the cell c_{t−1} is erased (reset)?",
       [("忘却ゲート f_t (forget gate)", "the forget gate f_t"), ("入力ゲート i_t (input gate)", "the input gate i_t"),
        ("出力ゲート o_t (output gate)", "the output gate o_t"), ("更新ゲート z_t (update gate)", "the update gate z_t")],
       0, "c_t = f_t ⊙ c_{t−1} + i_t ⊙ c̃_t。f_t が 0 に近いと前の記憶が消えます（「セルの中」タブのヒートマップ）。",
       "c_t = f_t ⊙ c_{t−1} + i_t ⊙ c̃_t: f_t near 0 erases the old memory (see the heatmaps of the gates tab)."),
    _q("lstm-vanish", "lstm", "lstm.tab.gradients",
       "素の RNN で遠い過去への勾配 ‖∂L_T/∂h_k‖ が消えやすいのはなぜ？",
       "Why does a plain RNN's gradient ‖∂L_T/∂h_k‖ to the distant past vanish?",
       [("∂h_t/∂h_{t−1}（W_h と tanh′）を何度も掛けるから", "∂h_t/∂h_{t−1} (W_h and tanh′) is multiplied many times"),
        ("学習率が大きすぎるから", "the learning rate is too large"),
        ("ミニバッチが小さいから", "the mini-batch is too small"),
        ("出力層が softmax だから", "the output layer is a softmax")],
       0, "BPTT では時刻ごとのヤコビアンの積になり、1 より小さい倍率が重なると指数的に小さくなります。LSTM はセルの加算経路で和らげます。",
       "BPTT multiplies one Jacobian per step; factors below 1 shrink it exponentially. The LSTM's additive cell path eases this."),
    _q("lstm-clip", "lstm", "lstm.tab.gradients",
       "勾配クリッピングの閾値が V = 5、勾配のノルムが ‖g‖ = 20 のとき、クリップ後のノルムは？（数で答える）",
       "Gradient clipping with threshold V = 5 and ‖g‖ = 20: what is the norm after clipping? (a number)",
       [], 5, "‖g‖ > V なら g ← g·V/‖g‖。向きはそのまま、長さが V = 5 になります。",
       "If ‖g‖ > V then g ← g·V/‖g‖: same direction, length V = 5."),
    # --- seq2seq ----------------------------------------------------------------------------
    _q("s2s-bottleneck", "seq2seq", "s2s.tab.compare",
       "注意機構なしの seq2seq が長い入力で苦手になる主な理由は？",
       "Why does a seq2seq model without attention struggle with long inputs?",
       [("入力全体を固定長のベクトル 1 つに詰め込むから", "the whole input is squeezed into one fixed-size vector"),
        ("デコーダが文字しか出せないから", "the decoder can only output characters"),
        ("ビームサーチが使えないから", "beam search cannot be used"),
        ("語彙が足りないから", "the vocabulary is too small")],
       0, "エンコーダの最後の隠れ状態だけを渡すと情報が詰まります。注意はデコーダの各時刻にエンコーダの全状態を見せます。",
       "Passing only the encoder's last hidden state is a bottleneck; attention lets every decoder step look at all encoder states."),
    _q("s2s-beam", "seq2seq", "s2s.tab.translate",
       "ビーム幅 k = 1 のビームサーチは、どの探索と同じ？",
       "Beam search with beam width k = 1 is the same as which search?",
       [("貪欲法 (greedy)", "greedy decoding"), ("全探索 (exhaustive)", "exhaustive search"),
        ("温度つきサンプリング", "sampling with a temperature"), ("教師強制 (teacher forcing)", "teacher forcing")],
       0, "候補を 1 つだけ残すので、毎時刻で確率最大の記号を選ぶ貪欲法と同じです。",
       "Keeping one candidate means taking the most probable symbol at each step: greedy decoding."),
    _q("s2s-teacher", "seq2seq", "s2s.tab.train",
       "教師強制 (teacher forcing) とは？",
       "What is teacher forcing?",
       [("学習中、デコーダの次の入力に前の時刻の正解を入れること", "feeding the decoder the previous true token during training"),
        ("推論中、正解を見ながら出力すること", "looking at the reference while decoding at test time"),
        ("エンコーダを先に学習すること", "training the encoder first"),
        ("勾配をクリップすること", "clipping the gradient")],
       0, "自分の（間違った）出力ではなく正解を次の入力にすると学習が安定します。推論では正解がないので自分の出力を使います。",
       "Feeding the true previous token instead of the model's own (possibly wrong) output stabilises training; at test time the model feeds itself."),
    # --- attention --------------------------------------------------------------------------
    _q("att-scale", "attention", "att.tab.sdpa",
       "d_k = 64 のとき、QKᵀ を √d_k で割ると値は何分の 1 になる？（数で答える）",
       "With d_k = 64, scaling divides QKᵀ by what factor? (a number)",
       [], 8, "√64 = 8。内積の大きさは d_k とともに増えるので、割らないと softmax が飽和し（1 か所に集中し）勾配が小さくなります。",
       "√64 = 8. Dot products grow with d_k; without the scaling the softmax saturates (puts all weight on one key) and gradients shrink."),
    _q("att-rowsum", "attention", "att.tab.sdpa",
       "softmax のあと、1 つのクエリ（重みの 1 行）の注意の重みを全部足すといくつ？（数で答える）",
       "After the softmax, what do one query's attention weights (one row) sum to? (a number)",
       [], 1, "softmax は各行を確率分布にします。出力はその重みで V を平均したものです。",
       "The softmax turns each row into a probability distribution; the output is the weighted average of V."),
    _q("att-causal", "attention", "att.tab.sdpa",
       "因果マスク (causal mask) をかけると、各クエリから見えなくなるのは？",
       "With the causal mask, which keys can a query no longer see?",
       [("自分より後ろ（未来）のトークン", "tokens after it (the future)"), ("自分より前のトークン", "tokens before it"),
        ("自分自身", "itself"), ("[CLS] だけ", "only [CLS]")],
       0, "デコーダは次の単語を当てるので、未来を見てはいけません。マスクした所のスコアを −∞ にして softmax で 0 にします。",
       "A decoder predicts the next word, so it must not see the future: masked scores become −∞ and get weight 0."),
    _q("att-heads", "attention", "att.tab.multihead",
       "d_model = 512 のマルチヘッド注意で、ヘッド数 h を 1 から 8 にすると W_Q, W_K, W_V, W^O のパラメータ数は？",
       "Multi-head attention with d_model = 512: going from h = 1 to 8 heads, the parameters of W_Q, W_K, W_V, W^O…",
       [("変わらない（4·d_model²）", "stay the same (4·d_model²)"), ("8 倍になる", "grow 8×"),
        ("8 分の 1 になる", "shrink 8×"), ("64 倍になる", "grow 64×")],
       0, "各ヘッドは d_k = d_model/h 次元なので、h 個のヘッドを合わせた行列の大きさは同じです。",
       "Each head has d_k = d_model/h dimensions, so all heads together use matrices of the same size."),
    # --- bert -------------------------------------------------------------------------------
    _q("bert-chosen", "bert", "bert.tab.mlm",
       "BERT の MLM では、入力トークンの何 % が予測の対象に選ばれる？（数で答える）",
       "In BERT's MLM, what percentage of the input tokens is chosen for prediction? (a number)",
       [], 15, "15 % を選び、その位置の元の単語を当てさせます（「MLM の作り方」タブで seed を変えて確かめられます）。",
       "15 % of the tokens are chosen and the model predicts the original word there (try seeds in the MLM tab)."),
    _q("bert-mask", "bert", "bert.tab.mlm",
       "選ばれたトークンのうち [MASK] に置き換わる割合は？",
       "Of the chosen tokens, what fraction becomes [MASK]?",
       [("80 %", "80 %"), ("10 %", "10 %"), ("15 %", "15 %"), ("100 %", "100 %")],
       0, "80 % が [MASK]、10 % がランダムな単語、10 % はそのまま。ファインチューニングでは [MASK] が出てこないので、その差を小さくします。",
       "80 % become [MASK], 10 % a random word, 10 % stay: fine-tuning never sees [MASK], and this narrows the gap."),
    _q("bert-nsp", "bert", "bert.tab.mlm",
       "次文予測 (NSP) で [CLS] の出力から当てるのは？",
       "What does next-sentence prediction (NSP) predict from the [CLS] output?",
       [("文 B が文 A の本当の続きかどうか", "whether sentence B really follows sentence A"),
        ("文 A の感情", "the sentiment of sentence A"), ("[MASK] の単語", "the [MASK]ed word"),
        ("文 B の長さ", "the length of sentence B")],
       0, "[CLS] A [SEP] B [SEP] を入れ、50 % は本当の続き (IsNext)、50 % はランダムな文 (NotNext) で学習します。",
       "The input is [CLS] A [SEP] B [SEP]; half the time B is the real next sentence (IsNext), half a random one (NotNext)."),
)

PAGES = tuple(dict.fromkeys(q.page for q in BANK))
_BY_ID = {q.id: q for q in BANK}


def for_page(page: str) -> list[Question]:
    """The quick checks of a page (url_path, e.g. "attention"); [] for a page without any."""
    return [q for q in BANK if q.page == page]


def get(qid: str) -> Question:
    try:
        return _BY_ID[qid]
    except KeyError:
        raise InvalidInput(f"確認クイズ {qid} はありません。",
                           en=f"There is no quick check {qid}.") from None


def page_questions(page: str) -> list[Question]:
    """for_page() for the CLI: an unknown page is bad input (exit 2, with the valid names)."""
    if page not in PAGES:
        raise InvalidInput(f"ページ {page} の確認クイズはありません。次から選んでください: {', '.join(PAGES)}",
                           en=f"There is no quick check for page {page}. Choose one of: {', '.join(PAGES)}")
    return for_page(page)


def tally(q: Question, counts: dict, lang: str = "ja", top: int = 8) -> tuple[list[str], list[int], int | None]:
    """The class's answers as (labels, counts, index of the right bar or None). Choice: one bar
    per choice in order; number: the ``top`` most frequent typed answers. Labels are HTML-escaped
    (plotly reads tags in text): a typed ``<b>`` shows as text."""
    import html

    if q.kind == "choice":
        labels = q.choice_texts(lang)
        return [html.escape(s) for s in labels], [int(counts.get(i, 0)) for i in range(len(labels))], int(q.answer)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[:top]
    right = next((i for i, (text, _) in enumerate(ranked) if q.is_correct(text)), None)
    return [html.escape(str(text)) for text, _ in ranked], [int(n) for _, n in ranked], right


def results_figure(labels: list[str], counts: list[int], right: int | None, title: str):
    """Horizontal bars of the answers; the right answer green once revealed (``right`` not None)."""
    import plotly.graph_objects as go

    colors = ["#2e7d32" if i == right else "#90a4ae" for i in range(len(labels))]
    fig = go.Figure(go.Bar(x=counts, y=labels, orientation="h", marker_color=colors, text=counts,
                           textposition="auto", hovertemplate="%{y}: %{x}<extra></extra>"))
    fig.update_layout(title=title, height=80 + 48 * max(1, len(labels)), margin=dict(l=10, r=10, t=50, b=30),
                      yaxis=dict(autorange="reversed", automargin=True), xaxis=dict(rangemode="tozero", dtick=1))
    return fig
