"""Over the months from the offer letter to the follow-up: a new version of the site reaches a
returning visitor, the last version works without a network, and a device whose family chose to
keep nothing holds nothing of the site."""

import http.server
import re
import shutil
import threading

import pytest
from pagecheck import (
    CHILD_DRAFT_KEY,
    CHILD_KEYS_START,
    DRAFT_KEY,
    UNFINISHED_KEY,
    choose_keep,
    go_to_step,
    keep_on_this_device,
    open_form,
    stored,
    wait_for_python,
    wait_until,
)
from playwright.sync_api import expect
from support import QuietHandler

from forms.text import ui

FORM = "skemaer/vores-spoergsmaal/"
CHANGED_PAGE = "hvad-er-det/"
NEW_SENTENCE = "Denne sætning er ny i den nye udgave af siden."

INVENTORY = """async () => {
  const registrations = await navigator.serviceWorker.getRegistrations();
  return {
    localStorage: Object.keys(localStorage).sort(),
    sessionStorage: Object.keys(sessionStorage).sort(),
    cookies: document.cookie,
    indexedDB: (await indexedDB.databases()).map((db) => db.name).sort(),
    caches: (await caches.keys()).sort(),
    serviceWorkers: registrations.map((r) => new URL(r.scope).pathname).sort(),
  };
}"""
NOTHING = {
    "localStorage": [],
    "sessionStorage": [],
    "cookies": "",
    "indexedDB": [],
    "caches": [],
    "serviceWorkers": [],
}


class SwitchableServer:
    """The site on a port of its own, whose folder can be swapped for a new build."""

    def __init__(self, folder):
        self.folder = str(folder)
        server = self

        class Handler(QuietHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=server.folder, **kwargs)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def new_build(site_dir, folder):
    """The built site as the next build would be: one page changed, a new build version (in the
    service worker and in every page, as scripts/build/service_worker.py writes it)."""
    shutil.copytree(site_dir, folder)
    worker = folder / "sw.js"
    old = re.search(r'"version":"([0-9a-f]+)"', worker.read_text()).group(1)
    new = "0" * len(old)
    worker.write_text(worker.read_text().replace(f'"version":"{old}"', f'"version":"{new}"'))
    for page in folder.rglob("*.html"):
        page.write_text(page.read_text().replace(f'data-version="{old}"', f'data-version="{new}"'))
    page = folder / CHANGED_PAGE / "index.html"
    html = page.read_text()
    page.write_text(html.replace("</h1>", f"</h1>\n<p>{NEW_SENTENCE}</p>", 1))
    return old, new


def offline_copy_active(page, version=None):
    script = """async (version) => {
      const registration = await navigator.serviceWorker.getRegistration();
      if (!registration?.active || registration.active.state !== "activated") return false;
      const names = await caches.keys();
      return version ? names.includes("familieraadslagning-site-" + version) : names.length > 0;
    }"""
    wait_until(page, f"({script})({version!r})".replace("None", "null"), timeout_s=120)


def test_a_new_build_reaches_a_returning_visitor_and_the_last_one_works_offline(
    browser, site_dir, tmp_path
):
    server = SwitchableServer(site_dir)
    context = browser.new_context(service_workers="allow")
    try:
        page = context.new_page()
        keep_on_this_device(page, server.url + FORM)
        page.goto(server.url + CHANGED_PAGE)
        offline_copy_active(page)
        page.reload()
        assert NEW_SENTENCE not in page.locator("article").inner_text()
        open_tab = context.new_page()
        open_tab.goto(server.url + "hvem-goer-hvad/")

        # The next build is published; the family comes back.
        old, new = new_build(site_dir, tmp_path / "next")
        server.folder = str(tmp_path / "next")
        page.reload()
        assert NEW_SENTENCE in page.locator("article").inner_text()
        # The new offline copy takes over and the old one is removed; a page left open from
        # before says that the site has been updated.
        offline_copy_active(page, new)
        gone = f"caches.keys().then((names) => !names.includes('familieraadslagning-site-{old}'))"
        wait_until(page, gone)
        notice = open_tab.locator(".fgc-updated")
        expect(notice).to_have_text(ui("site_updated", "da"))
        assert notice.get_attribute("role") == "status"

        # Without a network the newest version still works, the form included.
        context.set_offline(True)
        page.goto(server.url + CHANGED_PAGE)
        assert NEW_SENTENCE in page.locator("article").inner_text()
        open_form(page, server.url + "en/" + FORM)
        go_to_step(page, "questions")
        page.locator("#f-questions-q1-text").fill("How does Noah get to school?")
        go_to_step(page, "check")
        assert "How does Noah get to school?" in page.locator("[data-document]").inner_text()
    finally:
        context.close()
        server.close()


