"""Time from a keystroke to the updated paper preview, on every form page (p50 and p95).

In Debian's Chromium through Playwright, against the built site on 127.0.0.1: each form is
opened with its example answers (so the documents are full size), then text is typed into a
field one key at a time. The page records when each `input` event happens and when the preview
(`[data-document]`) changes after it; the difference is what the family waits for.

Usage: .venv/bin/python scripts/bench/keystroke.py [--keys 60]   (after `make build`)
"""

import argparse
import functools
import http.server
import json
import statistics
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from pagecheck import go_to_step, wait_for_python, wait_until  # noqa: E402
from support import QuietHandler, example_draft, form_pages  # noqa: E402

from forms.schema import load  # noqa: E402
from scripts.chromium import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402

# Which field to type into on each form page, and the step that shows it: on the guest list
# the name, which redraws the network map on every key (the slowest case).
CHOSEN = {
    "questions": ("questions", "#f-questions-q1-text"),
    "guests": ("people", "#f-guests-g1-name"),
    "wishes": ("good", "#f-good"),
    "plan": ("sections", "[data-items-for=sections] textarea"),
    "followup": ("reviews", "[data-items-for=reviews] textarea"),
}


def _first_text(form_id: str) -> tuple[str, str]:
    """For a form not chosen above: its first step's first text field, or its first list's."""
    definition = load(form_id)
    step = definition.steps[0]
    within = f"[data-step-id={step.id}]"
    return step.id, f"{within} input[type=text], {within} textarea"


# Every form's page (from the catalogue), with the step and the field typed into.
FIELDS = {
    page: CHOSEN.get(form_id) or _first_text(form_id) for form_id, page in form_pages().items()
}
RECORDER = """
window.__keys = [];
window.__views = [];
document.addEventListener('input', () => window.__keys.push(performance.now()), true);
new MutationObserver(() => window.__views.push(performance.now()))
  .observe(document.querySelector('[data-document]'), {childList: true});
"""


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(page, base: str, path: str, keys: int) -> list[float]:
    step, selector = FIELDS[path]
    page.goto(base + path)
    assert wait_for_python(page) == "ready"
    go_to_step(page, step)
    field = page.locator(selector).first
    field.focus()
    page.keyboard.press("End")
    page.evaluate(RECORDER)
    for _ in range(keys):
        page.keyboard.type("x")
        # One key at a time, as a person types: wait for its preview before the next.
        wait_until(page, "window.__views.length >= window.__keys.length", timeout_s=10)
    keys_at, views_at = page.evaluate("[window.__keys, window.__views]")
    return [view - key for key, view in zip(keys_at, views_at, strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=60)
    args = parser.parse_args()
    handler = functools.partial(QuietHandler, directory=str(ROOT / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    draft = example_draft()
    keep = (
        f"localStorage.setItem('familieraadslagning.kladde', {json.dumps(draft)});"
        "localStorage.setItem('familieraadslagning.gem-paa-enheden', 'ja');"
    )
    rows = [
        "| form page | keys | p50 ms | p95 ms | max ms |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for path in FIELDS:
            page = browser.new_page()
            page.add_init_script(keep)
            times = measure(page, base, path, args.keys)
            rows.append(
                f"| {path} | {len(times)} | {statistics.median(times):.1f} "
                f"| {percentile(times, 0.95):.1f} | {max(times):.1f} |"
            )
            page.close()
        browser.close()
    server.shutdown()
    print("\n".join(rows))


if __name__ == "__main__":
    main()
