"""The built site as nginx serves it with the repository's configuration (scripts/host/): what a
browser receives with every file: the headers, the types, the compressed copies, how long each
file may be kept, and the "not found" page in each language."""

import re
import urllib.error
import urllib.request

import pytest
from support import built_pages

from scripts.build.content_security_policy import content_security_policy
from scripts.build.server_config import served_files
from scripts.build.service_worker import is_immutable

META_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
HASHES = re.compile(r" 'sha256-[^']*'")
TYPES = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".wasm": "application/wasm",
    ".webmanifest": "application/manifest+json",
    ".json": "application/json",
    ".css": "text/css",
    ".png": "image/png",
}


def get(url, encoding=None):
    """Status, headers and the bytes as sent (never decompressed here)."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding or "identity"})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture(scope="module")
def addresses(site_dir):
    """Every address a browser may ask for: each page by its folder, each other file by its
    path (the worker scripts, sw.js, Pyodide's files and the manifests among them)."""
    files = [f for f in served_files(site_dir) if not f.endswith("index.html")]
    return built_pages(site_dir) + files


def test_every_response_carries_the_policy_that_forbids_frames_and_the_other_headers(
    hosted_url, site_dir, addresses
):
    for address in [*addresses, "not-there/", "en/not-there/"]:
        status, headers, _ = get(hosted_url + address)
        assert status == (404 if "not-there" in address else 200), address
        policy = headers["Content-Security-Policy"]
        assert policy.endswith("; frame-ancestors 'none'"), address
        assert "base-uri 'none'" in policy and "object-src 'none'" in policy
        assert "form-action 'self'" in policy and "connect-src 'self'" in policy
        assert headers["X-Content-Type-Options"] == "nosniff", address
        assert headers["Referrer-Policy"] == "no-referrer", address
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin", address
        permissions = headers["Permissions-Policy"]
        assert "camera=()" in permissions and "microphone=()" in permissions
        assert "geolocation=()" in permissions and "=(self)" not in permissions


def test_the_header_is_each_pages_own_policy_and_what_only_a_header_can_say(hosted_url, site_dir):
    for page in built_pages(site_dir):
        _, headers, body = get(hosted_url + page)
        html = body.decode()
        (meta,) = META_POLICY.findall(html)
        assert meta == content_security_policy(html.replace(META_POLICY.search(html)[0], ""))
        header = headers["Content-Security-Policy"]
        assert set(HASHES.findall(meta)) <= set(HASHES.findall(header)), page
        assert HASHES.sub("", header) == HASHES.sub("", meta) + "; frame-ancestors 'none'"


def test_each_file_comes_with_the_type_a_browser_insists_on(hosted_url, addresses):
    for address in addresses:
        suffix = "." + address.rsplit(".", 1)[-1] if not address.endswith("/") else ".html"
        if suffix in TYPES:
            _, headers, _ = get(hosted_url + address)
            assert headers.get_content_type() == TYPES[suffix], address


def test_only_files_whose_address_names_their_bytes_are_kept_long(hosted_url, addresses):
    long_kept = []
    for address in [*addresses, "not-there/"]:
        _, headers, _ = get(hosted_url + address)
        if is_immutable(address):
            assert headers["Cache-Control"] == "public, max-age=31536000, immutable", address
            long_kept.append(address)
        else:
            assert headers["Cache-Control"] == "no-cache", address
    # Pyodide's four files, the forms' zip and Material's bundles; never a page, sw.js or a
    # manifest.
    assert len(long_kept) >= 7
    assert any(re.fullmatch(r"pyodide/forms-[0-9a-f]{12}\.zip", a) for a in long_kept), long_kept
    assert any(address.endswith("pyodide.asm.wasm") for address in long_kept)


def test_the_compressed_copies_are_sent_as_such_to_a_browser_that_accepts_them(
    hosted_url, site_dir, addresses
):
    compressed = [
        a for a in addresses if (site_dir / a).with_name(a.rsplit("/")[-1] + ".br").exists()
    ]
    pages = [p for p in built_pages(site_dir) if (site_dir / p / "index.html.br").exists()]
    assert len(pages) > 20 and any(a.endswith(".wasm") for a in compressed)
    for address in compressed + pages:
        file = (
            site_dir / address / "index.html"
            if address.endswith("/") or not address
            else site_dir / address
        )
        for accepted, encoding, suffix in (
            ("br, gzip", "br", ".br"),
            ("gzip", "gzip", ".gz"),
            ("identity", None, ""),
        ):
            _, headers, body = get(hosted_url + address, accepted)
            assert headers.get("Content-Encoding") == encoding, (address, accepted)
            assert headers["Vary"] == "Accept-Encoding", (address, accepted)
            assert body == file.with_name(file.name + suffix).read_bytes(), (address, accepted)


def test_an_address_that_is_not_there_gets_the_sites_own_page_in_its_language(hosted_url):
    for address, language, title in (
        ("findes-ikke/", "da", "Siden findes ikke"),
        ("skemaer/findes-ikke.mjs", "da", "Siden findes ikke"),
        ("en/not-there/", "en", "Page not found"),
    ):
        status, headers, _ = get(hosted_url + address, "br, gzip")
        assert status == 404
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        html = get(hosted_url + address)[2].decode()
        assert f'<html lang="{language}"' in html and f"<h1>{title}</h1>" in html, address


def test_the_servers_own_files_are_not_sent(hosted_url):
    for address in ("_headers", "_server/nginx-headers.conf", "_server/nginx-cache.conf"):
        status, _, body = get(hosted_url + address)
        assert status == 404 and b"add_header" not in body and b"Cache-Control" not in body