@pytest.fixture
def fresh_context(browser):
    context = browser.new_context(service_workers="allow")
    yield context
    context.close()


def visit_everything_and_type(page, site_url, pages):
    """A family on a shared device: every page, the theme's colour switch, a content tab, a
    typed answer; Python given time to start and to keep what it would keep."""
    for path in pages:
        page.goto(site_url + path)
    page.goto(site_url + "dine-rettigheder/")
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    page.locator(".tabbed-labels label").nth(1).click()
    open_form(page, site_url + FORM)
    page.locator("#f-child_name").fill("Emma")
    page.wait_for_timeout(3000)


def test_a_device_where_nobody_chose_to_keep_holds_nothing(fresh_context, site_url, site_dir):
    from support import built_pages

    page = fresh_context.new_page()
    visit_everything_and_type(page, site_url, built_pages(site_dir))
    assert page.evaluate(INVENTORY) == NOTHING
    # Choosing "other people use this device" keeps it so.
    choose_keep(page, "shared")
    page.reload()
    assert wait_for_python(page) == "ready"
    page.wait_for_timeout(3000)
    assert page.evaluate(INVENTORY) == NOTHING


def promised_on_the_privacy_page(page, site_url) -> dict:
    """What the privacy page lists as kept on the device, by where it is kept."""
    page.goto(site_url + "privatliv/")
    promised = {}
    for row in page.locator("[data-kept-on-device] tbody tr").all():
        where = row.get_attribute("data-where")
        promised.setdefault(where, []).extend(
            code.inner_text() for code in row.locator("code").all()
        )
    return promised


def test_keep_holds_exactly_what_the_privacy_page_lists_and_delete_leaves_nothing(
    fresh_context, site_url
):
    page = fresh_context.new_page()
    keep_on_this_device(page, site_url + FORM)
    page.locator("#f-child_name").fill("Emma")
    with page.expect_download():
        page.locator("[data-action=save_file]").click()
    offline_copy_active(page)
    page.reload()  # the next start keeps its Python
    assert wait_for_python(page) == "ready"
    python_kept = (
        "caches.keys().then((n) => n.some((x) => x.startsWith('familieraadslagning-python-')))"
    )
    wait_until(page, python_kept, 30)
    page.goto(site_url + "dine-rettigheder/")
    page.locator(".tabbed-labels label").nth(1).click()
    page.goto(site_url + FORM)
    kept = page.evaluate(INVENTORY)

    promised = promised_on_the_privacy_page(page, site_url)
    assert kept["localStorage"] == sorted(promised["localStorage"])
    assert [re.sub(r"[0-9a-f]{16}$", "…", name) for name in kept["caches"]] == sorted(
        promised["caches"]
    )
    assert kept["serviceWorkers"] == ["/"] and promised["serviceWorkers"] == ["sw.js"]
    assert kept["sessionStorage"] == kept["indexedDB"] == [] and kept["cookies"] == ""

    open_form(page, site_url + FORM)
    page.locator("[data-action=delete_all]").click()
    page.locator("[data-action=delete_confirmed]").click()
    wait_until(page, f"({INVENTORY})().then((kept) => JSON.stringify(kept) === {NOTHING_JSON!r})")


NOTHING_JSON = (
    '{"localStorage":[],"sessionStorage":[],"cookies":"","indexedDB":[],"caches":[],'
    '"serviceWorkers":[]}'
)


def set_to_delete_on_leaving(fresh_context, site_url):
    """A family that chose "delete when I leave", with the offline copy kept and a name typed,
    now on a content page; the page and where leaving goes (answered here, never fetched)."""
    page = fresh_context.new_page()
    exit_url = ui("exit_url", "da")
    page.route(exit_url + "**", lambda route: route.fulfill(body="<title>Vejret</title>"))
    keep_on_this_device(page, site_url + FORM, "leave")
    page.locator("#f-child_name").fill("Emma")
    offline_copy_active(page)
    page.goto(site_url + "hvad-er-det/")
    return page, exit_url


def test_leaving_the_page_set_to_delete_leaves_nothing_on_the_device(fresh_context, site_url):
    page, exit_url = set_to_delete_on_leaving(fresh_context, site_url)
    page.locator("[data-quick-exit]:visible").click()
    page.wait_for_url(exit_url)
    page.goto(site_url + "404.html")
    assert page.evaluate(INVENTORY) == NOTHING


# A browser too busy to answer within the quick exit's second: it never does, on this page.
BUSY_BROWSER = """() => {
  navigator.serviceWorker.getRegistrations = () => new Promise(() => {});
  caches.keys = () => new Promise(() => {});
}"""


