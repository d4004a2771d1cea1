"""`make check-host`: against the site as nginx serves it with the repository's configuration,
everything is right; against a server that sends no headers and wrong types, it says line by line
what to change, and exits 1."""

import functools
import http.server
import threading
from typing import ClassVar

import pytest
from support import QuietHandler

from scripts.tools.check_host import check_host, edition_address, main


class CarelessHandler(QuietHandler):
    """A server as many are out of the box: no headers of the site's, no compressed copies, and
    the types of an old list (no .mjs, no .wasm)."""

    extensions_map: ClassVar[dict] = {
        **QuietHandler.extensions_map,
        ".mjs": "application/octet-stream",
        ".wasm": "application/octet-stream",
    }


@pytest.fixture(scope="module")
def careless_url(site_dir):
    handler = functools.partial(CarelessHandler, directory=str(site_dir))
    # Not this machine's usual address: to the check, a server elsewhere, over plain http.
    server = http.server.ThreadingHTTPServer(("127.0.0.2", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.2:{server.server_address[1]}/"
    server.shutdown()


def test_against_the_sites_own_nginx_everything_is_right(hosted_url):
    # As a municipality's build would be: its edition's address is the address checked.
    report = check_host(hosted_url, hosted_url)
    assert report.changes == 0
    assert not [line for line in report.lines if line.startswith("CHANGE")]
    for expected in (
        "OK      address: http (this machine only)",
        "OK      Pyodide's wasm: type application/wasm",
        "OK      Pyodide's module (.mjs): type text/javascript",
        "OK      Pyodide's wasm: br to a browser that accepts br, gzip, with Vary: Accept-Encoding",
        "OK      forms (.zip): kept long (public, max-age=31536000, immutable)",
        "OK      sw.js: checked with the server before each use (no-cache)",
        "OK      an address that is not there: 404 with the site's own page",
    ):
        assert expected in report.lines


def test_with_no_address_in_the_edition_the_one_change_is_to_set_it(hosted_url, capsys):
    assert edition_address() == ""  # the repository's own edition file is the unset one
    assert main([hosted_url]) == 1
    changes = [line for line in capsys.readouterr().out.splitlines() if line.startswith("CHANGE")]
    assert changes == [
        f"CHANGE  edition.toml has no [site] address: set it to {hosted_url} and build again, "
        "so the papers a family prints name the site"
    ]


def test_against_a_careless_server_it_says_what_to_change(careless_url, capsys):
    assert main([careless_url]) == 1
    lines = capsys.readouterr().out.splitlines()
    for expected in (
        "CHANGE  address: serve the site over https: without it the offline copy cannot be "
        "kept and browsers mark the forms' pages as not secure",
        "CHANGE  form's worker (assets/forms/form-worker.js): send the site's "
        "Content-Security-Policy header, with frame-ancestors 'none' (the build writes it into "
        "_server/nginx-headers.conf and _headers)",
        "CHANGE  front page: send X-Content-Type-Options: nosniff (now: not sent)",
        "CHANGE  Pyodide's wasm: send it as application/wasm (now: application/octet-stream)",
        "CHANGE  Pyodide's module (.mjs): send it as text/javascript "
        "(now: application/octet-stream)",
        "CHANGE  Pyodide's wasm: send the build's .br copy to a browser that accepts br, gzip, "
        "with Vary: Accept-Encoding (now: uncompressed, Vary: not sent)",
        "CHANGE  Pyodide's wasm: its address names its bytes; send Cache-Control: public, "
        "max-age=31536000, immutable (now: not sent)",
        "CHANGE  sw.js: its address stays the same from one version to the next; send "
        "Cache-Control: no-cache (now: not sent)",
        "CHANGE  an address that is not there: answer 404 with the site's 404.html "
        "(now: 404, another's page)",
    ):
        assert expected in lines
    assert lines[-1].endswith("thing(s) to change; the guide: docs/for-fagfolk.en.md")


def test_the_editions_address_is_compared_with_the_address_checked(hosted_url, tmp_path):
    edition = tmp_path / "edition.toml"
    assert edition_address(edition) is None
    assert check_host(hosted_url, edition_address(edition)).changes == 0
    edition.write_text('[site]\naddress = ""\n')
    report = check_host(hosted_url, edition_address(edition))
    assert report.changes == 1
    assert (
        f"CHANGE  edition.toml has no [site] address: set it to {hosted_url} and build again, "
        "so the papers a family prints name the site"
    ) in report.lines
    edition.write_text('[site]\naddress = "https://familieraad.example.dk/"\n')
    assert edition_address(edition) == "https://familieraad.example.dk/"
    report = check_host(hosted_url, edition_address(edition))
    assert report.changes == 1
    assert (
        "CHANGE  edition.toml's [site] address is https://familieraad.example.dk/, not "
        f"{hosted_url}: build with the address the site is served at, so the papers a family "
        "prints name it"
    ) in report.lines
    assert check_host(hosted_url, hosted_url).changes == 0
