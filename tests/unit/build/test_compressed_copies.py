"""The .gz and .br copies beside large files: the same bytes inside, the same copy every build."""

import gzip

import brotli

from scripts.build.compressed_copies import PRECOMPRESS_MIN_BYTES, write_compressed_copies


def test_large_text_files_get_copies_and_small_or_other_files_none(tmp_path):
    large = "a" * PRECOMPRESS_MIN_BYTES
    (tmp_path / "index.html").write_text(large)
    (tmp_path / "small.js").write_text("a")
    (tmp_path / "icon.png").write_text(large)
    write_compressed_copies(tmp_path)
    assert gzip.decompress((tmp_path / "index.html.gz").read_bytes()).decode() == large
    assert brotli.decompress((tmp_path / "index.html.br").read_bytes()).decode() == large
    assert not (tmp_path / "small.js.gz").exists()
    assert not (tmp_path / "small.js.br").exists()
    assert not (tmp_path / "icon.png.gz").exists()


def test_the_same_file_gives_the_same_copies_with_or_without_the_cache(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    (site / "a.css").write_text("b" * PRECOMPRESS_MIN_BYTES)
    write_compressed_copies(site)
    first = {name: (site / name).read_bytes() for name in ("a.css.gz", "a.css.br")}
    for _ in range(2):  # the first fills the cache, the second reads it
        for name in first:
            (site / name).unlink()
        write_compressed_copies(site, cache)
        assert {name: (site / name).read_bytes() for name in first} == first
    assert len(list(cache.iterdir())) == 2


def test_a_changed_file_is_compressed_again_not_taken_from_the_cache(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    (site / "a.js").write_text("c" * PRECOMPRESS_MIN_BYTES)
    write_compressed_copies(site, cache)
    (site / "a.js").write_text("d" * PRECOMPRESS_MIN_BYTES)
    write_compressed_copies(site, cache)
    assert brotli.decompress((site / "a.js.br").read_bytes()) == b"d" * PRECOMPRESS_MIN_BYTES
