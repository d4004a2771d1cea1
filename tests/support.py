"""Paths and helpers the tests share (fixtures live in conftest.py)."""

import http.server
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parent.parent


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
    }

    def log_message(self, format, *args):
        pass


def built_pages(site: Path) -> list[str]:
    """Every page of the built site, as a path below its root ('', 'en/', 'hvad-er-det/', ...)."""
    pages = []
    for index in sorted(site.rglob("index.html")):
        relative = index.parent.relative_to(site).as_posix()
        pages.append("" if relative == "." else relative + "/")
    return pages
