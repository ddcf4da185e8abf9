"""A small Hugging Face Hub on 127.0.0.1 for tests (no mocks of huggingface_hub).

It speaks the part of the Hub's HTTP API that huggingface_hub 2.x uses to find and fetch a
model, read from ``huggingface_hub/hf_api.py`` and ``file_download.py``:

- ``GET /api/models/{id}`` and ``/api/models/{id}/revision/{rev}`` (``HfApi.model_info`` /
  ``repo_info``): ``sha``, ``siblings`` (with sizes when ``blobs=true``), the licence in
  ``cardData`` and ``tags``;
- ``GET /api/models/{id}/tree/{rev}`` (``list_repo_tree`` / ``list_repo_files``): files with
  ``oid`` and ``size``;
- ``HEAD`` / ``GET /{id}/resolve/{rev}/{file}`` (``get_hf_file_metadata`` then ``http_get``):
  ``X-Repo-Commit``, ``ETag`` (and ``X-Linked-Etag`` / ``X-Linked-Size`` for weight files, as
  the Hub sends for LFS files), ``Content-Length``, ``Accept-Ranges`` and ``Range`` requests;
- unknown repositories / files answer 404 with ``X-Error-Code: RepoNotFound`` / ``EntryNotFound``.

``LocalHub(repos={"org/name": directory})`` serves every file under each directory.
``break_after={"model.safetensors": 1000}`` cuts the connection after that many bytes of the
file on every attempt (an interrupted download); ``hold_after={"model.safetensors": 65536}``
pauses the file's body there until ``proceed()`` (a download caught in progress, without timing);
``chunk_delay`` slows each 64 KiB chunk. Use as a context manager; ``.url`` is the HF_ENDPOINT;
:func:`use` points this process's huggingface_hub at it (subprocesses: tests/deploy/conftest.py's
``hub_env``).
"""
from __future__ import annotations

import hashlib
import json
import pathlib
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlparse

CHUNK = 64 * 1024
_API = re.compile(r"^/api/models/(?P<repo>[^/]+/[^/]+)(?:/revision/(?P<rev>[^/]+))?/?$")
_TREE = re.compile(r"^/api/models/(?P<repo>[^/]+/[^/]+)/tree/(?P<rev>[^/]+)(?:/(?P<path>.*))?$")
_RESOLVE = re.compile(r"^/(?P<repo>[^/]+/[^/]+)/resolve/(?P<rev>[^/]+)/(?P<file>.+)$")


class Repo:
    def __init__(self, repo_id: str, directory: pathlib.Path, license: str = "apache-2.0"):
        self.repo_id, self.dir, self.license = repo_id, pathlib.Path(directory), license
        self.files = {str(p.relative_to(self.dir)): p for p in sorted(self.dir.rglob("*")) if p.is_file()}
        digest = hashlib.sha1(repo_id.encode())
        for name, path in self.files.items():
            digest.update(name.encode() + hashlib.sha1(path.read_bytes()).digest())
        self.sha = digest.hexdigest()  # a 40-hex "commit"

    def oid(self, name: str) -> str:
        return hashlib.sha1(self.files[name].read_bytes()).hexdigest()

    def etag(self, name: str) -> str:
        data = self.files[name].read_bytes()
        return hashlib.sha256(data).hexdigest() if _is_lfs(name) else hashlib.sha1(data).hexdigest()

    def info(self, blobs: bool) -> dict:
        siblings = [{"rfilename": n} | ({"size": p.stat().st_size, "blobId": self.oid(n)} if blobs else {})
                    for n, p in self.files.items()]
        return {"_id": self.sha[:24], "id": self.repo_id, "modelId": self.repo_id, "sha": self.sha,
                "private": False, "gated": False, "disabled": False, "downloads": 0, "likes": 0,
                "library_name": "transformers", "tags": ["transformers", f"license:{self.license}"],
                "cardData": {"license": self.license}, "siblings": siblings,
                "usedStorage": sum(p.stat().st_size for p in self.files.values()),
                "lastModified": "2026-01-01T00:00:00.000Z", "createdAt": "2026-01-01T00:00:00.000Z"}

    def tree(self, prefix: str) -> list[dict]:
        prefix = prefix.strip("/")
        return [{"type": "file", "oid": self.oid(n), "size": p.stat().st_size, "path": n}
                for n, p in self.files.items() if not prefix or n.startswith(prefix + "/")]


def _is_lfs(name: str) -> bool:
    return name.endswith((".safetensors", ".bin", ".model", ".spm"))


