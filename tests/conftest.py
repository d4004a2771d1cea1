"""Shared fixtures: the site built once per test session, served on a free local port by
Python's server (site_url) and by nginx with the site's own server configuration (hosted_url)."""

import functools
import http.server
import subprocess
import sys
import threading
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from support import ROOT, QuietHandler, nginx_serving

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


@pytest.fixture(scope="session")
def hosted_url(site_dir, tmp_path_factory):
    """The built site as nginx serves it with the repository's configuration."""
    with nginx_serving(site_dir, tmp_path_factory.mktemp("nginx")) as url:
        yield url
