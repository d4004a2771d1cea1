"""Time a content page of our site against the same page in a plain Material build.

What it measures, in Chromium (Debian's /usr/bin/chromium, through Playwright), on two sites each
served by its own local http.server on 127.0.0.1 (`Cache-Control: max-age=600` by default,
`--cache-control`):

- "Our page": hvad-er-det/ (Danish) of our site, built with `mkdocs build --strict` into a
  temporary folder, or with `--no-build` a copy of the existing site/.
- "Plain Material": the same page in a site made here at run time in a temporary folder: a
  mkdocs.yml with the same site_name, `theme: {name: material, language: da, font: false}` (our
  site never loads Google Fonts, so neither may this one), the same markdown_extensions as our
  mkdocs.yml (so the page's Markdown becomes the same HTML), `plugins: []` (no search, no i18n),
  no hooks, no extra CSS or JavaScript; docs/hvad-er-det.md is a copy of our
  docs/hvad-er-det.da.md, next to a one-line index.md. Its links to our other pages point nowhere
  there, so this build is not strict (`mkdocs build` without `--strict`; the warnings about those
  links are expected).
- Every load is cold: a new persistent context with a new, empty profile on disk, so an empty
  HTTP cache. Our page and the plain page are loaded in turn, `--runs` times each, the one that
  goes first swapping each run (ours, plain, plain, ours, ...) so neither always follows the
  other's browser; medians, min and max. Service workers are blocked, so our offline copy
  (which fetches the whole site in the background) is not counted.
- Any request to a host other than 127.0.0.1 is aborted (a Playwright route on both sites, so
  both pay the same routing cost) and counted; our site should make none.
- From the page's Navigation Timing and Paint Timing: first contentful paint, DOMContentLoaded
  end and load event end; largest contentful paint from a buffered PerformanceObserver added
  before the page's own scripts (`add_init_script`), read once the network has been idle for
  500 ms. All in ms from navigation start.
- Requests and bytes: the responses the local server sent during the load, until the network
  was idle, and the sum of their bodies (raw, as the server sends them; uncompressed).

    .venv/bin/python scripts/bench/content.py --runs 5 [--no-build] [--out bench.md]
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import yaml
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts.bench.server import arguments, ms, our_site, publish, ratio, serve, size  # noqa: E402
from scripts.chromium import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402

MKDOCS = str(Path(sys.executable).parent / "mkdocs")
PAGE = "hvad-er-det/"
SOURCE = ROOT / "docs" / "hvad-er-det.da.md"
LOAD_TIMEOUT_MS = 60_000

# Keeps the latest largest-contentful-paint candidate, from before the page's own scripts run.
LCP_WATCH = """
window.__benchLCP = null;
new PerformanceObserver((list) => {
  const entries = list.getEntries();
  window.__benchLCP = entries[entries.length - 1].startTime;
}).observe({ type: "largest-contentful-paint", buffered: true });
"""

READ_TIMES = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  return {
    fcp: fcp ? fcp.startTime : null,
    dcl: nav ? nav.domContentLoadedEventEnd : null,
    load: nav && nav.loadEventEnd > 0 ? nav.loadEventEnd : null,
    lcp: window.__benchLCP,
  };
}"""


