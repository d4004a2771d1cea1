"""Screenshots of every built page at phone and desktop width, and each form printed to PDF/PNG.

Usage: .venv/bin/python scripts/tools/screenshots.py [OUT_DIR]   (after `make build`)
For looking at what the site shows a person; not a test.
"""

import functools
import http.server
import subprocess
import sys
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from support import QuietHandler, built_pages  # noqa: E402

from scripts.chromium import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402

WIDTHS = {"phone": (375, 812), "desktop": (1280, 900)}


def wait_for_forms(page) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        state = page.evaluate("document.querySelector('form.fgc-form')?.dataset.python ?? 'none'")
        if state != "starting":
            return
        time.sleep(0.1)


def main(out: Path) -> None:
    site = ROOT / "site"
    out.mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for label, (width, height) in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for path in built_pages(site):
                page.goto(base + path)
                wait_for_forms(page)
                name = (path.strip("/").replace("/", "_") or "home") + f"_{label}.png"
                page.screenshot(path=str(out / name), full_page=True)
                if label == "desktop" and page.locator("form.fgc-form").count():
                    pdf = out / name.replace(".png", ".pdf")
                    page.pdf(path=str(pdf), format="A4", print_background=True)
                    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(pdf)[:-4]])
            page.close()
        browser.close()
    server.shutdown()
    print(f"written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/screenshots"))
