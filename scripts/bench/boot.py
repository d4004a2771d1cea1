"""Time Python's start on a form page against a bare Pyodide page, and count what a form costs.

What it measures, in Chromium (Debian's /usr/bin/chromium, through Playwright), on the built site
served by a local http.server on 127.0.0.1:

- "Python ready": the `python-ready` performance mark, in ms from navigation start, on the form
  page (skemaer/vores-spoergsmaal/) and on a bare page made here at run time (bench/bare.html).
  The bare page boots Pyodide the plain way, as its npm package ships it: `loadPyodide` with the
  forms wheel as flit builds it (source only) in `packages`, the whole standard library (a copy
  of the package's python_stdlib.zip, source only), then `pyimport("forms.worker")`, from a
  module worker started after first paint exactly like the form page does; it has no theme, no
  form and no `forms.begin(...)`. The form page's own levers are what form/bare shows: the
  trimmed standard library and the forms as a zip zipimport reads, both compiled at build time
  (scripts/build/python_stdlib.py, python_bytecode.py), the search waiting for Python
  (overrides/assets/forms/search-after-python.js), and on a warm load the Python it kept on the
  device after its cold load (overrides/assets/forms/form-worker.js).
- "Search at once": the same form page with search-after-python.js left out (a copy written
  here beside it, skemaer/vores-spoergsmaal-search-at-once/), so Material's search builds its
  index while Python starts, as it did before; the family keeps nothing, as on "shared".
- Cold: a new browser context with a new, empty profile (so an empty HTTP cache). Warm: a new tab
  in that same context once the cold load is done (for the form page: once it has kept its
  started Python), so the HTTP cache, V8's code caches and the kept Python are warm. The
  profile is on disk (a persistent context): an incognito-like `browser.new_context()` keeps
  its cache in memory and does not store the 9 MiB pyodide.asm.wasm, which would make
  "warm" fetch it again. The server sends `Cache-Control: max-age=600` by default
  (`--cache-control`), so warm loads do not revalidate.
- The form page is loaded as a family who chose "keep on this device" (a started Python is kept
  for the warm load) and as one who chose to keep nothing (a shared device: "shared", where the
  warm load has only the browser's HTTP cache and starts Python again).
- Form, shared, search-at-once and bare loads are interleaved (form, shared, search at once,
  bare, form, ...); medians, min and max.
- On the form page: first contentful paint, DOMContentLoaded and the moment the first question's
  field (#f-questions-q1-text) is in the document and enabled.
- The bytes a cold form page load downloads, counted by the server (response bodies), per file
  type and for the biggest files, next to the size of the same files gzipped (level 6) and
  Brotli-compressed (the build's `.br` copy where there is one, else quality 11), as a static
  host that compresses would send them.

The site is built (`mkdocs build --strict`) into a temporary folder, or with `--no-build` the
existing site/ is copied there; the bench pages are written into that copy only, so nothing in
the repository changes.

    .venv/bin/python scripts/bench/boot.py --runs 5 [--no-build] [--out bench.md]
"""

import gzip
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

import brotli
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts.bench.server import arguments, ms, our_site, publish, ratio, serve, size  # noqa: E402
from scripts.build.pyodide_bundle import build_wheel, write_lock  # noqa: E402
from scripts.chromium import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402

FORM_PAGE = "skemaer/vores-spoergsmaal/"
SEARCH_AT_ONCE_PAGE = "skemaer/vores-spoergsmaal-search-at-once/"
SEARCH_AFTER_PYTHON = re.compile(r'\s*<script src="[^"]*search-after-python\.js"></script>')
BARE_PAGE = "bench/bare.html"
FIRST_FIELD = "f-questions-q1-text"
BOOT_TIMEOUT_S = 120
SERVICE_WORKER_BLOCKED = "Service Worker registration blocked by Playwright"

BARE_HTML = """<!doctype html>
<html lang="da">
<head><meta charset="utf-8"><title>Bare Pyodide</title><link rel="icon" href="data:,"></head>
<body data-python="starting">
<p>Bare Pyodide: the form page's Python start, without the page.</p>
<script type="module">
function start() {
  const worker = new Worker("bare-worker.js", { type: "module" });
  const fail = (reason) => {
    document.body.dataset.python = "failed";
    console.error("bare worker failed:", reason);
  };
  worker.onerror = (error) => fail(error.message);
  worker.onmessage = ({ data }) => {
    if (data.kind !== "ready") return fail(data.reason);
    performance.mark("python-ready");
    document.body.dataset.python = "ready";
  };
  worker.postMessage({
    pyodideURL: new URL("../PYTHON_CORE/", location.href).href,
    lockURL: new URL("pyodide-lock.json", location.href).href,
  });
}
requestAnimationFrame(() => setTimeout(start, 0));
</script>
</body>
</html>
"""

