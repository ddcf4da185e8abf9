"""`python -m core word2vec ...`: the same functions as the word2vec page.

    python -m core word2vec neighbors 猫 --topn 10 --json
        → {"word": ..., "resolved": <the key used>, "neighbors": [[word, score], ...]}
    python -m core word2vec analogy --positive 王様 女 --negative 男 --json
        → {"answers": [[word, score], ...]}
    python -m core word2vec eval-pairs pairs.csv --json
        → {"pairs": n, "covered": k, "coverage": k/n, "spearman": rho,
           "covered_exact": k', "coverage_exact": k'/n, "spearman_exact": rho'}
    python -m core word2vec train --corpus corpus.txt --sg 1 --epochs 5 --save out.kv --json
        → {"words_per_sec": ..., "seconds": ..., "vocab": ...}

Without --vectors the embedded chiVe vectors are used. Bad input exits 2 with a message.
"""
from __future__ import annotations

import argparse
import pathlib

from core.cli.common import add_json, both, emit, progress_bar


def _vectors_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--vectors", default=None, metavar="PATH",
                   help="word2vec テキスト/バイナリ、gensim .kv、または gensim-data のモデル名（省略時: 同梱の chiVe）")


def register(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    nb = sub.add_parser("neighbors", help=both("cli.word2vec.neighbors"))
    nb.add_argument("word", help="単語（例: 猫）")
    nb.add_argument("--topn", type=int, default=10, help="件数 1〜100 (default: 10)")
    _vectors_arg(nb)
    add_json(nb)
    nb.set_defaults(handler=_neighbors)

    an = sub.add_parser("analogy", help=both("cli.word2vec.analogy"))
    an.add_argument("--positive", nargs="+", required=True, metavar="WORD", help="足す単語（例: 王様 女）")
    an.add_argument("--negative", nargs="*", default=[], metavar="WORD", help="引く単語（例: 男）")
    an.add_argument("--topn", type=int, default=10, help="件数 1〜100 (default: 10)")
    _vectors_arg(an)
    add_json(an)
    an.set_defaults(handler=_analogy)

    ep = sub.add_parser("eval-pairs", help=both("cli.word2vec.eval-pairs"))
    ep.add_argument("file", metavar="FILE.csv", help="見出し行つき CSV: word1,word2,score")
    _vectors_arg(ep)
    add_json(ep)
    ep.set_defaults(handler=_eval_pairs)

    ea = sub.add_parser("eval-analogy", help=both("cli.word2vec.eval-analogy"))
    ea.add_argument("file", metavar="FILE.txt")
    _vectors_arg(ea)
    add_json(ea)
    ea.set_defaults(handler=_eval_analogy)

    tr = sub.add_parser("train", help=both("cli.word2vec.train"))
    tr.add_argument("--corpus", required=True, metavar="FILE.txt", help="1 行 1 文のテキスト（UTF-8 / Shift-JIS）")
    tr.add_argument("--sg", type=int, choices=(0, 1), required=True, help="0 = CBOW, 1 = skip-gram")
    tr.add_argument("--epochs", type=int, default=10)
    tr.add_argument("--vector-size", type=int, default=100)
    tr.add_argument("--window", type=int, default=5)
    tr.add_argument("--negative", type=int, default=5)
    tr.add_argument("--min-count", type=int, default=2)
    tr.add_argument("--mode", choices=("surface", "lemma"), default="surface", help="分かち書きの単位")
    tr.add_argument("--save", required=True, metavar="OUT.kv", help="保存先（gensim KeyedVectors）")
    add_json(tr)
    tr.set_defaults(handler=_train)


def _kv(args):
    from core.word2vec import vectors

    return vectors.load_vectors(args.vectors) if args.vectors else vectors.default_vectors()


def _read(path: str, what: str, max_bytes: int | None = None) -> bytes:
    from core import InputTooLong, InvalidInput
    from core.text import MAX_UPLOAD_BYTES

    p = pathlib.Path(path)
    if not p.is_file():
        raise InvalidInput(f"{what}が見つかりません: {path}")
    limit = max_bytes or MAX_UPLOAD_BYTES
    if p.stat().st_size > limit:
        raise InputTooLong(f"{what}が大きすぎます（{p.stat().st_size / 1024 / 1024:.1f} MB）。"
                           f"{limit / 1024 / 1024:.0f} MB 以下にしてください。")
    return p.read_bytes()


def _neighbors(args) -> int:
    from core.word2vec import query

    topn = query.check_topn(args.topn)
    result = query.neighbors(_kv(args), args.word, topn)
    out = {"word": args.word, "resolved": result.resolution.key,
           "neighbors": [[w, round(s, 6)] for w, s in result.neighbors]}

    def human(r):
        lines = [result.resolution.explain()]
        lines += [f"{i:>3}. {w}\t{s:.4f}" for i, (w, s) in enumerate(r["neighbors"], 1)]
        return "\n".join(lines)

    return emit(out, args.json, human)


def _analogy(args) -> int:
    from core.word2vec import query

    topn = query.check_topn(args.topn)
    result = query.analogy(_kv(args), args.positive, args.negative, topn)
    out = {"answers": [[w, round(s, 6)] for w, s in result.answers]}
    return emit(out, args.json, lambda r: "\n".join(f"{i:>3}. {w}\t{s:.4f}" for i, (w, s) in enumerate(r["answers"], 1)))


def _eval_pairs(args) -> int:
    from core.word2vec import evaluate

    data = _read(args.file, "CSV ファイル")
    result = evaluate.evaluate_pairs(_kv(args), data)
    out = result.as_dict()

    def human(r):
        def rho(v):
            return "—" if v is None else f"{v:.4f}"

        return (f"ペア {r['pairs']} 組\n"
                f"語として見つかったペア: 被覆 {r['covered_exact']} 組（{r['coverage_exact']:.1%}）/ "
                f"スピアマン ρ = {rho(r['spearman_exact'])}\n"
                f"句の平均を含む全ペア: 被覆 {r['covered']} 組（{r['coverage']:.1%}）/ スピアマン ρ = {rho(r['spearman'])}")

    return emit(out, args.json, human)


def _eval_analogy(args) -> int:
    from core.word2vec import evaluate

    data = _read(args.file, "アナロジーのファイル")
    result = evaluate.evaluate_analogies(_kv(args), data)
    return emit(result.as_dict(), args.json)


def _train(args) -> int:
    from core.word2vec import train

    data = _read(args.corpus, "コーパス", max_bytes=train.CLI.max_chars * 3)
    from core.text import decode_upload

    text = decode_upload(data, max_bytes=train.CLI.max_chars * 3, what="コーパス")
    sentences = train.tokenize_corpus(text, mode=args.mode, limits=train.CLI)
    cfg = train.TrainConfig(sg=args.sg, epochs=args.epochs, vector_size=args.vector_size, window=args.window,
                            negative=args.negative, min_count=args.min_count)
    bar = progress_bar(cfg.epochs, f"word2vec {cfg.name}")
    try:
        result = train.train(sentences, cfg, limits=train.CLI, on_progress=bar)
    finally:
        bar.close()
    save = pathlib.Path(args.save)
    save.parent.mkdir(parents=True, exist_ok=True)
    result.kv.save(str(save))
    out = {"words_per_sec": round(result.words_per_sec, 1), "seconds": round(result.seconds, 3),
           "vocab": result.vocab}
    return emit(out, args.json)
