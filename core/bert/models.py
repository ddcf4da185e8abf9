"""Loading BERT models through one code path (hub id or local directory → eval-mode model).

- ``load_masked_lm(source)``: the encoder + the MLM head (and the NSP head when the checkpoint
  has one: ``BertForPreTraining``), for fill-mask, the MLM tab and NSP.
- ``load_classifier(source)``: ``AutoModelForSequenceClassification``; the labels come from
  ``config.id2label`` (never assumed).
- ``load_encoder_with_attentions(source)``: the bare encoder with eager attention so that
  ``output_attentions=True`` returns the attention weights (attention page).

All loaders: ``trust_remote_code=False``, eval mode, ``dtype=core.device.inference_dtype()``
(fp16 on CUDA, fp32 elsewhere), moved to ``core.device.get_device()``, gradients off.
Every failure becomes :class:`core.ModelUnavailable` with a clear Japanese message.
"""
from __future__ import annotations

import json
import logging
import pathlib
from dataclasses import dataclass, field
from typing import Any

from core import ModelUnavailable, download, hub

log = logging.getLogger(__name__)


@dataclass
class LoadedModel:
    """A loaded model and its tokenizer. Shared (cached) instances are read-only."""
    model: Any
    tokenizer: Any
    source: str
    path: str  # the local directory (or the hub id when it was downloaded on the fly)
    kind: str  # "masked_lm" | "classifier" | "encoder"
    has_nsp: bool = False  # masked_lm: the checkpoint has a trained NSP head (cls.seq_relationship)
    id2label: dict[int, str] = field(default_factory=dict)
    untrained: bool = False  # a randomly initialised demo model (core.bert.tiny)

    @property
    def device(self):
        return next(self.model.parameters()).device

    @property
    def dtype(self):
        return next(self.model.parameters()).dtype

    @property
    def labels(self) -> list[str]:
        return [self.id2label[i] for i in sorted(self.id2label)]

    @property
    def max_length(self) -> int:
        n = getattr(self.model.config, "max_position_embeddings", 512) or 512
        return int(min(n, getattr(self.tokenizer, "model_max_length", n) or n))


def _read_config(path: str) -> dict:
    p = pathlib.Path(path) / "config.json"
    try:
        return json.loads(p.read_text(encoding="utf-8")) if p.is_file() else {}
    except (OSError, ValueError):
        return {}


def quiet_transformers() -> None:
    """transformers 5 prints a load report and progress bars on every load: keep logs clean."""
    from transformers.utils import logging as tlog

    tlog.set_verbosity_error()
    tlog.disable_progress_bar()


def common_kwargs(found: hub.Located) -> dict:
    from core import device

    quiet_transformers()
    return {"trust_remote_code": hub.TRUST_REMOTE_CODE,
            "local_files_only": found.path is not None,
            "dtype": device.inference_dtype()}


def hub_tokenizer(found: hub.Located):
    """The model's tokenizer. A Japanese BERT's MeCab borrows the process's shared taggers
    (core.bert.mecab): thread-safe, and loading it maps no dictionary again."""
    from transformers import AutoTokenizer

    from core.bert.mecab import share_taggers

    share_taggers()
    try:
        return AutoTokenizer.from_pretrained(
            found.load_arg, trust_remote_code=hub.TRUST_REMOTE_CODE, local_files_only=found.path is not None)
    except Exception as exc:
        if isinstance(exc, ModelUnavailable):
            raise
        if "fugashi" in str(exc) or "unidic" in str(exc).lower() or "MeCab" in str(exc):
            raise ModelUnavailable(
                f"モデル {found.source} のトークナイザには MeCab (fugashi + unidic-lite) が必要です。",
                en=f"The tokenizer of model {found.source} needs MeCab (fugashi + unidic-lite).",
                hint="pip install fugashi unidic-lite") from exc
        raise hub.unavailable_from_error(found.source, exc) from exc


def eval_model(model):
    from core import device

    model.to(device.get_device())
    model.eval()
    model.requires_grad_(False)
    return model


def _untrained(path: str) -> bool:
    return bool(_read_config(path).get("playground_untrained", False))