BARE_WORKER = """// The form worker's boot, and nothing else.
self.onmessage = async ({ data: { pyodideURL, lockURL } }) => {
  try {
    const { loadPyodide } = await import(new URL("pyodide.mjs", pyodideURL).href);
    const pyodide = await loadPyodide({
      indexURL: pyodideURL,
      lockFileURL: lockURL,
      stdLibURL: new URL("python_stdlib.zip", self.location).href,
      packages: ["familieraad-forms"],
    });
    pyodide.pyimport("forms.worker");
    postMessage({ kind: "ready" });
  } catch (error) {
    postMessage({ kind: "failed", reason: String(error) });
  }
};
"""

# Marks when the first question's field is in the document and enabled.
FIELD_WATCH = """
new MutationObserver((_, observer) => {
  const field = document.getElementById("FIELD");
  if (field && !field.disabled) {
    performance.mark("input-usable");
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true, attributes: true });
""".replace("FIELD", FIRST_FIELD)

KEEP_CHOSEN = 'localStorage.setItem("familieraadslagning.gem-paa-enheden", "ja");'

# True once the form page has put its just-started Python in cache storage for the next visit.
PYTHON_KEPT = """async () => {
  for (const name of await caches.keys()) {
    if (name.startsWith("familieraadslagning-python-")) {
      return (await (await caches.open(name)).keys()).length > 0;
    }
  }
  return false;
}"""

READ_TIMES = """() => {
  const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
  const nav = performance.getEntriesByType("navigation")[0];
  return {
    ready: mark("python-ready"),
    fcp: mark("first-contentful-paint"),
    dcl: nav ? nav.domContentLoadedEventEnd : null,
    field: mark("input-usable"),
    state: document.querySelector("[data-python]")?.dataset.python ?? null,
  };
}"""


def prepare_site(folder: Path, build: bool) -> Path:
    """The built site in `folder`, with the bare bench page added."""
    site = our_site(folder / "site", build, FORM_PAGE)
    bench = site / "bench"
    bench.mkdir(exist_ok=True)
    # Pyodide's folder is named by its version and bytes (scripts/build/pyodide_bundle.py).
    (core,) = (site / "pyodide").glob("*-*/pyodide.mjs")
    core_dir = core.parent.relative_to(site).as_posix()
    (bench / "bare.html").write_text(BARE_HTML.replace("PYTHON_CORE", core_dir))
    (bench / "bare-worker.js").write_text(BARE_WORKER)
    # Pyodide's whole standard library, as the npm package ships it (the site serves a part,
    # compiled), and the forms wheel as flit builds it, with a lock listing it.
    shutil.copy2(ROOT / "node_modules" / "pyodide" / "python_stdlib.zip", bench)
    write_lock(bench, build_wheel(bench))
    # The form page with the search building its index at once, at the same depth.
    page = (site / FORM_PAGE / "index.html").read_text()
    at_once, count = SEARCH_AFTER_PYTHON.subn("", page)
    assert count == 1, "the form page no longer loads search-after-python.js"
    (site / SEARCH_AT_ONCE_PAGE).mkdir()
    (site / SEARCH_AT_ONCE_PAGE / "index.html").write_text(at_once)
    return site


def load(context, url: str, server, problems: list[str], settle: bool = False) -> dict:
    """Open `url` in a new tab of `context`, wait for Python; its times and what was served.
    With `settle`, the tab stays open until the page has kept its started Python."""

    def console(message):
        # The offline copy is blocked on purpose (it would download the site in the background).
        if message.text == SERVICE_WORKER_BLOCKED:
            return
        if message.type in ("error", "warning"):
            problems.append(f"{url}: console {message.type}: {message.text}")

    page = context.new_page()
    page.on("console", console)
    page.on("pageerror", lambda error: problems.append(f"{url}: page error: {error}"))
    page.on(
        "requestfailed",
        lambda request: problems.append(f"{url}: failed {request.url}: {request.failure}"),
    )
    server.served.clear()
    page.goto(url, wait_until="commit")
    deadline = time.monotonic() + BOOT_TIMEOUT_S
    while True:
        times = page.evaluate(READ_TIMES)
        if times["ready"] is not None:
            break
        if times["state"] == "failed" or time.monotonic() > deadline:
            page.close()
            raise RuntimeError(f"{url}: Python did not start (state {times['state']})")
        page.wait_for_timeout(20)
    page.wait_for_load_state("networkidle")  # so late requests (search, icons) are counted too
    times["served"] = list(server.served)
    if settle:
        deadline = time.monotonic() + BOOT_TIMEOUT_S
        while not page.evaluate(PYTHON_KEPT) and time.monotonic() < deadline:
            page.wait_for_timeout(50)
        times["kept"] = page.evaluate(PYTHON_KEPT)
    page.close()
    return times


