"""Comparing two builds: only the build version is set aside, every other difference shows."""

import gzip

import brotli

from scripts.tools.compare_builds import differing, without_version

PAGE = b'<html data-version="0123456789abcdef"><p>Hej</p></html>'
WORKER = b'const BUILD = {"version":"0123456789abcdef","files":["./"]};'


def test_the_build_version_is_set_aside_in_pages_the_worker_and_their_copies():
    other = PAGE.replace(b"0123456789abcdef", b"fedcba9876543210")
    before = {
        "index.html": PAGE,
        "index.html.gz": gzip.compress(PAGE, mtime=0),
        "index.html.br": brotli.compress(PAGE),
        "sw.js": WORKER,
    }
    after = {
        "index.html": other,
        "index.html.gz": gzip.compress(other, mtime=0),
        "index.html.br": brotli.compress(other),
        "sw.js": WORKER.replace(b"0123456789abcdef", b"fedcba9876543210"),
    }
    assert differing(before, after, normalise=False) == sorted(before)
    assert differing(before, after, normalise=True) == []


def test_any_other_difference_shows():
    before = {"index.html": PAGE, "a.js": b"1", "gone.css": b""}
    after = {"index.html": PAGE.replace(b"Hej", b"Hi"), "a.js": b"2", "new.css": b""}
    assert differing(before, after, normalise=True) == ["a.js", "gone.css", "index.html", "new.css"]


def test_a_version_in_any_other_file_is_not_set_aside():
    lock = b'{"info": {"version":"0123456789abcdef"}}'
    assert without_version("pyodide/pyodide-lock.json", lock) == lock
