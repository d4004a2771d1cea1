"""Every form from the top of its page to the printout with the keyboard alone: Tab, Enter,
arrows and typing, nothing clicked and nothing focused by the test. Each control that takes the
focus shows it, a missing answer puts the focus on the error summary, and what was typed is on
the paper."""

import pytest
from pagecheck import current_step, open_form, wait_until
from support import form_pages

from forms.schema import CHECK_STEP, form_ids, load
from forms.text import ui

PAGES = form_pages()
# Enough for the header, the site navigation and every control of the longest step.
MAX_TABS = 120

FOCUSED = """() => {
  const e = document.activeElement;
  // A visually hidden option (Material's colour toggle) shows the focus on its label.
  const shows = e.matches("input.md-option") ? e.nextElementSibling : e;
  const style = getComputedStyle(shows);
  const outline = style.outlineStyle === "auto" || (
    style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2);
  return {
    id: e.id,
    tag: e.tagName,
    type: e.getAttribute("type"),
    action: e.dataset.action ?? null,
    value: "value" in e ? e.value : null,
    inStep: e.closest("section.fgc-step:not([hidden])") !== null,
    interactive: e.matches("a[href], button, input, select, textarea"),
    // Tab also stops on a date or time field's picker button, which the browser rings itself.
    calendarButton: (e.type === "date" || e.type === "time") && !e.matches(":focus"),
    shown: outline || style.boxShadow !== "none",
  };
}"""


def focused(page) -> dict:
    return page.evaluate(FOCUSED)


def tab(page, backwards=False) -> dict:
    page.keyboard.press("Shift+Tab" if backwards else "Tab")
    now = focused(page)
    if now["interactive"] and not now["calendarButton"]:
        assert now["shown"], f"no visible focus on {now}"
    return now


def step_needs_an_answer(form, step_id) -> bool:
    step = next(step for step in form.steps if step.id == step_id)
    for name in step.items:
        if any(field.name == name and field.required for field in form.fields):
            return True
        for list_def in form.lists:
            # A list of one field (a question) is complete once that one is answered.
            if list_def.name == name and (len(list_def.fields) > 1 or list_def.lists):
                nested = [field for sub in list_def.lists for field in sub.fields]
                if any(field.required for field in (*list_def.fields, *nested)):
                    return True
    return False


def answer(page, control, typed) -> None:
    """Fills the focused, empty control the way a keyboard user would."""
    if control["tag"] == "SELECT":
        page.keyboard.press("ArrowDown")
    elif control["type"] == "date":
        page.keyboard.type("03152027")  # Chromium's en-US order: month, day, year
    elif control["type"] == "time":
        page.keyboard.type("0530P")  # Chromium's en-US order: hour, minute, AM or PM
    else:
        text = f"Svar {len(typed) + 1:02d}"  # never the start of another answer
        page.keyboard.type(text)
        typed.append((control["id"], text))
    assert focused(page)["value"], f"nothing was filled in {control}"


def continue_from(page) -> None:
    before = current_step(page)
    page.keyboard.press("Enter")
    wait_until(
        page,
        f"document.querySelector('form.fgc-form').dataset.step !== {before!r}"
        " || document.activeElement.id === 'fgc-error-summary'",
    )


def fill_step_until_continue(page, typed) -> None:
    """Tabs through the step shown, fills every empty field, and stops on Continue."""
    control = focused(page)
    for _ in range(MAX_TABS):
        if control["action"] == "step_continued":
            return
        is_field = control["inStep"] and control["tag"] in ("INPUT", "TEXTAREA", "SELECT")
        if is_field and not control["value"]:
            answer(page, control, typed)
        control = tab(page)
    raise AssertionError("never reached Continue")


def is_text_field(control) -> bool:
    return (
        control["inStep"]
        and control["tag"] in ("INPUT", "TEXTAREA")
        and control["type"]
        in (
            None,
            "text",
        )
    )


def tab_to(page, wanted, backwards=False) -> dict:
    passed = []
    for _ in range(MAX_TABS):
        control = tab(page, backwards)
        if wanted(control):
            return control
        passed.append(control["id"] or control["tag"])
    raise AssertionError(f"never reached the control; passed {passed}")


@pytest.mark.parametrize("form_id", form_ids())
def test_every_form_is_filled_and_printed_by_keyboard_alone(page, site_url, guarded, form_id):
    form = load(form_id)
    open_form(page, site_url + PAGES[form_id])
    typed = []

    # From the top of the page to the first field.
    tab_to(page, lambda control: control["inStep"] and control["tag"] != "BUTTON")
    for step in form.steps:
        assert current_step(page) == step.id
        if step_needs_an_answer(form, step.id):
            # Answer only the step's last text and continue: the item begun lacks its required
            # answers, so the error summary takes the focus and leads to the first of them.
            tab_to(page, lambda control: control["action"] == "step_continued")
            last = tab_to(page, is_text_field, backwards=True)
            answer(page, last, typed)
            tab_to(page, lambda control: control["action"] == "step_continued")
            continue_from(page)
            assert focused(page)["id"] == "fgc-error-summary"
            assert page.title().startswith(ui("error_title_prefix", "da"))
            link = tab(page)
            assert link["tag"] == "A"
            page.keyboard.press("Enter")
            wait_until(page, "document.activeElement.closest('section.fgc-step') !== null")
        elif not focused(page)["inStep"] or focused(page)["tag"] == "H2":
            tab(page)
        fill_step_until_continue(page, typed)
        continue_from(page)
        assert focused(page)["id"] != "fgc-error-summary", page.locator("body").inner_text()
    assert current_step(page) == CHECK_STEP
    assert not page.title().startswith(ui("error_title_prefix", "da"))

    # Print, by keyboard, from the check step; the paper holds every answer typed.
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    tab_to(page, lambda control: control["action"] == "print")
    page.keyboard.press("Enter")
    wait_until(page, "window.printed === 1")
    paper = page.locator("[data-document]").inner_text()
    private = {f"f-{field.name}" for field in form.fields if not field.printed}
    assert typed, "nothing was typed"
    for element_id, text in typed:
        assert (text in paper) == (element_id not in private), (element_id, text)
    guarded.assert_clean()
