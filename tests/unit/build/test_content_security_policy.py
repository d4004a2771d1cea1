"""The policy written into every page: Material's inline scripts by their hashes, nothing else."""

import base64
import hashlib

from scripts.build.content_security_policy import (
    content_security_policy,
    header_policy,
    inline_script_hashes,
    with_policy,
)

PAGE = '<html><head><meta charset="utf-8"><script>var a = 1;</script></head></html>'


def test_each_inline_script_is_allowed_by_its_hash_and_nothing_else_from_elsewhere():
    digest = base64.b64encode(hashlib.sha256(b"var a = 1;").digest()).decode()
    policy = content_security_policy(PAGE)
    assert f"script-src 'self' 'wasm-unsafe-eval' 'sha256-{digest}';" in policy
    assert "default-src 'self';" in policy and "'unsafe-eval'" not in policy


def test_the_policy_is_the_first_tag_after_the_character_set():
    html = with_policy(PAGE)
    assert html.startswith('<html><head><meta charset="utf-8">\n    <meta http-equiv="Content-')
    assert html.count("Content-Security-Policy") == 1


def test_a_page_without_inline_scripts_gets_no_hashes():
    assert "'sha256-" not in content_security_policy('<meta charset="utf-8">')


def test_the_header_allows_every_pages_scripts_and_no_frame_from_anywhere():
    first = '<meta charset="utf-8"><script>var a = 1;</script>'
    second = '<meta charset="utf-8"><script>var b = 2;</script><script>var a = 1;</script>'
    hashes = inline_script_hashes(first) + inline_script_hashes(second)
    policy = header_policy(hashes)
    assert policy.startswith(content_security_policy(first).split("'sha256-")[0])
    for page in (first, second):
        for allowed in inline_script_hashes(page):
            assert policy.count(allowed) == 1
    assert policy.endswith("; frame-ancestors 'none'")
    assert "base-uri 'none'" in policy and "object-src 'none'" in policy
    assert "form-action 'self'" in policy


def test_the_tag_leaves_out_what_a_browser_ignores_in_a_tag():
    assert "frame-ancestors" not in content_security_policy(PAGE)
