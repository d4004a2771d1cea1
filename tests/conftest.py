"""Shared fixtures: the site built once per test session, served on a free local port by
Python's server (site_url) and by nginx with the site's own server configuration (hosted_url)."""

import contextlib
import functools
import http.server
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from support import ROOT, QuietHandler

MKDOCS = Path(sys.executable).parent / "mkdocs"


@pytest.fixture(scope="session")
def build(tmp_path_factory):
    """`mkdocs build --strict` into a fresh folder: the finished process and the folder."""
    site = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [str(MKDOCS), "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return result, site


@pytest.fixture(scope="session")
def site_dir(build):
    result, site = build
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def site_url(site_dir):
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def nginx_serving(site: Path, prefix: Path):
    """nginx serving `site` with the repository's server block on a free port of 127.0.0.1:
    its address. Where nginx or its Brotli module is missing, this fails and says what to
    install; it never skips."""
    from scripts.tools.host import start

    prefix.mkdir(parents=True, exist_ok=True)
    for _ in range(5):  # a free port can be taken by someone else before nginx binds it
        port = free_port()
        nginx = start(site, prefix, "127.0.0.1", port, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while nginx.poll() is None and time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
                break
            time.sleep(0.05)
        if nginx.poll() is None:
            break
    else:
        raise AssertionError(f"nginx did not start: {nginx.stderr.read().decode()}")
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        nginx.terminate()
        nginx.wait(timeout=30)


@pytest.fixture(scope="session")
def hosted_url(site_dir, tmp_path_factory):
    """The built site as nginx serves it with the repository's configuration."""
    with nginx_serving(site_dir, tmp_path_factory.mktemp("nginx")) as url:
        yield url
