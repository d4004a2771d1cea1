"""What a host does right and what it must change, for a municipality's IT: asks its address
for the files a family's browser needs (a page, a form page, the form's worker, sw.js, Pyodide's
wasm and a module, the manifest, the forms' zip, an address that is not there) as a browser
would, and prints line by line what is right (OK) and what to change (CHANGE).

Usage: make check-host URL=https://familieraad.example.dk/
   or: .venv/bin/python scripts/tools/check_host.py https://familieraad.example.dk/
Exits 1 when anything must change, 2 when the address cannot be reached at all.
"""

import re
import sys
import tomllib
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parents[2]
EDITION = ROOT / "edition.toml"
IMMUTABLE_MIN_AGE = 30 * 24 * 3600
BROWSER_ENCODINGS = "br, gzip"
FRAME_ANCESTORS = re.compile(r"(?:^|;)\s*frame-ancestors\s+'none'\s*(?:;|$)")
# A form page names the worker, Pyodide's folder and the forms' zip in its form's data attributes.
FORM_PAGE = "skemaer/vores-spoergsmaal/"
WORKER_ATTRIBUTE = re.compile(r'data-worker="([^"]+)"')
PYODIDE_ATTRIBUTE = re.compile(r'data-pyodide="([^"]+)"')
FORMS_ATTRIBUTE = re.compile(r'data-python-forms="([^"]+)"')
MANIFEST_LINK = re.compile(r'<link rel="manifest" href="([^"]+)"')
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def edition_address(edition: Path = EDITION) -> str | None:
    """The site's public address from the edition file: "" when unset, None without the file."""
    if not edition.exists():
        return None
    with edition.open("rb") as file:
        return tomllib.load(file).get("site", {}).get("address", "")


@dataclass
class Answer:
    url: str
    status: int
    headers: dict[str, str]
    body: bytes

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    changes: int = 0

    def ok(self, text: str) -> None:
        self.lines.append(f"OK      {text}")

    def change(self, text: str) -> None:
        self.lines.append(f"CHANGE  {text}")
        self.changes += 1

    def check(self, right: bool, ok: str, change: str) -> None:
        self.ok(ok) if right else self.change(change)


