"""Compares two built sites file by file, the build version set aside: for checking that a
change to the build changes nothing a reader gets.

The build version (scripts/build/service_worker.py) is a hash of the build's own files, so it
differs whenever the build does; it stands in `sw.js` as `"version":"..."` and in every page as
`data-version="..."`, and in the `.gz` and `.br` copies of those. Everything else must be
the same bytes.

Usage: .venv/bin/python scripts/tools/compare_builds.py BEFORE_SITE AFTER_SITE
Prints the files that differ before and after setting the version aside; exits 1 when any
differ after it.
"""

import gzip
import re
import sys
from pathlib import Path

import brotli

VERSION = re.compile(rb'("version":"|data-version=")[0-9a-f]{16}"')


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def without_version(name: str, data: bytes) -> bytes:
    """A page's or the service worker's bytes with the build version replaced by a fixed mark
    (for their .gz and .br copies, the text they hold); any other file's bytes as they are."""
    text = name.removesuffix(".gz").removesuffix(".br")
    if not (text.endswith(".html") or text.rsplit("/", 1)[-1] == "sw.js"):
        return data
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    elif name.endswith(".br"):
        data = brotli.decompress(data)
    return VERSION.sub(rb'\1<version>"', data)


def differing(before: dict[str, bytes], after: dict[str, bytes], normalise: bool) -> list[str]:
    names = sorted(before.keys() | after.keys())
    if not normalise:
        return [name for name in names if before.get(name) != after.get(name)]
    return [
        name
        for name in names
        if name not in before
        or name not in after
        or without_version(name, before[name]) != without_version(name, after[name])
    ]


def main(before_site: Path, after_site: Path) -> int:
    before, after = files(before_site), files(after_site)
    print(f"{len(before)} files before, {len(after)} after")
    for normalise, heading in ((False, "as built"), (True, "with the build version set aside")):
        names = differing(before, after, normalise)
        print(f"\nDiffering {heading}: {len(names)}")
        for name in names:
            where = "" if name in before and name in after else " (only on one side)"
            print(f"  {name}{where}")
    return 1 if differing(before, after, True) else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
