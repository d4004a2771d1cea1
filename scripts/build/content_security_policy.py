"""The Content-Security-Policy: one policy, written into every page as a `<meta>` tag (for hosts
that cannot send headers) and sent by the server as a header (server_config.py), which can say
what a tag cannot: that no other site may show a page in a frame."""

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
# Everything from the site itself; Pyodide needs 'wasm-unsafe-eval' wherever the host also sends
# this policy as a header (the worker's script gets the header's policy, not this tag's).
POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'"
)
# What only a header can carry (a browser ignores it in a tag, and says so in the console).
HEADER_ONLY = "frame-ancestors 'none'"


def script_hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


def inline_script_hashes(html: str) -> list[str]:
    """The hashes of a page's own inline scripts (Material's), in the page's order."""
    return [script_hash(body) for body in INLINE_SCRIPT.findall(html)]


def content_security_policy(html: str) -> str:
    """The policy for a page: its own inline scripts (Material's) allowed by their hashes."""
    return POLICY.format(hashes=" ".join(inline_script_hashes(html)))


def header_policy(hashes: list[str]) -> str:
    """The policy a server sends with every file: the pages' policy with the inline scripts of
    every page (a header is one for all pages; each page's tag still allows only its own) and
    what only a header can say."""
    return POLICY.format(hashes=" ".join(sorted(set(hashes)))) + "; " + HEADER_ONLY


def with_policy(html: str) -> str:
    """The page with its policy as the first tag after its character set."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(html)}">'
    return html.replace('<meta charset="utf-8">', f'<meta charset="utf-8">\n    {meta}', 1)