def fetch(url: str, encodings: str = BROWSER_ENCODINGS) -> Answer:
    """The answer as sent (not decompressed), whatever its status."""
    request = urllib.request.Request(
        url, headers={"Accept-Encoding": encodings, "User-Agent": "familieraad-check-host"}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            status, headers, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, error.headers, error.read()
    return Answer(url, status, {k.lower(): v for k, v in headers.items()}, body)


def decoded(answer: Answer) -> str:
    """A text answer's text, whatever encoding it was sent with."""
    body = answer.body
    encoding = answer.header("Content-Encoding")
    if encoding == "gzip":
        import gzip

        body = gzip.decompress(body)
    elif encoding == "br":
        import brotli

        body = brotli.decompress(body)
    return body.decode("utf-8", errors="replace")


def check_headers(report: Report, answer: Answer, name: str) -> None:
    """The headers every response must carry: one line when all are there, else one for each
    that is missing or wrong."""
    policy = answer.header("Content-Security-Policy")
    wrong = []
    if not (FRAME_ANCESTORS.search(policy) and "default-src 'self'" in policy):
        wrong.append(
            "send the site's Content-Security-Policy header, with frame-ancestors 'none' (the "
            "build writes it into _server/nginx-headers.conf and _headers)"
        )
    for header, value in SECURITY_HEADERS.items():
        if answer.header(header) != value:
            wrong.append(f"send {header}: {value} (now: {answer.header(header) or 'not sent'})")
    if not answer.header("Permissions-Policy"):
        wrong.append("send the build's Permissions-Policy header")
    for change in wrong:
        report.change(f"{name}: {change}")
    if not wrong:
        report.ok(
            f"{name}: Content-Security-Policy with frame-ancestors 'none', nosniff and the "
            "other headers"
        )


def check_type(report: Report, answer: Answer, name: str, wanted: tuple[str, ...]) -> None:
    sent = answer.header("Content-Type").split(";")[0].strip()
    report.check(
        sent in wanted,
        f"{name}: type {sent}",
        f"{name}: send it as {wanted[0]} (now: {sent or 'no type'})",
    )


def check_cache(report: Report, answer: Answer, name: str, immutable: bool) -> None:
    cache = answer.header("Cache-Control")
    directives = {d.strip().split("=")[0]: d.strip() for d in cache.split(",") if d.strip()}
    if immutable:
        age = directives.get("max-age", "max-age=0").split("=")[-1]
        right = "immutable" in directives and age.isdigit() and int(age) >= IMMUTABLE_MIN_AGE
        report.check(
            right,
            f"{name}: kept long ({cache})",
            f"{name}: its address names its bytes; send Cache-Control: public, "
            f"max-age=31536000, immutable (now: {cache or 'not sent'})",
        )
    else:
        right = "no-cache" in directives or (
            directives.get("max-age") == "max-age=0" and "must-revalidate" in directives
        )
        report.check(
            right,
            f"{name}: checked with the server before each use ({cache})",
            f"{name}: its address stays the same from one version to the next; send "
            f"Cache-Control: no-cache (now: {cache or 'not sent'})",
        )


def check_compression(report: Report, url: str, name: str) -> None:
    """A large file is sent with Brotli to a browser that takes it, else gzip."""
    for accepted, wanted in (("br, gzip", "br"), ("gzip", "gzip")):
        answer = fetch(url, accepted)
        sent = answer.header("Content-Encoding") or "uncompressed"
        report.check(
            sent == wanted and "accept-encoding" in answer.header("Vary").lower(),
            f"{name}: {wanted} to a browser that accepts {accepted}, with Vary: Accept-Encoding",
            f"{name}: send the build's .{'br' if wanted == 'br' else 'gz'} copy to a browser "
            f"that accepts {accepted}, with Vary: Accept-Encoding (now: {sent}, "
            f"Vary: {answer.header('Vary') or 'not sent'})",
        )


def check_host(url: str, edition: str | None = None) -> Report:
    report = Report()
    if not url.endswith("/"):
        url += "/"
    scheme, host = urlsplit(url)[:2]
    local = host.split(":")[0] in ("localhost", "127.0.0.1", "[::1]")
    report.check(
        scheme == "https" or local,
        f"address: {scheme}" + (" (this machine only)" if scheme != "https" else ""),
        "address: serve the site over https: without it the offline copy cannot be kept and "
        "browsers mark the forms' pages as not secure",
    )
    if edition == "":
        report.change(
            f"edition.toml has no [site] address: set it to {url} and build again, so the "
            "papers a family prints name the site"
        )
    elif edition is not None:
        report.check(
            edition == url,
            f"edition.toml's address is this address ({edition})",
            f"edition.toml's [site] address is {edition}, not {url}: build with the address "
            "the site is served at, so the papers a family prints name it",
        )

    front = fetch(url)
    if front.status != 200:
        report.change(f"front page: {url} answers {front.status}; copy the built site there")
        return report
    report.ok(f"front page: {front.status}")
    check_headers(report, front, "front page")
    check_type(report, front, "front page", ("text/html",))
    check_cache(report, front, "front page", immutable=False)
    check_compression(report, url, "front page")

    form = fetch(urljoin(url, FORM_PAGE))
    html = decoded(form) if form.status == 200 else ""
    files = {
        "worker": WORKER_ATTRIBUTE.search(html),
        "pyodide": PYODIDE_ATTRIBUTE.search(html),
        "forms": FORMS_ATTRIBUTE.search(html),
    }
    if form.status != 200 or not all(files.values()):
        report.change(f"form page: {form.url} answers {form.status}, not the site's form page")
        return report
    report.ok("form page: 200")
    check_headers(report, form, "form page")
    form_url = form.url
    worker_url = urljoin(form_url, files["worker"][1])
    pyodide_url = urljoin(form_url, files["pyodide"][1])
    forms_url = urljoin(form_url, files["forms"][1])
    core = pyodide_url.rsplit("/", 1)[0] + "/"

    worker = fetch(worker_url)
    check_headers(report, worker, "form's worker (assets/forms/form-worker.js)")
    check_type(report, worker, "form's worker", ("text/javascript", "application/javascript"))
    check_cache(report, worker, "form's worker", immutable=False)

    service_worker = fetch(urljoin(url, "sw.js"))
    check_headers(report, service_worker, "offline copy's worker (sw.js)")
    check_type(report, service_worker, "sw.js", ("text/javascript", "application/javascript"))
    check_cache(report, service_worker, "sw.js", immutable=False)

    module = fetch(urljoin(core, "pyodide.asm.mjs"))
    check_type(report, module, "Pyodide's module (.mjs)", ("text/javascript",))
    check_cache(report, module, "Pyodide's module (.mjs)", immutable=True)
    check_compression(report, module.url, "Pyodide's module (.mjs)")

    wasm = fetch(urljoin(core, "pyodide.asm.wasm"))
    check_type(report, wasm, "Pyodide's wasm", ("application/wasm",))
    check_cache(report, wasm, "Pyodide's wasm", immutable=True)
    check_compression(report, wasm.url, "Pyodide's wasm")

    forms = fetch(forms_url)
    answered = f"forms (.zip): {forms_url} answers {forms.status}"
    report.check(forms.status == 200, "forms (.zip): 200", answered)
    check_cache(report, forms, "forms (.zip)", immutable=True)
    check_compression(report, forms.url, "forms (.zip)")

    manifest_link = MANIFEST_LINK.search(decoded(front))
    manifest = fetch(urljoin(url, manifest_link[1] if manifest_link else "manifest.webmanifest"))
    check_type(report, manifest, "manifest", ("application/manifest+json",))
    check_cache(report, manifest, "manifest", immutable=False)

    missing = fetch(urljoin(url, "findes-ikke-check-host/"))
    report.check(
        missing.status == 404 and 'class="md-header' in decoded(missing),
        "an address that is not there: 404 with the site's own page",
        f"an address that is not there: answer 404 with the site's 404.html (now: "
        f"{missing.status}, {'the site' if 'md-header' in decoded(missing) else 'another'}'s "
        "page)",
    )
    check_headers(report, missing, "404 page")
    return report


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or not argv[0].startswith(("http://", "https://")):
        print("Usage: make check-host URL=https://your-address/", file=sys.stderr)
        return 2
    try:
        report = check_host(argv[0], edition_address())
    except (urllib.error.URLError, OSError) as error:
        print(f"CHANGE  {argv[0]} cannot be reached: {error}")
        return 2
    print("\n".join(report.lines))
    if report.changes:
        print(f"\n{report.changes} thing(s) to change; the guide: docs/for-fagfolk.en.md")
        return 1
    print("\nEverything a family's browser needs is right.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
