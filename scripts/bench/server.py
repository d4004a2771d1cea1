"""What the bench scripts share: the built site served on 127.0.0.1, counting what it sends,
and the figures written the same way in every table."""

import argparse
import functools
import http.server
import shutil
import statistics
import subprocess
import sys
import threading
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves a site quietly, with the right types, and notes each response's body size."""

    extensions_map: ClassVar = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
    }

    def send_response(self, code, message=None):
        super().send_response(code, message)
        self.served = {"path": urlsplit(self.path).path, "status": code, "bytes": 0}
        self.server.served.append(self.served)

    def end_headers(self):
        self.send_header("Cache-Control", self.server.cache_control)
        super().end_headers()

    def copyfile(self, source, outputfile):
        super().copyfile(source, outputfile)
        self.served["bytes"] = source.tell()

    def log_message(self, format, *args):
        pass


def serve(site: Path, cache_control: str) -> http.server.ThreadingHTTPServer:
    """`site` on a free port of 127.0.0.1; `server.served` lists every response."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(site))
    )
    server.served = []
    server.cache_control = cache_control
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def ms(values: list[float]) -> str:
    """Median (min-max) in ms."""
    if not values:
        return "-"
    return f"{statistics.median(values):,.0f} ms ({min(values):,.0f}-{max(values):,.0f})"


def size(n: float) -> str:
    for unit in ("B", "KiB", "MiB"):
        if n < 1024 or unit == "MiB":
            return f"{n:,.0f} {unit}" if unit == "B" else f"{n:,.1f} {unit}"
        n /= 1024
    return ""


def ratio(a: list[float], b: list[float]) -> str:
    """The ratio of the medians."""
    if not a or not b or not statistics.median(b):
        return "-"
    return f"{statistics.median(a) / statistics.median(b):.2f}"


def arguments(description: str) -> argparse.Namespace:
    """The options every page bench takes: --runs, --no-build, --out, --cache-control."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--runs", type=int, default=5, help="loads of each page (default 5)")
    parser.add_argument("--no-build", action="store_true", help="use the existing site/")
    parser.add_argument("--out", type=Path, help="also write the Markdown section to this file")
    parser.add_argument(
        "--cache-control", default="max-age=600", help="the server's Cache-Control header"
    )
    return parser.parse_args()


def publish(table: str, problems: list[str], out: Path | None) -> None:
    """Prints the section (and writes it to `out`), with what went wrong on the way."""
    if problems:
        unique = list(dict.fromkeys(problems))
        table += "\nProblems seen:\n\n" + "".join(f"- {problem}\n" for problem in unique)
    print(table)
    if out:
        out.write_text(table)


def our_site(target: Path, build: bool, page: str) -> Path:
    """The site built strictly into `target`, or (build False) a copy of the existing site/,
    which must hold `page`."""
    if build:
        mkdocs = str(Path(sys.executable).parent / "mkdocs")
        result = subprocess.run(
            [mkdocs, "build", "--strict", "-q", "-d", str(target)],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            sys.exit(f"mkdocs build failed:\n{result.stderr}")
    else:
        if not (ROOT / "site" / page / "index.html").exists():
            sys.exit(f"--no-build: site/ has no {page}; build it first")
        shutil.copytree(ROOT / "site", target)
    return target
