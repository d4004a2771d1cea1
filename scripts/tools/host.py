"""Serves a built site with Debian's nginx and the repository's server block
(scripts/host/nginx-familieraad.conf), as a municipality's server would, in the foreground.

nginx runs as one process (no master, no daemon) as whoever starts it, root or not, with its
prefix, temporary files, pid file and log in a folder of its own; the server block is the
committed one with only its folder and its address changed.

Usage: .venv/bin/python scripts/tools/host.py [--site site] [--port 8080] [--address 127.0.0.1]
"""

import argparse
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SERVER_BLOCK = ROOT / "scripts" / "host" / "nginx-familieraad.conf"
# What the committed block says where a municipality puts its own folder and address.
TEMPLATE_ROOT = "/srv/familieraad/site"
TEMPLATE_LISTEN = ("    listen 80;", "    listen [::]:80;")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
MODULES = Path("/usr/lib/nginx/modules")
BROTLI_STATIC = "ngx_http_brotli_static_module.so"
MIME_TYPES = Path("/etc/nginx/mime.types")


class NginxMissing(RuntimeError):
    pass


def server_block(template: str, site: Path, address: str, port: int) -> str:
    """The committed server block serving `site` on address:port."""
    for marked in (TEMPLATE_ROOT, *TEMPLATE_LISTEN):
        if marked not in template:
            raise ValueError(f"the server block no longer has {marked.strip()!r}")
    block = template.replace(TEMPLATE_ROOT, str(site.resolve()))
    block = block.replace(TEMPLATE_LISTEN[0], f"    listen {address}:{port};")
    return block.replace(TEMPLATE_LISTEN[1] + "\n", "")


def main_config(prefix: Path, site_block: Path, access_log: str = "off") -> str:
    """nginx's own configuration around the server block: Debian's module and types, every
    path inside `prefix`."""
    temp = {name: prefix / name for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")}
    lines = [
        f"load_module {MODULES / BROTLI_STATIC};",
        "daemon off;",
        "master_process off;",
        "worker_processes 1;",
        f"pid {prefix / 'nginx.pid'};",
        "error_log stderr warn;",
        "events { worker_connections 256; }",
        "http {",
        f"    include {MIME_TYPES};",
        "    default_type application/octet-stream;",
        "    sendfile on;",
        f"    access_log {access_log};",
        "    log_not_found off;",
        *(f"    {name}_temp_path {path};" for name, path in temp.items()),
        f"    include {site_block};",
        "}",
    ]
    return "\n".join(lines) + "\n"


def check_nginx() -> None:
    """nginx and the Brotli module are there, or a message that says what to install."""
    if not Path(NGINX).exists() or not (MODULES / BROTLI_STATIC).exists():
        raise NginxMissing(
            "nginx with Brotli is missing: apt-get install nginx libnginx-mod-http-brotli-static"
            " (or: sh scripts/install-system-deps.sh, as root)"
        )


def configure(site: Path, prefix: Path, address: str, port: int, access_log: str = "off") -> Path:
    """Writes the configuration into `prefix`; returns the path of nginx's main file."""
    check_nginx()
    block = prefix / "familieraad.conf"
    block.write_text(server_block(SERVER_BLOCK.read_text(), site, address, port))
    main = prefix / "nginx.conf"
    main.write_text(main_config(prefix, block, access_log))
    subprocess.run(
        [NGINX, "-t", "-q", "-p", str(prefix), "-e", "stderr", "-c", str(main)],
        check=True,
        capture_output=True,
    )
    return main


def start(site: Path, prefix: Path, address: str, port: int, **popen) -> subprocess.Popen:
    """nginx serving `site`, started (not yet necessarily listening)."""
    main = configure(site, prefix, address, port)
    return subprocess.Popen([NGINX, "-p", str(prefix), "-e", "stderr", "-c", str(main)], **popen)


def request_log() -> str:
    """Each request on the terminal, where nginx may open it (not when started under another
    user's terminal, as with su)."""
    try:
        with open("/dev/stdout", "a"):
            return "/dev/stdout"
    except OSError:
        return "off"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--address", default="127.0.0.1")
    args = parser.parse_args(argv)
    if not (args.site / "_server" / "nginx-headers.conf").exists():
        print(f"{args.site} is not a built site: make build first", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="familieraad-nginx-") as prefix:
        try:
            main_file = configure(args.site, Path(prefix), args.address, args.port, request_log())
        except NginxMissing as missing:
            print(missing, file=sys.stderr)
            return 1
        except subprocess.CalledProcessError as failed:
            print(failed.stderr.decode(), file=sys.stderr)
            return 1
        address = f"http://{args.address}:{args.port}/"
        print(f"Serving {args.site} with nginx on {address} (Ctrl-C stops)")
        print(f"nginx's configuration: {main_file} and {SERVER_BLOCK}", flush=True)
        nginx = subprocess.Popen([NGINX, "-p", prefix, "-e", "stderr", "-c", str(main_file)])
        try:
            return nginx.wait()
        except KeyboardInterrupt:
            nginx.send_signal(signal.SIGQUIT)
            nginx.wait()
            return 0


if __name__ == "__main__":
    sys.exit(main())
