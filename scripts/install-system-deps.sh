#!/bin/sh
# Debian's Chromium (for the browser tests), pdftotext, zbarimg (reads the booklet's QR code) and
# a font with Danish letters, if missing.
set -eu
if command -v chromium >/dev/null && command -v pdftotext >/dev/null \
    && command -v zbarimg >/dev/null \
    && [ -d /usr/share/fonts/truetype/liberation ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Please install: apt-get install -y chromium poppler-utils zbar-tools fonts-liberation (as root)" >&2
  exit 1
fi
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
  chromium poppler-utils zbar-tools fonts-liberation
