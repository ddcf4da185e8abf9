"""What a real user's pip resolves from the install profiles (issue 14).

The machine's own pip configuration (a local torch+cpu wheel, constraints, file:// indexes) is
switched off (PIP_CONFIG_FILE=/dev/null, no find-links), so these dry-runs see what a laptop or a
Community Cloud container sees. They need PyPI; the CPU-profile check also needs PyTorch's CPU
wheel index and skips, with that reason, only when it is unreachable. Where it is unreachable, a
second check replaces the CPU index by a local directory holding the same torch+cpu wheel.
"""
from __future__ import annotations

import json
import os
import pathlib
import re
import subprocess
import sys
import urllib.request

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
CPU, GPU = ROOT / "requirements.txt", ROOT / "requirements-gpu.txt"
CPU_INDEX = "https://download.pytorch.org/whl/cpu/torch/"
LOCAL_WHEELS = pathlib.Path("/opt/wheels")
CUDA_NAME = re.compile(r"^(nvidia-|cuda-|triton$)")


def _reachable(url: str) -> str | None:
    try:
        urllib.request.urlopen(url, timeout=8).close()
        return None
    except Exception as exc:  # noqa: BLE001 - the reason is the skip message
        return f"{type(exc).__name__}: {exc}"


def _user_env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_FIND_LINKS="", PIP_RETRIES="0", PIP_DEFAULT_TIMEOUT="30",
               PIP_DISABLE_PIP_VERSION_CHECK="1")
    return env


class DryRun:
    """`pip install --dry-run -r requirements` started now; ``resolved()`` waits for its answer:
    {name: version} that pip would install on this Linux x86-64. Several can run at once (each
    mostly waits on PyPI)."""

    def __init__(self, requirements: pathlib.Path, tmp_path: pathlib.Path):
        self.report = tmp_path / "report.json"
        cmd = [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
               "--report", str(self.report), "-r", str(requirements)]
        self.proc = subprocess.Popen(cmd, env=_user_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     text=True)

    def resolved(self) -> dict[str, str]:
        _, err = self.proc.communicate(timeout=900)
        assert self.proc.returncode == 0, err[-3000:]
        data = json.loads(self.report.read_text())
        return {i["metadata"]["name"].lower(): i["metadata"]["version"] for i in data["install"]}


def cuda_packages(resolved: dict[str, str]) -> list[str]:
    return sorted(n for n in resolved if CUDA_NAME.match(n))


def _body(path: pathlib.Path) -> list[str]:
    lines = [ln.strip() for ln in path.read_text().splitlines()]
    return [ln for ln in lines if ln and not ln.startswith(("#", "--")) and not ln.startswith("torch")]


def test_gpu_profile_has_the_same_pins_apart_from_torch():
    assert _body(CPU) == _body(GPU)
    assert "torch==2.13.0" in GPU.read_text().splitlines()


def test_cpu_profile_pins_the_cpu_build_on_linux():
    text = CPU.read_text()
    assert f"--find-links {CPU_INDEX}" in text.splitlines()
    assert re.search(r'^torch==2\.13\.0\+cpu ; sys_platform == "linux"', text, re.M)


@pytest.fixture(scope="module")
def pypi():
    why = _reachable("https://pypi.org/simple/pip/")
    if why:
        pytest.skip(f"PyPI is unreachable ({why})")


@pytest.mark.slow  # pip resolves against PyPI (about a minute)
def test_cpu_profile_resolves_no_cuda_stack(pypi, tmp_path):
    why = _reachable(CPU_INDEX)
    if why:
        pytest.skip(f"PyTorch's CPU wheel index {CPU_INDEX} is unreachable here ({why}); "
                    "see test_cpu_profile_with_a_local_copy_of_the_cpu_index")
    resolved = DryRun(CPU, tmp_path).resolved()
    assert resolved["torch"] == "2.13.0+cpu"
    assert cuda_packages(resolved) == []


@pytest.fixture(scope="module")
def local_and_control(pypi, tmp_path_factory) -> dict[str, DryRun | None]:
    """The two resolutions below, started together: {"local": the CPU profile with the CPU
    index's torch wheel from a local directory (None without that wheel), "control": torch alone}."""
    runs: dict[str, DryRun | None] = {"local": None}
    wheels = sorted(LOCAL_WHEELS.glob("torch-2.13.0+cpu-*.whl")) if LOCAL_WHEELS.is_dir() else []
    if wheels:
        tmp = tmp_path_factory.mktemp("local-cpu-index")
        local = tmp / "requirements.txt"
        local.write_text(CPU.read_text().replace(f"--find-links {CPU_INDEX}", f"--find-links {LOCAL_WHEELS}"))
        runs["local"] = DryRun(local, tmp)
    tmp = tmp_path_factory.mktemp("torch-only")
    (tmp / "torch.txt").write_text("torch==2.13.0\n")
    runs["control"] = DryRun(tmp / "torch.txt", tmp)
    return runs


@pytest.mark.slow  # pip resolves against PyPI (about a minute)
def test_cpu_profile_with_a_local_copy_of_the_cpu_index(local_and_control):
    """The same resolution with the CPU index's torch wheel served from a local directory
    (the only change to requirements.txt is that find-links line)."""
    if local_and_control["local"] is None:
        pytest.skip(f"no local torch-2.13.0+cpu wheel in {LOCAL_WHEELS}")
    resolved = local_and_control["local"].resolved()
    assert resolved["torch"] == "2.13.0+cpu"
    assert cuda_packages(resolved) == [], cuda_packages(resolved)


@pytest.mark.slow  # pip resolves against PyPI (about a minute)
def test_pypi_torch_alone_pulls_the_cuda_stack(local_and_control):
    """The control: the GPU profile's torch pin on PyPI brings nvidia-* (the check can fail)."""
    resolved = local_and_control["control"].resolved()
    assert resolved["torch"] == "2.13.0"
    assert any(n.startswith("nvidia-") for n in cuda_packages(resolved))
