"""Static checks of Dockerfile, compose.yaml and .dockerignore (issue 14). Docker's daemon and
`docker compose` are not available on the development machine or in CI, so the files are
parsed here and checked against hadolint-style rules; `docker compose config` runs when it can."""
from __future__ import annotations

import json
import pathlib
import re
import shlex
import shutil
import subprocess

import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]


def instructions(text: str) -> list[tuple[str, str]]:
    """[(INSTRUCTION, arguments)] with line continuations joined and comments dropped."""
    out, buf = [], ""
    for line in text.splitlines():
        stripped = line.strip()
        if not buf and (not stripped or stripped.startswith("#")):
            continue
        if stripped.endswith("\\"):
            buf += stripped[:-1].rstrip() + " "
            continue
        buf += stripped
        op, _, args = buf.partition(" ")
        out.append((op.upper(), args.strip()))
        buf = ""
    return out


@pytest.fixture(scope="module")
def dockerfile() -> list[tuple[str, str]]:
    return instructions((ROOT / "Dockerfile").read_text())


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def _all(ins, op):
    return [a for o, a in ins if o == op]


def test_instructions_parser_joins_continuations():
    assert instructions("FROM a:1\nRUN x \\\n    && y\n# c\nUSER u\n") == [("FROM", "a:1"), ("RUN", "x && y"), ("USER", "u")]


def test_base_image_is_pinned(dockerfile):  # hadolint DL3006 / DL3007
    (base,) = _all(dockerfile, "FROM")
    image, _, tag = base.partition(":")
    assert tag and tag != "latest" and re.match(r"\d+\.\d+\.\d+", tag), base


def test_runs_as_a_non_root_user_from_before_the_command(dockerfile):  # DL3002
    ops = [o for o, _ in dockerfile]
    users = _all(dockerfile, "USER")
    assert users and users[-1] not in ("root", "0")
    assert ops.index("USER") < ops.index("CMD")


def test_apt_rules(dockerfile):  # DL3009, DL3015, DL3005, DL3004
    for run in _all(dockerfile, "RUN"):
        if "apt-get install" in run:
            assert "--no-install-recommends" in run and "rm -rf /var/lib/apt/lists" in run, run
            assert "-y" in shlex.split(run)
        assert "apt-get upgrade" not in run and "sudo " not in run
        assert not re.search(r"(^|&&\s*)cd\s", run), "use WORKDIR, not cd (DL3003)"
    assert any("fonts-noto-cjk" in r for r in _all(dockerfile, "RUN"))


def test_pip_installs_the_gpu_profile_without_cache(dockerfile):  # DL3042
    pips = [r for r in _all(dockerfile, "RUN") if "pip install" in r]
    assert pips and all("--no-cache-dir" in r for r in pips)
    assert any("-r requirements-gpu.txt" in r for r in pips)
    ops = [(o, a) for o, a in dockerfile if o in ("COPY", "RUN")]
    copy_reqs = next(i for i, (o, a) in enumerate(ops) if o == "COPY" and "requirements-gpu.txt" in a)
    install = next(i for i, (o, a) in enumerate(ops) if "requirements-gpu.txt" in a and o == "RUN")
    copy_all = next(i for i, (o, a) in enumerate(ops) if o == "COPY" and a.endswith(". ."))
    assert copy_reqs < install < copy_all  # dependency layer cached across code changes


def test_no_add_and_absolute_workdir(dockerfile):  # DL3020, DL3000
    assert not _all(dockerfile, "ADD")
    assert all(w.startswith("/") for w in _all(dockerfile, "WORKDIR"))


def test_command_healthcheck_port_and_volume(dockerfile):
    (cmd,) = _all(dockerfile, "CMD")
    argv = json.loads(cmd)  # exec form (DL3025)
    assert argv[:3] == ["streamlit", "run", "app.py"] and "--server.address=0.0.0.0" in argv
    assert "--server.port=8501" in argv and _all(dockerfile, "EXPOSE") == ["8501"]
    (health,) = _all(dockerfile, "HEALTHCHECK")
    assert "/_stcore/health" in health and "CMD" in health
    env = " ".join(_all(dockerfile, "ENV"))
    volumes = json.loads(_all(dockerfile, "VOLUME")[0])
    assert "HF_HOME=/data/huggingface" in env and "PLAYGROUND_CACHE_DIR=/data/playground" in env
    assert volumes == ["/data"]


def test_dockerignore_keeps_what_the_image_needs():
    ignored = [ln.strip() for ln in (ROOT / ".dockerignore").read_text().splitlines()
               if ln.strip() and not ln.startswith("#")]
    assert ".venv" in ignored and ".git" in ignored
    for needed in ("app.py", "core", "pages", ".streamlit", "requirements.txt", "requirements-gpu.txt"):
        assert needed not in ignored


def test_compose_app_has_gpu_restart_volume_and_healthcheck(compose):
    app = compose["services"]["app"]
    assert app["restart"] in ("unless-stopped", "always")
    (dev,) = app["deploy"]["resources"]["reservations"]["devices"]
    assert dev["driver"] == "nvidia" and "gpu" in dev["capabilities"]
    assert any(v.startswith("playground-data:/data") for v in app["volumes"])
    assert "playground-data" in compose["volumes"]
    assert "/_stcore/health" in " ".join(app["healthcheck"]["test"])


