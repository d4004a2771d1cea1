"""What a screen reader is told while the family types: the error summary once, when it appears
or changes, never again on every key."""

import pytest
from pagecheck import go_to_step, open_form, wait_until
from support import example_draft

COUNT_ALERTS = """() => {
  window.alertsAdded = 0;
  new MutationObserver((changes) => {
    for (const change of changes) for (const node of change.addedNodes) {
      const alert = node.nodeType === 1
        && (node.matches('[role=alert]') || node.querySelector('[role=alert]'));
      if (alert) {
        window.alertsAdded += 1;
      }
    }
  }).observe(document.querySelector('form.fgc-form'), {childList: true, subtree: true});
}"""


@pytest.mark.parametrize(("start", "name"), [("", "Karen"), ("en/", "Karen")])
def test_the_error_summary_is_not_announced_again_on_every_key(page, site_url, start, name):
    open_form(page, site_url + start + "skemaer/hvem-skal-med/")
    go_to_step(page, "people")
    step = page.locator("section.fgc-step:not([hidden])")
    step.locator("input[type=text][data-field]").first.fill(name)
    step.locator("[data-action=step_continued]").click()
    wait_until(page, "document.querySelector('.fgc-error-summary[role=alert]') !== null")
    page.evaluate(COUNT_ALERTS)
    step.locator("input[type=text][data-field]").first.focus()
    page.keyboard.press("End")
    page.keyboard.type(" Hansen", delay=30)
    # Every key has reached Python once the paper shows the whole name.
    wait_until(
        page, f"document.querySelector('[data-document]').textContent.includes('{name} Hansen')"
    )
    assert page.locator(".fgc-error-summary[role=alert]").count() == 1
    assert page.evaluate("window.alertsAdded") == 0


@pytest.mark.parametrize(
    ("start", "said"),
    [
        ("", "Du har brugt alle 500 tegn, der er plads til her."),
        ("en/", "You have used all 500 characters there is room for here."),
    ],
)
def test_typing_past_a_limit_is_said_in_the_status_line(page, site_url, start, said):
    open_form(page, site_url + start + "skemaer/vores-spoergsmaal/")
    go_to_step(page, "questions")
    field = page.locator("#f-questions-q1-text")
    field.fill("x" * 498)
    field.press("End")
    page.keyboard.type("abcd", delay=30)
    assert len(field.input_value()) == 500
    wait_until(page, f"document.querySelector('.fgc-status').textContent.includes({said!r})")


@pytest.mark.parametrize("answer", ["offer_accepted", "offer_declined"])
def test_answering_the_offer_to_open_a_file_leaves_the_focus_on_what_happened(
    page, site_url, answer, tmp_path
):
    open_form(page, site_url + "skemaer/vores-spoergsmaal/")
    file = tmp_path / "kladde.json"
    file.write_text(example_draft())
    page.locator("[data-file-input]").set_input_files(str(file))
    wait_until(page, "document.activeElement?.id === 'fgc-offer-intro'")
    page.locator(f"[data-action={answer}]").focus()
    page.keyboard.press("Enter")
    wait_until(page, "document.activeElement?.id === 'fgc-draft-notice'")
    # The message says what happened; one Shift+Tab back are the draft box's own buttons.
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.dataset.action") == "delete_all"
