"""Draws the site's app icons (PNG, for installing on a phone): the child in the centre of the
network's rings, white on the site's teal. Run once when the design changes; the PNGs are kept
in docs/assets/icons/.

Usage: .venv/bin/python scripts/tools/make_icons.py
"""

import math
import struct
import zlib
from pathlib import Path

ICONS = Path(__file__).resolve().parents[2] / "docs" / "assets" / "icons"
TEAL = (0x1D, 0x4E, 0x5F)
WHITE = (0xFF, 0xFF, 0xFF)
SIZES = (192, 512)


def pixel(x: float, y: float, size: int) -> tuple[int, int, int]:
    """White where the centre dot or one of two rings is, teal elsewhere (maskable: all drawn
    inside the middle 80 %)."""
    centre = size / 2
    r = math.hypot(x - centre, y - centre) / size
    if r < 0.09:
        return WHITE
    for ring in (0.2, 0.31):
        if abs(r - ring) < 0.022:
            return WHITE
    # Six people around the rings.
    for index in range(6):
        angle = math.tau * index / 6 - math.pi / 2
        ring = 0.2 if index % 2 else 0.31
        px = centre + math.cos(angle) * ring * size
        py = centre + math.sin(angle) * ring * size
        if math.hypot(x - px, y - py) / size < 0.045:
            return WHITE
    return TEAL


def png(size: int) -> bytes:
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            # Four samples a pixel, for smooth edges.
            samples = [pixel(x + dx, y + dy, size) for dx in (0.25, 0.75) for dy in (0.25, 0.75)]
            row.extend(sum(sample[c] for sample in samples) // 4 for c in range(3))
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        (ICONS / f"icon-{size}.png").write_bytes(png(size))
    print(f"written to {ICONS}")


if __name__ == "__main__":
    main()