class LocalHub:
    def __init__(self, repos: dict[str, str | pathlib.Path], *, licenses: dict[str, str] | None = None,
                 break_after: dict[str, int] | None = None, chunk_delay: float = 0.0,
                 hold_after: dict[str, int] | None = None):
        licenses = licenses or {}
        self.repos = {rid: Repo(rid, d, licenses.get(rid, "apache-2.0")) for rid, d in repos.items()}
        self.break_after = dict(break_after or {})
        self.chunk_delay = chunk_delay
        self.hold_after = dict(hold_after or {})
        self.gate = threading.Event()  # hold_after: the file's body pauses there until proceed()
        self.requests: list[tuple[str, str]] = []  # (method, path) in order, for assertions
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="localhub", daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> "LocalHub":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    def proceed(self) -> None:
        """Let held downloads (``hold_after``) continue."""
        self.gate.set()

    def file_requests(self, name: str) -> int:
        return sum(1 for m, p in self.requests if m == "GET" and p.endswith("/" + name))

    def file_repos(self) -> list[str]:
        """The repository of every file request (HEAD or GET on ``/resolve/``), in order."""
        return [m["repo"] for m in (_RESOLVE.match(p) for _, p in self.requests) if m]

    def _handler(self):
        hub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_HEAD(self):
                self._route(head=True)

            def do_GET(self):
                self._route(head=False)

            def _json(self, status: int, body, headers: dict | None = None):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            def _error(self, code: str, message: str, head: bool):
                headers = {"X-Error-Code": code, "X-Error-Message": message}
                if head:
                    self.send_response(404)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                else:
                    self._json(404, {"error": message}, headers)

            def _route(self, head: bool):
                url = urlparse(self.path)
                path = unquote(url.path)
                hub.requests.append(("HEAD" if head else "GET", path))
                query = parse_qs(url.query)
                for pattern, action in ((_TREE, self._tree), (_API, self._api), (_RESOLVE, self._resolve)):
                    m = pattern.match(path)
                    if m:
                        repo = hub.repos.get(m["repo"])
                        if repo is None:
                            return self._error("RepoNotFound", f"Repository {m['repo']} not found", head)
                        return action(repo, m, query, head)
                self._error("EntryNotFound", f"{path} not found", head)

            def _api(self, repo: Repo, m, query, head):
                self._json(200, repo.info(blobs=query.get("blobs", ["false"])[0].lower() == "true"))

            def _tree(self, repo: Repo, m, query, head):
                self._json(200, repo.tree(m["path"] or ""))

            def _resolve(self, repo: Repo, m, query, head):
                name = m["file"]
                if name not in repo.files:
                    return self._error("EntryNotFound", f"{name} not found in {repo.repo_id}", head)
                data = repo.files[name].read_bytes()
                start = 0
                rng = self.headers.get("Range")
                if rng and not head:
                    start = int(re.match(r"bytes=(\d+)-", rng).group(1))
                body = data[start:]
                self.send_response(206 if start else 200)
                self.send_header("X-Repo-Commit", repo.sha)
                self.send_header("ETag", f'"{repo.etag(name)}"')
                if _is_lfs(name):
                    self.send_header("X-Linked-Etag", f'"{repo.etag(name)}"')
                    self.send_header("X-Linked-Size", str(len(data)))
                self.send_header("Accept-Ranges", "bytes")
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(len(body)))
                if start:
                    self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
                self.end_headers()
                if head:
                    return
                limit = hub.break_after.get(name)
                hold = hub.hold_after.get(name)
                sent = 0
                for i in range(0, len(body), CHUNK):
                    if hold is not None and start + sent >= hold:
                        hub.gate.wait(300)  # a download in progress, until the test says proceed()
                    piece = body[i:i + CHUNK]
                    if limit is not None and start + sent + len(piece) > limit:
                        self.wfile.write(piece[:max(0, limit - start - sent)])
                        self.wfile.flush()
                        self.close_connection = True
                        self.connection.shutdown(2)  # cut mid-body: an interrupted download
                        return
                    self.wfile.write(piece)
                    sent += len(piece)
                    if hub.chunk_delay:
                        time.sleep(hub.chunk_delay)  # server-side throttle (not test synchronisation)

        return Handler


def use(monkeypatch, hub: LocalHub, cache: pathlib.Path) -> None:
    """This process talks to ``hub``, with the Hugging Face cache at ``cache`` (for the test)."""
    import huggingface_hub.constants as hf_constants

    monkeypatch.setenv("HF_ENDPOINT", hub.url)
    monkeypatch.setenv("HF_HUB_OFFLINE", "0")
    monkeypatch.setattr(hf_constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setattr(hf_constants, "HF_HUB_CACHE", str(cache))