def test_a_deletion_the_quick_exit_cut_short_is_finished_when_the_site_opens_again(
    fresh_context, site_url
):
    page, exit_url = set_to_delete_on_leaving(fresh_context, site_url)
    page.evaluate(BUSY_BROWSER)
    page.keyboard.press("Alt+Shift+KeyQ")
    page.wait_for_url(exit_url)
    # The offline copy was left behind; the next page of the site opened deletes it.
    page.goto(site_url + "404.html")
    wait_until(page, f"({INVENTORY})().then((kept) => JSON.stringify(kept) === {NOTHING_JSON!r})")


def test_a_delete_everything_cut_short_is_finished_and_still_spares_the_childs_own(
    fresh_context, site_url
):
    page = fresh_context.new_page()
    page.goto(site_url + "404.html")
    # "Delete everything" on a family form, its page closed before it was done.
    page.evaluate(
        """([child, family, unfinished, spare]) => {
          localStorage.setItem(child, '{"barnets": 1}');
          localStorage.setItem(family, '{}');
          localStorage.setItem(unfinished, JSON.stringify({ spare }));
        }""",
        [CHILD_DRAFT_KEY, DRAFT_KEY, UNFINISHED_KEY, CHILD_KEYS_START],
    )
    page.goto(site_url + "hvad-er-det/")
    wait_until(page, f"{stored(UNFINISHED_KEY)} === null")
    assert page.evaluate("Object.keys(localStorage)") == [CHILD_DRAFT_KEY]


@pytest.mark.parametrize("granted", [True, False])
def test_keeping_asks_for_lasting_storage_and_says_what_the_browser_answered(
    fresh_context, site_url, granted
):
    page = fresh_context.new_page()
    answer = "true" if granted else "false"
    page.add_init_script(
        "navigator.storage.persisted = async () => false;"
        "navigator.storage.persist = async () => {"
        f" window.askedToPersist = true; return {answer}; }};"
    )
    keep_on_this_device(page, site_url + FORM)
    expected = ui("persist_granted" if granted else "persist_refused", "da")
    wait_until(
        page, f"document.querySelector('[data-keep-notice]').innerText.includes({expected!r})"
    )
    assert page.evaluate("window.askedToPersist") is True
    assert ui("keep_on", "da") in page.locator("[data-keep-notice]").inner_text()


def file_status(page) -> str:
    return page.locator("[data-file-status]").inner_text()


def wait_for_file_status(page, text: str, how: str = "startsWith"):
    wait_until(page, f"document.querySelector('[data-file-status]').innerText.{how}({text!r})")


def test_the_draft_box_says_when_the_draft_was_last_saved_to_a_file(
    fresh_context, site_url, tmp_path
):
    import datetime

    from forms.text import format_date

    today = format_date(datetime.date.today().isoformat(), "en")
    page = fresh_context.new_page()
    open_form(page, site_url + "en/" + FORM)
    assert file_status(page).startswith(ui("file_never", "en"))
    choose_keep(page, "device")
    page.locator("#f-child_name").fill("Emma")
    with page.expect_download() as download:
        page.locator("[data-action=save_file]").click()
    saved = tmp_path / "draft.json"
    download.value.save_as(saved)
    saved_line = ui("file_saved_on", "en", date=today)
    wait_for_file_status(page, saved_line, "startsWith")
    assert ui("file_up_to_date", "en") in file_status(page)

    page.locator("#f-child_name").fill("Emma Sofie")
    wait_for_file_status(page, ui("file_changed_since", "en"), "includes")
    # Kept on the device with the draft: the same line after a reload, and in another form.
    page.reload()
    assert wait_for_python(page) == "ready"
    assert file_status(page).startswith(saved_line + " " + ui("file_changed_since", "en"))
    open_form(page, site_url + "en/skemaer/hvem-skal-med/")
    assert file_status(page).startswith(saved_line)

    # Deleting everything: no file saved from what is here now.
    page.locator("[data-action=delete_all]").click()
    page.locator("[data-action=delete_confirmed]").click()
    wait_for_file_status(page, ui("file_never", "en"), "startsWith")

    # Opening the file: the draft is the file's, saved on the file's day.
    page.locator("[data-file-input]").set_input_files(str(saved))
    page.locator("[data-action=offer_accepted]").click()
    wait_for_file_status(page, saved_line, "startsWith")
    assert ui("file_up_to_date", "en") in file_status(page)
    go_to_step(page, "check")
    assert ui("file_save_now", "en") not in file_status(page)
