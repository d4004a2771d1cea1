"""Reading aloud on the children's pages: only with a voice on the device, never otherwise."""

import json

import pytest
from pagecheck import open_form

from forms.text import ui


def fake_speech(voices: list[dict]) -> str:
    """The browser's speech, replaced: it records what it was asked to say, and with which
    voice (headless Chromium has no voices of its own)."""
    return f"""
    window.__spoken = [];
    const voices = {json.dumps(voices)};
    Object.defineProperty(window, 'speechSynthesis', {{value: {{
      getVoices: () => voices,
      speak: (utterance) => window.__spoken.push(
        {{text: utterance.text, voice: utterance.voice.name}}),
      cancel() {{}},
      addEventListener() {{}},
    }}}});
    window.SpeechSynthesisUtterance = class {{
      constructor(text) {{ this.text = text; }}
      addEventListener() {{}}
    }};
    """


ON_DEVICE = {"name": "Sara", "lang": "da-DK", "localService": True, "default": True}
REMOTE = {"name": "Cloud Dansk", "lang": "da-DK", "localService": False, "default": False}


def test_the_childrens_page_is_read_aloud_with_a_voice_on_the_device(page, site_url, guarded):
    page.add_init_script(fake_speech([REMOTE, ON_DEVICE]))
    page.goto(site_url + "for-boern-og-unge/")
    button = page.locator("[data-read-aloud]")
    assert button.is_visible()
    assert button.inner_text() == ui("read_aloud", "da")
    button.focus()
    page.keyboard.press("Enter")
    spoken = page.evaluate("window.__spoken")
    assert [said["voice"] for said in spoken] == ["Sara"]
    assert "Hvad er en familierådslagning?" in spoken[0]["text"]
    assert button.inner_text() == ui("read_aloud_stop", "da")
    guarded.assert_clean()


def test_my_wishes_reads_the_step_the_child_is_on(page, site_url):
    page.add_init_script(fake_speech([ON_DEVICE]))
    open_form(page, site_url + "skemaer/mine-oensker/")
    page.locator("#f-child_name").fill("Noah")
    page.locator("[data-read-aloud]").click()
    text = page.evaluate("window.__spoken")[0]["text"]
    assert "Noah" in text
    assert "Huset med det gode" not in text  # the next step is not read yet


@pytest.mark.parametrize("voices", [[], [REMOTE]], ids=["no voice", "only a remote voice"])
def test_without_a_voice_on_the_device_there_is_no_button(page, site_url, voices):
    page.add_init_script(fake_speech(voices))
    page.goto(site_url + "for-boern-og-unge/")
    assert page.locator("[data-read-aloud]").is_hidden()
