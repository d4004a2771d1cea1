"""The service worker's build: its version, the files it keeps, which of them never change."""

import json
import re

from scripts.build.service_worker import (
    BUILD_INPUTS,
    build_version,
    is_immutable,
    offline_files,
    write_service_worker,
)


def make_site(site):
    for name in (
        "index.html",
        "en/index.html",
        "hvad-er-det/index.html",
        "sw.js",
        "index.html.gz",
        "assets/javascripts/bundle.a5f9d56c.min.js",
        "assets/javascripts/bundle.a5f9d56c.min.js.map",
        "assets/javascripts/lunr/min/lunr.da.min.js",
        "assets/javascripts/lunr/min/lunr.ja.min.js",
        "pyodide/314.0.7-0123456789ab/pyodide.asm.wasm",
        "pyodide/forms-0123456789ab.zip",
    ):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text("x")
    (site / "sw.js").write_text("const A = 1;\nconst BUILD = null;\nconst B = 2;\n")


def test_the_build_version_changes_with_any_file_of_the_build(tmp_path):
    (tmp_path / "scripts" / "build").mkdir(parents=True)
    job = tmp_path / "scripts" / "build" / "job.py"
    job.write_text("a")
    (tmp_path / "mkdocs.yml").write_text("site_name: x")
    inputs = ("mkdocs.yml", "scripts/build")
    before = build_version(tmp_path, inputs)
    assert re.fullmatch(r"[0-9a-f]{16}", before)
    job.write_text("b")
    assert build_version(tmp_path, inputs) != before
    assert "scripts/build" in BUILD_INPUTS and "scripts/hooks.py" in BUILD_INPUTS


def test_pages_are_kept_by_their_address_and_only_the_sites_search_languages(tmp_path):
    make_site(tmp_path)
    files = offline_files(tmp_path, ["da", "en"])
    assert {"./", "en/", "hvad-er-det/", "pyodide/forms-0123456789ab.zip"} <= set(files)
    assert "assets/javascripts/lunr/min/lunr.da.min.js" in files
    assert not [f for f in files if f.endswith((".gz", ".map", "sw.js", "lunr.ja.min.js"))]


def test_only_files_whose_address_names_their_bytes_are_immutable():
    named_by_bytes = (
        "pyodide/314.0.7-0123456789ab/pyodide.asm.wasm",
        "pyodide/forms-0123456789ab.zip",
        "assets/javascripts/bundle.a5f9d56c.min.js",
    )
    changing = (
        "pyodide/forms.zip",
        "pyodide/forms-0123456789ab.zip.json",
        "forms-0123456789ab.zip",
        "assets/forms/form-page.js",
        "./",
    )
    assert [is_immutable(name) for name in named_by_bytes] == [True, True, True]
    assert [is_immutable(name) for name in changing] == [False] * len(changing)


def test_the_worker_gets_the_version_and_the_files_in_place_of_its_placeholder(tmp_path):
    make_site(tmp_path)
    write_service_worker(tmp_path, "0123456789abcdef", ["da"])
    source = (tmp_path / "sw.js").read_text()
    assert source.startswith("const A = 1;\n") and source.endswith("\nconst B = 2;\n")
    build = json.loads(re.search(r"^const BUILD = (.*);$", source, re.MULTILINE).group(1))
    assert build["version"] == "0123456789abcdef"
    assert "./" in build["files"]
    assert set(build["immutable"]) < set(build["files"])


def test_the_build_version_changes_with_the_edition_file(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Hej")
    edition = tmp_path / "elsewhere.toml"
    edition.write_text('[site]\naddress = ""\n')
    before = build_version(tmp_path, ("docs",), also=(edition,))
    assert build_version(tmp_path, ("docs",), also=(edition,)) == before
    edition.write_text('[site]\naddress = "https://familieraad.example.dk/"\n')
    assert build_version(tmp_path, ("docs",), also=(edition,)) != before