def measure(server, runs: int, problems: list[str]) -> dict:
    """{(page, "cold"|"warm"): [times, ...]}, form and bare loads interleaved."""
    base = f"http://127.0.0.1:{server.server_address[1]}/"

    def outside(request):
        if not request.url.startswith((base, "data:", "blob:", "about:")):
            problems.append(f"request outside the local server: {request.url}")

    results = defaultdict(list)
    with sync_playwright() as p:
        for run in range(runs):
            # "shared": the form page where the family chose to keep nothing (a shared
            # device), so no started Python is kept and every start is a first start.
            for name, path in (
                ("form", FORM_PAGE),
                ("shared", FORM_PAGE),
                ("at once", SEARCH_AT_ONCE_PAGE),
                ("bare", BARE_PAGE),
            ):
                profile = tempfile.TemporaryDirectory(prefix="bench-profile-")
                # The offline copy (a service worker fetching the whole site once Python has
                # started) is left out: this measures the page and its Python, not that copy.
                context = p.chromium.launch_persistent_context(
                    profile.name,
                    executable_path=CHROMIUM,
                    args=CHROMIUM_FLAGS,
                    service_workers="block",
                )
                context.add_init_script(FIELD_WATCH)
                # The family has chosen to keep things on this device: only then is a started
                # Python kept for the next visit (the warm start).
                if name == "form":
                    context.add_init_script(KEEP_CHOSEN)
                context.on("request", outside)
                for kind in ("cold", "warm"):
                    settle = name == "form" and kind == "cold"
                    times = load(context, base + path, server, problems, settle)
                    results[name, kind].append(times)
                    step = f"run {run + 1}/{runs} {name} {kind}"
                    print(f"{step}: Python ready {times['ready']:.0f} ms", file=sys.stderr)
                context.close()
                profile.cleanup()
    return results


def site_file(site: Path, url_path: str) -> Path:
    file = site / unquote(url_path).lstrip("/")
    return file / "index.html" if file.is_dir() else file


def brotli_size(file: Path) -> int:
    """The size a host sends with Brotli: the build's .br copy, or the file at quality 11."""
    copy = file.with_name(file.name + ".br")
    if copy.exists():
        return copy.stat().st_size
    return len(brotli.compress(file.read_bytes(), quality=11))


def downloads(site: Path, served: list[dict]) -> list[tuple[str, int, int, int]]:
    """(path, bytes served, gzip -6 size, Brotli size of that file) for each response with a
    body; a file that compresses to more than itself (a zip) is counted as it is."""
    rows = []
    for entry in served:
        if entry["bytes"]:
            file = site_file(site, entry["path"])
            data = file.read_bytes()
            gzipped = min(len(gzip.compress(data, compresslevel=6)), len(data))
            rows.append((entry["path"], entry["bytes"], gzipped, min(brotli_size(file), len(data))))
    return rows


