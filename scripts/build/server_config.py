"""The server's part, written into the built site from the policy the pages carry, so the two
cannot drift apart:

- `_server/nginx-headers.conf` and `_server/nginx-cache.conf`, which the committed server block
  for Debian's nginx (scripts/host/nginx-familieraad.conf) includes: the headers of every
  response and how long each file may be kept;
- `_headers`, the same headers for hosts that read such a file (Netlify, Cloudflare Pages).

Both are served by no one: the nginx block refuses them, and those hosts never publish `_headers`.
"""

import re
from pathlib import Path

from scripts.build.content_security_policy import header_policy, inline_script_hashes
from scripts.build.service_worker import is_immutable

SERVER_DIR = "_server"
NGINX_HEADERS = f"{SERVER_DIR}/nginx-headers.conf"
NGINX_CACHE = f"{SERVER_DIR}/nginx-cache.conf"
HEADERS_FILE = "_headers"
# A year, never asked about again: only for files whose address names their bytes.
IMMUTABLE = "public, max-age=31536000, immutable"
# Kept, but checked with the server before each use: pages, sw.js, manifests, the search index
# and everything else whose address stays the same from build to build.
REVALIDATE = "no-cache"
# Features the site never uses, refused for it and for anything it might ever embed. Reading
# aloud (speechSynthesis), printing and saving a file need no permission.
UNUSED_FEATURES = (
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "encrypted-media",
    "fullscreen",
    "geolocation",
    "gyroscope",
    "hid",
    "idle-detection",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "picture-in-picture",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
)
# The types a browser insists on: Pyodide's modules and its wasm fail to load under any other.
TYPES = {
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".webmanifest": "application/manifest+json",
}
# Those a host's own list of types often lacks (`.js` it always knows).
OFTEN_WRONG_TYPES = (".mjs", ".wasm", ".webmanifest")
COMPRESSED = (".br", ".gz")


def page_script_hashes(site: Path) -> list[str]:
    """The hashes of every page's inline scripts, each once, in a fixed order."""
    hashes = set()
    for page in site.rglob("*.html"):
        hashes.update(inline_script_hashes(page.read_text(encoding="utf-8")))
    return sorted(hashes)


def security_headers(policy: str) -> list[tuple[str, str]]:
    """The headers every response carries, whatever it is (pages, scripts, the workers, sw.js,
    the 404 page)."""
    return [
        ("Content-Security-Policy", policy),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("Permissions-Policy", ", ".join(f"{feature}=()" for feature in UNUSED_FEATURES)),
        ("Cross-Origin-Opener-Policy", "same-origin"),
    ]


def served_files(site: Path) -> list[str]:
    """Every file of the built site a browser may ask for, by its path below the site's root
    (not the compressed copies, which are sent in their file's place)."""
    files = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if (
            path.is_file()
            and path.suffix not in COMPRESSED
            and relative != HEADERS_FILE
            and not relative.startswith(SERVER_DIR + "/")
        ):
            files.append(relative)
    return files


def immutable_files(site: Path) -> list[str]:
    """The files whose address names their bytes: Pyodide's folder (named by its hash), the
    forms' zip (its sha256 in its name) and Material's bundles (named by their hash); the same the
    offline copy takes from its cache without asking (service_worker.is_immutable)."""
    return [file for file in served_files(site) if is_immutable(file)]


def cache_control(relative: str) -> str:
    return IMMUTABLE if is_immutable(relative) else REVALIDATE


def _quoted(value: str) -> str:
    """A value as an nginx string, in double quotes (nginx keeps a backslash before any letter
    but a quote, a backslash, t, n and r, so a regular expression's escapes pass as they are)."""
    assert '"' not in value and not re.search(r"\\[\\\"'tnr]", value), value
    return f'"{value}"'


def nginx_headers(headers: list[tuple[str, str]]) -> str:
    """The server block's headers, `always` so the 404 page has them too. A location with an
    `add_header` of its own would drop all of these: the committed block has none, and says the
    caching through the variable that nginx-cache.conf maps."""
    lines = [
        "# Written by the build (scripts/build/server_config.py); do not edit, build again.",
        "# Included inside the server block; no location may add a header of its own.",
    ]
    lines += [f"add_header {name} {_quoted(value)} always;" for name, value in headers]
    lines.append("add_header Cache-Control $familieraad_cache always;")
    return "\n".join(lines) + "\n"


def nginx_cache_map(immutable: list[str]) -> str:
    """An nginx `map` (http level) from the address asked for to its Cache-Control: the files
    whose address names their bytes by the end of their address (so the site may also live in
    a folder of a larger site), everything else `no-cache`."""
    lines = [
        "# Written by the build (scripts/build/server_config.py); do not edit, build again.",
        "# Included at the http level, before the server block that uses $familieraad_cache.",
        "map $uri $familieraad_cache {",
        f"    default {_quoted(REVALIDATE)};",
    ]
    for file in immutable:
        lines.append(f"    {_quoted('~/' + re.escape(file) + '$')} {_quoted(IMMUTABLE)};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def headers_file(headers: list[tuple[str, str]], files: list[str]) -> str:
    """`_headers` for Netlify and Cloudflare Pages: the headers on every address; the types a
    browser insists on, and long caching, by each file's own address. Those hosts join a header
    given by two matching rules, so Cache-Control is only given where it is long; their own
    default for everything else is to check before each use."""
    blocks = ["/*\n" + "".join(f"  {name}: {value}\n" for name, value in headers)]
    for file in files:
        lines = []
        if Path(file).suffix in OFTEN_WRONG_TYPES:
            lines.append(f"  Content-Type: {TYPES[Path(file).suffix]}\n")
        if is_immutable(file):
            lines.append(f"  Cache-Control: {IMMUTABLE}\n")
        if lines:
            blocks.append(f"/{file}\n" + "".join(lines))
    return "# Written by the build (scripts/build/server_config.py).\n" + "\n".join(blocks)


def write_server_config(site: Path) -> None:
    """Into the built site: the nginx includes and `_headers`, from this build's pages."""
    headers = security_headers(header_policy(page_script_hashes(site)))
    files = served_files(site)
    (site / SERVER_DIR).mkdir(exist_ok=True)
    (site / NGINX_HEADERS).write_text(nginx_headers(headers))
    (site / NGINX_CACHE).write_text(nginx_cache_map([f for f in files if is_immutable(f)]))
    (site / HEADERS_FILE).write_text(headers_file(headers, files))
