#!/bin/sh
# Debian's Chromium (for the browser tests), pdftotext and a font with Danish letters, if missing.
set -eu
if command -v chromium >/dev/null && command -v pdftotext >/dev/null \
    && [ -d /usr/share/fonts/truetype/liberation ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Please install: apt-get install -y chromium poppler-utils fonts-liberation (as root)" >&2
  exit 1
fi
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
  chromium poppler-utils fonts-liberation
