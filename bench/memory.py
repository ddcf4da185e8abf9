"""Memory of the app's default models at their real size, in one process (issue 14).

Loads every default model the way the app does (core loaders, core.registry's memory policy),
serves one request with each, and records the process's resident memory (RSS) after each step:

- chiVe (the real embedded vectors, memory-mapped) → neighbours of 猫;
- fill-mask: bert-base-japanese-v3's configuration (vocab 32,768, 12 layers, d=768), random
  weights, BertForPreTraining → one fill-mask;
- attention: the same checkpoint loaded as the eager-attention encoder (the attention page's
  second copy) → one attention map;
- sentiment: bert-base-japanese-v3-marc_ja's configuration (a second bert-base + 2-label head) →
  one classification;
- translation: opus-mt-ja-en's MarianConfig (vocab 60,716, d_model 512, 6+6 layers, 8 heads,
  FFN 2048; ≈ 76 M parameters), random weights → one translation;
- the seq2seq date model (committed checkpoint) → one conversion.

The random-weight model directories are built once into the cache
(``core.paths.cache_dir("bench", "memory")``) by a child process, so building does not count.

    python -m bench.memory --json                                  # policy off
    PLAYGROUND_MEMORY_BUDGET_MB=2500 python -m bench.memory --json # policy on
    python -m bench.memory --quick --json    # the same steps on tiny models (the test suite's run)

Last stdout line: ``{"steps": [{"step", "rss_mb", "released"}], "peak_rss_mb", "budget_mb",
"loaded_at_end"}``; ``peak_rss_mb`` is the kernel's high-water mark (ru_maxrss).
"""
from __future__ import annotations

if __name__ == "__main__" and not __package__:  # `python bench/NAME.py` runs as `python -m bench.NAME`
    import os
    import sys
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    os.execve(sys.executable, [sys.executable, "-m", "bench." + os.path.basename(__file__)[:-3], *sys.argv[1:]],
              {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))})

import argparse
import json
import os
import pathlib
import resource
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent

OPUS_MT_JA_EN = dict(vocab_size=60716, d_model=512, encoder_layers=6, decoder_layers=6,
                     encoder_attention_heads=8, decoder_attention_heads=8, encoder_ffn_dim=2048,
                     decoder_ffn_dim=2048, max_position_embeddings=512, scale_embedding=True,
                     activation_function="swish", share_encoder_decoder_embeddings=True)
# --quick: the same architecture, tiny (seconds to build and run; the suite runs it)
OPUS_MT_QUICK = dict(OPUS_MT_JA_EN, vocab_size=512, d_model=16, encoder_layers=1, decoder_layers=1,
                     encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=32,
                     decoder_ffn_dim=32)


def model_dirs(quick: bool = False) -> dict[str, pathlib.Path]:
    from core.paths import cache_dir

    root = cache_dir("bench", "memory-quick" if quick else "memory")
    return {"fill-mask": root / "bert-base-pretraining", "sentiment": root / "bert-base-classifier",
            "translation": root / "opus-mt-ja-en-config"}


