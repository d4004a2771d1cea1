"""Shared fixtures: the site built once per test session, served on a free local port by
Python's server (site_url) and by nginx with the site's own server configuration (hosted_url);
and the same site built with a filled edition file (tests/site/edition-filled.toml, through the
FGC_EDITION variable the build reads), for what a municipality's own copy shows."""

import functools
import http.server
import sys
import threading
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from support import (
    FILLED_EDITION,
    PSEUDO_LANGUAGE,
    RTL_PSEUDO_LANGUAGE,
    QuietHandler,
    build_site,
    nginx_serving,
)

from scripts.translation.trial import try_language


def _serve(site: Path):
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def build(tmp_path_factory):
    """`mkdocs build --strict` into a fresh folder: the finished process and the folder."""
    site = tmp_path_factory.mktemp("site")
    return build_site(site), site


@pytest.fixture(scope="session")
def edition_build(tmp_path_factory):
    """The same build with the filled test edition: the finished process and the folder."""
    site = tmp_path_factory.mktemp("edition-site")
    return build_site(site, FILLED_EDITION), site


@pytest.fixture(scope="session")
def edition_site_dir(edition_build):
    result, site = edition_build
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def edition_site_url(edition_site_dir):
    server = _serve(edition_site_dir)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def site_dir(build):
    result, site = build
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def site_url(site_dir):
    server = _serve(site_dir)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def hosted_url(site_dir, tmp_path_factory):
    """The built site as nginx serves it with the repository's configuration."""
    with nginx_serving(site_dir, tmp_path_factory.mktemp("nginx")) as url:
        yield url


def _built_with(language: str, folder: Path) -> dict:
    built = try_language(language, folder)
    for name, step in built["steps"].items():
        assert step.returncode == 0, f"{name}: {step.stdout}\n{step.stderr}"
    return built


@pytest.fixture(scope="session")
def pseudo_language(tmp_path_factory):
    """A copy of the repository given a language through the translator's kit (out, every text
    pseudo-translated, in) and built; the repository itself is left as it is."""
    return _built_with(PSEUDO_LANGUAGE, tmp_path_factory.mktemp("pseudo-language"))


@pytest.fixture(scope="session")
def rtl_pseudo_language(tmp_path_factory):
    """The same with a pseudo-language written right to left (ar-XB)."""
    return _built_with(RTL_PSEUDO_LANGUAGE, tmp_path_factory.mktemp("rtl-pseudo-language"))


@pytest.fixture(scope="session")
def pseudo_language_url(pseudo_language):
    server = _serve(pseudo_language["site"])
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def rtl_pseudo_language_url(rtl_pseudo_language):
    server = _serve(rtl_pseudo_language["site"])
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
