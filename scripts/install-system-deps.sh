#!/bin/sh
# What the tests need from Debian, if missing: Chromium (the browser tests), pdftotext, zbarimg
# (reads the booklet's QR code), gettext (msgmerge and msgfmt: the translator's kit), a font with Danish letters, and nginx with its Brotli module
# (the tests of the site as a host serves it). With the argument "host": only nginx and its
# module (`make host`).
set -eu
has_nginx() {
  [ -x /usr/sbin/nginx ] && [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]
}
NGINX_PACKAGES="nginx libnginx-mod-http-brotli-static"
if [ "${1:-}" = host ]; then
  if has_nginx; then exit 0; fi
  PACKAGES="$NGINX_PACKAGES"
else
  if command -v chromium >/dev/null && command -v pdftotext >/dev/null \
      && command -v zbarimg >/dev/null && command -v msgmerge >/dev/null \
      && [ -d /usr/share/fonts/truetype/liberation ] && has_nginx; then
    exit 0
  fi
  PACKAGES="chromium poppler-utils zbar-tools gettext fonts-liberation $NGINX_PACKAGES"
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Please install: apt-get install -y $PACKAGES (as root)" >&2
  exit 1
fi
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $PACKAGES
