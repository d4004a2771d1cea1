"""The built site: strict build, every page in both languages, Pyodide and our forms served
locally."""

import base64
import hashlib
import json
import re
import zipfile


from support import ROOT, built_pages

from forms.text import languages

DOCS = ROOT / "docs"
OTHER_LANGUAGES = [code for code in languages() if code != "da"]


def test_the_site_builds_strictly_without_warnings(build):
    result, _ = build
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if line.startswith("WARNING")] == []


def test_every_page_has_its_twin_in_every_language():
    sources = [path for path in DOCS.rglob("*.md")]
    pages = {path.with_suffix("").with_suffix("") for path in sources}
    missing = [
        f"{page.relative_to(DOCS)}.{code}.md"
        for page in pages
        for code in languages()
        if not page.with_name(f"{page.name}.{code}.md").exists()
    ]
    assert pages and missing == []


def test_every_language_is_built_under_its_own_prefix(site_dir):
    built = set(built_pages(site_dir))
    danish = {page for page in built if not page.startswith(tuple(f"{c}/" for c in languages()))}
    assert danish
    for code in OTHER_LANGUAGES:
        assert {f"{code}/{page}" for page in danish} <= built


def test_pages_declare_their_language(site_dir):
    assert '<html lang="da"' in (site_dir / "index.html").read_text()
    assert '<html lang="en"' in (site_dir / "en" / "index.html").read_text()


def test_the_language_menu_names_each_language_in_that_language(site_dir):
    for path in built_pages(site_dir):
        html = (site_dir / path / "index.html").read_text()
        links = re.findall(r'<a [^>]*class="md-select__link"[^>]*>', html)
        assert len(links) == len(languages()), path
        for link in links:
            hreflang = re.search(r'hreflang="([^"]+)"', link)[1]
            assert f'lang="{hreflang}"' in link, (path, link)


def test_a_form_page_contains_the_whole_form_before_any_script_runs(site_dir):
    danish = (site_dir / "skemaer" / "vores-spoergsmaal" / "index.html").read_text()
    english = (site_dir / "en" / "skemaer" / "vores-spoergsmaal" / "index.html").read_text()
    assert "<!-- form:" not in danish
    assert 'id="f-questions-q1-text"' in danish and "Tilføj et spørgsmål" in danish
    assert 'id="f-questions-q1-text"' in english and "Add a question" in english
    assert 'data-worker="../../../assets/forms/form-worker.js"' in english
    core = next((site_dir / "pyodide").glob("*-*/")).name
    assert f'data-pyodide="../../pyodide/{core}/"' in danish
    (forms,) = (site_dir / "pyodide").glob("forms-*.zip")
    assert f'data-python-forms="../../pyodide/{forms.name}"' in danish
    digest = base64.b64encode(hashlib.sha256(forms.read_bytes()).digest()).decode()
    assert f'data-python-forms-integrity="sha256-{digest}"' in danish


def test_pyodide_and_our_forms_are_served_by_the_site_named_by_their_bytes(site_dir):
    pyodide = site_dir / "pyodide"
    pinned = json.loads((ROOT / "package-lock.json").read_text())
    version = pinned["packages"]["node_modules/pyodide"]["version"]
    # Pyodide's own files in one folder named by its version and its bytes.
    (core,) = [path for path in pyodide.iterdir() if path.is_dir()]
    assert core.name.startswith(version + "-")
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"):
        assert (core / name).stat().st_size > 0
    # No lock file: the forms are not installed by Pyodide's package loader.
    assert not (pyodide / "pyodide-lock.json").exists()
    (forms,) = pyodide.glob("forms-*.zip")
    sha256 = hashlib.sha256(forms.read_bytes()).hexdigest()
    # The zip's name carries the start of its sha256: new code, new address.
    assert forms.name == f"forms-{sha256[:12]}.zip"
    # Bytecode and definitions stored, for the host to compress whole.
    assert (forms.parent / (forms.name + ".br")).stat().st_size < 150_000


def test_only_the_part_of_pythons_library_the_forms_need_is_served(site_dir):
    (served,) = (site_dir / "pyodide").glob("*-*/python_stdlib.zip")
    whole = ROOT / "node_modules" / "pyodide" / "python_stdlib.zip"
    with zipfile.ZipFile(served) as library:
        names = set(library.namelist())
    assert {"tomllib/__init__.pyc", "json/__init__.pyc", "encodings/utf_8.pyc"} <= names
    assert not any(name.endswith(".py") for name in names)
    assert not any(name.startswith(("http/", "unittest/", "xml/")) for name in names)
    # Compiled, it is bigger than the source; as a host sends it with Brotli, less than half.
    brotli_copy = served.with_name(served.name + ".br")
    assert brotli_copy.stat().st_size < whole.stat().st_size / 2


FOREIGN = re.compile(
    r"""(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//"""
    r"""|url\(\s*["']?\s*(?:https?:)?//|@import\s+["']?(?:https?:)?//"""
)


def _loads_from_elsewhere(text: str) -> list[str]:
    found = []
    for match in FOREIGN.finditer(text):
        tag_start = text.rfind("<", 0, match.start())
        tag = text[tag_start : match.end() + 60]
        # A plain link the reader may follow is fine; anything loaded by itself is not.
        if re.match(r"<(a|link rel=\"(canonical|alternate)\")\s", tag) and "href" in match.group(0):
            continue
        found.append(tag)
    return found


