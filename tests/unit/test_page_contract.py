"""The page and Python agree on their messages: every button Python draws has a handler on the
page or in Python, every message the page sends is one Python reads, and neither side keeps a
handler that nothing can reach (a renamed action would otherwise leave a button that does
nothing, with no error anywhere)."""

import re
from pathlib import Path

from forms.events import _BY_TYPE

ROOT = Path(__file__).resolve().parents[2]
PAGE_SCRIPT = ROOT / "overrides" / "assets" / "forms" / "form-page.js"


def actions_python_draws() -> set[str]:
    """The `data-action` of every button forms/ renders (as an attribute or a keyword)."""
    pattern = re.compile(r"""data[-_]action=(?:\\?["'])(\w+)""")
    return {
        action
        for path in (ROOT / "forms").rglob("*.py")
        for action in pattern.findall(path.read_text(encoding="utf-8"))
    }


def page_script() -> str:
    return PAGE_SCRIPT.read_text(encoding="utf-8")


def actions_the_page_handles() -> set[str]:
    """The keys of the page's own `actions` table (work done in the browser: print, files…)."""
    table = re.search(r"^const actions = \{\n(.*?)^\};", page_script(), re.S | re.M)
    assert table, "the page script's actions table was not found"
    return set(re.findall(r"^  (\w+):", table.group(1), re.M))


def messages_the_page_sends() -> set[str]:
    return set(re.findall(r"""(?:send|post)\(\{\s*type: "(\w+)\"""", page_script()))


def test_the_scan_finds_what_it_looks_for():
    # Guards the guards: were a pattern to stop matching, the checks below would pass on nothing.
    assert {"print", "item_added", "offer_accepted"} <= actions_python_draws()
    assert {"print", "save_file", "delete_all"} <= actions_the_page_handles()
    assert {"field_changed", "draft_stored"} <= messages_the_page_sends()


def test_every_button_python_draws_is_handled_by_the_page_or_by_python():
    handled = actions_the_page_handles() | set(_BY_TYPE)
    assert actions_python_draws() - handled == set()


def test_every_message_the_page_sends_is_one_python_reads():
    assert messages_the_page_sends() - set(_BY_TYPE) == set()


def test_no_handler_on_either_side_is_left_without_a_button_or_a_message():
    assert actions_the_page_handles() - actions_python_draws() == set()
    reached = actions_python_draws() | messages_the_page_sends()
    assert set(_BY_TYPE) - reached == set()


def keys_the_page_reads() -> set[str]:
    return set(re.findall(r"\bview\.(\w+)", page_script()))


def keys_python_can_give() -> set[str]:
    """Every key a view can give the page: the fields of forms.view.View, the one shape every
    view has (the parts only some views carry among them)."""
    from forms.view import View

    return View.keys()


def test_the_page_reads_only_what_a_view_holds_and_every_part_of_it():
    from forms.app import start

    assert keys_the_page_reads() - keys_python_can_give() == set()
    assert keys_python_can_give() - keys_the_page_reads() == set()
    # And the JSON the page receives holds those keys, no other.
    _, first = start("questions", "en", "2026-12-07", None, None, None, None)
    sent = set(first.to_dict())
    assert sent <= keys_python_can_give()
    assert keys_python_can_give() - sent == {"stored_unreadable", "welcome"}
