"""`make host`: the committed server block, with only its folder and address changed, inside a
configuration of nginx's own whose every path is in one folder."""

from pathlib import Path

import pytest

from scripts.tools.host import SERVER_BLOCK, main_config, server_block


def test_the_committed_block_serves_the_given_folder_on_the_given_address(tmp_path):
    block = server_block(SERVER_BLOCK.read_text(), tmp_path, "127.0.0.1", 8123)
    assert f"root {tmp_path};" in block
    assert f"include {tmp_path}/_server/nginx-headers.conf;" in block
    assert f"include {tmp_path}/_server/nginx-cache.conf;" in block
    assert "listen 127.0.0.1:8123;" in block
    assert "listen 80" not in block and "[::]" not in block and "/srv/familieraad" not in block


def test_the_committed_block_adds_no_header_in_a_location():
    """A location with an add_header of its own would drop the site's headers from its files."""
    text = SERVER_BLOCK.read_text()
    lines = [line.split("#")[0].strip() for line in text.splitlines()]
    assert not [line for line in lines if line.startswith("add_header")]
    assert "gzip_static on;" in lines and "brotli_static on;" in lines


def test_a_block_without_the_marked_lines_is_refused():
    with pytest.raises(ValueError, match="/srv/familieraad/site"):
        server_block("server { listen 80; }", Path("/site"), "127.0.0.1", 8080)


def test_nginx_keeps_every_path_in_its_own_folder(tmp_path):
    config = main_config(tmp_path, tmp_path / "familieraad.conf")
    assert "daemon off;" in config and "master_process off;" in config
    assert f"pid {tmp_path}/nginx.pid;" in config
    for temp in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        assert f"{temp}_temp_path {tmp_path}/{temp};" in config
    assert "ngx_http_brotli_static_module.so" in config
    assert f"include {tmp_path}/familieraad.conf;" in config