def report(results: dict, site: Path, runs: int, cache_control: str, busy: str) -> str:
    def values(name, kind, key):
        return [t[key] for t in results[name, kind] if t[key] is not None]

    def traffic(name, kind):
        loads = results[name, kind]
        requests = statistics.median(len(t["served"]) for t in loads)
        body = statistics.median(sum(e["bytes"] for e in t["served"]) for t in loads)
        revalidated = statistics.median(sum(e["status"] == 304 for e in t["served"]) for t in loads)
        return f"{requests:.0f} requests, {size(body)}, {revalidated:.0f} x 304"

    fc, fw = values("form", "cold", "ready"), values("form", "warm", "ready")
    bc, bw = values("bare", "cold", "ready"), values("bare", "warm", "ready")
    sc, sw = values("shared", "cold", "ready"), values("shared", "warm", "ready")
    ac = values("at once", "cold", "ready")
    lines = [
        f"Python start, {runs} runs each, median (min-max), ms from navigation start; "
        f"server `Cache-Control: {cache_control}`; {os.cpu_count()} CPUs, "
        f"load average {busy} (a busy machine makes Python's start slower and noisier).",
        "",
        "| Measure | Form page | Bare Pyodide page | Form / bare |",
        "|---|---|---|---|",
        f"| Python ready, cold | {ms(fc)} | {ms(bc)} | {ratio(fc, bc)} |",
        f"| Python ready, warm | {ms(fw)} | {ms(bw)} | {ratio(fw, bw)} |",
        f"| Warm / cold | {ratio(fw, fc)} | {ratio(bw, bc)} | |",
        f"| Python ready, cold, keep nothing (shared device) | {ms(sc)} | - | {ratio(sc, bc)} |",
        f"| Python ready, warm, keep nothing (shared device) | {ms(sw)} | - | {ratio(sw, bw)} |",
        f"| Warm, keep nothing / warm, kept | {ratio(sw, fw)} | | |",
        f"| Python ready, cold, keep nothing, search at once | {ms(ac)} | - | {ratio(ac, bc)} |",
        f"| Search at once / search after Python (cold, keep nothing) | {ratio(ac, sc)} | | |",
        f"| First contentful paint, cold | {ms(values('form', 'cold', 'fcp'))} "
        f"| {ms(values('bare', 'cold', 'fcp'))} | |",
        f"| DOMContentLoaded, cold | {ms(values('form', 'cold', 'dcl'))} "
        f"| {ms(values('bare', 'cold', 'dcl'))} | |",
        f"| First field `#{FIRST_FIELD}` in DOM and enabled, cold "
        f"| {ms(values('form', 'cold', 'field'))} | - | |",
        f"| First field in DOM and enabled, warm | {ms(values('form', 'warm', 'field'))} | - | |",
        f"| Served, cold (requests, bodies) | {traffic('form', 'cold')} "
        f"| {traffic('bare', 'cold')} | |",
        f"| Served, warm (requests, bodies) | {traffic('form', 'warm')} "
        f"| {traffic('bare', 'warm')} | |",
    ]

    rows = downloads(site, results["form", "cold"][0]["served"])
    by_type = defaultdict(lambda: [0, 0, 0, 0])
    for path, *sizes in rows:
        kind = by_type[PurePosixPath(path).suffix or "(page)"]
        kind[0] += 1
        for i, n in enumerate(sizes, 1):
            kind[i] += n
    total_raw, total_gzip, total_br = (sum(r[i] for r in rows) for i in (1, 2, 3))
    lines += [
        "",
        f"Bytes of a cold form page load (first run): {len(rows)} files, "
        f"{size(total_raw)} raw, {size(total_gzip)} gzipped (level 6), "
        f"{size(total_br)} with Brotli.",
        "",
        "| File type | Files | Raw | gzip -6 | Brotli |",
        "|---|---|---|---|---|",
    ]
    for suffix, (count, raw, gz, br) in sorted(by_type.items(), key=lambda kv: -kv[1][1]):
        lines.append(f"| {suffix} | {count} | {size(raw)} | {size(gz)} | {size(br)} |")
    lines.append(
        f"| **Total** | {len(rows)} | **{size(total_raw)}** | **{size(total_gzip)}** "
        f"| **{size(total_br)}** |"
    )
    lines += ["", "| Biggest files | Raw | gzip -6 | Brotli |", "|---|---|---|---|"]
    for path, raw, gz, br in sorted(rows, key=lambda row: -row[1])[:10]:
        lines.append(f"| `{path}` | {size(raw)} | {size(gz)} | {size(br)} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    args = arguments(__doc__.splitlines()[0])

    with tempfile.TemporaryDirectory(prefix="bench-boot-") as folder:
        site = prepare_site(Path(folder), build=not args.no_build)
        server = serve(site, args.cache_control)
        problems: list[str] = []
        before = os.getloadavg()[0]
        try:
            results = measure(server, args.runs, problems)
        finally:
            server.shutdown()
        busy = f"{before:.1f} before, {os.getloadavg()[0]:.1f} after"
        table = report(results, site, args.runs, args.cache_control, busy)

    publish(table, problems, args.out)


if __name__ == "__main__":
    main()
