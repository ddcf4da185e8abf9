"""Every module of core imports on its own in a fresh interpreter (no import cycle that only
works when some other module happens to be imported first), and core never imports the command
line (core.cli) or streamlit outside core/resources.py."""
from __future__ import annotations

import ast
import subprocess
import sys

from tests.conftest import ROOT

CORE = ROOT / "core"
MODULES = sorted(
    ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    for p in CORE.rglob("*.py") if p.stem != "__main__")  # __main__ runs the CLI


def _imported_names(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
    return names


# A child process imports the heavy third-party libraries once, then forks one fresh child per
# core module: each child starts with no core module imported (third-party imports cannot hide a
# cycle between core modules), and the fork saves ~100 torch start-ups.
_FORKER = r"""
import importlib, json, os, sys
for lib in ("numpy", "torch", "transformers", "gensim", "pandas", "plotly", "sklearn", "scipy"):
    try:
        importlib.import_module(lib)
    except Exception:
        pass
assert not any(m == "core" or m.startswith("core.") for m in sys.modules)
failures = {}
for name in sys.argv[1:]:
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        try:
            importlib.import_module(name)
            msg = b""
        except BaseException as exc:
            msg = f"{type(exc).__name__}: {exc}".encode()[-800:]
        os.write(w, msg)
        os._exit(0)
    os.close(w)
    with os.fdopen(r, "rb") as f:
        msg = f.read()
    os.waitpid(pid, 0)
    if msg:
        failures[name] = msg.decode(errors="replace")
print(json.dumps(failures))
"""


def test_every_core_module_imports_alone_in_a_fresh_interpreter():
    import json

    assert len(MODULES) > 50
    r = subprocess.run([sys.executable, "-c", _FORKER, *MODULES], cwd=ROOT, capture_output=True,
                       text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    failures = json.loads(r.stdout.strip().splitlines()[-1])
    assert not failures, failures


def test_core_never_imports_the_command_line_or_streamlit():
    bad = []
    for path in CORE.rglob("*.py"):
        rel = path.relative_to(ROOT).as_posix()
        names = _imported_names(path)
        if not rel.startswith("core/cli/") and rel != "core/__main__.py" and any(
                n == "core.cli" or n.startswith("core.cli.") for n in names):
            bad.append(f"{rel} imports core.cli")
        if rel != "core/resources.py" and any(n == "streamlit" or n.startswith("streamlit.") for n in names):
            bad.append(f"{rel} imports streamlit")
    assert not bad, bad


def test_the_transformer_imports_nothing_from_the_recurrent_area():
    """core/transformer stands on the neutral homes (core/training.py, core/lm), not on core/lstm:
    no file of it names core.lstm, and importing all of it loads no core.lstm module."""
    files = sorted((CORE / "transformer").rglob("*.py"))
    assert files
    bad = [f"{p.relative_to(ROOT).as_posix()} imports {n}" for p in files for n in sorted(_imported_names(p))
           if n == "core.lstm" or n.startswith("core.lstm.")]
    assert not bad, bad
    modules = [".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__") for p in files]
    code = ("import importlib, sys\n" + "".join(f"importlib.import_module({m!r})\n" for m in modules)
            + "print(sorted(m for m in sys.modules if m == 'core.lstm' or m.startswith('core.lstm.')))")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.strip().splitlines()[-1] == "[]", r.stdout
