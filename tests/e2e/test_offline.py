"""After one visit the whole site works offline, forms and printing included; and it can be
installed on a phone."""

import json

from pagecheck import go_to_step, keep_on_this_device, open_form, pdf_text, wait_until

ACTIVE = """async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  return Boolean(registration && registration.active && registration.active.state === 'activated');
}"""
KEPT = """async () => {
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    const files = (await cache.keys()).map((request) => request.url);
    if (files.some((url) => url.endsWith('/pyodide.asm.wasm'))) return true;
  }
  return false;
}"""


def wait_until_kept_offline(page):
    """The worker registers once the family has chosen to keep, keeps every file, then takes
    over; a page loaded before that is not yet served by it, so it is loaded once more."""
    wait_until(page, ACTIVE, timeout_s=120)
    wait_until(page, KEPT, timeout_s=120)
    page.reload()
    wait_until(page, "() => Boolean(navigator.serviceWorker.controller)", timeout_s=120)


def test_after_one_visit_a_form_works_and_prints_offline(browser, site_url, tmp_path):
    context = browser.new_context(service_workers="allow")
    page = context.new_page()
    keep_on_this_device(page, site_url + "skemaer/vores-spoergsmaal/")
    page.goto(site_url + "hvad-er-det/")
    wait_until_kept_offline(page)

    context.set_offline(True)
    open_form(page, site_url + "en/skemaer/vores-spoergsmaal/")
    go_to_step(page, "questions")
    page.locator("#f-questions-q1-text").fill("How does Noah get to school when offline?")
    go_to_step(page, "check")
    assert "How does Noah get to school when offline?" in pdf_text(page, tmp_path / "offline.pdf")
    page.goto(site_url + "dine-rettigheder/")
    assert "Barnets Lov" in page.locator("article").inner_text()
    context.close()


def test_the_site_can_be_installed_with_its_own_icons(page, site_url):
    for prefix, language in (("", "da"), ("en/", "en")):
        page.goto(site_url + prefix)
        href = page.get_attribute("link[rel=manifest]", "href")
        response = page.request.get(page.url + href if not href.startswith("http") else href)
        manifest = json.loads(response.text())
        assert manifest["lang"] == language
        assert manifest["display"] == "standalone"
        for icon in manifest["icons"]:
            icon_url = response.url.rsplit("/", 1)[0] + "/" + icon["src"]
            assert page.request.get(icon_url).headers["content-type"] == "image/png"
