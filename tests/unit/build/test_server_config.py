"""The server's part, written from the built pages: the headers every response carries, long
caching only where an address names its bytes, for nginx and for `_headers` hosts."""

import re

from scripts.build.content_security_policy import inline_script_hashes, with_policy
from scripts.build.server_config import (
    HEADERS_FILE,
    IMMUTABLE,
    NGINX_CACHE,
    NGINX_HEADERS,
    cache_control,
    immutable_files,
    write_server_config,
)

CORE = "pyodide/314.0.7-23cc6cb4ef39"
FORMS = "pyodide/forms-0ab63ad47c78.zip"
FILES = {
    "index.html": '<meta charset="utf-8"><script>var a = 1;</script>',
    "en/index.html": '<meta charset="utf-8"><script>var b = 2;</script>',
    "404.html": '<meta charset="utf-8"><script>var c = 3;</script>',
    f"{CORE}/pyodide.asm.wasm": "",
    f"{CORE}/pyodide.asm.wasm.br": "",
    f"{CORE}/pyodide.mjs": "",
    FORMS: "",
    "assets/javascripts/bundle.a5f9d56c.min.js": "",
    "assets/javascripts/bundle.a5f9d56c.min.js.map": "",
    "assets/forms/form-worker.js": "",
    "sw.js": "",
    "manifest.webmanifest": "",
    "search/search_index.json": "",
}


def built(tmp_path):
    for name, text in FILES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(with_policy(text) if name.endswith(".html") else text)
    write_server_config(tmp_path)
    return tmp_path


def test_only_files_whose_address_names_their_bytes_are_kept_long():
    assert cache_control(f"{CORE}/pyodide.asm.wasm") == IMMUTABLE
    assert cache_control(FORMS) == IMMUTABLE
    assert cache_control("assets/stylesheets/main.57a0d79d.min.css") == IMMUTABLE
    for same_address in (
        "index.html",
        "sw.js",
        "manifest.webmanifest",
        "search/search_index.json",
        "pyodide/forms.zip",
        "assets/forms/form-worker.js",
        "assets/javascripts/lunr/min/lunr.da.min.js",
    ):
        assert cache_control(same_address) == "no-cache"


def test_the_immutable_files_are_found_in_the_build_without_their_copies(tmp_path):
    assert immutable_files(built(tmp_path)) == [
        "assets/javascripts/bundle.a5f9d56c.min.js",
        f"{CORE}/pyodide.asm.wasm",
        f"{CORE}/pyodide.mjs",
        FORMS,
    ]


def test_nginx_sends_every_header_always_and_the_policy_allows_every_pages_scripts(tmp_path):
    headers = (built(tmp_path) / NGINX_HEADERS).read_text()
    lines = [line for line in headers.splitlines() if not line.startswith("#")]
    assert all(line.startswith("add_header ") and line.endswith(" always;") for line in lines)
    names = [line.split()[1] for line in lines]
    assert names == [
        "Content-Security-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Permissions-Policy",
        "Cross-Origin-Opener-Policy",
        "Cache-Control",
    ]
    for page in ("index.html", "en/index.html", "404.html"):
        for allowed in inline_script_hashes(FILES[page]):
            assert allowed in headers
    assert "frame-ancestors 'none'" in headers and '"nosniff"' in headers


def test_nginx_maps_each_immutable_file_by_the_end_of_its_address(tmp_path):
    cache_map = (built(tmp_path) / NGINX_CACHE).read_text()
    keys = re.findall(r'^\s+"~(.*)" "(.*)";$', cache_map, re.MULTILINE)
    assert [value for _, value in keys] == [IMMUTABLE] * 4
    patterns = [re.compile(key) for key, _ in keys]
    assert any(p.search(f"/familieraad/{CORE}/pyodide.mjs") for p in patterns)
    assert not any(p.search("/sw.js") or p.search(f"/{CORE}/pyodide.mjs.map") for p in patterns)
    assert 'default "no-cache";' in cache_map


def test_headers_file_gives_every_address_the_headers_and_types_and_long_caching_by_file(
    tmp_path,
):
    blocks = (built(tmp_path) / HEADERS_FILE).read_text().split("\n\n")
    everything = blocks[0].splitlines()
    assert everything[1] == "/*"
    assert "  X-Content-Type-Options: nosniff" in everything
    assert not any("Cache-Control" in line for line in everything)
    rules = {block.splitlines()[0]: block.splitlines()[1:] for block in blocks[1:]}
    assert rules[f"/{CORE}/pyodide.asm.wasm"] == [
        "  Content-Type: application/wasm",
        f"  Cache-Control: {IMMUTABLE}",
    ]
    assert rules["/manifest.webmanifest"] == ["  Content-Type: application/manifest+json"]
    assert "/sw.js" not in rules and f"/{CORE}/pyodide.asm.wasm.br" not in rules
