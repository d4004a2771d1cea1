"""Watching a page in the browser: foreign requests, console errors, Python's start, and what
it prints (to PDF, read back with pdftotext)."""

import json
import subprocess
import time
from urllib.parse import urlparse

PYTHON_START_TIMEOUT_S = 90


class PageGuard:
    """Records what a page asks of other hosts and what it logs as an error."""

    def __init__(self, page, site_url):
        self.own_host = urlparse(site_url).netloc
        self.foreign_requests = []
        self.console_errors = []
        page.on("request", self._request)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))

    def _request(self, request):
        parsed = urlparse(request.url)
        if parsed.scheme in ("data", "blob"):
            return
        if parsed.netloc != self.own_host:
            self.foreign_requests.append(request.url)

    def _console(self, message):
        if message.type == "error":
            self.console_errors.append(f"{message.text} at {message.location}")

    def assert_clean(self):
        assert self.foreign_requests == []
        assert self.console_errors == []


def python_state(page) -> str | None:
    return page.evaluate("document.querySelector('form.fgc-form')?.dataset.python ?? null")


def wait_for_python(page, timeout_s: float = PYTHON_START_TIMEOUT_S) -> str:
    """Polls (no eval-based waiting, so it also works under a strict CSP) until Python has
    started or failed; returns 'ready' or 'failed'."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        state = python_state(page)
        if state in ("ready", "failed"):
            return state
        time.sleep(0.05)
    raise AssertionError(f"Python neither started nor failed within {timeout_s} s")


def wait_until(page, script: str, timeout_s: float = 10):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = page.evaluate(script)
        if value:
            return value
        time.sleep(0.03)
    raise AssertionError(f"never true: {script}")


def next_frames(page) -> None:
    """Until the page has drawn two more frames: what a scroll or a key set off has been
    handled and drawn (the condition to await after an input that changes no state to watch)."""
    page.evaluate(
        "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
    )


def current_step(page) -> str:
    return page.evaluate("document.querySelector('form.fgc-form').dataset.step")


def go_to_step(page, step: str) -> None:
    """Press the shown step's Continue button, by keyboard, until `step` is shown."""
    for _ in range(12):
        if current_step(page) == step:
            return
        before = current_step(page)
        page.locator("section.fgc-step:not([hidden]) [data-action=step_continued]").focus()
        page.keyboard.press("Enter")
        wait_until(
            page,
            f"document.querySelector('form.fgc-form').dataset.step !== {before!r}"
            " || document.querySelector('.fgc-error-summary') !== null",
        )
        if page.locator(".fgc-error-summary").count():
            raise AssertionError(page.locator(".fgc-error-summary").inner_text())
    raise AssertionError(f"never reached step {step}")


def pdf_lines_by_page(page, path) -> list[list[str]]:
    """Print `page` to A4 at `path`; each printed page's lines, whitespace made single."""
    page.pdf(path=str(path), format="A4", print_background=True)
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    pages = [
        [" ".join(line.split()) for line in text.splitlines() if line.strip()]
        for text in result.stdout.split("\f")
    ]
    return [lines for lines in pages if lines]


def pdf_text(page, path) -> str:
    """Print `page` to A4 at `path`; all its printed text, whitespace made single."""
    return " ".join(line for lines in pdf_lines_by_page(page, path) for line in lines)


# "Our questions" needs at least one question before the answers to check.
A_QUESTION = """() => {
  const field = document.querySelector('#f-questions-q1-text');
  if (!field || field.value) return;
  field.value = 'Hvordan får barnet det godt i skolen?';
  field.dispatchEvent(new Event('input', {bubbles: true}));
}"""


def answer_what_is_required(page) -> None:
    """Whatever a form needs before its answers can be checked (a question), as typed."""
    page.evaluate(A_QUESTION)


def open_form(page, address: str) -> None:
    """Open a form's page at `address` and wait until its Python has started."""
    page.goto(address)
    assert wait_for_python(page) == "ready"


def keep_on_this_device(page, address: str | None = None, choice: str = "device") -> None:
    """The family's choice about keeping, made on a form (opened at `address` first when given):
    "device" keeps the draft on this device, "shared" keeps nothing more."""
    if address is not None:
        open_form(page, address)
    choose_keep(page, choice)


# The device's storage keys, as the page writes them (overrides/assets/device.js and
# forms/form-page.js) and the privacy page lists them (docs/privatliv.*.md).
KEYS_START = "familieraadslagning."
KEEP_KEY = KEYS_START + "gem-paa-enheden"
DRAFT_KEY = KEYS_START + "kladde"
ASIDE_KEY = KEYS_START + "kladde-ulaeselig"
STEP_KEY = KEYS_START + "trin"
LEAVE_KEY = KEYS_START + "forlad-sletter"
UNFINISHED_KEY = KEYS_START + "sletning-ikke-faerdig"
CHILD_KEYS_START = KEYS_START + "barn."
CHILD_KEEP_KEY = CHILD_KEYS_START + "gem-paa-enheden"
CHILD_DRAFT_KEY = CHILD_KEYS_START + "kladde"
CHILD_FILE_KEY = CHILD_KEYS_START + "gemt-som-fil"
# The site's keys in the device's storage, sorted (a script for page.evaluate or wait_until).
SITE_KEYS = f"Object.keys(localStorage).filter(k => k.startsWith({json.dumps(KEYS_START)})).sort()"


def stored(key: str) -> str:
    """A script for page.evaluate or wait_until: the text kept under `key` (null where none)."""
    return f"localStorage.getItem({json.dumps(key)})"


def kept_before_opening(draft: str | None = None, key: str = DRAFT_KEY) -> str:
    """An init script (page.add_init_script): the family chose to keep, and the device holds
    `draft` when given, before the page's own scripts run."""
    script = f"localStorage.setItem({json.dumps(KEEP_KEY)}, 'ja');"
    if draft is not None:
        script += f"localStorage.setItem({json.dumps(key)}, {json.dumps(draft)});"
    return script


def choose_keep(page, value: str = "device") -> None:
    """The family's choice about keeping, as the page asks it: a choice, then the button that
    makes it ("device": keep on this device; "shared": keep nothing more)."""
    page.locator(f"#fgc-keep-{value}").check()
    page.locator("[data-keep] [data-action=keep_chosen]").click()


# Whether the page would ask before the tab is left: what it answers the browser's
# "beforeunload" (a headless browser does not run a closing tab's, so the test asks the page).
WOULD_ASK = """() => {
  const event = new Event("beforeunload", { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}"""
