"""A device whose storage is nearly full: choosing to keep says one true thing (nothing could be
kept), and the answers then behave as not kept: they go along to the site's next page."""

from pagecheck import (
    KEEP_KEY,
    choose_keep,
    go_to_step,
    open_form,
    stored,
    wait_for_python,
    wait_until,
)

from forms.text import ui

PAPER = "document.querySelector('[data-document]').textContent"
# Fills this site's storage to within `room` characters of what the browser allows, under a key
# that is not the site's own.
FILL = """(room) => {
  localStorage.removeItem('filler');
  let low = 0, high = 20 * 1024 * 1024;
  while (low < high) {
    const size = Math.ceil((low + high) / 2);
    try {
      localStorage.setItem('filler', 'x'.repeat(size));
      low = size;
    } catch {
      high = size - 1;
    }
  }
  localStorage.setItem('filler', 'x'.repeat(Math.max(0, low - room)));
  return low;
}"""


def test_keeping_on_a_full_device_says_one_true_thing_and_loses_nothing(page, site_url):
    open_form(page, site_url + "skemaer/vores-spoergsmaal/")
    go_to_step(page, "questions")
    page.locator("#f-questions-q1-text").fill("Hvordan kommer Emma til fodbold om tirsdagen?")
    wait_until(page, f"{PAPER}.includes('Hvordan kommer Emma til fodbold om tirsdagen?')")
    assert page.evaluate(FILL, 100) > 1_000_000
    choose_keep(page, "device")
    keep_notice = page.locator("[data-keep] [data-keep-notice]")
    wait_until(page, "document.querySelector('[data-keep-notice]').textContent.length > 0")
    assert ui("storage_full", "da") in keep_notice.inner_text()
    assert ui("keep_on", "da") not in page.locator("form.fgc-form").inner_text()
    assert page.evaluate(f"{stored(KEEP_KEY)}") is None
    # Not kept, so carried along: to the next form by the site's own link, and back.
    page.locator("a[href$='hvem-skal-med/']").first.click()
    page.wait_for_url("**/hvem-skal-med/")
    assert wait_for_python(page) == "ready"
    page.locator("a[href$='vores-spoergsmaal/']").first.click()
    page.wait_for_url("**/vores-spoergsmaal/")
    assert wait_for_python(page) == "ready"
    wait_until(page, f"{PAPER}.includes('Hvordan kommer Emma til fodbold om tirsdagen?')")
