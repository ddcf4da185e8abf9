"""``python -m core env [--json]``: device, versions, CUDA availability."""
from __future__ import annotations

import argparse
import platform
from importlib import metadata

from core.cli.common import add_json, emit

PACKAGES = ["torch", "transformers", "streamlit", "gensim", "plotly", "fugashi", "unidic-lite",
            "ja-ginza", "scikit-learn", "safetensors", "numpy"]


def register(p: argparse.ArgumentParser) -> None:
    add_json(p)
    p.set_defaults(handler=run)


def environment() -> dict:
    from core import device

    import torch

    info = device.info()
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return {
        "device": info.as_dict(),
        "cuda_available": bool(torch.cuda.is_available()),
        "cuda_version": torch.version.cuda,
        "gpu_count": torch.cuda.device_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "torch": versions["torch"],
        "transformers": versions["transformers"],
        "streamlit": versions["streamlit"],
        "versions": versions,
    }


def run(args: argparse.Namespace) -> int:
    result = environment()
    return emit(result, args.json, lambda r: "\n".join([
        f"device: {r['device']['name']} ({r['device']['device']}, {r['device']['inference_dtype']})",
        f"CUDA: {r['cuda_available']} (version {r['cuda_version']}, GPUs {r['gpu_count']})",
        *(f"{k}: {v}" for k, v in r["versions"].items()),
    ]))
