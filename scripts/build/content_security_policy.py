"""The Content-Security-Policy every page carries, as a `<meta>` tag written into its head."""

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
# Everything from the site itself; Pyodide needs 'wasm-unsafe-eval' wherever the host also sends
# this policy as a header (the worker's script gets the header's policy, not this tag's).
POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)


def content_security_policy(html: str) -> str:
    """The policy for a page: its own inline scripts (Material's) allowed by their hashes."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        for body in INLINE_SCRIPT.findall(html)
    )
    return POLICY.format(hashes=hashes)


def with_policy(html: str) -> str:
    """The page with its policy as the first tag after its character set."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(html)}">'
    return html.replace('<meta charset="utf-8">', f'<meta charset="utf-8">\n    {meta}', 1)