def test_no_built_page_or_asset_loads_anything_from_another_host(site_dir):
    offenders = {}
    for path in site_dir.rglob("*"):
        if path.suffix in {".html", ".css"} or path.name.endswith(".webmanifest"):
            found = _loads_from_elsewhere(path.read_text(errors="replace"))
            if found:
                offenders[str(path.relative_to(site_dir))] = found[:3]
    assert offenders == {}


def test_the_check_for_foreign_loads_catches_them():
    assert _loads_from_elsewhere('<img src="https://example.org/x.png">')
    assert _loads_from_elsewhere('<link rel="stylesheet" href="//fonts.example/x.css">')
    assert _loads_from_elsewhere("body { background: url('https://example.org/a.png') }")
    assert not _loads_from_elsewhere('<a href="https://social.dk">Social- og Boligstyrelsen</a>')
    assert not _loads_from_elsewhere('<link rel="canonical" href="https://example.org/">')


def test_no_font_service_and_no_repository_calls_are_configured():
    config = (ROOT / "mkdocs.yml").read_text()
    assert re.search(r"^\s+font: false$", config, re.MULTILINE)
    assert "repo_url" not in config
    assert "navigation.instant" not in config




def test_each_language_has_its_own_search_index(site_dir):
    danish = json.loads((site_dir / "search" / "search_index.json").read_text())
    english = json.loads((site_dir / "en" / "search" / "search_index.json").read_text())
    assert danish["config"]["lang"] == ["da"] and english["config"]["lang"] == ["en"]
    assert {doc["title"] for doc in danish["docs"]} >= {"Vores spørgsmål"}
    assert {doc["title"] for doc in english["docs"]} >= {"Our questions"}
    assert "Our questions" not in {doc["title"] for doc in danish["docs"]}
    assert not any(doc["location"].startswith("en/") for doc in english["docs"])


def test_large_files_have_precompressed_copies_for_static_hosts(site_dir):
    import gzip

    import brotli

    core = next((site_dir / "pyodide").glob("*-*/")).name
    large = (f"pyodide/{core}/pyodide.asm.wasm", f"pyodide/{core}/pyodide.asm.mjs", "index.html")
    # And the form page's small modules, sent on its first visit.
    small = ("assets/forms/page/notices.js", "assets/forms/messages.js")
    for name in large + small:
        original = (site_dir / name).read_bytes()
        compressed = (site_dir / (name + ".gz")).read_bytes()
        assert gzip.decompress(compressed) == original
        assert len(compressed) < len(original) * 0.6
        smaller = (site_dir / (name + ".br")).read_bytes()
        assert brotli.decompress(smaller) == original
        assert len(smaller) < len(compressed)
    # The service worker keeps the originals; the copies are for the server alone.
    listing = offline_build(site_dir)["files"]
    assert not any(name.endswith((".gz", ".br")) for name in listing)
    assert f"pyodide/{core}/pyodide.asm.wasm" in listing


def offline_build(site_dir) -> dict:
    """What the build wrote into the service worker: its version, its files, which of them
    never change at their address."""
    match = re.search(r"^const BUILD = (.*);$", (site_dir / "sw.js").read_text(), re.MULTILINE)
    return json.loads(match.group(1))


def test_the_offline_copy_keeps_the_search_languages_of_the_site_only(site_dir):
    listing = set(offline_build(site_dir)["files"])
    core = next((site_dir / "pyodide").glob("*-*/")).name
    assert "assets/javascripts/lunr/min/lunr.da.min.js" in listing
    assert "assets/javascripts/lunr/min/lunr.ja.min.js" not in listing
    assert {"./", "en/", "skemaer/vores-plan/", f"pyodide/{core}/python_stdlib.zip"} <= listing


def test_the_service_worker_names_its_build_and_asks_the_network_first_for_pages(site_dir):
    build = offline_build(site_dir)
    page = (site_dir / "index.html").read_text()
    assert f'data-version="{build["version"]}"' in page
    immutable = set(build["immutable"])
    core = next((site_dir / "pyodide").glob("*-*/")).name
    # Cache first only for files whose address names their bytes.
    assert f"pyodide/{core}/pyodide.asm.wasm" in immutable
    forms = [name for name in immutable if re.fullmatch(r"pyodide/forms-[0-9a-f]{12}\.zip", name)]
    assert len(forms) == 1
    assert not {"./", "en/", "assets/forms/form-page.js"} & immutable
    assert all(
        name.startswith(f"pyodide/{core}/") or name in forms or ".min." in name
        for name in immutable
    )


def test_every_module_of_the_form_page_is_built_and_kept_for_offline_use(site_dir):
    # The page and its worker are native modules importing each other by relative address: each
    # one imported must be in the site and in the offline copy, or a form offline never starts.
    listing = set(offline_build(site_dir)["files"])
    shell = site_dir / "assets" / "forms"
    seen, waiting = set(), [shell / "form-page.js", shell / "form-worker.js"]
    while waiting:
        module = waiting.pop()
        assert module.is_file(), module
        if module in seen:
            continue
        seen.add(module)
        source = module.read_text(encoding="utf-8")
        for imported in re.findall(r'^import (?:[^"]*? from )?"(\.[^"]+)";', source, re.M):
            waiting.append((module.parent / imported).resolve())
    assert len(seen) > 10
    for module in seen:
        assert module.relative_to(site_dir).as_posix() in listing
    # And nothing of the shell's is built but not kept.
    built = {p.relative_to(site_dir).as_posix() for p in shell.rglob("*.js")}
    assert built <= listing
