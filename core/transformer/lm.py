"""Training and using the mini-GPT on the same text, tokens, split and loop as the LSTM LM.

``GPTRun`` is core.lm.LMRun with core.transformer.gpt.MiniGPT as its network: the text check
(prepare_text: caps, one repeated character), the char / fugashi-word tokens and Vocab
(core.lm.text), the validation part (the last 10 % of the tokens), the mini-batches of
``context`` tokens, sampling (core.lm.sampling) and the training loop (core.training.TrainingRun.fit:
Adam, clipping, NaN → TrainingDiverged, Stop after every mini-batch, a wall-clock ``seconds``
bound) are all shared with the LSTM LM, so the two models' validation losses (nats per token)
and perplexities exp(loss) compare directly.

Saved as a directory: model.safetensors + config.json + vocab.json (no pickle).
"""
from __future__ import annotations

import json
import pathlib
from dataclasses import asdict, fields, replace

import torch

from core import InvalidInput, ModelUnavailable
from core.limits import CLASSROOM, Limits
from core.lm import LMRun, Vocab
from core.training import TrainConfig, device
from core.transformer.gpt import GPTConfig, MiniGPT

FORMAT = "nlp-playground-minigpt"
VERSION = 1
GPT_TRAIN_DEFAULTS = TrainConfig(lr=0.003, epochs=30, batch_size=16, clip=1.0, dropout=0.2, weight_decay=0.1,
                                 keep_best=True, patience=5)


class GPTRun(LMRun):
    """A mini-GPT, its text/tokens and training history (kept in the page's session)."""

    def __init__(self, text: str | None = None, level: str = "char", cfg: TrainConfig | None = None, *,
                 context: int = 64, d_model: int = 64, h: int = 4, n_layers: int = 2,
                 pos: str = "sinusoidal", limits: Limits = CLASSROOM):
        self.arch = GPTConfig(vocab_size=2, context=context, d_model=d_model, h=h, n_layers=n_layers,
                              pos=pos).validated()  # bad sizes fail before the text is read
        cfg = (cfg or GPT_TRAIN_DEFAULTS).validated(limits)
        super().__init__(text, level, cfg, seq_len=self.arch.context, limits=limits)

    def _build_model(self) -> MiniGPT:
        C, n_train = self.arch.context, len(self.train_ids)
        if n_train < 2 * C + 1:
            raise InvalidInput(
                f"テキストが文脈の長さ (context) {C} に対して短すぎます（学習用 {n_train} トークン）。"
                f"文脈の長さを {max(2, (n_train - 1) // 2)} 以下にするか、もっと長い文章を使ってください。",
                en=f"The text is too short for the context length {C} ({n_train} training tokens). "
                   f"Use a context length of {max(2, (n_train - 1) // 2)} or less, or a longer text.")
        self.arch = replace(self.arch, vocab_size=len(self.vocab))
        return MiniGPT(self.arch, dropout=self.cfg.dropout)

    @property
    def context(self) -> int:
        return self.arch.context

    def n_params(self) -> int:
        return self.model.n_params()

    # the base's forward/loss: logits (B, T, V), every position at once under the causal mask

    @torch.no_grad()
    def val_loss(self) -> float:
        """Mean cross entropy (nats per token) on the last 10 % of the tokens, read in windows of
        ``context`` tokens (each window starts with an empty history, like the LSTM's zero state)."""
        self.model.eval()
        ids = self.val_ids if self.val_ids is not None else self.train_ids
        total, count, C = 0.0, 0, self.context
        for s in range(0, len(ids) - 1, C):
            chunk = ids[s:s + C + 1]  # inputs chunk[:-1], targets chunk[1:]
            logits = self.model(chunk[None, :-1])[0]
            total += torch.nn.functional.cross_entropy(logits, chunk[1:], reduction="sum").item()
            count += len(chunk) - 1
        return total / max(1, count)

    # --- using the model --------------------------------------------------------------------
    @torch.no_grad()
    def _logits_after(self, ids: list[int]):
        self.model.eval()
        x = torch.tensor([ids[-self.context:]], device=self.device)  # (1, T ≤ context)
        return self.model(x)[0, -1], None

    @torch.no_grad()
    def attention(self, text: str) -> tuple[list[str], torch.Tensor]:
        """Tokens of ``text`` (after the leading line break, last ``context`` ones) and the weights
        of every layer and head over them: (n_layers, h, T, T)."""
        ids = self._prompt_ids(text)[-self.context:]
        self.model.eval()
        _, weights = self.model(torch.tensor([ids], device=self.device), need_weights=True)
        return [self.vocab.itos[i] for i in ids], weights[:, 0].cpu()

    @torch.no_grad()
    def parallel_vs_autoregressive(self, sentence: str) -> list[dict]:
        """One sentence, two ways. Parallel (training): one forward pass predicts every next token
        at once, position t seeing w_1 … w_t through the causal mask. Autoregressive (generation):
        one forward pass per step on the prefix w_1 … w_t. Returns one row per position with both
        predictions and P(true next token); the causal mask makes them equal."""
        ids = self._prompt_ids(sentence)[:self.context]
        if len(ids) < 2:
            raise InvalidInput("2 トークン以上の文を入力してください。",
                               en="Enter a sentence of at least 2 tokens.")
        self.model.eval()
        p_all = torch.softmax(self.model(torch.tensor([ids], device=self.device))[0], -1)  # (T, V)
        rows = []
        for t in range(len(ids) - 1):
            p_step = torch.softmax(self._logits_after(ids[:t + 1])[0], -1)  # (V,)
            rows.append({"t": t + 1, "prefix": [self.vocab.itos[i] for i in ids[:t + 1]],
                         "target": self.vocab.itos[ids[t + 1]],
                         "parallel": self.vocab.itos[int(p_all[t].argmax())],
                         "step": self.vocab.itos[int(p_step.argmax())],
                         "p_parallel": float(p_all[t, ids[t + 1]]), "p_step": float(p_step[ids[t + 1]]),
                         "max_diff": float((p_all[t] - p_step).abs().max())})
        return rows

    # --- saving -----------------------------------------------------------------------------
    def save(self, directory) -> pathlib.Path:
        from safetensors.torch import save_file

        d = pathlib.Path(directory)
        d.mkdir(parents=True, exist_ok=True)
        state = {k: v.detach().cpu().contiguous() for k, v in self.model.state_dict().items()}
        save_file(state, str(d / "model.safetensors"))
        config = {"format": FORMAT, "version": VERSION, "model": self.arch.as_dict(), "level": self.level,
                  "train": asdict(self.cfg), "seconds": self.seconds, "epochs": self.epochs_done,
                  "val_loss": self.best_val_loss if self.best_epoch is not None else self.last_val_loss,
                  "best_epoch": self.best_epoch}
        (d / "config.json").write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
        (d / "vocab.json").write_text(json.dumps(self.vocab.itos, ensure_ascii=False), encoding="utf-8")
        return d

    @classmethod
    def load(cls, directory) -> "GPTRun":
        """A saved mini-GPT, ready to generate (eval mode; no training text attached)."""
        from safetensors.torch import load_file

        d = pathlib.Path(directory)
        paths = [d / "config.json", d / "vocab.json", d / "model.safetensors"]
        if not all(p.exists() for p in paths):
            raise ModelUnavailable(f"{d} に config.json・vocab.json・model.safetensors がありません。",
                                   en=f"{d} has no config.json, vocab.json and model.safetensors.",
                                   hint="python -m core transformer train-lm --text-file FILE --save DIR で作れます。",
                                   hint_en="python -m core transformer train-lm --text-file FILE --save DIR makes one.")
        try:
            config = json.loads(paths[0].read_text(encoding="utf-8"))
            itos = json.loads(paths[1].read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InvalidInput(f"{d} の設定ファイルを読めません（{exc}）。",
                               en=f"Cannot read the settings file in {d} ({exc}).") from None
        if config.get("format") != FORMAT:
            raise InvalidInput(f"{d} はミニ GPT の保存フォルダではありません。",
                               en=f"{d} is not a saved mini-GPT folder.")
        self = cls.__new__(cls)
        self.arch = GPTConfig(**config["model"]).validated()
        self.level, self.vocab = config["level"], Vocab(list(itos), config["level"])
        known = {f.name for f in fields(TrainConfig)}  # folders saved before the split keep RNN fields
        self.cfg = TrainConfig(**{k: v for k, v in config["train"].items() if k in known})
        self.device, self.text, self.train_ids, self.val_ids = device(), None, None, None
        self.history, self.status, self.seconds, self.seq_len = [], "loaded", config.get("seconds", 0.0), self.arch.context
        self.model = MiniGPT(self.arch)
        self.model.load_state_dict(load_file(str(paths[2])))
        self.model.to(self.device).eval()
        return self


def train_gpt(text: str | None = None, level: str = "char", cfg: TrainConfig | None = None, *,
              on_progress=None, should_stop=None, seconds: float | None = None, **arch) -> GPTRun:
    return GPTRun(text, level, cfg, **arch).fit(on_progress, should_stop, seconds=seconds)


def gpt_config(**overrides) -> TrainConfig:
    return replace(GPT_TRAIN_DEFAULTS, **overrides)