def build_plain(folder: Path) -> Path:
    """The same page in a Material site with nothing of ours but its Markdown settings."""
    ours = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    source = folder / "plain-source"
    (source / "docs").mkdir(parents=True)
    config = {
        "site_name": ours["site_name"],
        "theme": {"name": "material", "language": "da", "font": False},
        "plugins": [],
        "markdown_extensions": ours.get("markdown_extensions", []),
    }
    (source / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True))
    (source / "docs" / "index.md").write_text("# Forside\n")
    shutil.copyfile(SOURCE, source / "docs" / "hvad-er-det.md")
    site = folder / "plain"
    # Not strict: the page's links to our other pages have nothing to point to here.
    result = subprocess.run(
        [MKDOCS, "build", "-q", "-f", str(source / "mkdocs.yml"), "-d", str(site)],
        cwd=source,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0 or not (site / PAGE / "index.html").exists():
        sys.exit(f"plain Material build failed:\n{result.stderr}")
    return site


def load(p, server, problems: list[str]) -> dict:
    """One cold load of the page from `server` in a new profile; its times and what was served."""
    url = f"http://127.0.0.1:{server.server_address[1]}/{PAGE}"
    blocked = []

    def route(route):
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    def console(message):
        if message.type in ("error", "warning") and "blocked by Playwright" not in message.text:
            problems.append(f"{url}: console {message.type}: {message.text}")

    profile = tempfile.TemporaryDirectory(prefix="bench-profile-")
    context = p.chromium.launch_persistent_context(
        profile.name, executable_path=CHROMIUM, args=CHROMIUM_FLAGS, service_workers="block"
    )
    try:
        context.add_init_script(LCP_WATCH)
        context.route("**/*", route)
        page = context.pages[0] if context.pages else context.new_page()
        page.on("console", console)
        page.on("pageerror", lambda error: problems.append(f"{url}: page error: {error}"))
        server.served.clear()
        page.goto(url, wait_until="load", timeout=LOAD_TIMEOUT_MS)
        # So late requests (search index, icons) are counted and loadEventEnd is set.
        page.wait_for_load_state("networkidle", timeout=LOAD_TIMEOUT_MS)
        times = page.evaluate(READ_TIMES)
        times["served"] = list(server.served)
        times["blocked"] = blocked
    finally:
        context.close()
        profile.cleanup()
    return times


def measure(servers: dict, runs: int, problems: list[str]) -> dict:
    """{"ours"|"plain": [times, ...]}, the two interleaved, the first swapping each run."""
    results = defaultdict(list)
    with sync_playwright() as p:
        for run in range(runs):
            order = list(servers.items())
            for name, server in order if run % 2 == 0 else order[::-1]:
                times = load(p, server, problems)
                results[name].append(times)
                lcp = f"{times['lcp']:.0f} ms" if times["lcp"] is not None else "-"
                print(f"run {run + 1}/{runs} {name}: LCP {lcp}", file=sys.stderr)
    return results


def number(n: float) -> str:
    return f"{n:g}"


def spread(values: list[float], show) -> str:
    if not values:
        return "-"
    low, high = min(values), max(values)
    middle = show(statistics.median(values))
    return middle if low == high else f"{middle} ({show(low)}-{show(high)})"


def by_type(served: list[dict]) -> dict[str, list[int]]:
    """{file type: [responses, body bytes]}."""
    kinds = defaultdict(lambda: [0, 0])
    for entry in served:
        suffix = PurePosixPath(entry["path"]).suffix or "(page)"
        kinds[suffix][0] += 1
        kinds[suffix][1] += entry["bytes"]
    return kinds


def report(results: dict, runs: int, cache_control: str, busy: str) -> str:
    def values(name, key):
        return [t[key] for t in results[name] if t[key] is not None]

    def counted(name, measure):
        return [measure(t) for t in results[name]]

    def row(label, key):
        ours, plain = values("ours", key), values("plain", key)
        return f"| {label} | {ms(ours)} | {ms(plain)} | {ratio(ours, plain)} |"

    requests = {name: counted(name, lambda t: len(t["served"])) for name in results}
    body = {name: counted(name, lambda t: sum(e["bytes"] for e in t["served"])) for name in results}
    blocked = {name: counted(name, lambda t: len(t["blocked"])) for name in results}
    lines = [
        f"`/{PAGE}`, cold loads (new profile each), ours and plain in turn, {runs} runs each, "
        f"median (min-max), ms from navigation start; service workers blocked; server "
        f"`Cache-Control: {cache_control}`, bodies uncompressed; {os.cpu_count()} CPUs, "
        f"load average {busy}. Plain Material: the same Markdown, `theme: material` "
        "(`language: da`, `font: false`), no plugins, hooks or extra CSS/JS.",
        "",
        "| Measure | Our page | Plain Material | Ours / plain |",
        "|---|---|---|---|",
        row("First contentful paint", "fcp"),
        row("Largest contentful paint", "lcp"),
        row("DOMContentLoaded end", "dcl"),
        row("Load event end", "load"),
        f"| Requests | {spread(requests['ours'], number)} | {spread(requests['plain'], number)} "
        f"| {ratio(requests['ours'], requests['plain'])} |",
        f"| Bytes transferred (bodies) | {spread(body['ours'], size)} "
        f"| {spread(body['plain'], size)} | {ratio(body['ours'], body['plain'])} |",
        f"| Requests to other hosts (blocked) | {spread(blocked['ours'], number)} "
        f"| {spread(blocked['plain'], number)} | |",
    ]

    ours, plain = by_type(results["ours"][0]["served"]), by_type(results["plain"][0]["served"])
    lines += [
        "",
        "What a cold load downloads, by file type (first run): responses, bytes.",
        "",
        "| File type | Our page | Plain Material |",
        "|---|---|---|",
    ]
    for suffix in sorted(ours.keys() | plain.keys(), key=lambda s: -max(ours[s][1], plain[s][1])):
        cells = [f"{n}, {size(b)}" if n else "-" for n, b in (ours[suffix], plain[suffix])]
        lines.append(f"| {suffix} | {cells[0]} | {cells[1]} |")

    plain_paths = {e["path"] for e in results["plain"][0]["served"]}
    extra = defaultdict(lambda: [0, 0])
    for entry in results["ours"][0]["served"]:
        if entry["path"] not in plain_paths:
            extra[entry["path"]][0] += 1
            extra[entry["path"]][1] += entry["bytes"]
    if extra:
        lines += ["", "| Only our page loads (first run) | Bytes |", "|---|---|"]
        for path, (count, total) in sorted(extra.items(), key=lambda kv: -kv[1][1]):
            times = f" ({count} times)" if count > 1 else ""
            lines.append(f"| `{path}` | {size(total)}{times} |")
    outside = sorted({url for name in results for t in results[name] for url in t["blocked"]})
    if outside:
        lines += ["", "Blocked requests to other hosts:", ""]
        lines += [f"- {url}" for url in outside]
    return "\n".join(lines) + "\n"


def main() -> None:
    args = arguments(__doc__.splitlines()[0])

    with tempfile.TemporaryDirectory(prefix="bench-content-") as folder:
        servers = {
            "ours": serve(
                our_site(Path(folder) / "ours", not args.no_build, PAGE), args.cache_control
            ),
            "plain": serve(build_plain(Path(folder)), args.cache_control),
        }
        problems: list[str] = []
        before = os.getloadavg()[0]
        try:
            results = measure(servers, args.runs, problems)
        finally:
            for server in servers.values():
                server.shutdown()
        busy = f"{before:.1f} before, {os.getloadavg()[0]:.1f} after"
        table = report(results, args.runs, args.cache_control, busy)

    publish(table, problems, args.out)


if __name__ == "__main__":
    main()
