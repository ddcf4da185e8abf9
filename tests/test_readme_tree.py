"""docs/architecture.md's tree matches the tree (issue #12): every file it names exists
where it says, and every module of core and of each page package is named there."""
from __future__ import annotations

import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
ENTRY = re.compile(r"^( {0,2})([\w.]+/?)\s")  # "core/", "  lstm/", "  hub.py" at the start of a line
PY = re.compile(r"(?<![\w/.<>])(\w[\w/]*\.py)\b")


def _block() -> list[str]:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = text.split("\n## The tree\n", 1)[1]
    return section.split("```", 2)[1].splitlines()[1:]


def _entries() -> list[tuple[pathlib.Path, str]]:
    """(the directory an entry describes, the entry's text) for every line of the tree."""
    out: list[tuple[pathlib.Path, str]] = []
    top = sub = ROOT
    for line in _block():
        m = ENTRY.match(line)
        if m:
            indent, name = len(m.group(1)), m.group(2)
            if indent == 0:
                top = ROOT / name.rstrip("/") if name.endswith("/") else ROOT
                sub = top
            else:
                sub = top / name.rstrip("/") if name.endswith("/") else top
        out.append((sub, line[20:] if len(line) > 20 else ""))
        if m:
            out.append((top, m.group(2)))
    return out


def test_every_file_the_architecture_names_exists():
    missing = []
    for base, text in _entries():
        for name in PY.findall(text):
            candidates = [base / name, ROOT / name, base.parent / name]
            if not any(c.is_file() for c in candidates):
                missing.append(f"{name} (under {base.relative_to(ROOT)})")
    assert missing == [], missing


def test_every_core_module_is_named_in_the_architecture():
    block = "\n".join(_block())
    named = set(PY.findall(block)) | {n.rsplit("/", 1)[-1] for n in PY.findall(block)}
    unnamed = []
    for path in sorted((ROOT / "core").rglob("*.py")):
        rel = path.relative_to(ROOT / "core")
        if path.name == "__init__.py" or rel.parts[0] in ("i18n", "cli"):
            continue  # the string table and the CLI are described as one module per group
        if path.name not in named:
            unnamed.append(str(rel))
    assert unnamed == [], f"core modules the README's architecture section does not name: {unnamed}"
