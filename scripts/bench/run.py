"""The performance budget, measured: Lighthouse (mobile) on the home page, a content page and
every form page, then that content page against the same page of a plain Material build
(content.py), Python's start against a bare Pyodide page (boot.py) and keystroke
to preview (keystroke.py). Writes one Markdown report and puts it in the README between
the bench markers.

Usage: .venv/bin/python scripts/bench/run.py [--runs 5]   (or `make bench`)
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts.bench.server import serve  # noqa: E402
from scripts.chromium import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = [
    "",
    "hvad-er-det/",
    "skemaer/vores-spoergsmaal/",
    "skemaer/hvem-skal-med/",
    "skemaer/mine-oensker/",
    "skemaer/vores-plan/",
    "skemaer/opfoelgning/",
]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BUDGET = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 95}
# Total blocking time is budgeted on the form pages only, where Python starts.
TBT_BUDGET_MS = 100
TBT_PAGES = "skemaer/"
README = ROOT / "README.md"
MARKERS = ("<!-- bench:start -->", "<!-- bench:end -->")


def lighthouse(url: str) -> dict:
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={' '.join(['--headless=new', *CHROMIUM_FLAGS])}",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        timeout=300,
    )
    report = json.loads(result.stdout)
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


def lighthouse_table(base: str, runs: int) -> str:
    rows = [
        "| page | performance | accessibility | best practices | SEO | TBT ms (min-max) "
        "| LCP ms | below 90 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for path in PAGES:
        scores = median_run([lighthouse(base + path) for _ in range(runs)])

        def mark(name, scores=scores):
            return f"{scores[name]:g}{'' if scores[name] >= BUDGET[name] else ' ✗'}"

        over = path.startswith(TBT_PAGES) and scores["tbt"] > TBT_BUDGET_MS
        low, high = scores["tbt_range"]
        tbt = f"{scores['tbt']:.0f}{' ✗' if over else ''} ({low:.0f}-{high:.0f})"
        rows.append(
            f"| /{path} | {mark('performance')} | {mark('accessibility')} "
            f"| {mark('best-practices')} | {mark('seo')} | {tbt} | {scores['lcp']:.0f} "
            f"| {', '.join(scores['failed']) or '–'} |"
        )
    return "\n".join(rows)


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
    args = parser.parse_args()
    subprocess.run([str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "--strict", "-q"], check=True)
    server = serve(ROOT / "site", cache_control="max-age=600")
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    report = [
        "Lighthouse 12 (mobile: simulated slow 4G and a 4 times slower CPU), Debian's Chromium, "
        f"site on 127.0.0.1; median of {args.lighthouse_runs} runs per page; "
        "✗ marks a figure outside the budget "
        f"(performance ≥ {BUDGET['performance']}, "
        f"accessibility and best practices 100, SEO ≥ {BUDGET['seo']}; "
        f"TBT ≤ {TBT_BUDGET_MS} ms on the form pages, /{TBT_PAGES}…).",
        "",
        lighthouse_table(base, args.lighthouse_runs),
    ]
    server.shutdown()
    content = run_script("content.py", "--runs", str(args.runs), "--no-build")
    report += ["", "### A content page against plain Material", "", content.strip()]
    boot = run_script("boot.py", "--runs", str(args.runs), "--no-build")
    keys = run_script("keystroke.py")
    report += ["", "### Python's start", "", boot.strip(), "", "### Keystroke to preview", ""]
    report.append(keys.strip())
    text = "\n".join(report)
    print(text)
    readme = README.read_text()
    start, end = MARKERS
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