def test_compose_proxy_is_haproxy_from_the_template_the_tests_run(compose):
    """compose.yaml's proxy mounts deploy/haproxy.cfg as it is; `core serve` (and
    tests/multiproc) render the same file with local servers (stkit/server.py: render_haproxy)."""
    proxy = compose["services"]["proxy"]
    image, _, tag = proxy["image"].partition(":")
    assert image == "haproxy" and tag and tag != "latest"
    assert "80:80" in proxy["ports"] and "profiles" not in proxy
    assert "./deploy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro" in proxy["volumes"]
    assert proxy["environment"]["PLAYGROUND_PROXY_BIND"] == ":80"
    assert proxy["depends_on"]["app"]["condition"] == "service_healthy"
    assert not any("docker.sock" in v for v in proxy["volumes"])  # no Traefik-style socket access


def test_haproxy_template_is_sticky_passes_websockets_and_checks_health():
    cfg = (ROOT / "deploy" / "haproxy.cfg").read_text()
    lines = [ln.strip() for ln in cfg.splitlines() if ln.strip() and not ln.strip().startswith("#")]
    cookie = next(ln for ln in lines if ln.startswith("cookie "))
    assert "playground_affinity" in cookie and " insert " in f" {cookie} "
    assert "option httpchk GET /_stcore/health" in lines and "option redispatch" in lines
    assert any(ln.startswith("timeout tunnel") for ln in lines)  # the WebSocket outlives timeout client
    assert any(ln.startswith("default-server") and " check" in ln for ln in lines)
    # compose's servers: the `app` service's replicas through Docker's DNS, port 8501
    template = next(ln for ln in lines if ln.startswith("server-template"))
    assert "app:8501" in template and "resolvers docker" in template
    assert 'bind "${PLAYGROUND_PROXY_BIND}"' in lines


def test_haproxy_accepts_the_template_when_installed():
    haproxy = shutil.which("haproxy") or ("/usr/sbin/haproxy" if pathlib.Path("/usr/sbin/haproxy").exists() else None)
    if haproxy is None:
        pytest.skip("haproxy is not installed (apt-get install haproxy)")
    import os

    from stkit.server import render_haproxy

    env = dict(os.environ, PLAYGROUND_PROXY_BIND="127.0.0.1:1")
    for text in ((ROOT / "deploy" / "haproxy.cfg").read_text(), render_haproxy([("w1", 2), ("w2", 3)])):
        proc = subprocess.run([haproxy, "-c", "-f", "/dev/stdin"], input=text, env=env, capture_output=True,
                              text=True, check=False)
        assert proc.returncode == 0, proc.stdout + proc.stderr


def test_compose_scales_the_app_with_redis_shared_by_every_replica(compose):
    services = compose["services"]
    app = services["app"]
    assert str(app["deploy"]["replicas"]).startswith("${PLAYGROUND_REPLICAS")
    assert app["environment"]["PLAYGROUND_REDIS_URL"] == "redis://redis:6379/0"
    assert app["depends_on"]["redis"]["condition"] == "service_healthy"
    redis = services["redis"]
    assert redis["image"].startswith("redis:") and redis["image"] != "redis:latest"
    assert "redis-data:/data" in redis["volumes"] and "redis-data" in compose["volumes"]
    assert "--appendonly" in redis["command"]
    assert "redis-cli" in " ".join(redis["healthcheck"]["test"])
    assert not [n for n in services if n not in ("app", "redis", "proxy")]  # no second app service


def test_compose_takes_the_settings_from_an_env_file_with_an_example(compose):
    """Every PLAYGROUND_* setting comes from deploy/playground.env (an operator's copy of the
    committed example, ignored by git and the image): the instructor PIN among them."""
    (env_file,) = compose["services"]["app"]["env_file"]
    assert env_file["path"] == "deploy/playground.env"
    example = (ROOT / "deploy" / "playground.env.example").read_text()
    names = set(re.findall(r"^#? ?(PLAYGROUND_[A-Z_]+)=", example, flags=re.MULTILINE))
    assert "PLAYGROUND_INSTRUCTOR_PIN" in names and "PLAYGROUND_PUBLIC_URL" in names
    # each one is a setting the app reads
    source = "\n".join(p.read_text(encoding="utf-8") for d in ("core", "pages") for p in (ROOT / d).rglob("*.py"))
    assert [n for n in names if n not in source] == []
    # no setting in compose.yaml itself but the topology's own (Redis)
    assert set(compose["services"]["app"]["environment"]) == {"PLAYGROUND_REDIS_URL", "PLAYGROUND_REDIS_REQUIRED"}
    assert "deploy/playground.env" in (ROOT / ".gitignore").read_text().split()
    assert "deploy/playground.env" in (ROOT / ".dockerignore").read_text().split()


def test_docker_compose_config_when_docker_is_here():
    docker = shutil.which("docker")
    if docker is None:
        pytest.skip("docker is not installed")
    probe = subprocess.run([docker, "compose", "version"], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip(f"`docker compose` is not available: {probe.stderr.strip()[:200]}")
    proc = subprocess.run([docker, "compose", "config", "--quiet"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
