"""The default date-normalisation model (日付の正規化, char level, additive attention), shared
read-only by every session through core.resources.seq2seq_date_model().

Where it comes from, first found wins:
1. the committed checkpoint core/seq2seq/checkpoints/dates/ (safetensors + JSON, < 1 MB),
2. the disk cache ``$PLAYGROUND_CACHE_DIR/seq2seq/dates`` (default ~/.cache/nlp-playground),
3. training it now with RECIPE (under a minute on 2 CPU cores), then saving it to the cache.

Rebuild the committed checkpoint (reproducible, seed fixed):
    python -m core seq2seq date-model --save core/seq2seq/checkpoints/dates
"""
from __future__ import annotations

import pathlib

from core.seq2seq import checkpoint
from core.seq2seq.data import dataset, split
from core.seq2seq.train import TrainConfig, Trainer

COMMITTED = pathlib.Path(__file__).resolve().parent / "checkpoints" / "dates"

RECIPE = {
    "n": 50_000, "data_seed": 0, "val_fraction": 0.1,
    "model": {"emb": 32, "hidden": 64, "cell": "gru", "attention": "additive", "reverse_input": False},
    "train": {"epochs": 12, "batch_size": 64, "lr": 5e-3, "clip": 1.0, "teacher_forcing": 1.0,
              "target_accuracy": 0.995, "seed": 0},
}


def cache_dir() -> pathlib.Path:
    from core.paths import cache_dir as playground_cache

    return playground_cache("seq2seq", "dates")


def train_default(on_progress=None, should_stop=None, recipe: dict | None = None):
    """Train the default date model with RECIPE; returns the TrainResult."""
    r = recipe or RECIPE
    pairs = dataset("dates", r["n"], seed=r["data_seed"])
    train, val = split(pairs, r["val_fraction"])
    trainer = Trainer(train, val, TrainConfig(**r["train"]), meta={"dataset": "dates"}, **r["model"])
    return trainer.run(on_progress, should_stop)


def load_or_train(on_progress=None):
    for d in (COMMITTED, cache_dir()):
        if (d / "config.json").exists() and (d / "model.safetensors").exists():
            return checkpoint.load(d)
    from core.device import heavy_work

    with heavy_work():
        result = train_default(on_progress)
    try:
        checkpoint.save(result.model, cache_dir(), {"train_summary": result.summary(), "recipe": RECIPE})
    except OSError:
        pass  # a read-only home: the model still works, it is just trained again next start
    return result.model.eval()