def _build_marian(out: pathlib.Path, config: dict = OPUS_MT_JA_EN) -> None:
    """MarianMTModel of the real configuration (random weights) + a small sentencepiece
    tokenizer whose vocab.json is padded to the real vocabulary size."""
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    from core.bert.tiny import SAMPLE_TEXT

    work = out.parent / (out.name + "-spm")
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus.txt"
    corpus.write_text(SAMPLE_TEXT + "\nthe cat sleeps by the window. i like coffee.\n" * 5, encoding="utf-8")
    spm.SentencePieceTrainer.train(input=str(corpus), model_prefix=str(work / "sp"), vocab_size=300,
                                   hard_vocab_limit=False, character_coverage=1.0, pad_id=-1, bos_id=-1,
                                   eos_id=1, unk_id=0, minloglevel=2)
    sp = spm.SentencePieceProcessor(model_file=str(work / "sp.model"))
    pieces = ["</s>", "<unk>", "<pad>"] + [p for p in (sp.id_to_piece(i) for i in range(sp.get_piece_size()))
                                            if p not in ("</s>", "<unk>", "<pad>")]
    pieces += [f"<unused{i}>" for i in range(config["vocab_size"] - len(pieces))]
    vocab = {p: i for i, p in enumerate(pieces)}
    (work / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    MarianTokenizer(str(work / "sp.model"), str(work / "sp.model"), str(work / "vocab.json"),
                    source_lang="ja", target_lang="en").save_pretrained(str(out))
    torch.manual_seed(0)
    cfg = MarianConfig(**config, pad_token_id=vocab["<pad>"], eos_token_id=vocab["</s>"],
                       decoder_start_token_id=vocab["<pad>"], forced_eos_token_id=vocab["</s>"])
    model = MarianMTModel(cfg)
    model.generation_config.max_length = 32
    model.save_pretrained(str(out))


def build(quick: bool = False) -> None:
    from core.bert import tiny

    dirs = model_dirs(quick)
    size = "tiny" if quick else "base"
    if not (dirs["fill-mask"] / "config.json").is_file():
        tiny.build(dirs["fill-mask"], "pretraining", size=size)
    if not (dirs["sentiment"] / "config.json").is_file():
        tiny.build(dirs["sentiment"], "classifier", size=size, labels=("positive", "negative"))
    if not (dirs["translation"] / "config.json").is_file():
        _build_marian(dirs["translation"], OPUS_MT_QUICK if quick else OPUS_MT_JA_EN)


def run(quick: bool = False) -> dict:
    from core import registry

    steps: list[dict] = []
    live: dict[str, object] = {}  # the bench's cache (the app's is st.cache_resource)

    def step(name: str, released: list[str] | None = None) -> None:
        steps.append({"step": name, "rss_mb": round(registry.rss_mb(), 1), "released": released or []})
        print(f"{name:<34} {steps[-1]['rss_mb']:>8.1f} MB", file=sys.stderr, flush=True)

    def use(key: str, detail: str, loader, source: str):
        """Load on first use through the memory policy (releasable, like core.resources)."""
        if key in live:
            registry.touch(key)
            return live[key], []
        before = {r["name"] for r in registry.loaded()}
        value = registry.track(key, detail, loader, source, need_mb=_weights_mb(source),
                               release=lambda: live.pop(key, None))
        live[key] = value
        gone = sorted(before - {r["name"] for r in registry.loaded()})
        return value, gone

    step("python + core")
    import streamlit  # noqa: F401 - the server process has it loaded

    step("import streamlit")
    import torch  # noqa: F401
    import transformers  # noqa: F401

    step("import torch + transformers")
    from core.word2vec import query, vectors

    kv = registry.track("chiVe", "word2vec", vectors.default_vectors)
    query.neighbors(kv, "猫", topn=10)
    step("chiVe + neighbours")

    from core.attention import bert as attention_bert
    from core.bert import fill_mask, models, sentiment
    from core.seq2seq import date_model, decode
    from core.seq2seq.pretrained import load_marian, translate_pretrained

    dirs = {k: str(v) for k, v in model_dirs(quick).items()}
    m, gone = use("BERT MLM", "fill-mask", models.load_masked_lm, dirs["fill-mask"])
    fill_mask.fill_mask(m, "東北大学で[MASK]の研究をしています。", top_k=5)
    del m
    step("fill-mask (bert-base) + request", gone)
    m, gone = use("BERT attention", "attention", models.load_encoder_with_attentions, dirs["fill-mask"])
    attention_bert.bert_attention(m, "猫が窓のそばで寝ている。", "それはとても気持ちよさそうだ。")
    del m
    step("attention encoder + request", gone)
    m, gone = use("BERT sentiment", "sentiment", models.load_classifier, dirs["sentiment"])
    sentiment.classify_one(m, "また泊まりたいです")
    del m
    step("sentiment (bert-base) + request", gone)
    m, gone = use("MarianMT", "translation", load_marian, dirs["translation"])
    translate_pretrained(m, "私は昨日公園で猫を見た", beam=4, max_new_tokens=24)
    del m
    step("Marian (opus-mt-ja-en) + request", gone)
    dates = registry.track("seq2seq dates", "dates", date_model.load_or_train)
    decode.translate(dates, "平成6年9月27日")
    step("seq2seq date model + request")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    return {"quick": quick, "steps": steps, "peak_rss_mb": round(peak, 1), "budget_mb": registry.budget_mb(),
            "loaded_at_end": [r["name"] for r in registry.loaded()]}


def _weights_mb(path: str) -> float:
    return sum(f.stat().st_size for f in pathlib.Path(path).glob("*.safetensors")) / 2**20


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--json", action="store_true")
    p.add_argument("--quick", action="store_true", help="tiny models of the same architectures (seconds)")
    p.add_argument("--build", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    os.environ.setdefault("PLAYGROUND_DEVICE", "cpu")
    if args.build:
        build(args.quick)
        return 0
    if not all((d / "config.json").is_file() for d in model_dirs(args.quick).values()):
        print("building the random-weight models once (a child process)…", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "bench.memory", "--build", *(["--quick"] if args.quick else [])],
                       cwd=ROOT, check=True)
    result = run(args.quick)
    print(json.dumps(result, ensure_ascii=False) if args.json else json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
