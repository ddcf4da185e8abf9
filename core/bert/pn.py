"""jrte-corpus ``pn.tsv`` (CC BY-NC-SA 4.0): where the app finds it, how it loads it with the
licence notice, and how it downloads it when online. Never committed to the project.
Parsing is core.bert.data's (``load_labelled`` / ``parse_labelled``)."""
from __future__ import annotations

import os
import pathlib
import urllib.error
import urllib.request

from core import ModelUnavailable
from core.i18n import Text
from core.bert.data import REPO_ROOT, LabelledData, load_labelled, parse_labelled

PN_URLS = (
    "https://raw.githubusercontent.com/megagonlabs/jrte-corpus/master/data/pn.tsv",
    "https://raw.githubusercontent.com/megagonlabs/jrte-corpus/main/data/pn.tsv",
)
PN_REPO = "https://github.com/megagonlabs/jrte-corpus"
PN_NOTICE = Text("bert.pn.notice", repo=PN_REPO)
# where download_pn() writes by default (git-ignored .cache/) and where find_pn() looks
DEFAULT_PN_PATH = REPO_ROOT / ".cache" / "data" / "pn.tsv"
PN_ENV = "PLAYGROUND_PN_TSV"


def find_pn() -> pathlib.Path | None:
    """A local pn.tsv if there is one: $PLAYGROUND_PN_TSV when it is set (then only that file: an
    operator, or a test run without the data, names it), else .cache/data/pn.tsv or
    ../shared/data/pn.tsv."""
    if os.environ.get(PN_ENV):
        path = pathlib.Path(os.environ[PN_ENV])
        return path if path.is_file() else None
    candidates = [DEFAULT_PN_PATH, REPO_ROOT.parent / "shared" / "data" / "pn.tsv"]
    for c in candidates:
        if c and pathlib.Path(c).is_file():
            return pathlib.Path(c)
    return None


def load_pn(path=None) -> LabelledData:
    """pn.tsv from ``path`` or :func:`find_pn`, with the licence notice attached."""
    path = path or find_pn()
    if path is None:
        raise ModelUnavailable("pn.tsv（jrte-corpus）がこのサーバーにありません。",
                               en="pn.tsv (jrte-corpus) is not on this server.",
                               hint=fetch_hint(), hint_en=fetch_hint(lang="en"))
    data = load_labelled(path)
    data.notice = PN_NOTICE
    return data


def fetch_hint(dest=None, lang: str = "ja") -> str:
    dest = pathlib.Path(dest) if dest else DEFAULT_PN_PATH
    alt = (f"# or on a machine with internet access: curl -L -o pn.tsv {PN_URLS[0]} → put it at {dest}"
           if lang == "en" else f"# またはネットにつながるマシンで: curl -L -o pn.tsv {PN_URLS[0]} → {dest} に置く")
    return f"python -c \"from core.bert.data import download_pn; print(download_pn('{dest}'))\"\n" + alt


def download_pn(dest=None, *, timeout: float = 20.0) -> pathlib.Path:
    """Fetch jrte-corpus data/pn.tsv (CC BY-NC-SA 4.0, see PN_NOTICE) into ``dest`` (a file
    path or a directory; default .cache/data/pn.tsv, git-ignored). Offline → ModelUnavailable
    naming the URL and where to put the file. The file is checked with load_labelled."""
    dest = pathlib.Path(dest) if dest else DEFAULT_PN_PATH
    if dest.is_dir() or str(dest).endswith(("/", os.sep)):
        dest = dest / "pn.tsv"
    last_error = ""
    for url in PN_URLS:
        try:
            with urllib.request.urlopen(url, timeout=timeout) as r:  # fixed https URL
                payload = r.read()
            break
        except (urllib.error.URLError, OSError, ValueError) as exc:
            last_error = str(getattr(exc, "reason", exc))
    else:
        raise ModelUnavailable(
            f"pn.tsv をダウンロードできません（オフライン？ {last_error[:80]}）。"
            f"ネットにつながるマシンで {PN_URLS[0]} を取得し、{dest} に置くか、ページでアップロードしてください。",
            en=f"Cannot download pn.tsv (offline? {last_error[:80]}). "
               f"On a machine with internet access fetch {PN_URLS[0]} and put it at {dest}, or upload it on the page.",
            hint=f"curl -L -o {dest} {PN_URLS[0]}")
    parse_labelled(payload.decode("utf-8-sig"), name="pn.tsv")  # refuses an error page
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(".tmp")
    tmp.write_bytes(payload)
    tmp.replace(dest)
    dest.with_name("pn.NOTICE.txt").write_text(PN_NOTICE + "\n", encoding="utf-8")
    return dest
