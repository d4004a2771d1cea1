"""The performance budget, measured: Lighthouse (mobile) on the home page, a content page and
every form page, served as a municipality serves it (nginx with the site's own configuration
and Brotli copies, as `make host`) and by Python's plain server (no compression) beside it, with
the bytes of a cold form page through nginx; then that content page against the same page of a
plain Material build (content.py), Python's start against a bare Pyodide page (boot.py) and
keystroke to preview (keystroke.py). Writes one Markdown report and puts it in the README
between the bench markers.

Usage: .venv/bin/python scripts/bench/run.py [--runs 5]   (or `make bench`)
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts.bench.server import serve  # noqa: E402
from scripts.chromium import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402

sys.path.insert(0, str(ROOT / "tests"))
from support import form_pages, nginx_serving  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
# The home page, a content page and every form's page (from the catalogue).
PAGES = ["", "hvad-er-det/", *form_pages().values()]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# As a municipality serves the site (nginx, Brotli): issue budget; the plain server's beside it.
BUDGET = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 95}
PLAIN_BUDGET = {**BUDGET, "performance": 95}
TBT_BUDGET_MS = 100
FORM_PAGE = "skemaer/vores-spoergsmaal/"
COLD_FORM_PAGE_BUDGET = 4 * 2**20
PYTHON_STARTING = "document.querySelector('form.fgc-form').dataset.python === 'starting'"
README = ROOT / "README.md"
CONTENT_HEADING = "### A content page against plain Material"
MARKERS = ("<!-- bench:start -->", "<!-- bench:end -->")


def lighthouse(url: str) -> dict:
    # The report goes to a file: written to a pipe, Lighthouse may exit before a long report
    # has all been read (it came cut at 64 kB).
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as folder:
        out = Path(folder) / "report.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--output=json",
                f"--output-path={out}",
                "--quiet",
                f"--only-categories={','.join(CATEGORIES)}",
                f"--chrome-flags={' '.join(['--headless=new', *CHROMIUM_FLAGS])}",
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            timeout=300,
        )
        report = json.loads(out.read_text())
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    audits = report["audits"]
    scores["tbt"] = audits["total-blocking-time"]["numericValue"]
    scores["lcp"] = audits["largest-contentful-paint"]["numericValue"]
    scores["failed"] = [
        audit_id
        for category in CATEGORIES
        for ref in report["categories"][category]["auditRefs"]
        if ref["weight"] > 0
        and (audit_id := ref["id"])
        and audits[audit_id].get("score") is not None
        and audits[audit_id]["score"] < 0.9
    ]
    return scores


def median_run(runs: list[dict]) -> dict:
    """The median of each figure over Lighthouse runs of one page; the audits below 90 are
    those of the run whose performance score is the median."""
    middle = sorted(runs, key=lambda scores: scores["performance"])[len(runs) // 2]
    figures = {
        name: statistics.median(scores[name] for scores in runs)
        for name in (*CATEGORIES, "tbt", "lcp")
    }
    return {
        **figures,
        "failed": middle["failed"],
        "tbt_range": (min(s["tbt"] for s in runs), max(s["tbt"] for s in runs)),
    }


def lighthouse_table(base: str, runs: int, budget: dict) -> str:
    rows = [
        "| page | performance | accessibility | best practices | SEO | TBT ms (min-max) "
        "| LCP ms | below 90 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for path in PAGES:
        scores = median_run([lighthouse(base + path) for _ in range(runs)])

        def mark(name, scores=scores):
            return f"{scores[name]:g}{'' if scores[name] >= budget[name] else ' ✗'}"

        over = scores["tbt"] > TBT_BUDGET_MS
        low, high = scores["tbt_range"]
        tbt = f"{scores['tbt']:.0f}{' ✗' if over else ''} ({low:.0f}-{high:.0f})"
        rows.append(
            f"| /{path} | {mark('performance')} | {mark('accessibility')} "
            f"| {mark('best-practices')} | {mark('seo')} | {tbt} | {scores['lcp']:.0f} "
            f"| {', '.join(scores['failed']) or '–'} |"
        )
    return "\n".join(rows)


def cold_form_page_bytes(base: str) -> int:
    """What a first visit to a form page transfers, headers and bodies as sent, until Python
    is ready (its page, its scripts, its workers, Python's files)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page()
        finished = []
        page.on("requestfinished", lambda request: finished.append(request))
        page.goto(base + FORM_PAGE)
        # Polled: the page's policy refuses the eval that wait_for_function would use.
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and page.evaluate(PYTHON_STARTING):
            time.sleep(0.1)
        sizes = [request.sizes() for request in finished]
        browser.close()
    return sum(size["responseHeadersSize"] + size["responseBodySize"] for size in sizes)


def budget_line(budget: dict) -> str:
    return (
        f"performance ≥ {budget['performance']}, accessibility and best practices 100, "
        f"SEO ≥ {budget['seo']}, TBT ≤ {TBT_BUDGET_MS} ms"
    )


def run_script(name: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench" / name), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="page loads per measure")
    parser.add_argument(
        "--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page (median)"
    )
    parser.add_argument(
        "--lighthouse-only",
        action="store_true",
        help="measure only Lighthouse and the bytes; keep the README's other tables as they are",
    )
    args = parser.parse_args()
    subprocess.run([str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "--strict", "-q"], check=True)
    load = os.getloadavg()[0]
    with (
        tempfile.TemporaryDirectory(prefix="bench-nginx-") as prefix,
        nginx_serving(ROOT / "site", Path(prefix)) as hosted,
    ):
        hosted_table = lighthouse_table(hosted, args.lighthouse_runs, BUDGET)
        sent = cold_form_page_bytes(hosted)
    server = serve(ROOT / "site", cache_control="max-age=600")
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    plain_table = lighthouse_table(base, args.lighthouse_runs, PLAIN_BUDGET)
    server.shutdown()
    over = "" if sent <= COLD_FORM_PAGE_BUDGET else " ✗"
    report = [
        "Lighthouse 12 (mobile: simulated slow 4G and a 4 times slower CPU), Debian's Chromium, "
        f"site on 127.0.0.1; median of {args.lighthouse_runs} runs per page; 2 CPUs, load "
        f"average {load:.1f} at the start; ✗ marks a figure outside the budget.",
        "",
        "**As a municipality serves it** (`make host`: nginx with the site's configuration, "
        f"Brotli copies, its cache headers); budget {budget_line(BUDGET)} on every page.",
        "",
        hosted_table,
        "",
        f"A first visit to `/{FORM_PAGE}` through nginx, until Python is ready, transfers "
        f"{sent:,} bytes ({sent / 2**20:.2f} MiB, headers included; budget 4 MiB){over}.",
        "",
        "**Python's plain server** (`http.server`: no compression, `Cache-Control: max-age=600`),"
        f" for comparison; budget {budget_line(PLAIN_BUDGET)}.",
        "",
        plain_table,
    ]
    readme = README.read_text()
    start, end = MARKERS
    if args.lighthouse_only and start in readme:
        kept = readme.split(start, 1)[1].split(end, 1)[0]
        report += ["", CONTENT_HEADING, "", kept.split(CONTENT_HEADING, 1)[1].strip()]
    else:
        content = run_script("content.py", "--runs", str(args.runs), "--no-build")
        report += ["", CONTENT_HEADING, "", content.strip()]
        boot = run_script("boot.py", "--runs", str(args.runs), "--no-build")
        keys = run_script("keystroke.py")
        report += ["", "### Python's start", "", boot.strip(), "", "### Keystroke to preview", ""]
        report.append(keys.strip())
    text = "\n".join(report)
    print(text)
    block = f"{start}\n{text}\n{end}"
    if start in readme:
        readme = re.sub(
            f"{re.escape(start)}.*?{re.escape(end)}", lambda _: block, readme, flags=re.S
        )
    else:
        readme += f"\n## Measured performance\n\n{block}\n"
    README.write_text(readme)


if __name__ == "__main__":
    main()
