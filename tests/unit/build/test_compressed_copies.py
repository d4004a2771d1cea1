"""The .gz copies beside large files: the same bytes inside, the same copy every build."""

import gzip

from scripts.build.compressed_copies import PRECOMPRESS_MIN_BYTES, write_compressed_copies


def test_large_text_files_get_a_copy_and_small_or_other_files_none(tmp_path):
    large = "a" * PRECOMPRESS_MIN_BYTES
    (tmp_path / "index.html").write_text(large)
    (tmp_path / "small.js").write_text("a")
    (tmp_path / "icon.png").write_text(large)
    write_compressed_copies(tmp_path)
    assert gzip.decompress((tmp_path / "index.html.gz").read_bytes()).decode() == large
    assert not (tmp_path / "small.js.gz").exists()
    assert not (tmp_path / "icon.png.gz").exists()


def test_the_same_file_gives_the_same_copy(tmp_path):
    (tmp_path / "a.css").write_text("b" * PRECOMPRESS_MIN_BYTES)
    write_compressed_copies(tmp_path)
    first = (tmp_path / "a.css.gz").read_bytes()
    (tmp_path / "a.css.gz").unlink()
    write_compressed_copies(tmp_path)
    assert (tmp_path / "a.css.gz").read_bytes() == first
