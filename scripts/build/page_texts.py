"""The texts the templates show on every page (leaving the site quickly, reading aloud, the
notice of an update), in the page's language."""

from forms.text import ui

SITE_TEXTS = (
    "exit_button",
    "exit_hint",
    "exit_hint_touch",
    "exit_url",
    "menu_button",
    "search_button",
    "exit_keeps",
    "exit_deletes",
    "read_aloud",
    "read_aloud_stop",
    "site_updated",
    "not_found_title",
    "not_found_text",
    "not_found_link",
    "own_window_link",
)


def page_texts(language: str) -> dict[str, str]:
    return {key: ui(key, language) for key in SITE_TEXTS}
