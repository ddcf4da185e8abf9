"""The import rules of docs/architecture.md, read statically from the source (ast), so a rule
broken anywhere fails here, not only where a test happens to run:

- a page imports only ``pages.common`` and core, never another page (pages/common/ holds what
  pages share: the model-source picker, the text-source picker, the training header …);
- no module imports another module's ``_private`` name (make it public instead);
- core's import graph has no cycle, function-level imports included (a cycle hidden inside a
  function still ties the two modules together).
(tests/test_imports.py checks that every core module imports alone, and core's other arrows.)
"""
from __future__ import annotations

import ast
import pathlib

from tests.conftest import ROOT

PRODUCT = ("app.py", "core", "pages", "bench", "stkit")  # tests may reach into privates (monkeypatching)
# (module, imported private name) still allowed: core/lm.py (branch `lm`) makes these public
ALLOWED_PRIVATE: set[tuple[str, str]] = set()


def _module(path: pathlib.Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def _files(*roots: str) -> list[pathlib.Path]:
    out: list[pathlib.Path] = []
    for r in roots:
        p = ROOT / r
        out += [p] if p.is_file() else sorted(p.rglob("*.py"))
    return out


MODULES = {_module(p): p for p in _files(*PRODUCT)}


def _imports(path: pathlib.Path) -> list[tuple[str, list[str]]]:
    """(module imported from, [names]) for every import in the file, function level included;
    relative imports resolved. ``import a.b`` gives ("a.b", [])."""
    module = _module(path)
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(a.name, []) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = module.split(".")[: len(module.split(".")) - (path.name != "__init__.py") - (node.level - 1)]
                base = ".".join(parts + ([node.module] if node.module else []))
            out.append((base, [a.name for a in node.names]))
    return out


def _targets(base: str, names: list[str]) -> set[str]:
    """The modules of this repository an import statement loads (a submodule when the imported
    name is one, else the module itself)."""
    found = set()
    for full in [f"{base}.{n}" for n in names] or [base]:
        while full and full not in MODULES and "." in full:
            full = full.rsplit(".", 1)[0]
        if full in MODULES:
            found.add(full)
    if base in MODULES and not any(f"{base}.{n}" in MODULES for n in names):
        found.add(base)
    return found


def test_a_page_imports_only_pages_common_and_core():
    bad = []
    for name, path in MODULES.items():
        if not name.startswith("pages."):
            continue
        page = name.split(".")[1]
        for base, names in _imports(path):
            for target in _targets(base, names) | ({base} if base.startswith("pages.") else set()):
                if not target.startswith("pages.") or target == "pages":
                    continue
                other = target.split(".")[1]
                if other != "common" and other != page or page == "common" and other != "common":
                    bad.append(f"{path.relative_to(ROOT)} imports {target}")
    assert bad == [], "move what pages share to pages/common/: " + "; ".join(sorted(set(bad)))


def test_no_module_imports_another_modules_private_name():
    bad = set()
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module_aliases = {}  # local name → one of our modules (``from core.bert import models as m``)
        for base, names in _imports(path):
            for n in names:
                if n.startswith("_") and not n.startswith("__"):
                    bad.add((name, f"{base}.{n}"))
                elif f"{base}.{n}" in MODULES:
                    module_aliases[n] = f"{base}.{n}"
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                for a in node.names:
                    if a.asname and f"{node.module}.{a.name}" in MODULES:
                        module_aliases[a.asname] = f"{node.module}.{a.name}"
            elif isinstance(node, ast.Import):
                for a in node.names:
                    if a.asname and a.name in MODULES:
                        module_aliases[a.asname] = a.name
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id in module_aliases and node.attr.startswith("_")
                    and not node.attr.startswith("__") and module_aliases[node.value.id] != name):
                bad.add((name, f"{module_aliases[node.value.id]}.{node.attr}"))
    assert sorted(bad - ALLOWED_PRIVATE) == [], "make the name public, or keep it inside its module"
    assert sorted(ALLOWED_PRIVATE - bad) == [], "fixed: remove these from ALLOWED_PRIVATE"


def _core_graph() -> dict[str, set[str]]:
    graph = {}
    for name, path in MODULES.items():
        if name == "core" or name.startswith("core."):
            deps = set()
            for base, names in _imports(path):
                deps |= {t for t in _targets(base, names) if t == "core" or t.startswith("core.")}
            graph[name] = deps - {name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out = []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            v, children = work[-1]
            w = next(children, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(sorted(graph.get(w, ())))))
                elif w in on_stack:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))
    return out


def test_core_import_graph_has_no_cycle():
    graph = _core_graph()
    assert len(graph) > 50 and graph["core.seq2seq.build"] >= {"core.seq2seq.model", "core.seq2seq.transformer"}
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []
