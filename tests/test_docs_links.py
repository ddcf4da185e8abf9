"""README.md is the map: every relative link in it and in docs/*.md points to a file of the
repository, every docs/ page is linked from the README, and the README stays short."""
from __future__ import annotations

import re

from tests.conftest import ROOT

LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def relative_links(text: str) -> list[str]:
    return [t for t in LINK.findall(text) if not re.match(r"^[a-z][a-z0-9+.-]*:", t) and not t.startswith("#")]


def test_the_link_reader_finds_relative_links_only():
    text = "[a](docs/x.md) ![s](img.png) [w](https://example.com/y) [m](mailto:a@b) [h](#top) [f](y.md#part)"
    assert relative_links(text) == ["docs/x.md", "img.png", "y.md#part"]


def test_every_relative_link_points_to_a_file_of_the_repository():
    broken = []
    for page in PAGES:
        for target in relative_links(page.read_text(encoding="utf-8")):
            path = (page.parent / target.split("#", 1)[0]).resolve()
            if not path.exists() or ROOT.resolve() not in path.parents:
                broken.append(f"{page.relative_to(ROOT)} → {target}")
    assert broken == []


def test_readme_is_a_short_map_to_every_docs_page():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 200
    linked = {(ROOT / t.split("#", 1)[0]).resolve() for t in relative_links(readme)}
    assert [p.name for p in PAGES[1:] if p.resolve() not in linked] == []