def load_masked_lm(source: str) -> LoadedModel:
    """BERT with its masked-language-model head: P(token | context) = softmax(W_out · h_i + b).

    For BERT checkpoints we load ``BertForPreTraining`` (MLM head + NSP head); ``has_nsp`` says
    whether the checkpoint really contained trained NSP weights (else that head is random and
    the page says so). Other architectures load with ``AutoModelForMaskedLM``."""
    found = download.locate_or_fetch(source)
    kwargs = common_kwargs(found)
    tok = hub_tokenizer(found)
    cfg = _read_config(found.load_arg) if found.path else {}
    try:
        if cfg.get("model_type", "bert") == "bert":
            from transformers import BertForPreTraining

            model, info = BertForPreTraining.from_pretrained(found.load_arg, output_loading_info=True, **kwargs)
            missing = " ".join(info.get("missing_keys", []))
            has_nsp = "seq_relationship" not in missing
        else:
            from transformers import AutoModelForMaskedLM

            model = AutoModelForMaskedLM.from_pretrained(found.load_arg, **kwargs)
            has_nsp = False
    except ModelUnavailable:
        raise
    except Exception as exc:
        raise hub.unavailable_from_error(source, exc) from exc
    return LoadedModel(eval_model(model), tok, source, found.load_arg, "masked_lm", has_nsp=has_nsp,
                       untrained=_untrained(found.load_arg))


def load_classifier(source: str) -> LoadedModel:
    """BERT + a classification head on [CLS]: p(y | x) = softmax(W · h_[CLS] + b).
    Labels come from the checkpoint's ``config.id2label``."""
    found = download.locate_or_fetch(source)
    kwargs = common_kwargs(found)
    tok = hub_tokenizer(found)
    try:
        from transformers import AutoModelForSequenceClassification

        model, info = AutoModelForSequenceClassification.from_pretrained(
            found.load_arg, output_loading_info=True, **kwargs)
    except Exception as exc:
        raise hub.unavailable_from_error(source, exc) from exc
    missing = " ".join(info.get("missing_keys", []))
    if "classifier" in missing:
        raise ModelUnavailable(
            f"モデル {source} には分類ヘッド（classifier）がありません。感情分析には、ファインチューニング済みの"
            "モデル（例: llm-book/bert-base-japanese-v3-marc_ja）か、このページで学習したモデルを選んでください。",
            en=f"Model {source} has no classification head (classifier). For sentiment analysis choose a fine-tuned "
               "model (e.g. llm-book/bert-base-japanese-v3-marc_ja) or a model trained on this page.")
    id2label = {int(k): str(v) for k, v in (model.config.id2label or {}).items()}
    return LoadedModel(eval_model(model), tok, source, found.load_arg, "classifier", id2label=id2label,
                       untrained=_untrained(found.load_arg))


def load_encoder_with_attentions(source: str) -> LoadedModel:
    """The Transformer encoder stack alone, with eager attention (softmax(QKᵀ/√d_k)·V computed
    explicitly), so ``model(..., output_attentions=True).attentions`` holds one
    (batch, heads, seq, seq) tensor per layer."""
    found = download.locate_or_fetch(source)
    kwargs = common_kwargs(found)
    tok = hub_tokenizer(found)
    try:
        from transformers import AutoModel

        model = AutoModel.from_pretrained(found.load_arg, attn_implementation="eager", **kwargs)
    except Exception as exc:
        raise hub.unavailable_from_error(source, exc) from exc
    return LoadedModel(eval_model(model), tok, source, found.load_arg, "encoder",
                       untrained=_untrained(found.load_arg))


def load_classifier_for_training(source: str, labels: list[str]):
    """A fresh, trainable copy for fine-tuning (fp32, train mode, on the device): the encoder
    weights from ``source`` and a new head with ``labels``. Never touches the cached models."""
    from transformers import AutoModelForSequenceClassification

    from core import device

    found = download.locate_or_fetch(source)
    quiet_transformers()
    tok = hub_tokenizer(found)
    id2label = {i: lab for i, lab in enumerate(labels)}
    try:
        model = AutoModelForSequenceClassification.from_pretrained(
            found.load_arg, trust_remote_code=hub.TRUST_REMOTE_CODE, local_files_only=found.path is not None,
            dtype=device.training_dtype(), num_labels=len(labels), id2label=id2label,
            label2id={v: k for k, v in id2label.items()}, ignore_mismatched_sizes=True)
    except Exception as exc:
        raise hub.unavailable_from_error(source, exc) from exc
    model.to(device.get_device())
    return model, tok
