"""Real services for the serving tests: Debian's varnishd in front of a
server, and the shared Redis. Missing locally, their tests skip and say so;
in CI (.ci/run sets TEATE_REQUIRE_PROXY=1 and TEATE_REQUIRE_REDIS=1) a
missing one is a failure."""

import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
VARNISH_DIR = ROOT / "deploy" / "varnish"


def require(available, variable, why):
    if available:
        return
    if os.environ.get(variable) == "1":
        pytest.fail(f"{why}, and {variable}=1")
    pytest.skip(f"{why} (set {variable}=1 to make this a failure)")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, timeout=15):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port} after {timeout}s")


# Plain HTTP to loopback: no environment proxy, no redirects followed.
class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect)


def fetch(url, headers=None, method="GET", timeout=10, data=None):
    """(status, headers, body bytes) of one request, errors included."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with OPENER.open(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture
def redis_required():
    require(settings.TEST_REDIS_UP, "TEATE_REQUIRE_REDIS", f"Redis is not running at {settings.TEST_REDIS_URL}")


@pytest.fixture
def start_varnish(tmp_path):
    """start_varnish(port, ...) -> the proxy's base URL, deploy/varnish/teate.vcl
    in front of the app servers listening on those loopback ports."""
    varnishd = shutil.which("varnishd") or ("/usr/sbin/varnishd" if os.path.exists("/usr/sbin/varnishd") else None)
    require(varnishd, "TEATE_REQUIRE_PROXY", "varnishd not found (Debian package `varnish`)")
    started = []

    def start(*ports, port=None, probe=False):
        workdir = tmp_path / f"varnish-{len(started)}"
        workdir.mkdir()
        names = [f"app{i}" for i in range(len(ports))]
        # probe=True: app servers answering /healthz (site_project/wsgi.py),
        # probed as production's backends.vcl says.
        health = " .probe = app_health;" if probe else ""
        probe_vcl = re.search(r"probe app_health \{.*?\n\}\n", (VARNISH_DIR / "backends.vcl").read_text(), re.S)
        backends = "".join(
            f'backend {name} {{ .host = "127.0.0.1"; .port = "{port}";{health} }}\n' for name, port in zip(names, ports)
        )
        adds = "".join(f"    app.add_backend({name});\n" for name in names)
        (workdir / "backends.vcl").write_text(
            f'{probe_vcl.group(0) if probe else ""}{backends}sub vcl_init {{\n    new app = directors.round_robin();\n{adds}}}\nacl purgers {{ "127.0.0.1"; }}\n'
        )
        port = port or free_port()
        process = subprocess.Popen(
            [
                varnishd, "-F", "-j", "none", "-n", str(workdir / "n"), "-a", f"127.0.0.1:{port}",
                "-f", str(VARNISH_DIR / "teate.vcl"), "-p", f"vcl_path={workdir}:{VARNISH_DIR}",
                "-s", "malloc,64m", "-T", "none",
            ],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        started.append(process)
        try:
            wait_for_port(port)
        except TimeoutError:
            process.kill()
            raise RuntimeError(process.stderr.read().decode()) from None
        return f"http://127.0.0.1:{port}"

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=15)
